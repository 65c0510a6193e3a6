#include "server/gateway/ClientSession.h"

#include "server/gateway/CommandDecision.h"
#include "server/gateway/GatewayLog.h"
#include "server/gateway/PublishedState.h"

#include <QHostAddress>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>
#include <QUuid>

namespace sitroom::gateway {

namespace {

constexpr quint32 kSupportedVersion = sitroom::v1::PROTOCOL_VERSION_1;
// How long a closing session waits for its Refusal to be flushed and the peer
// to hang up before it drops the connection.
constexpr int kCloseGraceMs = 3000;

QString describePeer(const QSslSocket *socket)
{
    const QHostAddress address = socket->peerAddress();
    return address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(socket->peerPort())
        : QStringLiteral("%1:%2").arg(address.toString()).arg(socket->peerPort());
}

} // namespace

ClientSession::ClientSession(QSslSocket *socket, const SessionSettings &settings,
                             const PublishedState *published, QObject *parent, SessionHooks hooks)
    : QObject(parent)
    , m_socket(socket)
    , m_settings(settings)
    , m_published(published)
    , m_hooks(std::move(hooks))
    , m_decoder(settings.maxFrameBytes)
    , m_handshakeTimer(new QTimer(this))
    , m_closeTimer(new QTimer(this))
    , m_peer(describePeer(socket))
    , m_sessionId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_socket->setParent(this);
    m_handshakeTimer->setSingleShot(true);
    m_closeTimer->setSingleShot(true);

    connect(m_socket, &QSslSocket::readyRead, this, &ClientSession::onReadyRead);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &ClientSession::onBytesWritten);
    connect(m_socket, &QSslSocket::bytesWritten, this, &ClientSession::onBytesWritten);
    connect(m_socket, &QSslSocket::disconnected, this, &ClientSession::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_closeReason.isEmpty())
            m_closeReason = m_socket->errorString();
        // Some errors leave the socket connected in name only.
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            onDisconnected();
    });
    connect(m_handshakeTimer, &QTimer::timeout, this, [this] {
        refuseAndClose(sitroom::v1::REFUSAL_HANDSHAKE_TIMEOUT,
                       QStringLiteral("no Hello within %1 ms").arg(m_settings.handshakeTimeoutMs));
    });
    connect(m_closeTimer, &QTimer::timeout, this, [this] { m_socket->abort(); onDisconnected(); });
}

ClientSession::~ClientSession() = default;

void ClientSession::start()
{
    m_handshakeTimer->start(m_settings.handshakeTimeoutMs);
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        onDisconnected();
        return;
    }
    // The client may have sent its Hello together with the end of the TLS
    // handshake, before anyone was connected to readyRead.
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

qint64 ClientSession::backlogBytes() const
{
    // QSslSocket encrypts eagerly: most of a backlog waits in the encrypted
    // buffer, which bytesToWrite() alone does not count.
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
}

void ClientSession::sendBroadcast(const QByteArray &frame)
{
    if (m_state != State::Active || m_lagging)
        return;
    if (backlogBytes() > m_settings.maxBacklogBytes) {
        // Stop queueing rather than let a stalled console grow our memory; it
        // gets a fresh Snapshot once it has read what is queued.
        m_lagging = true;
        qCWarning(lcGateway).noquote() << "session" << m_peer << "is lagging:" << backlogBytes()
                                       << "bytes queued; broadcasts paused until it drains";
        emit lagChanged(true);
        return;
    }
    m_socket->write(frame);
}

void ClientSession::sendUnicast(sitroom::v1::Envelope &envelope)
{
    if (m_state == State::Closing)
        return;
    if (backlogBytes() > 2 * m_settings.maxBacklogBytes) {
        // A client that keeps asking but never reads would grow this forever.
        qCWarning(lcGateway).noquote() << "session" << m_peer << "does not read its replies;"
                                       << backlogBytes() << "bytes queued, dropping the connection";
        m_closeReason = QStringLiteral("client stopped reading");
        m_state = State::Closing;
        m_socket->abort();
        onDisconnected();
        return;
    }
    m_published->stampUnicast(envelope);
    m_socket->write(framing::encodeFrame(envelope));
}

void ClientSession::onBytesWritten()
{
    if (m_lagging && m_state == State::Active && backlogBytes() == 0) {
        m_lagging = false;
        qCInfo(lcGateway).noquote() << "session" << m_peer << "drained its backlog; resyncing with a Snapshot";
        emit lagChanged(false);
        sendSnapshot();
    }
}

void ClientSession::onReadyRead()
{
    const QByteArray bytes = m_socket->readAll();
    if (m_state == State::Closing)
        return;
    const bool ok = m_decoder.feed(bytes, [this](sitroom::v1::Envelope &envelope) {
        // A frame earlier in this same read may have closed the session.
        if (m_state != State::Closing)
            handle(envelope);
    });
    if (!ok && m_state != State::Closing)
        protocolError(m_decoder.errorString());
}

void ClientSession::protocolError(const QString &reason)
{
    qCWarning(lcGateway).noquote() << "session" << m_peer << "protocol error:" << reason;
    refuseAndClose(sitroom::v1::REFUSAL_PROTOCOL_ERROR, reason);
}

void ClientSession::handle(sitroom::v1::Envelope &envelope)
{
    using sitroom::v1::Envelope;
    if (m_state == State::AwaitingHello) {
        if (envelope.body_case() != Envelope::kHello) {
            protocolError(QStringLiteral("the first message must be a Hello (got body field %1)")
                              .arg(int(envelope.body_case())));
            return;
        }
        handleHello(envelope.hello());
        return;
    }
    if (m_state == State::SigningIn) {
        // Answered once the password is checked.
        if (m_heldWhileSigningIn.size() >= 64) {
            protocolError(QStringLiteral("too many messages before the sign-in finished"));
            return;
        }
        m_heldWhileSigningIn.push_back(envelope);
        return;
    }

    switch (envelope.body_case()) {
    case Envelope::kSnapshotRequest:
        sendSnapshot();
        break;
    case Envelope::kPing: {
        Envelope reply;
        reply.mutable_pong()->set_nonce(envelope.ping().nonce());
        reply.mutable_pong()->set_client_time_ms(envelope.ping().client_time_ms());
        sendUnicast(reply);
        break;
    }
    case Envelope::kCommand:
        handleCommand(envelope.command());
        break;
    case Envelope::kAuditRequest:
        handleAuditRequest(envelope.audit_request());
        break;
    case Envelope::kHello:
        protocolError(QStringLiteral("a second Hello on a session that is already open"));
        break;
    default:
        protocolError(QStringLiteral("a client may not send body field %1").arg(int(envelope.body_case())));
        break;
    }
}

void ClientSession::handleHello(const sitroom::v1::Hello &hello)
{
    if (hello.protocol_version() != kSupportedVersion) {
        const QString reason = QStringLiteral("protocol version %1 is not supported; this server "
                                              "supports version %2")
                                   .arg(hello.protocol_version())
                                   .arg(kSupportedVersion);
        qCWarning(lcGateway).noquote() << "session" << m_peer << "refused:" << reason;
        refuseAndClose(sitroom::v1::REFUSAL_UNSUPPORTED_VERSION, reason);
        return;
    }
    m_handshakeTimer->stop();
    if (hello.probe()) {
        answerProbe();
        return;
    }
    if (!m_hooks.signIn) {
        SignInDecision viewer;
        viewer.accepted = true;
        viewer.identity = Identity{QString::fromStdString(hello.user()), sitroom::v1::ROLE_VIEWER, hello.site()};
        finishSignIn(hello, viewer);
        return;
    }
    m_state = State::SigningIn;
    QPointer<ClientSession> self(this);
    m_hooks.signIn(hello, m_socket->peerAddress(), [self, hello](const SignInDecision &decision) {
        if (self && self->m_state == State::SigningIn)
            self->finishSignIn(hello, decision);
    });
}

void ClientSession::finishSignIn(const sitroom::v1::Hello &hello, const SignInDecision &decision)
{
    if (!decision.accepted) {
        qCWarning(lcGateway).noquote() << "session" << m_peer << "sign-in refused for" << QString::fromStdString(hello.user())
                                       << "-" << decision.reason;
        refuseAndClose(decision);
        return;
    }
    m_identity = decision.identity;
    m_user = m_identity.user;
    m_state = State::Active;

    sitroom::v1::Envelope reply;
    auto *welcome = reply.mutable_welcome();
    fillWelcome(welcome);
    welcome->set_session_id(m_sessionId.toStdString());
    welcome->set_role(m_identity.role);
    welcome->set_user(m_identity.user.toStdString());
    welcome->set_site(m_identity.site);
    sendUnicast(reply);
    sendSnapshot();
    if (m_state != State::Active)
        return;
    emit activated();
    // Whatever the client sent while its password was being checked.
    QPointer<ClientSession> self(this);
    const auto held = std::exchange(m_heldWhileSigningIn, {});
    for (auto envelope : held) {
        if (!self || m_state != State::Active)
            return;
        handle(envelope);
    }
}

void ClientSession::fillWelcome(sitroom::v1::Welcome *welcome) const
{
    welcome->set_protocol_version(kSupportedVersion);
    welcome->set_server_id(m_settings.serverId.toStdString());
    welcome->set_server_site(m_settings.serverSite);
    welcome->set_heartbeat_interval_ms(static_cast<quint32>(m_settings.heartbeatIntervalMs));
    welcome->set_tick_hz(m_settings.tickHz);
    welcome->set_service_level(m_hooks.serviceLevel ? m_hooks.serviceLevel() : 255u);
}

void ClientSession::answerProbe()
{
    sitroom::v1::Envelope reply;
    fillWelcome(reply.mutable_welcome());
    sendUnicast(reply);
    if (m_state == State::Closing)
        return;
    // Nobody signed in: no session opens, and the connection goes once the
    // answer is written (or after the grace, if the peer never reads it).
    m_state = State::Closing;
    m_closeReason = QStringLiteral("service level probe answered");
    m_closeTimer->start(kCloseGraceMs);
    m_socket->disconnectFromHost();
}

void ClientSession::handleCommand(const sitroom::v1::Command &command)
{
    if (m_hooks.command) {
        QPointer<ClientSession> self(this);
        m_hooks.command(command, m_identity, [self](const sitroom::v1::CommandResult &result) {
            if (!self || self->m_state == State::Closing)
                return;   // the client is gone; its command stands, and a resend gets the same result
            sitroom::v1::Envelope reply;
            *reply.mutable_command_result() = result;
            self->sendUnicast(reply);
        });
        return;
    }
    sitroom::v1::Envelope reply;
    *reply.mutable_command_result() = refusedResult(command.command_id(), viewerRefusal(), m_published->control());
    sendUnicast(reply);
}

void ClientSession::handleAuditRequest(const sitroom::v1::AuditRequest &request)
{
    sitroom::v1::Envelope reply;
    if (m_hooks.auditRequest)
        *reply.mutable_audit_response() = m_hooks.auditRequest(request);
    reply.mutable_audit_response()->set_request_id(request.request_id());
    sendUnicast(reply);
}

void ClientSession::sendSnapshot()
{
    sitroom::v1::Envelope reply;
    m_published->fillSnapshot(reply.mutable_snapshot());
    sendUnicast(reply);
}

void ClientSession::refuseAndClose(sitroom::v1::RefusalCode code, const QString &reason)
{
    SignInDecision decision;
    decision.refusal = code;
    decision.reason = reason;
    refuseAndClose(decision);
}

void ClientSession::refuseAndClose(const SignInDecision &decision)
{
    const sitroom::v1::RefusalCode code = decision.refusal;
    const QString &reason = decision.reason;
    if (m_state == State::Closing)
        return;
    m_state = State::Closing;
    m_handshakeTimer->stop();
    m_closeReason = reason;

    sitroom::v1::Envelope envelope;
    auto *refusal = envelope.mutable_refusal();
    refusal->set_code(code);
    refusal->set_reason(reason.toStdString());
    refusal->add_supported_versions(kSupportedVersion);
    if (decision.retryAfterS > 0)
        refusal->set_retry_after_s(quint32(decision.retryAfterS));
    if (code == sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS)
        refusal->set_lockout(decision.lockedEverywhere ? sitroom::v1::Refusal::LOCKOUT_ALL_ADDRESSES
                                                       : sitroom::v1::Refusal::LOCKOUT_THIS_ADDRESS);
    m_published->stampUnicast(envelope);
    m_socket->write(framing::encodeFrame(envelope));
    // Flushes the Refusal first; the grace timer covers a peer that never reads it.
    m_closeTimer->start(kCloseGraceMs);
    m_socket->disconnectFromHost();
}

void ClientSession::onDisconnected()
{
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    m_state = State::Closing;
    m_handshakeTimer->stop();
    m_closeTimer->stop();
    emit closed(m_closeReason.isEmpty() ? QStringLiteral("client closed the connection") : m_closeReason);
}

} // namespace sitroom::gateway
