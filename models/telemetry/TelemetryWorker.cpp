// TelemetryWorker, by responsibility: here, the connection's life (start and
// stop, TLS, the handshake's and the silence's time-outs, failures and the
// reconnect backoff, commands out, batches paced to the GUI). What the server
// says, and what the worker does with it, is in TelemetryWorkerMessages.cpp.
#include "models/telemetry/TelemetryWorker.h"

#include "models/telemetry/GatewayProbe.h"
#include "models/telemetry/NotSent.h"
#include "models/telemetry/TelemetryLog.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QStringList>
#include <QTimer>

#include <utility>

namespace sitroom::models {

namespace {

QString linkStateName(LinkState state)
{
    switch (state) {
    case LinkState::Connecting: return QStringLiteral("connecting");
    case LinkState::Handshaking: return QStringLiteral("handshaking");
    case LinkState::Live: return QStringLiteral("live");
    case LinkState::Refused: return QStringLiteral("refused");
    case LinkState::Failed: return QStringLiteral("failed");
    case LinkState::Stopped: return QStringLiteral("stopped");
    }
    return {};
}

QTimer *makeTimer(QObject *parent, bool singleShot)
{
    auto *timer = new QTimer(parent);
    timer->setSingleShot(singleShot);
    timer->setTimerType(Qt::PreciseTimer);
    return timer;
}

} // namespace

TelemetryWorker::TelemetryWorker(ConnectionSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_servers(m_settings.servers())
    , m_choice(int(m_servers.size()), m_settings.healthyServiceLevel)
    , m_backoff(m_settings.backoff)
{
}

TelemetryWorker::~TelemetryWorker()
{
    // Deleted in its own thread (deleteLater on QThread::finished), so the
    // socket is closed where it lives.
    dropSocket();
}

void TelemetryWorker::start()
{
    if (m_started || m_stopped)
        return;
    m_started = true;
    m_clock.start();
    m_reconnectTimer = makeTimer(this, true);
    m_handshakeTimer = makeTimer(this, true);
    m_pingTimer = makeTimer(this, false);
    m_silenceTimer = makeTimer(this, true);
    m_emitTimer = makeTimer(this, true);
    m_probeTimer = makeTimer(this, true);
    m_probe = new GatewayProbe(this);
    connect(m_probeTimer, &QTimer::timeout, this, [this] {
        if (m_state == LinkState::Live && m_choice.wantsBetter() && !m_choice.probing()) {
            m_choice.beginProbeRound();
            probeNext();
        }
    });
    connect(m_reconnectTimer, &QTimer::timeout, this, &TelemetryWorker::connectNow);
    connect(m_handshakeTimer, &QTimer::timeout, this, &TelemetryWorker::onHandshakeTimeout);
    connect(m_pingTimer, &QTimer::timeout, this, &TelemetryWorker::sendPing);
    connect(m_silenceTimer, &QTimer::timeout, this, &TelemetryWorker::onSilence);
    connect(m_emitTimer, &QTimer::timeout, this, &TelemetryWorker::emitBatch);
    connectNow();
}

void TelemetryWorker::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_attemptOver = true;
    dropSocket();
    if (m_reconnectTimer)
        m_reconnectTimer->stop();
    for (QTimer *timer : {m_handshakeTimer, m_pingTimer, m_silenceTimer, m_emitTimer}) {
        if (timer)
            timer->stop();
    }
    stopProbing();
    m_awaitingSnapshot = false;
    m_state = LinkState::Stopped;
    LinkEvent event;
    event.state = LinkState::Stopped;
    event.attempt = m_attempt;
    m_pending.addLinkEvent(std::move(event));
    qCInfo(lcNet) << "stopped";
    // The last word goes out at once, whatever the pace.
    emitBatch();
}

void TelemetryWorker::sendCommand(const sitroom::v1::Command &command)
{
    if (m_state != LinkState::Live) {
        // Not sent: say so as a result, so the console never waits for one.
        m_pending.addCommandResult(notSentResult(command.command_id()));
        scheduleEmit();
        return;
    }
    m_inFlight.sent(command, m_clock.elapsed());
    sendCommandNow(command);
}

void TelemetryWorker::sendCommandNow(const sitroom::v1::Command &command)
{
    sitroom::v1::Envelope envelope;
    *envelope.mutable_command() = command;
    qCInfo(lcNet) << "sending command" << QString::fromStdString(command.command_id()) << "to" << currentServer().text();
    send(std::move(envelope));
}

void TelemetryWorker::requestAudit(const sitroom::v1::AuditRequest &request)
{
    if (m_state != LinkState::Live)
        return;
    sitroom::v1::Envelope envelope;
    *envelope.mutable_audit_request() = request;
    send(std::move(envelope));
}

void TelemetryWorker::connectNow()
{
    if (m_stopped)
        return;
    dropSocket();
    ++m_attempt;
    m_attemptOver = false;
    m_sequence.reset();
    m_decoder.emplace(framing::kDefaultMaxFrameBytes);
    m_awaitingSnapshot = false;
    report(LinkState::Connecting);

    const transport::HostPort server = currentServer();
    const QString host = server.host.trimmed();
    if (host.isEmpty() || server.port == 0) {
        fail(LinkFailure::NoAddress, QStringLiteral("no server address (host \"%1\", port %2)")
                                         .arg(server.host).arg(server.port));
        return;
    }
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem);
    if (ca.isEmpty()) {
        if (m_settings.caFile.isEmpty())
            fail(LinkFailure::NoCaFile, QStringLiteral("no CA certificate file configured"));
        else
            fail(LinkFailure::CaUnreadable, QStringLiteral("cannot read a CA certificate from %1").arg(m_settings.caFile),
                 m_settings.caFile);
        return;
    }

    auto *socket = new QSslSocket(this);
    m_socket = socket;
    socket->setSslConfiguration(clientTls(ca));
    connect(socket, &QSslSocket::encrypted, this, &TelemetryWorker::onEncrypted);
    connect(socket, &QSslSocket::readyRead, this, &TelemetryWorker::onReadyRead);
    connect(socket, &QSslSocket::disconnected, this, &TelemetryWorker::onDisconnected);
    connect(socket, &QSslSocket::errorOccurred, this, &TelemetryWorker::onSocketError);
    connect(socket, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        if (socket != m_socket)
            return;
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        fail(LinkFailure::CertificateUntrusted,
             QStringLiteral("TLS certificate verification failed: %1").arg(texts.join(QStringLiteral("; "))),
             m_settings.caFile);
    });

    m_handshakeTimer->start(m_settings.handshakeTimeoutMs);
    qCInfo(lcNet) << "connecting to" << host << server.port << "attempt" << m_attempt;
    // The peer name is the host as written: for 127.0.0.1 / ::1 the server's
    // certificate carries IP subject alternative names.
    socket->connectToHostEncrypted(host, server.port, host);
}

void TelemetryWorker::onEncrypted()
{
    report(LinkState::Handshaking);
    sitroom::v1::Envelope envelope;
    auto *hello = envelope.mutable_hello();
    hello->set_protocol_version(m_settings.protocolVersion);
    hello->set_user(m_settings.user.toStdString());
    hello->set_password(m_settings.password.toStdString());
    hello->set_site(m_settings.site);
    hello->set_client_name(m_settings.clientName.toStdString());
    hello->set_client_version(m_settings.clientVersion.toStdString());
    send(std::move(envelope));
}

void TelemetryWorker::onReadyRead()
{
    if (!m_socket || !m_decoder)
        return;
    const QByteArray bytes = m_socket->readAll();
    const bool ok = m_decoder->feed(bytes, [this](sitroom::v1::Envelope &envelope) {
        if (!m_attemptOver)
            handle(envelope);
    });
    if (!ok && !m_attemptOver)
        fail(LinkFailure::ProtocolError, QStringLiteral("protocol error: %1").arg(m_decoder->errorString()));
    scheduleEmit();
}

void TelemetryWorker::onDisconnected()
{
    if (m_attemptOver)
        return;
    if (m_state == LinkState::Live)
        fail(LinkFailure::ServerClosed, QStringLiteral("the server closed the connection"));
    else
        fail(LinkFailure::ServerClosedEarly, QStringLiteral("the server closed the connection during the handshake"));
}

void TelemetryWorker::onSocketError()
{
    if (m_attemptOver || !m_socket)
        return;
    // RemoteHostClosed is reported by onDisconnected with a clearer message.
    if (m_socket->error() == QAbstractSocket::RemoteHostClosedError)
        return;
    const transport::HostPort server = currentServer();
    const QString address = QStringLiteral("%1:%2").arg(server.host.trimmed()).arg(server.port);
    switch (m_socket->error()) {
    case QAbstractSocket::ConnectionRefusedError:
        fail(LinkFailure::ConnectionRefused, m_socket->errorString(), address);
        return;
    case QAbstractSocket::HostNotFoundError:
        fail(LinkFailure::HostNotFound, m_socket->errorString(), server.host.trimmed());
        return;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        fail(LinkFailure::TlsFailed, m_socket->errorString(), m_settings.caFile);
        return;
    default:
        fail(LinkFailure::NetworkError, m_socket->errorString(), address);
        return;
    }
}

void TelemetryWorker::onHandshakeTimeout()
{
    if (m_attemptOver || m_state == LinkState::Live)
        return;
    fail(LinkFailure::HandshakeTimeout, QStringLiteral("no Welcome from the server within %1 ms (%2)")
                                            .arg(m_settings.handshakeTimeoutMs)
                                            .arg(linkStateName(m_state)));
}

void TelemetryWorker::onSilence()
{
    if (m_attemptOver || m_state != LinkState::Live)
        return;
    fail(LinkFailure::Silence, QStringLiteral("nothing received from the server for %1 ms")
                                   .arg(m_silenceTimer->interval()));
}

void TelemetryWorker::send(sitroom::v1::Envelope envelope)
{
    if (!m_socket || m_attemptOver)
        return;
    envelope.set_seq(++m_clientSeq);
    m_socket->write(framing::encodeFrame(envelope));
}

void TelemetryWorker::fail(LinkFailure failure, const QString &detail, const QString &subject)
{
    LinkEvent event;
    event.state = LinkState::Failed;
    event.failure = failure;
    event.detail = detail;
    event.subject = subject;
    giveUpAttempt(std::move(event));
}

void TelemetryWorker::giveUpAttempt(LinkEvent event)
{
    if (m_attemptOver)
        return;
    const bool wasLive = m_state == LinkState::Live;
    m_attemptOver = true;
    m_awaitingSnapshot = false;
    m_handshakeTimer->stop();
    m_pingTimer->stop();
    m_silenceTimer->stop();
    stopProbing();
    // Closing inside a socket's own signal is fine: the socket is only
    // deleted later, and its remaining signals are disconnected.
    dropSocket();
    if (event.refusedCredentials()) {
        // Sending the same password again can only fail again, and every
        // failure counts toward the lock-out. The user gives it anew.
        qCWarning(lcNet) << "refused:" << event.detail << "code" << int(event.refusal) << "- not retrying";
        event.retryInMs = 0;
        report(std::move(event));
        scheduleEmit();
        return;
    }
    if (event.server.isEmpty())
        event.server = currentServer().text();   // the one that failed, before choosing the next
    const int chosen = chooseAfterFailure(wasLive);
    const int delay = chosen >= 0 ? chosen : m_backoff.nextDelayMs();
    const QString next = delay == 0 ? QStringLiteral("- trying %1 now").arg(currentServer().text())
                                    : QStringLiteral("- retrying in %1 ms").arg(delay);
    if (event.state == LinkState::Refused)
        qCWarning(lcNet).noquote() << "refused:" << event.detail << "code" << int(event.refusal) << next;
    else
        qCWarning(lcNet).noquote() << "link failed:" << event.detail << next;
    event.retryInMs = delay;
    report(std::move(event));
    if (m_reconnectTimer)
        m_reconnectTimer->start(delay);
    scheduleEmit();
}

void TelemetryWorker::dropSocket()
{
    if (!m_socket)
        return;
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
}

void TelemetryWorker::report(LinkState state, const QString &detail)
{
    LinkEvent event;
    event.state = state;
    event.detail = detail;
    report(std::move(event));
}

void TelemetryWorker::report(LinkEvent event)
{
    m_state = event.state;
    event.attempt = m_attempt;
    if (event.server.isEmpty())
        event.server = currentServer().text();
    event.switching = m_switching
        && (event.state == LinkState::Connecting || event.state == LinkState::Handshaking || event.state == LinkState::Live);
    qCDebug(lcNet) << "link" << linkStateName(event.state) << event.detail;
    m_pending.addLinkEvent(std::move(event));
    scheduleEmit();
}

void TelemetryWorker::scheduleEmit()
{
    if (m_pending.isEmpty() || !m_emitTimer)
        return;
    if (m_awaitingSnapshot) {
        const qint64 held = m_clock.elapsed() - m_welcomeAtMs;
        if (held < kWelcomeHoldMs) {
            m_emitTimer->start(int(kWelcomeHoldMs - held));
            return;
        }
        m_awaitingSnapshot = false;
    }
    const qint64 delay = m_pacer.delayMs(m_clock.elapsed(), m_pending.hasData());
    if (delay == 0) {
        emitBatch();
        return;
    }
    // Data may shorten the wait that housekeeping alone had set.
    if (m_emitTimer->isActive() && m_emitTimer->remainingTime() <= delay)
        return;
    m_emitTimer->start(int(delay));
}

void TelemetryWorker::emitBatch()
{
    if (m_emitTimer)
        m_emitTimer->stop();
    if (m_pending.isEmpty())
        return;
    m_pacer.noteEmitted(m_clock.elapsed());
    emit batchReady(std::make_shared<const TelemetryBatch>(m_pending.take()));
}

} // namespace sitroom::models
