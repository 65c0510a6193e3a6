#include "tests/support/ScriptedGateway.h"

#include "server/gateway/ServerTls.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSslSocket>
#include <QTimer>

namespace sitroom::testing {

ScriptedGateway::ScriptedGateway(QObject *parent)
    : QObject(parent)
{
    m_snapshot.mutable_configuration()->set_scenario_id("scripted");
    m_snapshot.mutable_configuration()->set_source("prometheus:http://127.0.0.1:9090");
    m_snapshot.mutable_control()->set_revision(5);
    m_snapshot.mutable_control()->set_admission_rate_per_s(500);
}

ScriptedGateway::~ScriptedGateway() = default;

bool ScriptedGateway::listen(const QString &tlsDir, QString *error)
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
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        *error = m_server.errorString();
        return false;
    }
    return true;
}

QString ScriptedGateway::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(port());
}

void ScriptedGateway::onEnvelope(QSslSocket *peer, const sitroom::v1::Envelope &envelope)
{
    using Body = sitroom::v1::Envelope::BodyCase;
    if (envelope.body_case() == Body::kHello) {
        sitroom::v1::Envelope welcome;
        welcome.set_seq(m_seq);
        auto *w = welcome.mutable_welcome();
        w->set_protocol_version(sitroom::v1::PROTOCOL_VERSION_1);
        w->set_server_id("scripted");
        w->set_session_id("s1");
        w->set_role(sitroom::v1::ROLE_SUPERVISOR);
        w->set_user(envelope.hello().user());
        w->set_tick_hz(10);
        w->set_heartbeat_interval_ms(1000);
        peer->write(framing::encodeFrame(welcome));
        sitroom::v1::Envelope snapshot;
        snapshot.set_seq(m_seq);
        snapshot.set_server_time_ms(1'750'000'000'000);
        *snapshot.mutable_snapshot() = m_snapshot;
        peer->write(framing::encodeFrame(snapshot));
    } else if (envelope.body_case() == Body::kCommand) {
        m_commands.push_back(envelope.command());
        if (m_script)
            m_script(*this, envelope.command());
    }
}

void ScriptedGateway::send(sitroom::v1::Envelope envelope)
{
    using Body = sitroom::v1::Envelope::BodyCase;
    const bool unicast = envelope.body_case() == Body::kCommandResult || envelope.body_case() == Body::kAuditResponse;
    envelope.set_seq(unicast ? m_seq : ++m_seq);
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
