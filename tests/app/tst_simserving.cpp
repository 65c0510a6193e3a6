// The real sitroom-sim serving over TLS on loopback, with the protocol's own
// client side: what a console will see.
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestTlsClient.h"

#include <QtTest>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace sitroom;
using sitroom::testing::SimulatorProcess;
using sitroom::testing::TestTlsClient;
using Body = sitroom::v1::Envelope::BodyCase;

namespace {

QStringList servingArgs(const QString &tlsDir, const QStringList &extra = {})
{
    return QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--tls-dir"), tlsDir} + extra;
}

} // namespace

class TestSimServing final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_tls = m_dir.filePath(QStringLiteral("tls-%1").arg(++m_counter));
    }

    void servesSnapshotThenTicksOverTls()
    {
        SimulatorProcess sim;
        QString error;
        // An empty --tls-dir: the simulator makes its own development CA.
        QVERIFY2(sim.start(servingArgs(m_tls, {QStringLiteral("--speed"), QStringLiteral("120"),
                                               QStringLiteral("--tick-hz"), QStringLiteral("10")}), &error),
                 qPrintable(error));
        QVERIFY(QFile::exists(m_tls + QStringLiteral("/ca.pem")));

        TestTlsClient client;
        QVERIFY2(client.connectToServer(sim.port(), m_tls + QStringLiteral("/ca.pem"), 5000, &error), qPrintable(error));
        client.sendHello();
        const int welcomeAt = client.waitForBody(Body::kWelcome);
        QVERIFY(welcomeAt >= 0);
        const v1::Welcome &welcome = client.received()[size_t(welcomeAt)].welcome();
        QCOMPARE(welcome.role(), v1::ROLE_VIEWER);
        QCOMPARE(welcome.tick_hz(), 10u);
        QCOMPARE(welcome.protocol_version(), 1u);

        const int snapshotAt = client.waitForBody(Body::kSnapshot);
        QCOMPARE(snapshotAt, welcomeAt + 1);
        const v1::Envelope snapshotEnvelope = client.received()[size_t(snapshotAt)];
        const v1::Snapshot &snapshot = snapshotEnvelope.snapshot();
        QCOMPARE(snapshot.configuration().scenario_id(), std::string("opening-18-49"));
        QCOMPARE(snapshot.configuration().providers_size(), 5);
        QCOMPARE(snapshot.configuration().cohorts_size(), 10);
        QCOMPARE(snapshot.configuration().speed(), 120.0);
        QCOMPARE(snapshot.state().providers_size(), 5);
        QCOMPARE(snapshot.control().admission_rate_per_s(), 700.0);
        QVERIFY(snapshotEnvelope.server_time_ms() > 0);

        // Ten ticks a second, each broadcast one past the last.
        QVERIFY(client.waitFor([&] { return client.count(Body::kTick, snapshotAt) >= 15; }, 5000));
        std::uint64_t expectedSeq = snapshotEnvelope.seq() + 1;
        std::int64_t lastSimTime = 0;
        for (size_t i = size_t(snapshotAt) + 1; i < client.received().size(); ++i) {
            const v1::Envelope &e = client.received()[i];
            if (e.body_case() != Body::kTick && e.body_case() != Body::kHeartbeat)
                continue;
            QCOMPARE(e.seq(), expectedSeq++);
            QVERIFY(e.server_time_ms() > 0);
            if (e.body_case() == Body::kTick) {
                QVERIFY(e.tick().state().sim_time_ms() >= lastSimTime);
                lastSimTime = e.tick().state().sim_time_ms();
            }
        }
        // 120 simulated seconds a second: more than a minute has passed by now.
        QVERIFY(lastSimTime - snapshot.state().sim_time_ms() >= 60'000);
        QCOMPARE(sim.stop(), 0);
    }

    void lateConsoleGetsTheLastHourAtOnce()
    {
        SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start(servingArgs(m_tls, {QStringLiteral("--speed"), QStringLiteral("2000"),
                                               QStringLiteral("--tick-hz"), QStringLiteral("5")}), &error),
                 qPrintable(error));
        // Let the simulation get past the 20:00 opening (it starts at 19:30).
        TestTlsClient early;
        QVERIFY2(early.connectToServer(sim.port(), m_tls + QStringLiteral("/ca.pem"), 5000, &error), qPrintable(error));
        early.sendHello();
        QVERIFY(early.waitFor([&] {
            const auto &r = early.received();
            return !r.empty() && r.back().body_case() == Body::kTick
                && r.back().tick().state().sim_time_ms() - r.front().sim_time_ms() > 0
                && r.back().tick().state().admission().queue_depth() > 0;
        }, 15000));

        TestTlsClient late;
        QVERIFY2(late.connectToServer(sim.port(), m_tls + QStringLiteral("/ca.pem"), 5000, &error), qPrintable(error));
        late.sendHello();
        const int at = late.waitForBody(Body::kSnapshot);
        QVERIFY(at >= 0);
        const v1::Snapshot &snapshot = late.received()[size_t(at)].snapshot();
        const v1::History &history = snapshot.history();
        QVERIFY2(history.queue_depth_size() >= 1800, qPrintable(QString::number(history.queue_depth_size())));
        QVERIFY(history.queue_depth_size() <= 3600);
        QCOMPARE(history.step_ms(), 1000u);
        QCOMPARE(history.providers_size(), 5);
        for (const v1::ProviderSeries &series : history.providers()) {
            QCOMPARE(series.light_size(), history.queue_depth_size());
            QCOMPARE(series.p95_latency_ms_size(), history.queue_depth_size());
        }
        // The backfill ends where the current state is.
        const std::int64_t lastSample = history.first_time_ms() + std::int64_t(history.queue_depth_size() - 1) * 1000;
        QVERIFY(std::abs(lastSample - snapshot.state().sim_time_ms()) <= 1000);
        // The opening surge is in it.
        std::uint64_t peak = 0;
        for (std::uint64_t depth : history.queue_depth())
            peak = std::max(peak, depth);
        QVERIFY(peak > 1000);
        QCOMPARE(sim.stop(), 0);
    }

    void refusesAnUnknownProtocolVersion()
    {
        SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start(servingArgs(m_tls), &error), qPrintable(error));
        TestTlsClient client;
        QVERIFY2(client.connectToServer(sim.port(), m_tls + QStringLiteral("/ca.pem"), 5000, &error), qPrintable(error));
        client.sendHello(7);
        const int at = client.waitForBody(Body::kRefusal);
        QVERIFY(at >= 0);
        const v1::Refusal &refusal = client.received()[size_t(at)].refusal();
        QCOMPARE(refusal.code(), v1::REFUSAL_UNSUPPORTED_VERSION);
        QVERIFY(QString::fromStdString(refusal.reason()).contains(QStringLiteral("7")));
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.count(Body::kWelcome), 0);
    }

    void aHostileClientIsDroppedAndOthersCarryOn()
    {
        SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start(servingArgs(m_tls, {QStringLiteral("--speed"), QStringLiteral("60"),
                                               QStringLiteral("--tick-hz"), QStringLiteral("10")}), &error),
                 qPrintable(error));
        const QString ca = m_tls + QStringLiteral("/ca.pem");
        TestTlsClient good;
        TestTlsClient garbage;
        TestTlsClient oversized;
        QVERIFY(good.connectToServer(sim.port(), ca, 5000, &error));
        QVERIFY(garbage.connectToServer(sim.port(), ca, 5000, &error));
        QVERIFY(oversized.connectToServer(sim.port(), ca, 5000, &error));
        good.sendHello();
        garbage.sendHello();
        QVERIFY(good.waitForBody(Body::kSnapshot) >= 0);
        QVERIFY(garbage.waitForBody(Body::kSnapshot) >= 0);

        garbage.sendRaw(QByteArray("\x05\xff\xff\xff\xff\xff", 6));
        oversized.sendRaw(QByteArray("\x80\x80\x80\x01", 4)); // announces 2 MiB
        QVERIFY(garbage.waitForDisconnected());
        QVERIFY(oversized.waitForDisconnected());

        const int ticksBefore = good.count(Body::kTick);
        QVERIFY(good.waitFor([&] { return good.count(Body::kTick) >= ticksBefore + 10; }, 5000));
        QVERIFY(good.isConnected());
        const QString log = sim.standardError();
        QVERIFY2(log.contains(QStringLiteral("not a valid Envelope")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("cap")), qPrintable(log));
        QCOMPARE(sim.stop(), 0);
    }

    void commandsAreRefusedToViewers()
    {
        SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start(servingArgs(m_tls), &error), qPrintable(error));
        TestTlsClient client;
        QVERIFY(client.connectToServer(sim.port(), m_tls + QStringLiteral("/ca.pem"), 5000, &error));
        client.sendHello();
        QVERIFY(client.waitForBody(Body::kSnapshot) >= 0);
        v1::Envelope command;
        command.mutable_command()->set_command_id("c-1");
        command.mutable_command()->set_reason("drill");
        command.mutable_command()->mutable_set_admission_rate()->set_rate_per_s(100);
        client.send(command);
        const int at = client.waitForBody(Body::kCommandResult);
        QVERIFY(at >= 0);
        const v1::CommandResult &result = client.received()[size_t(at)].command_result();
        QCOMPARE(result.command_id(), std::string("c-1"));
        QCOMPARE(result.status(), v1::COMMAND_REFUSED);
        QCOMPARE(result.control().admission_rate_per_s(), 700.0);
    }

    void endOfScenarioGoesIdleAndReports()
    {
        SimulatorProcess sim;
        QString error;
        const QString report = m_dir.filePath(QStringLiteral("end-%1.json").arg(m_counter));
        QVERIFY2(sim.start(servingArgs(m_tls, {QStringLiteral("--speed"), QStringLiteral("600"),
                                               QStringLiteral("--duration"), QStringLiteral("10m"),
                                               QStringLiteral("--report"), report}), &error),
                 qPrintable(error));
        TestTlsClient client;
        QVERIFY(client.connectToServer(sim.port(), m_tls + QStringLiteral("/ca.pem"), 5000, &error));
        client.sendHello();
        // Ten simulated minutes at 600x take a second; then only heartbeats.
        QVERIFY(client.waitFor([&] {
            for (const v1::Envelope &e : client.received()) {
                if (e.body_case() == Body::kHeartbeat && e.heartbeat().source_idle())
                    return true;
            }
            return false;
        }, 10000));
        QVERIFY(QFile::exists(report));
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("virtual_seconds")).toInt(), 600);
        QCOMPARE(sim.stop(), 0);
    }

    void stoppingWritesTheReport()
    {
        SimulatorProcess sim;
        QString error;
        const QString report = m_dir.filePath(QStringLiteral("stop-%1.json").arg(m_counter));
        QVERIFY2(sim.start(servingArgs(m_tls, {QStringLiteral("--speed"), QStringLiteral("60"),
                                               QStringLiteral("--report"), report}), &error),
                 qPrintable(error));
        // Stopped once the simulation has run for at least 30 virtual seconds,
        // as a client watching it sees.
        TestTlsClient client;
        QVERIFY2(client.connectToServer(sim.port(), m_tls + QStringLiteral("/ca.pem"), 5000, &error), qPrintable(error));
        client.sendHello();
        const int snapshotAt = client.waitForBody(Body::kSnapshot);
        QVERIFY(snapshotAt >= 0);
        const qint64 startedAt = client.received()[size_t(snapshotAt)].snapshot().state().sim_time_ms();
        QVERIFY(client.waitFor([&] {
            const auto &r = client.received();
            return r.back().has_tick() && r.back().tick().state().sim_time_ms() - startedAt >= 30'000;
        }, 10000));
        QCOMPARE(sim.stop(), 0);
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject r = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(r.value(QStringLiteral("virtual_seconds")).toInt() >= 30);
        QVERIFY(r.value(QStringLiteral("virtual_seconds")).toInt() < 86400);
    }

    void aTakenPortIsAPlainError()
    {
        SimulatorProcess first;
        QString error;
        QVERIFY2(first.start(servingArgs(m_tls), &error), qPrintable(error));
        const auto run = testing::runSimulator({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(first.port()),
                                                QStringLiteral("--tls-dir"), m_tls}, 20000);
        QCOMPARE(run.exitCode, 1);
        // Start-up log lines may come before it; the error is the last word, said plainly.
        const QStringList lines = run.err.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(!lines.isEmpty() && lines.last().startsWith(QStringLiteral("sitroom-sim: cannot listen")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QString::number(first.port())), qPrintable(run.err));
    }

private:
    QTemporaryDir m_dir;
    QString m_tls;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestSimServing)
#include "tst_simserving.moc"
