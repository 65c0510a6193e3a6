// Two rooms' gateways as real processes on one PostgreSQL (issue 13): one
// sitroom-sim as the live system, Debian's Prometheus scraping it, and two
// sitroom-gateway processes (Seoul's and Osong's) reading it through that
// Prometheus, steering it through its one control webhook, and keeping their
// state in one private cluster (--state postgresql://…). A command through
// Seoul's gateway shows on a console of Osong's within a second; the same
// command_id sent to Osong's is answered with its first result and the live
// system moved once.
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

using namespace sitroom::testing;
using sitroom::v1::Envelope;

namespace {

constexpr int kStartMs = 30000;
constexpr int kFreshMs = 30000;   // Prometheus's first samples reach every rate() window
const QByteArray kSecret = "two-rooms-test-secret-0123";

bool signIn(TestTlsClient &client, quint16 port, const QString &caPath, const QString &user)
{
    if (!client.connectToServer(port, caPath, 10000))
        return false;
    Envelope hello;
    hello.mutable_hello()->set_protocol_version(sitroom::v1::PROTOCOL_VERSION_1);
    hello.mutable_hello()->set_user(user.toStdString());
    hello.mutable_hello()->set_password(QString(user + QStringLiteral("-pw")).toStdString());
    hello.mutable_hello()->set_client_name("tst_gatewaytworooms");
    client.send(hello);
    return client.waitForBody(Envelope::kSnapshot, 10000) >= 0;
}

// The last Tick's state, or null.
const sitroom::v1::SystemState *lastState(const TestTlsClient &client)
{
    for (auto it = client.received().rbegin(); it != client.received().rend(); ++it)
        if (it->has_tick())
            return &it->tick().state();
    return nullptr;
}

bool fresh(const TestTlsClient &client)
{
    const auto *state = lastState(client);
    return state && state->stale_size() == 0;
}

// The control revision the client was last told (snapshot, event or result).
std::uint64_t revisionSeen(const TestTlsClient &client)
{
    for (auto it = client.received().rbegin(); it != client.received().rend(); ++it) {
        if (it->has_control_event())
            return it->control_event().control().revision();
        if (it->has_command_result())
            return it->command_result().control().revision();
        if (it->has_snapshot())
            return it->snapshot().control().revision();
    }
    return 0;
}

} // namespace

class TestGatewayTwoRooms final : public QObject
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

    int liveRevision() const
    {
        QByteArray body;
        PrometheusProcess::httpStatus(m_sim.controlPort(), "/control", &body);
        return QJsonDocument::fromJson(body).object().value(QStringLiteral("revision")).toInt(-1);
    }

    sitroom::v1::CommandResult send(TestTlsClient &client, const Envelope &command)
    {
        const int from = int(client.received().size());
        client.send(command);
        const int at = client.waitForBody(Envelope::kCommandResult, 30000, from);
        return at < 0 ? sitroom::v1::CommandResult() : client.received().at(std::size_t(at)).command_result();
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

    void aCommandThroughSeoulShowsOnOsongWithinASecond()
    {
        TestTlsClient kim, watcher;
        QVERIFY(signIn(kim, m_seoul.port(), m_tls.caPath(), QStringLiteral("kim")));
        QVERIFY(signIn(watcher, m_osong.port(), m_tls.caPath(), QStringLiteral("han")));
        // The stale-figure interlock refuses controls until the figures are fresh.
        QVERIFY(kim.waitFor([&] { return fresh(kim); }, kFreshMs));
        QCOMPARE(revisionSeen(watcher), revisionSeen(kim));
        const std::uint64_t revision = revisionSeen(kim);

        Envelope command;
        command.mutable_command()->set_command_id("two-rooms-1");
        command.mutable_command()->set_expected_revision(revision);
        command.mutable_command()->set_reason("drill: one command, two rooms");
        command.mutable_command()->mutable_set_admission_rate()->set_rate_per_s(640);
        QElapsedTimer sent;
        sent.start();
        const sitroom::v1::CommandResult applied = send(kim, command);
        const qint64 answeredMs = sent.elapsed();
        QVERIFY2(applied.status() == sitroom::v1::COMMAND_APPLIED, applied.message().c_str());
        QCOMPARE(applied.control().revision(), revision + 1);
        // Within a second of Seoul's answer (the answer waits for the live system).
        QVERIFY(watcher.waitFor([&] { return revisionSeen(watcher) == revision + 1; }, 1000));
        qInfo("Seoul answered %lld ms after the command was sent; Osong's console had it by %lld ms", answeredMs,
              sent.elapsed());
        // The live system took it, at the revision the gateways agree on.
        QCOMPARE(liveRevision(), int(revision + 1));

        // The console moved to Osong's gateway and sent it again: the first answer, the live system moved once.
        TestTlsClient kimAtOsong;
        QVERIFY(signIn(kimAtOsong, m_osong.port(), m_tls.caPath(), QStringLiteral("kim")));
        const sitroom::v1::CommandResult again = send(kimAtOsong, command);
        QCOMPARE(again.status(), sitroom::v1::COMMAND_APPLIED);
        QCOMPARE(again.control().revision(), revision + 1);
        QCOMPARE(liveRevision(), int(revision + 1));
        QVERIFY(m_seoul.isRunning() && m_osong.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestGatewayTwoRooms)
#include "tst_gatewaytworooms.moc"
