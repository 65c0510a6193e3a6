#include "gateway/Gateway.h"

#include "alerts/AlertRules.h"
#include "gateway/AlertDesk.h"

#include "framing/FrameCodec.h"
#include "gateway/ClientSession.h"
#include "gateway/CommandProcessor.h"
#include "gateway/ControlTarget.h"
#include "gateway/PasswordHash.h"
#include "gateway/SignInGuard.h"
#include "gateway/StateDatabase.h"
#include "gateway/UsersFile.h"
#include "gateway/DevelopmentTls.h"
#include "gateway/GatewayLog.h"
#include "gateway/PublishedState.h"
#include "gateway/ServerTls.h"

#include <QDateTime>
#include <QPointer>
#include <QSslServer>
#include <QThreadPool>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>
#include <optional>
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

    // Operator controls, from openControls().
    std::optional<UsersFile> users;
    QString dummyHash;   // checked for unknown names
    QHash<QString, int> signInsInFlight;
    SignInGuard signInGuard;
    StateDatabase database;
    std::unique_ptr<CommandProcessor> processor;
    std::optional<sitroom::v1::ControlState> sourceInitial;
    ControlTarget *target = nullptr;
    QTimer *controlTimer = nullptr;
    std::unique_ptr<AlertDesk> alerts;
};

namespace {

qint64 wallNowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

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
    // Approvals expire on the wall clock, whether or not the source ticks.
    d->controlTimer = new QTimer(this);
    d->controlTimer->setInterval(1000);
    connect(d->controlTimer, &QTimer::timeout, this, &Gateway::tickControls);
}

bool Gateway::openControls(QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    if (d->processor)
        return true;
    if (!d->options.usersFile.isEmpty()) {
        d->users = UsersFile::load(d->options.usersFile, error);
        if (!d->users)
            return false;
        // As costly to check as the file's first account.
        int iterations = PasswordHash::kDefaultIterations;
        if (!d->users->accounts().isEmpty())
            iterations = d->users->accounts().constFirst().passwordHash.section(u'$', 1, 1).toInt();
        d->dummyHash = PasswordHash::hash(QStringLiteral("unknown user"), std::max(iterations, PasswordHash::kMinimumIterations));
    }
    if (!d->database.open(d->options.stateDir, error))
        return false;
    CommandProcessorOptions po;
    po.approvalTimeoutMs = d->options.approvalTimeoutMs;
    po.rampS = d->options.providerRampS;
    d->processor = std::make_unique<CommandProcessor>(d->database, po);
    d->processor->setConfiguration(d->published.configuration());
    d->processor->setTarget(d->target);
    d->published.setRecentAudit(d->processor->audit().recent(int(PublishedState::kRecentAudit)));
    if (d->processor->hasStoredControl()) {
        qCInfo(lcGateway).noquote() << "control state restored from" << d->database.path() << "at revision"
                                    << d->processor->control().revision();
    }
    if (d->sourceInitial || d->processor->hasStoredControl()) {
        d->processor->initialize(d->sourceInitial.value_or(sitroom::v1::ControlState()));
        d->published.setControl(d->processor->control());
    }
    if (!openAlerts(error))
        return false;
    d->controlTimer->start();
    return true;
}

bool Gateway::openAlerts(QString *error)
{
    alerts::AlertRuleSet rules;
    if (d->options.alertRulesFile.isEmpty()) {
        rules = alerts::defaultAlertRules();
    } else {
        QString why;
        auto loaded = alerts::loadAlertRules(d->options.alertRulesFile, &why);
        if (!loaded) {
            *error = QStringLiteral("--alert-rules: ") + why;
            return false;
        }
        rules = std::move(*loaded);
    }
    const auto ruleCount = rules.rules.size();
    d->alerts = std::make_unique<AlertDesk>(d->database, std::move(rules));
    d->alerts->restore();
    d->alerts->setConfiguration(d->published.configuration());
    d->published.setActiveAlerts(d->alerts->activeAlerts());
    qCInfo(lcGateway).noquote() << "alert engine with" << ruleCount << "rules from"
                                << (d->options.alertRulesFile.isEmpty() ? alerts::defaultAlertRulesResource()
                                                                        : d->options.alertRulesFile)
                                << ";" << d->alerts->activeAlerts().size() << "open alerts restored";
    return true;
}

bool Gateway::hasStoredControlState() const
{
    return d->processor && d->processor->hasStoredControl();
}

void Gateway::setControlTarget(ControlTarget *target)
{
    d->target = target;
    if (d->processor) {
        d->processor->setTarget(target);
        if (target && (d->sourceInitial || d->processor->hasStoredControl()))
            target->applyControl(d->processor->control());
    }
}

const sitroom::v1::ControlState &Gateway::controlState() const
{
    return d->published.control();
}

qint64 Gateway::sourceNowMs() const
{
    const qint64 sim = d->published.state().sim_time_ms();
    return sim > 0 ? sim : wallNowMs();
}

void Gateway::tickControls()
{
    if (!d->processor)
        return;
    d->processor->tick(wallNowMs(), sourceNowMs());
    flushControlEvents();
    if (d->alerts) {
        d->alerts->tick(wallNowMs());
        flushAlertEvents();
    }
}

void Gateway::flushAlertEvents()
{
    if (!d->alerts)
        return;
    const std::vector<sitroom::v1::AlertEvent> events = d->alerts->takeAlertEvents();
    if (!events.empty())
        d->published.setActiveAlerts(d->alerts->activeAlerts());
    for (const sitroom::v1::AlertEvent &event : events) {
        sitroom::v1::Envelope envelope;
        *envelope.mutable_alert_event() = event;
        broadcast(envelope);
    }
    for (const sitroom::v1::AuditEntry &entry : d->alerts->takeAuditEvents()) {
        d->published.appendAudit(entry);
        sitroom::v1::Envelope envelope;
        *envelope.mutable_audit_event()->mutable_entry() = entry;
        broadcast(envelope);
    }
}

void Gateway::flushControlEvents()
{
    if (!d->processor)
        return;
    for (const ControlChange &change : d->processor->takeControlChanges()) {
        d->published.setControl(change.control);
        sitroom::v1::Envelope envelope;
        auto *event = envelope.mutable_control_event();
        *event->mutable_control() = change.control;
        *event->mutable_actor() = change.actor;
        event->set_summary(change.summary.toStdString());
        broadcast(envelope);
    }
    for (const sitroom::v1::AuditEntry &entry : d->processor->takeAuditEvents()) {
        d->published.appendAudit(entry);
        sitroom::v1::Envelope envelope;
        *envelope.mutable_audit_event()->mutable_entry() = entry;
        broadcast(envelope);
    }
}

void Gateway::signIn(const sitroom::v1::Hello &hello, std::function<void(const SignInDecision &)> done)
{
    const QString user = QString::fromStdString(hello.user());
    if (!d->users) {
        SignInDecision viewer;
        viewer.accepted = true;
        viewer.identity = Identity{user, sitroom::v1::ROLE_VIEWER, hello.site()};
        done(viewer);
        return;
    }
    const auto audit = [this, user](std::uint32_t site, const QString &outcome) {
        AuditRecord r;
        r.timeMs = wallNowMs();
        r.user = user;
        r.site = site;
        r.action = QStringLiteral("sign in");
        r.outcome = outcome;
        d->processor->record(r);
        flushControlEvents();
    };
    if (d->signInGuard.isLocked(user, wallNowMs(), d->signInsInFlight.value(user))) {
        audit(hello.site(), QStringLiteral("refused: too many failed attempts in the last minute"));
        SignInDecision refused;
        refused.refusal = sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS;
        refused.reason = QStringLiteral("too many failed sign-ins for this user in the last minute; try again later");
        done(refused);
        return;
    }
    const UserAccount *account = d->users->find(user);
    // An unknown name costs the same hashing as a known one, so the time
    // taken does not tell which names exist.
    const bool known = account != nullptr;
    UserAccount copy;
    if (known) {
        copy = *account;
    } else {
        copy.name = user;
        copy.site = hello.site();
        copy.passwordHash = d->dummyHash;
    }
    // PBKDF2 at hundreds of thousands of iterations takes a while: off the
    // event loop, then back here to decide.
    const QString password = QString::fromStdString(hello.password());
    QPointer<Gateway> self(this);
    ++d->signInsInFlight[user];
    QThreadPool::globalInstance()->start([self, copy, known, password, done, audit]() {
        const bool ok = PasswordHash::verify(password, copy.passwordHash) && known;
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, copy, known, ok, done, audit]() {
            if (!self)
                return;
            if (--self->d->signInsInFlight[copy.name] <= 0)
                self->d->signInsInFlight.remove(copy.name);
            SignInDecision decision;
            if (ok) {
                self->d->signInGuard.recordSuccess(copy.name);
                audit(copy.site, QStringLiteral("signed in as %1").arg(UsersFile::roleName(copy.role)));
                decision.accepted = true;
                decision.identity = Identity{copy.name, copy.role, copy.site};
            } else {
                self->d->signInGuard.recordFailure(copy.name, wallNowMs());
                audit(copy.site, known ? QStringLiteral("refused: wrong password") : QStringLiteral("refused: unknown user"));
                decision.reason = QStringLiteral("unknown user or wrong password");
            }
            done(decision);
        }, Qt::QueuedConnection);
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
    if (d->processor)
        d->processor->setConfiguration(configuration);
    if (d->alerts)
        d->alerts->setConfiguration(configuration);
}

void Gateway::setControlState(const sitroom::v1::ControlState &control)
{
    if (!d->sourceInitial)
        d->sourceInitial = control;
    if (!d->processor) {
        d->published.setControl(control);
        return;
    }
    d->processor->initialize(control);
    d->published.setControl(d->processor->control());
}

void Gateway::publishTick(const sitroom::v1::SystemState &source, const sitroom::v1::History &samples)
{
    // The alert engine sees the tick first, so the tick carries its alarm load
    // and the alerts it raised go out just before it.
    sitroom::v1::SystemState state = source;
    if (d->alerts) {
        d->alerts->observe(state, wallNowMs());
        state.set_alerts_last_10min(d->alerts->startedInWindow());
        state.set_alert_flood(d->alerts->flood());
        flushAlertEvents();
    }
    d->published.setState(state, samples);
    sitroom::v1::Envelope envelope;
    auto *tick = envelope.mutable_tick();
    *tick->mutable_state() = state;
    *tick->mutable_samples() = samples;
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

        SessionHooks hooks;
        hooks.signIn = [this](const sitroom::v1::Hello &hello, std::function<void(const SignInDecision &)> done) {
            signIn(hello, std::move(done));
        };
        hooks.command = [this](const sitroom::v1::Command &command, const Identity &who) {
            sitroom::v1::CommandResult result;
            if (!d->processor) {
                result.set_command_id(command.command_id());
                result.set_status(sitroom::v1::COMMAND_REFUSED);
                result.set_message("the server takes no commands");
                *result.mutable_control() = d->published.control();
                return result;
            }
            if (d->alerts && AlertDesk::isAlertCommand(command)) {
                result = d->alerts->handle(command, who, wallNowMs(), d->published.control());
                flushAlertEvents();
                return result;
            }
            result = d->processor->handle(command, who, wallNowMs(), sourceNowMs());
            flushControlEvents();
            return result;
        };
        hooks.auditRequest = [this](const sitroom::v1::AuditRequest &request) {
            sitroom::v1::AuditResponse response;
            response.set_request_id(request.request_id());
            if (!d->processor)
                return response;
            const int limit = request.limit() == 0 ? 500 : int(std::min<quint32>(request.limit(), 5000));
            bool more = false;
            for (const auto &e : d->processor->audit().page(request.after_id(), limit, &more))
                *response.add_entries() = e;
            response.set_more(more);
            if (request.verify()) {
                const AuditVerification v = d->processor->audit().verify();
                response.set_verified(true);
                response.set_chain_ok(v.ok);
                response.set_first_broken_id(v.firstBrokenId);
                response.set_detail(v.detail.toStdString());
                response.set_rows_checked(v.rowsChecked);
            }
            return response;
        };
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
