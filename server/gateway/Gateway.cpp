#include "server/gateway/GatewayPrivate.h"

#include "proto/framing/FrameCodec.h"
#include "server/gateway/DevelopmentTls.h"
#include "server/gateway/GatewayLog.h"
#include "server/gateway/ServerTls.h"

#include "domain/MonotonicClock.h"

#include <QSslSocket>

#include <algorithm>
#include <optional>
#include <utility>

namespace sitroom::gateway {

namespace {

// How long a move in the service level may wait for a broadcast to carry it
// before a Heartbeat does (with the check's own 250 ms, within a second).
constexpr qint64 kLevelNewsMaxWaitMs = 250;

} // namespace

Gateway::Gateway(GatewayOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(std::move(options)))
{
    d->heartbeatTimer = new QTimer(this);
    d->heartbeatTimer->setInterval(std::max(1, d->options.heartbeatIntervalMs));
    connect(d->heartbeatTimer, &QTimer::timeout, this, &Gateway::sendHeartbeat);
    // A move in the service level reaches every client within this, ticks or not.
    d->serviceLevelTimer = new QTimer(this);
    d->serviceLevelTimer->setInterval(250);
    connect(d->serviceLevelTimer, &QTimer::timeout, this, &Gateway::refreshServiceLevel);
    // Approvals expire on the wall clock, whether or not the source ticks.
    d->controlTimer = new QTimer(this);
    d->controlTimer->setInterval(1000);
    connect(d->controlTimer, &QTimer::timeout, this, &Gateway::tickControls);
    // One gateway of a shared state evaluates the alerts; the other takes over when it goes.
    d->alertRoleTimer = new QTimer(this);
    d->alertRoleTimer->setInterval(1000);
    connect(d->alertRoleTimer, &QTimer::timeout, this, &Gateway::refreshAlertRole);
    // Sign-ins' audit rows the state store did not take: written as soon as
    // it takes writes again (at once when it says it is back, in followStore).
    d->auditBacklogTimer = new QTimer(this);
    d->auditBacklogTimer->setInterval(1000);
    connect(d->auditBacklogTimer, &QTimer::timeout, this, [this] {
        if (d->pipeline && d->auditBacklog.writeWaiting(*d->pipeline, wallNowMs()) > 0)
            flushEvents();
        if (d->auditBacklog.isEmpty())
            d->auditBacklogTimer->stop();
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
    if (!openControls(error))
        return false;

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
    d->closing = false;
    refreshServiceLevel();
    d->heartbeatTimer->start();
    d->serviceLevelTimer->start();
    return true;
}

void Gateway::close()
{
    // Level 0 first: clients leave for another gateway rather than wait here.
    d->closing = true;
    refreshServiceLevel();
    if (d->levelUnsentSinceMs >= 0 && d->server && d->server->isListening())
        sendHeartbeat();
    d->serviceLevelTimer->stop();
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
    if (d->controls)
        d->controls->setConfiguration(configuration);
    if (d->alerts)
        d->alerts->setConfiguration(configuration);
}

void Gateway::setControlState(const sitroom::v1::ControlState &control)
{
    if (!d->sourceInitial)
        d->sourceInitial = control;
    if (!d->controls) {
        d->published.setControl(control);
        return;
    }
    d->controls->initialize(control);
    d->published.setControl(d->controls->control());
}

void Gateway::publishTick(const sitroom::v1::SystemState &source, const sitroom::v1::History &samples)
{
    // The alert engine sees the tick first, so the tick carries its alarm load
    // and the alerts it raised go out just before it.
    sitroom::v1::SystemState state = source;
    // Closed-loop checks first: the alert engine watches what they did not see.
    observeEffects(state);
    if (d->controls)
        d->controls->setStaleFigures({state.stale().begin(), state.stale().end()});
    if (d->alerts) {
        d->alerts->observe(state, wallNowMs());
        state.set_alerts_last_10min(d->alerts->startedInWindow());
        state.set_alert_flood(d->alerts->flood());
        flushEvents();
    }
    d->published.setState(state, samples);
    sitroom::v1::Envelope envelope;
    auto *tick = envelope.mutable_tick();
    *tick->mutable_state() = state;
    *tick->mutable_samples() = samples;
    // The tick carries the level its own arrival makes.
    d->serviceLevel.noteTick(domain::monotonicNowMs());
    refreshServiceLevel();
    broadcast(envelope);
    // Timed disables end on the source's clock.
    tickControls();
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

std::uint32_t Gateway::serviceLevel() const
{
    return d->serviceLevel.level();
}

void Gateway::sendHeartbeat()
{
    sitroom::v1::Envelope envelope;
    envelope.mutable_heartbeat()->set_source_idle(d->sourceIdle);
    broadcast(envelope);
}

void Gateway::refreshServiceLevel()
{
    const qint64 now = domain::monotonicNowMs();
    ServiceInputs inputs;
    inputs.closing = d->closing;
    inputs.dataAgeMs = d->serviceLevel.dataAgeMs(now);
    inputs.tickHz = d->options.tickHz;
    inputs.sourceIdle = d->sourceIdle;
    inputs.storeReachable = !d->store || d->store->isReachable();
    inputs.sessions = sessionCount();
    inputs.laggingSessions = laggingSessionCount();
    if (d->serviceLevel.update(inputs)) {
        qCInfo(lcGateway).noquote() << "service level now" << d->serviceLevel.level();
        // Sessions opened from now on have it in their Welcome; those open
        // now hear it with the next broadcast.
        if (!d->sessions.isEmpty() && d->levelUnsentSinceMs < 0)
            d->levelUnsentSinceMs = now;
    }
    // Ticks usually carry it; when none has within a moment, a Heartbeat does.
    if (d->levelUnsentSinceMs >= 0 && now - d->levelUnsentSinceMs >= kLevelNewsMaxWaitMs
        && d->server && d->server->isListening())
        sendHeartbeat();
}

void Gateway::broadcast(sitroom::v1::Envelope &envelope)
{
    d->published.stampBroadcast(envelope);
    envelope.set_service_level(d->serviceLevel.level());
    d->levelUnsentSinceMs = -1;
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
        // Frames go out as they are made: a command's answer follows its
        // control event within milliseconds, and Nagle's algorithm would hold
        // it for the console's delayed acknowledgement (about 40 ms).
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        SessionSettings settings;
        settings.serverId = d->options.serverId;
        settings.serverSite = d->options.site;
        settings.tickHz = d->options.tickHz;
        settings.maxFrameBytes = d->options.maxFrameBytes;
        settings.heartbeatIntervalMs = d->options.heartbeatIntervalMs;
        settings.handshakeTimeoutMs = d->options.handshakeTimeoutMs;
        settings.maxBacklogBytes = d->options.maxClientBacklogBytes;

        SessionHooks hooks;
        hooks.signIn = [this](const sitroom::v1::Hello &hello, const QHostAddress &source,
                              std::function<void(const SignInDecision &)> done) {
            signIn(hello, source, std::move(done));
        };
        hooks.command = [this](const sitroom::v1::Command &command, const Identity &who,
                               std::function<void(const sitroom::v1::CommandResult &)> reply) {
            handleCommand(command, who, std::move(reply));
        };
        hooks.auditRequest = [this](const sitroom::v1::AuditRequest &request) {
            sitroom::v1::AuditResponse response;
            response.set_request_id(request.request_id());
            if (!d->store)
                return response;
            const int limit = request.limit() == 0 ? 500 : int(std::min<quint32>(request.limit(), 5000));
            bool more = false;
            for (const auto &e : d->store->auditPage(request.after_id(), limit, &more))
                *response.add_entries() = e;
            response.set_more(more);
            if (request.verify()) {
                const AuditVerification v = d->store->verifyAudit();
                // A chain that could not be read is not verified, and not
                // broken either: the detail says why it was not checked.
                response.set_verified(v.checked);
                if (!v.checked)
                    qCWarning(lcGateway).noquote() << "the audit chain could not be checked:" << v.detail;
                response.set_chain_ok(v.ok);
                response.set_first_broken_id(v.firstBrokenId);
                response.set_detail(v.detail.toStdString());
                response.set_rows_checked(v.rowsChecked);
            }
            return response;
        };
        hooks.serviceLevel = [this] { return d->serviceLevel.level(); };
        auto *session = new ClientSession(socket, settings, &d->published, this, std::move(hooks));
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
