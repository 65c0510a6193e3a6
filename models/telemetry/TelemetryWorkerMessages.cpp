// TelemetryWorker, by responsibility: here, what the server says and what the
// worker does with it (the Welcome that ends the handshake, refusals,
// snapshots, broadcasts checked in sequence, pongs, command results) and the
// pings it sends while live. The connection's life (TLS, time-outs, failures,
// backoff, batch pacing) is in TelemetryWorker.cpp.
#include "models/telemetry/TelemetryWorker.h"

#include "domain/MonotonicClock.h"
#include "models/telemetry/TelemetryLog.h"

#include <QTimer>

#include <utility>

namespace sitroom::models {

using Body = sitroom::v1::Envelope::BodyCase;

void TelemetryWorker::handle(sitroom::v1::Envelope &envelope)
{
    m_pending.noteMessage(envelope, domain::monotonicNowMs());
    if (m_state == LinkState::Live && m_silenceTimer->interval() > 0)
        m_silenceTimer->start();

    switch (envelope.body_case()) {
    case Body::kWelcome:
        if (m_state == LinkState::Live) {
            fail(LinkFailure::ProtocolError, QStringLiteral("protocol error: a second Welcome"));
            return;
        }
        goLive(envelope);
        return;
    case Body::kRefusal: {
        const sitroom::v1::Refusal &refusal = envelope.refusal();
        LinkEvent event;
        event.state = LinkState::Refused;
        event.detail = QString::fromStdString(refusal.reason());
        if (event.detail.isEmpty())
            event.detail = QStringLiteral("refused by the server");
        event.refusal = refusal.code();
        event.retryAfterS = int(refusal.retry_after_s());
        event.lockedEverywhere = refusal.lockout() == sitroom::v1::Refusal::LOCKOUT_ALL_ADDRESSES;
        giveUpAttempt(std::move(event));
        return;
    }
    default:
        break;
    }

    if (m_state != LinkState::Live) {
        fail(LinkFailure::ProtocolError, QStringLiteral("protocol error: message %1 before Welcome")
                                             .arg(int(envelope.body_case())));
        return;
    }

    switch (envelope.body_case()) {
    case Body::kSnapshot: {
        const bool afterGap = m_sequence.onSnapshot(envelope.seq());
        m_pending.setSnapshot(envelope.snapshot(), afterGap);
        m_awaitingSnapshot = false;   // the Welcome's batch may go now
        qCDebug(lcNet) << "snapshot at seq" << envelope.seq() << (afterGap ? "after a gap" : "");
        return;
    }
    case Body::kPong: {
        m_sequence.onUnicast(envelope.seq());
        const sitroom::v1::Pong &pong = envelope.pong();
        if (pong.nonce() == 0 || pong.nonce() > m_pingNonce)
            return;  // not one of ours
        const qint64 rtt = m_clock.elapsed() - pong.client_time_ms();
        if (rtt >= 0)
            m_pending.setRoundTrip(int(rtt));
        return;
    }
    case Body::kCommandResult:
        m_sequence.onUnicast(envelope.seq());
        handleCommandResult(envelope.command_result());
        return;
    case Body::kAuditResponse:
        m_sequence.onUnicast(envelope.seq());
        m_pending.addAuditResponse(envelope.audit_response());
        return;
    case Body::kTick:
    case Body::kHeartbeat:
    case Body::kControlEvent:
    case Body::kAlertEvent:
    case Body::kAuditEvent:
    case Body::kCommandProgress:
        handleBroadcast(envelope);
        return;
    default:
        // Client-only bodies or an empty envelope: nothing for the console.
        qCDebug(lcNet) << "ignoring message" << int(envelope.body_case());
        return;
    }
}

void TelemetryWorker::handleBroadcast(sitroom::v1::Envelope &envelope)
{
    // Whatever its place in the sequence, it says how the gateway is now.
    if (envelope.has_service_level())
        noteServiceLevel(envelope.service_level());
    if (m_attemptOver)
        return;   // it sent this worker to another gateway
    // And for the console: whether this gateway can decide a command now.
    if (envelope.has_service_level()) {
        const bool fresh = envelope.body_case() == Body::kTick
            || (envelope.body_case() == Body::kHeartbeat && envelope.heartbeat().source_idle());
        m_pending.noteServiceLevel(ServiceLevelNews{envelope.service_level(), fresh});
    }
    switch (m_sequence.onBroadcast(envelope.seq())) {
    case SequenceVerdict::Accept:
        break;
    case SequenceVerdict::Gap: {
        qCWarning(lcNet) << "sequence gap: expected" << m_sequence.lastSeen() + 1 << "got" << envelope.seq()
                         << "- asking for a snapshot";
        m_pending.countGap();
        sitroom::v1::Envelope request;
        request.mutable_snapshot_request()->set_last_seen_seq(m_sequence.lastSeen());
        send(std::move(request));
        return;
    }
    case SequenceVerdict::Duplicate:
    case SequenceVerdict::AwaitingSnapshot:
        return;
    }

    switch (envelope.body_case()) {
    case Body::kTick:
        m_pending.addTick(std::move(*envelope.mutable_tick()));
        break;
    case Body::kHeartbeat:
        m_pending.addHeartbeat(envelope.heartbeat());
        break;
    default:
        m_pending.addEvent(envelope);
        break;
    }
}

void TelemetryWorker::goLive(const sitroom::v1::Envelope &envelope)
{
    const sitroom::v1::Welcome &welcome = envelope.welcome();
    m_handshakeTimer->stop();
    m_sequence.onUnicast(envelope.seq());
    m_pending.setWelcome(welcome);
    m_backoff.reset();
    // Held until the Snapshot that follows: live and its picture together.
    m_awaitingSnapshot = true;
    m_welcomeAtMs = m_clock.elapsed();
    // A gateway that does not say its level is taken as healthy.
    const quint32 level = welcome.has_service_level() ? welcome.service_level() : 255u;
    m_choice.wentLive(level);
    report(LinkState::Live, QStringLiteral("server %1 (%2), session %3, service level %4")
                                .arg(QString::fromStdString(welcome.server_id()), currentServer().text(),
                                     QString::fromStdString(welcome.session_id()))
                                .arg(level));
    m_switching = false;
    m_attempt = 0;
    const int silence = std::max(0, liveSilenceMs(welcome));
    m_silenceTimer->setInterval(silence);
    if (silence > 0)
        m_silenceTimer->start();
    if (m_settings.pingIntervalMs > 0) {
        sendPing();
        m_pingTimer->start(m_settings.pingIntervalMs);
    }
    resendInFlight();
    if (m_choice.wantsBetter()) {
        qCWarning(lcNet).noquote() << currentServer().text() << "serves at level" << level
                                   << "- looking for a healthier gateway";
        noteServiceLevel(level);
    }
}

void TelemetryWorker::sendPing()
{
    if (m_state != LinkState::Live)
        return;
    sitroom::v1::Envelope envelope;
    envelope.mutable_ping()->set_nonce(++m_pingNonce);
    envelope.mutable_ping()->set_client_time_ms(m_clock.elapsed());
    send(std::move(envelope));
}

} // namespace sitroom::models
