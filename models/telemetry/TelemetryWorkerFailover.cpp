// TelemetryWorker, by responsibility: here, which gateway it uses when it is
// given several (ConnectionSettings::otherServers), and when it moves: the
// next one at once when an attempt fails or a live link dies, a healthier one
// when its own service level falls below the threshold (found by probing the
// others), and the commands a dead link left unanswered, sent again.
#include "models/telemetry/TelemetryWorker.h"

#include "models/telemetry/GatewayProbe.h"
#include "models/telemetry/TelemetryLog.h"

#include <QSslCertificate>
#include <QTimer>

#include <algorithm>

namespace sitroom::models {

transport::HostPort TelemetryWorker::currentServer() const
{
    return m_servers.value(m_choice.current(), transport::HostPort{m_settings.host, m_settings.port});
}

int TelemetryWorker::chooseAfterFailure(bool wasLive)
{
    if (!canFailOver())
        return -1;
    if (wasLive) {
        // The gateway in use is gone: the next one, at once.
        m_choice.linkLost();
        m_switching = true;
        return 0;
    }
    if (m_choice.attemptFailed()) {
        // Every one failed in a row: the backoff, then the first one again.
        m_switching = false;
        return -1;
    }
    return 0;
}

int TelemetryWorker::liveSilenceMs(const sitroom::v1::Welcome &welcome) const
{
    if (!canFailOver() || m_settings.failoverSilenceHeartbeats <= 0)
        return m_settings.silenceTimeoutMs;
    // With somewhere else to go, a few missed heartbeats are enough.
    const int heartbeat = welcome.heartbeat_interval_ms() > 0 ? int(welcome.heartbeat_interval_ms()) : 1000;
    const int silence = m_settings.failoverSilenceHeartbeats * heartbeat;
    return m_settings.silenceTimeoutMs > 0 ? std::min(silence, m_settings.silenceTimeoutMs) : silence;
}

void TelemetryWorker::noteServiceLevel(quint32 level)
{
    if (m_state != LinkState::Live || !canFailOver())
        return;
    const bool wasHealthy = m_choice.isHealthy();
    m_choice.levelChanged(level);
    if (m_choice.isHealthy()) {
        if (!wasHealthy)
            qCInfo(lcNet).noquote() << currentServer().text() << "is healthy again at level" << level;
        stopProbing();
        return;
    }
    if (wasHealthy)
        qCWarning(lcNet).noquote() << currentServer().text() << "fell to service level" << level
                                   << "- looking for a healthier gateway";
    if (m_choice.probing() || m_probeTimer->isActive())
        return;
    m_choice.beginProbeRound();
    probeNext();
}

void TelemetryWorker::probeNext()
{
    const std::optional<int> next = m_choice.nextProbe();
    if (!next) {
        const std::optional<int> best = m_choice.bestOfRound();
        m_choice.endProbeRound();
        if (best) {
            moveTo(*best);
            return;
        }
        // Nobody better: stay, and look again later while this one stays below.
        qCInfo(lcNet).noquote() << "no healthier gateway than" << currentServer().text() << "- staying";
        m_probeTimer->start(std::max(1, m_settings.probeIntervalMs));
        return;
    }
    const int index = *next;
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem);
    m_probe->start(m_servers.at(index), clientTls(ca), m_settings.protocolVersion, m_settings.clientName,
                   m_settings.probeTimeoutMs, [this, index](std::optional<quint32> level) { onProbed(index, level); });
}

void TelemetryWorker::onProbed(int index, std::optional<quint32> level)
{
    if (m_state != LinkState::Live || !m_choice.probing())
        return;
    qCDebug(lcNet).noquote() << "probe of" << m_servers.at(index).text() << ":"
                             << (level ? QString::number(*level) : QStringLiteral("no answer"));
    if (const std::optional<int> target = m_choice.probed(index, level)) {
        moveTo(*target);
        return;
    }
    probeNext();
}

void TelemetryWorker::moveTo(int index)
{
    const QString from = currentServer().text();
    const quint32 level = m_choice.currentLevel().value_or(0);
    stopProbing();
    m_choice.moveTo(index);
    m_switching = true;
    qCWarning(lcNet).noquote() << "moving from" << from << "(service level" << level << ") to"
                               << currentServer().text();
    // The old link ends here, not as a failure: nothing is retried on it.
    m_attemptOver = true;
    m_awaitingSnapshot = false;
    m_handshakeTimer->stop();
    m_pingTimer->stop();
    m_silenceTimer->stop();
    dropSocket();
    // Not live from here on: the picture is stale until the new gateway's
    // snapshot, and commands wait for the new link.
    report(LinkState::Connecting);
    // Never from inside the old socket's decode loop: connectNow() replaces the decoder.
    m_reconnectTimer->start(0);
}

void TelemetryWorker::stopProbing()
{
    if (m_probe)
        m_probe->cancel();
    if (m_probeTimer)
        m_probeTimer->stop();
    m_choice.endProbeRound();
}

void TelemetryWorker::resendInFlight()
{
    std::vector<sitroom::v1::Command> givenUp;
    const std::vector<sitroom::v1::Command> again =
        m_inFlight.toResend(m_clock.elapsed(), m_settings.resendWindowMs, &givenUp);
    for (const sitroom::v1::Command &command : givenUp)
        qCWarning(lcNet) << "command" << QString::fromStdString(command.command_id())
                         << "got no answer before its link died, too long ago to send again";
    for (const sitroom::v1::Command &command : again) {
        qCInfo(lcNet) << "resending command" << QString::fromStdString(command.command_id())
                      << "(in flight when the link died)";
        sendCommandNow(command);
    }
}

void TelemetryWorker::handleCommandResult(const sitroom::v1::CommandResult &result)
{
    // Resent across a move, a command may be answered by both gateways: the
    // first answer is the one (the pipeline gives a repeat its first result).
    if (!m_inFlight.answered(result.command_id())) {
        qCInfo(lcNet) << "dropping a repeated result for" << QString::fromStdString(result.command_id());
        return;
    }
    m_pending.addCommandResult(result);
}

} // namespace sitroom::models
