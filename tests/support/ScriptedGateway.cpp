#include "tests/support/ScriptedGateway.h"

#include "server/gateway/ServerTls.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSslSocket>
#include <QTimer>

#include <utility>

namespace sitroom::testing {

ScriptedGateway::ScriptedGateway(QObject *parent)
    : QObject(parent)
{
    m_snapshot.mutable_configuration()->set_scenario_id("scripted");
    m_snapshot.mutable_configuration()->set_source("prometheus:http://127.0.0.1:9090");
    m_snapshot.mutable_control()->set_revision(5);
    m_snapshot.mutable_control()->set_admission_rate_per_s(500);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        sitroom::v1::Envelope e;
        auto *state = e.mutable_tick()->mutable_state();
        *state = m_snapshot.state();
        ++m_ticks;
        state->set_sim_time_ms(m_snapshot.state().sim_time_ms() + qint64(m_ticks) * m_ticker.interval());
        state->set_bookings_total(m_snapshot.state().bookings_total() + m_ticks);
        e.set_sim_time_ms(state->sim_time_ms());
        send(e);
    });
}

ScriptedGateway::~ScriptedGateway()
{
    // The connections are the server's children and the server, the first
    // member, is destroyed last: a connection it closes then would run its
    // disconnected() handler on m_peers, already gone. Nothing of this object
    // is called from here on.
    for (QSslSocket *peer : m_server.findChildren<QSslSocket *>(Qt::FindDirectChildrenOnly))
        disconnect(peer, nullptr, this, nullptr);
}

bool ScriptedGateway::listen(const QString &tlsDir, QString *error, quint16 port)
{
    QSslConfiguration config;
    if (!gateway::loadServerTls(tlsDir, &config, error))
        return false;
    m_server.setSslConfiguration(config);
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            auto *peer = qobject_cast<QSslSocket *>(socket);
            m_peers.push_back(peer);
            m_decoders.emplace_back();
            const std::size_t at = m_peers.size() - 1;
            connect(peer, &QSslSocket::readyRead, this, [this, peer, at] {
                m_decoders[at].feed(peer->readAll(), [this, peer](sitroom::v1::Envelope &e) { onEnvelope(peer, e); });
            });
            connect(peer, &QSslSocket::disconnected, this, [this, peer] {
                for (QSslSocket *&p : m_peers) {
                    if (p == peer)
                        p = nullptr;
                }
                peer->deleteLater();
            });
        }
    });
    if (!m_server.listen(QHostAddress::LocalHost, port)) {
        *error = m_server.errorString();
        return false;
    }
    m_port = m_server.serverPort();
    return true;
}

QString ScriptedGateway::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

void ScriptedGateway::setIdentity(const QString &serverId, sitroom::v1::Site site)
{
    m_serverId = serverId;
    m_site = site;
}

void ScriptedGateway::setServiceLevel(quint32 level)
{
    const bool news = !m_hasLevel || level != m_level;
    m_hasLevel = true;
    m_level = level;
    if (news) {
        sitroom::v1::Envelope heartbeat;
        heartbeat.mutable_heartbeat();
        send(heartbeat);
    }
}

int ScriptedGateway::connectedPeers() const
{
    int n = 0;
    for (const QSslSocket *peer : m_peers)
        n += peer ? 1 : 0;
    return n;
}

void ScriptedGateway::welcome(QSslSocket *peer, const sitroom::v1::Hello &hello)
{
    sitroom::v1::Envelope welcome;
    welcome.set_seq(m_seq);
    auto *w = welcome.mutable_welcome();
    w->set_protocol_version(sitroom::v1::PROTOCOL_VERSION_1);
    w->set_server_id(m_serverId.toStdString());
    w->set_server_site(m_site);
    w->set_tick_hz(10);
    w->set_heartbeat_interval_ms(1000);
    if (m_hasLevel)
        w->set_service_level(m_level);
    if (hello.probe()) {
        ++m_probes;
        peer->write(framing::encodeFrame(welcome));
        peer->disconnectFromHost();
        return;
    }
    ++m_signIns;
    w->set_session_id("s1");
    w->set_role(sitroom::v1::ROLE_SUPERVISOR);
    w->set_user(hello.user());
    peer->write(framing::encodeFrame(welcome));
    sitroom::v1::Envelope snapshot;
    snapshot.set_seq(m_seq);
    snapshot.set_server_time_ms(1'750'000'000'000);
    *snapshot.mutable_snapshot() = m_snapshot;
    peer->write(framing::encodeFrame(snapshot));
}

void ScriptedGateway::onEnvelope(QSslSocket *peer, const sitroom::v1::Envelope &envelope)
{
    using Body = sitroom::v1::Envelope::BodyCase;
    if (m_silent)
        return;
    if (envelope.body_case() == Body::kHello) {
        welcome(peer, envelope.hello());
    } else if (envelope.body_case() == Body::kCommand) {
        m_commands.push_back(envelope.command());
        if (m_script)
            m_script(*this, envelope.command());
    }
}

void ScriptedGateway::send(sitroom::v1::Envelope envelope)
{
    using Body = sitroom::v1::Envelope::BodyCase;
    if (m_silent)
        return;
    const bool unicast = envelope.body_case() == Body::kCommandResult || envelope.body_case() == Body::kAuditResponse;
    envelope.set_seq(unicast ? m_seq : ++m_seq);
    if (!unicast && m_hasLevel)
        envelope.set_service_level(m_level);
    const QByteArray frame = framing::encodeFrame(envelope);
    for (QSslSocket *peer : m_peers) {
        if (peer)
            peer->write(frame);
    }
}

void ScriptedGateway::sendLater(int delayMs, sitroom::v1::Envelope envelope)
{
    QTimer::singleShot(delayMs, this, [this, envelope] { send(envelope); });
}

void ScriptedGateway::startTicking(int intervalMs)
{
    m_ticker.start(intervalMs);
}

void ScriptedGateway::stopTicking()
{
    m_ticker.stop();
}

void ScriptedGateway::goSilent()
{
    m_silent = true;
    m_ticker.stop();
}

void ScriptedGateway::die()
{
    m_ticker.stop();
    m_silent = true;
    m_server.close();
    for (QSslSocket *&peer : m_peers) {
        if (!peer)
            continue;
        QSslSocket *gone = std::exchange(peer, nullptr);
        disconnect(gone, nullptr, this, nullptr);
        gone->abort();
        gone->deleteLater();
    }
}

sitroom::v1::Envelope ScriptedGateway::answer(const sitroom::v1::Command &command, sitroom::v1::CommandStatus status,
                                              sitroom::v1::CommandStage stage, quint64 revision,
                                              const std::string &message)
{
    sitroom::v1::Envelope e;
    auto *r = e.mutable_command_result();
    r->set_command_id(command.command_id());
    r->set_status(status);
    r->set_stage(stage);
    r->set_message(message);
    r->mutable_control()->set_revision(revision);
    return e;
}

CtlRun ScriptedGateway::runCtl(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SITROOM_PASSWORD_FILE"));
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    CtlRun run;
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    process.start(ctlPath(), arguments);
    process.closeWriteChannel();
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("(timed out)");
        return run;
    }
    run.elapsedMs = timer.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit && process.error() != QProcess::FailedToStart
        ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace sitroom::testing
