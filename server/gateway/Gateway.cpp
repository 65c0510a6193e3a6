#include "gateway/Gateway.h"

#include "framing/FrameCodec.h"
#include "gateway/ClientSession.h"
#include "gateway/DevelopmentTls.h"
#include "gateway/GatewayLog.h"
#include "gateway/PublishedState.h"
#include "gateway/ServerTls.h"

#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace sitroom::gateway {

class Gateway::Private
{
public:
    explicit Private(GatewayOptions opts)
        : options(std::move(opts))
        , published(options.historySeconds)
    {
    }

    GatewayOptions options;
    PublishedState published;
    QSslServer *server = nullptr;
    QTimer *heartbeatTimer = nullptr;
    QList<ClientSession *> sessions;
    bool sourceIdle = false;
};

Gateway::Gateway(GatewayOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(std::move(options)))
{
    d->heartbeatTimer = new QTimer(this);
    d->heartbeatTimer->setInterval(std::max(1, d->options.heartbeatIntervalMs));
    connect(d->heartbeatTimer, &QTimer::timeout, this, [this] {
        sitroom::v1::Envelope envelope;
        envelope.mutable_heartbeat()->set_source_idle(d->sourceIdle);
        broadcast(envelope);
    });
}

Gateway::~Gateway()
{
    // Sessions are our children, but their signals reach into d: cut them off
    // before d goes.
    for (ClientSession *session : std::as_const(d->sessions)) {
        session->disconnect(this);
        delete session;
    }
    d->sessions.clear();
}

bool Gateway::listen(QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    if (d->server && d->server->isListening())
        return true;

    QSslConfiguration tls;
    if (!ensureDevelopmentTls(d->options.tlsDir, error) || !loadServerTls(d->options.tlsDir, &tls, error))
        return false;

    delete d->server;
    d->server = new QSslServer(this);
    d->server->setSslConfiguration(tls);
    // The TLS handshake and the Hello share one deadline budget each.
    d->server->setHandshakeTimeout(d->options.handshakeTimeoutMs);
    // Not newConnection: QSslServer emits that as the TCP connection arrives,
    // before the TLS handshake has made it a pending connection.
    connect(d->server, &QSslServer::pendingConnectionAvailable, this, &Gateway::acceptPending);
    connect(d->server, &QSslServer::errorOccurred, this,
            [](QSslSocket *socket, QAbstractSocket::SocketError) {
                qCWarning(lcGateway).noquote() << "TLS connection from" << socket->peerAddress().toString()
                                               << "failed:" << socket->errorString();
            });
    connect(d->server, &QSslServer::handshakeInterruptedOnError, this,
            [](QSslSocket *socket, const QSslError &sslError) {
                qCWarning(lcGateway).noquote() << "TLS handshake with" << socket->peerAddress().toString()
                                               << "interrupted:" << sslError.errorString();
            });

    if (!d->server->listen(d->options.address, d->options.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(d->options.address.toString())
                     .arg(d->options.port)
                     .arg(d->server->errorString());
        delete d->server;
        d->server = nullptr;
        return false;
    }
    qCInfo(lcGateway).noquote() << "listening on" << d->server->serverAddress().toString()
                                << "port" << d->server->serverPort() << "with TLS from" << d->options.tlsDir;
    d->heartbeatTimer->start();
    return true;
}

void Gateway::close()
{
    d->heartbeatTimer->stop();
    if (d->server)
        d->server->close();
    const auto sessions = d->sessions;
    for (ClientSession *session : sessions)
        session->refuseAndClose(sitroom::v1::REFUSAL_SERVER_SHUTTING_DOWN,
                                QStringLiteral("the server is shutting down"));
}

quint16 Gateway::serverPort() const
{
    return d->server ? d->server->serverPort() : 0;
}

QHostAddress Gateway::serverAddress() const
{
    return d->server ? d->server->serverAddress() : QHostAddress();
}

void Gateway::setConfiguration(const sitroom::v1::Configuration &configuration)
{
    d->published.setConfiguration(configuration);
}

void Gateway::setControlState(const sitroom::v1::ControlState &control)
{
    d->published.setControl(control);
}

void Gateway::publishTick(const sitroom::v1::SystemState &state, const sitroom::v1::History &samples)
{
    d->published.setState(state, samples);
    sitroom::v1::Envelope envelope;
    auto *tick = envelope.mutable_tick();
    *tick->mutable_state() = state;
    *tick->mutable_samples() = samples;
    broadcast(envelope);
}

void Gateway::setSourceIdle(bool idle)
{
    d->sourceIdle = idle;
}

int Gateway::sessionCount() const
{
    return static_cast<int>(d->sessions.size());
}

int Gateway::laggingSessionCount() const
{
    return static_cast<int>(std::count_if(d->sessions.cbegin(), d->sessions.cend(),
                                          [](const ClientSession *s) { return s->isLagging(); }));
}

std::uint64_t Gateway::lastBroadcastSeq() const
{
    return d->published.lastSeq();
}

void Gateway::broadcast(sitroom::v1::Envelope &envelope)
{
    d->published.stampBroadcast(envelope);
    // Serialised once: every session gets the very same bytes.
    const QByteArray frame = framing::encodeFrame(envelope);
    for (ClientSession *session : std::as_const(d->sessions))
        session->sendBroadcast(frame);
    // Any broadcast proves liveness; the heartbeat is only for silence.
    if (d->heartbeatTimer->isActive())
        d->heartbeatTimer->start();
}

void Gateway::acceptPending()
{
    while (d->server && d->server->hasPendingConnections()) {
        auto *socket = qobject_cast<QSslSocket *>(d->server->nextPendingConnection());
        if (!socket)
            continue;
        SessionSettings settings;
        settings.serverId = d->options.serverId;
        settings.tickHz = d->options.tickHz;
        settings.maxFrameBytes = d->options.maxFrameBytes;
        settings.heartbeatIntervalMs = d->options.heartbeatIntervalMs;
        settings.handshakeTimeoutMs = d->options.handshakeTimeoutMs;
        settings.maxBacklogBytes = d->options.maxClientBacklogBytes;

        auto *session = new ClientSession(socket, settings, &d->published, this);
        d->sessions.append(session);
        const QString peer = session->peer();
        qCInfo(lcGateway).noquote() << "connection from" << peer << "(TLS established)";
        connect(session, &ClientSession::activated, this, [this, session] {
            qCInfo(lcGateway).noquote() << "session" << session->sessionId() << "opened for"
                                        << session->peer() << "user" << session->user();
            emit sessionOpened(session->peer(), session->user());
        });
        connect(session, &ClientSession::lagChanged, this, [this, session](bool lagging) {
            emit sessionLagChanged(session->peer(), lagging);
        });
        connect(session, &ClientSession::closed, this, [this, session](const QString &reason) {
            qCInfo(lcGateway).noquote() << "session with" << session->peer() << "closed:" << reason;
            d->sessions.removeOne(session);
            session->deleteLater();
            emit sessionClosed(session->peer(), reason);
        });
        session->start();
    }
}

} // namespace sitroom::gateway
