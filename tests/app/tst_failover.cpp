// A console fails over between real gateways (issue 13): one sitroom-sim as
// the live system, Debian's Prometheus scraping it, two sitroom-gateway
// processes (Seoul's and Osong's) reading it through that Prometheus,
// steering it through its one control webhook and sharing their state in one
// private PostgreSQL cluster; a console's telemetry client on Seoul's. Seoul's
// gateway is killed (SIGKILL) with a command in flight: within 3 s the client
// shows Osong's data, and the command, sent again with its command_id across
// the switch, is applied once and answered once.
#include "models/situation/SituationStore.h"
#include "models/telemetry/TelemetryClient.h"

#include "tests/support/GatewayProcess.h"
#include "tests/support/PostgresCluster.h"
#include "tests/support/PrometheusProcess.h"
#include "tests/support/TemporaryTlsDir.h"
#include "tests/support/TestTlsClient.h"
#include "tests/support/TestUsers.h"

#include <QtTest>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <memory>
#include <vector>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::v1::Envelope;

namespace {

constexpr int kStartMs = 30000;
constexpr int kFreshMs = 30000;   // Prometheus's first samples reach every rate() window
constexpr int kMoveBudgetMs = 3000;
const QByteArray kSecret = "failover-test-secret-0123456";

} // namespace

class TestFailover final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TemporaryTlsDir m_tls;
    PostgresCluster m_cluster;
    LiveSystemProcess m_sim;
    PrometheusProcess m_prometheus;
    GatewayProcess m_seoul;
    GatewayProcess m_osong;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QStringList gatewayArguments(const QString &serverId) const
    {
        return {QStringLiteral("--source"), QStringLiteral("prometheus:") + m_prometheus.url().toString(),
                QStringLiteral("--site-config"), QStringLiteral(SITROOM_SOURCE_DIR "/resources/sources/sim-prometheus.json"),
                QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), m_tls.path(),
                QStringLiteral("--server-id"), serverId, QStringLiteral("--users"), path(QStringLiteral("users.json")),
                QStringLiteral("--control-webhook"), m_sim.controlUrl(), QStringLiteral("--control-secret"),
                path(QStringLiteral("secret")), QStringLiteral("--state"), m_cluster.url(QStringLiteral("sitroom"))};
    }

    // The control revision the live system itself has applied.
    int liveRevision() const
    {
        QByteArray body;
        PrometheusProcess::httpStatus(m_sim.controlPort(), "/control", &body);
        return QJsonDocument::fromJson(body).object().value(QStringLiteral("revision")).toInt(-1);
    }

    // A client of the test's own on a gateway, past its Snapshot.
    bool signIn(TestTlsClient &client, quint16 port, const std::string &user)
    {
        if (!client.connectToServer(port, m_tls.caPath(), 10000))
            return false;
        Envelope hello;
        hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_1);
        hello.mutable_hello()->set_user(user);
        hello.mutable_hello()->set_password(user + "-pw");
        hello.mutable_hello()->set_client_name("tst_failover");
        client.send(hello);
        return client.waitForBody(Envelope::kSnapshot, 10000) >= 0;
    }

    // The gateway's last Tick had every figure fresh.
    static bool fresh(const TestTlsClient &client)
    {
        for (auto it = client.received().rbegin(); it != client.received().rend(); ++it) {
            if (it->has_tick())
                return it->tick().state().stale_size() == 0;
        }
        return false;
    }

    // The audit rows that record a decision on commandId ("applied: …"),
    // read from a gateway by a client of the test's own.
    int appliedRows(quint16 port, const std::string &commandId)
    {
        TestTlsClient auditor;
        if (!signIn(auditor, port, "park"))
            return -1;
        Envelope request;
        request.mutable_audit_request()->set_request_id("failover-audit");
        request.mutable_audit_request()->set_limit(5000);
        const int from = int(auditor.received().size());
        auditor.send(request);
        const int at = auditor.waitForBody(Envelope::kAuditResponse, 10000, from);
        if (at < 0)
            return -1;
        int rows = 0;
        for (const v1::AuditEntry &e : auditor.received().at(std::size_t(at)).audit_response().entries())
            rows += e.command_id() == commandId && QString::fromStdString(e.outcome()).startsWith(QStringLiteral("applied")) ? 1 : 0;
        return rows;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!PrometheusProcess::binaryPath().isEmpty(), "prometheus is not installed: scripts/setup installs Debian's");
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_tls.isValid(), qPrintable(m_tls.errorString()));
        QFile secret(path(QStringLiteral("secret")));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write(kSecret + '\n');
        secret.close();
        QVERIFY(writeUsersFile(path(QStringLiteral("users.json")), standardTestUsers()));

        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        QVERIFY2(m_cluster.createDatabase(QStringLiteral("sitroom"), &error), qPrintable(error));
        QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("opening-18-49"), QStringLiteral("--fast-forward"),
                              QStringLiteral("33m")},
                             path(QStringLiteral("secret")), &error, kStartMs),
                 qPrintable(error));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("prometheus")));
        QVERIFY2(m_prometheus.start(path(QStringLiteral("prometheus")), QStringLiteral("sitroom-sim"), m_sim.metricsPort(), &error),
                 qPrintable(error));
        for (GatewayProcess *gateway : {&m_seoul, &m_osong}) {
            const QString id = gateway == &m_seoul ? QStringLiteral("seoul-gw") : QStringLiteral("osong-gw");
            QVERIFY2(gateway->start(gatewayArguments(id), &error, kStartMs), qPrintable(error));
            QVERIFY2(gateway->waitForOutput(QRegularExpression(QStringLiteral("control webhook \\S+ reachable")), kStartMs).hasMatch(),
                     qPrintable(gateway->standardError()));
        }
    }

    void cleanupTestCase()
    {
        m_seoul.stop();
        m_osong.stop();
        m_prometheus.stop();
        m_sim.stop();
        m_cluster.stop();
    }

    void killingTheGatewayInUseMovesTheConsoleWithItsCommand()
    {
        models::ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = m_seoul.port();
        settings.otherServers = {transport::HostPort{QStringLiteral("127.0.0.1"), m_osong.port()}};
        settings.caFile = m_tls.caPath();
        settings.user = QStringLiteral("kim");
        settings.password = QStringLiteral("kim-pw");
        settings.clientName = QStringLiteral("tst_failover");
        models::TelemetryClient client;
        models::SituationStore store;
        connect(&client, &models::TelemetryClient::batchReady, &store, &models::SituationStore::apply);
        std::vector<v1::CommandResult> shown;
        connect(&store, &models::SituationStore::commandResult, this,
                [&shown](const v1::CommandResult &r) { shown.push_back(r); });
        client.start(settings);

        // On Seoul's gateway, its figures fresh (the stale-figure interlock
        // refuses controls until they are).
        QTRY_VERIFY_WITH_TIMEOUT(store.isLive() && !store.isStale() && store.link().server == m_seoul.address()
                                     && store.hasSnapshot() && store.state().stale_size() == 0,
                                 kFreshMs);
        QCOMPARE(store.welcome().server_id(), std::string("seoul-gw"));
        // Osong's figures fresh too: each gateway reads Prometheus on its own,
        // and its interlock would refuse the command while they are not.
        TestTlsClient osongWatch;
        QVERIFY(signIn(osongWatch, m_osong.port(), "han"));
        QVERIFY(osongWatch.waitFor([&] { return fresh(osongWatch); }, kFreshMs));
        const std::uint64_t revision = store.control().revision();
        // The live system names the control revision it runs (that of the
        // gateways' last delivered change): one higher once the command is in.
        QVERIFY(liveRevision() >= 0 && liveRevision() <= int(revision));

        // A command leaves, and the gateway it goes to dies at once.
        v1::Command command;
        command.set_command_id("failover-1");
        command.set_expected_revision(revision);
        command.set_reason("drill: the Seoul gateway dies under a command");
        command.mutable_set_admission_rate()->set_rate_per_s(620);
        client.sendCommand(command);
        QElapsedTimer clock;
        clock.start();
        m_seoul.kill();

        // Osong's data, fresh, within 3 s: live there, a snapshot and ticks from it.
        const auto onOsong = [&] {
            return store.isLive() && !store.isStale() && store.link().server == m_osong.address()
                && store.welcome().server_id() == "osong-gw";
        };
        QTRY_VERIFY_WITH_TIMEOUT(onOsong(), kMoveBudgetMs);
        const qint64 movedMs = clock.elapsed();
        qInfo("the console showed Osong's data %lld ms after Seoul's gateway was killed", movedMs);
        QVERIFY2(movedMs <= kMoveBudgetMs, qPrintable(QString::number(movedMs)));
        const qint64 simAtMove = store.state().sim_time_ms();
        QTRY_VERIFY_WITH_TIMEOUT(store.state().sim_time_ms() > simAtMove && onOsong(), 5000);

        // The command: answered once, applied once, whichever gateway decided it.
        QTRY_COMPARE_WITH_TIMEOUT(int(shown.size()), 1, 30000);
        QCOMPARE(shown.front().command_id(), std::string("failover-1"));
        QVERIFY2(shown.front().status() == v1::COMMAND_APPLIED, shown.front().message().c_str());
        QCOMPARE(shown.front().control().revision(), revision + 1);
        QTRY_COMPARE_WITH_TIMEOUT(store.control().revision(), revision + 1, 5000);
        QCOMPARE(liveRevision(), int(revision + 1));
        QCOMPARE(appliedRows(m_osong.port(), "failover-1"), 1);
        // Nothing more comes for it.
        const qint64 simNow = store.state().sim_time_ms();
        QTRY_VERIFY_WITH_TIMEOUT(store.state().sim_time_ms() > simNow, 5000);
        QCOMPARE(int(shown.size()), 1);
        QCOMPARE(liveRevision(), int(revision + 1));
        client.stop();
    }
};

QTEST_GUILESS_MAIN(TestFailover)
#include "tst_failover.moc"
