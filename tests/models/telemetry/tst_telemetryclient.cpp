// TelemetryClient against the real sitroom-sim on loopback: handshake and
// snapshot, ticks at a paced rate, the server killed and restarted, a wrong CA,
// a refusal, nobody listening, silence, and stopping at awkward moments.
#include "models/telemetry/TelemetryClient.h"

#include "tests/models/telemetry/BatchLog.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TemporaryTlsDir.h"

#include <QtTest>

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <algorithm>
#include <csignal>
#include <memory>
#include <vector>

#include <sys/types.h>

using namespace sitroom;
using sitroom::models::ConnectionSettings;
using sitroom::models::LinkEvent;
using sitroom::models::LinkState;
using sitroom::models::TelemetryBatch;
using sitroom::models::TelemetryClient;
using sitroom::testing::BatchLog;
using sitroom::testing::SimulatorProcess;

namespace {

// Resumes a SIGSTOPped simulator whatever happens to the test.
struct ResumeOnExit
{
    qint64 pid;
    ~ResumeOnExit() { ::kill(pid_t(pid), SIGCONT); }
};

quint16 unusedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// Delays of successive failures from one reset must follow 1 s x1.6^i +-20 %.
bool followsBackoff(const std::vector<LinkEvent> &failures, QString *why)
{
    double nominal = 1000;
    for (const LinkEvent &event : failures) {
        if (event.retryInMs < nominal * 0.8 - 1 || event.retryInMs > nominal * 1.2 + 1) {
            *why = QStringLiteral("retry in %1 ms, expected %2 +-20 %").arg(event.retryInMs).arg(nominal);
            return false;
        }
        nominal = std::min(nominal * 1.6, 30000.0);
    }
    return true;
}

} // namespace

class TestTelemetryClient final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_spareCa.isValid(), qPrintable(m_spareCa.errorString()));
        m_tls = m_dir.filePath(QStringLiteral("tls-%1").arg(++m_counter));
    }

    void liveWithSnapshotThenPacedTicks()
    {
        SimulatorProcess sim;
        startSim(sim);
        TelemetryClient client;
        BatchLog log(&client);
        client.start(settingsFor(sim.port()));

        QTRY_VERIFY_WITH_TIMEOUT(log.snapshotBatch() >= 0, 10000);
        // A copy: the log grows (and reallocates) while the test waits below.
        const TelemetryBatch first = log.batches()[size_t(log.snapshotBatch())];
        // Connecting, Handshaking, Live, in that order, on the first attempt.
        QVERIFY(log.link().size() >= 3);
        QCOMPARE(log.link()[0].state, LinkState::Connecting);
        QCOMPARE(log.link()[0].attempt, 1);
        QCOMPARE(log.link()[1].state, LinkState::Handshaking);
        QCOMPARE(log.link()[2].state, LinkState::Live);
        QCOMPARE(log.countLink(LinkState::Failed), 0);

        bool sawWelcome = false;
        for (const TelemetryBatch &batch : log.batches()) {
            if (batch.welcome) {
                sawWelcome = true;
                QCOMPARE(batch.welcome->role(), v1::ROLE_VIEWER);
                QCOMPARE(batch.welcome->tick_hz(), 10u);
            }
        }
        QVERIFY(sawWelcome);
        const v1::Snapshot &snapshot = *first.snapshot;
        QCOMPARE(snapshot.configuration().scenario_id(), std::string("opening-18-49"));
        QCOMPARE(snapshot.configuration().providers_size(), 5);
        QCOMPARE(snapshot.state().providers_size(), 5);
        QCOMPARE(snapshot.configuration().speed(), 60.0);
        QVERIFY(!first.snapshotAfterGap);
        QVERIFY(first.hasState);
        QVERIFY(first.lastServerTimeMs > 0);
        QVERIFY(first.lastMessageMonotonicMs > 0);
        {
            // The GUI's stale logic compares it with its own monotonic now.
            QElapsedTimer now;
            now.start();
            const qint64 age = now.msecsSinceReference() - first.lastMessageMonotonicMs;
            QVERIFY2(age >= 0 && age < 5000, qPrintable(QString::number(age)));
        }

        // Ticks: the simulated clock advances, samples arrive column-aligned.
        const size_t afterSnapshot = size_t(log.snapshotBatch()) + 1;
        QTRY_VERIFY_WITH_TIMEOUT(log.batches().size() >= afterSnapshot + 5, 5000);
        // Ticks keep coming until more than 100 simulated seconds have passed
        // (60 a second) and a Ping has come back. How many batches that takes is
        // the pacer's business (BatchPacer's test, the bench's figure), not a
        // timed window here.
        // The snapshot's own batch may already carry ticks after it (the batch
        // restarts its samples at the snapshot), so samples count from there.
        const auto samplesSinceSnapshot = [&log] {
            int n = 0;
            for (size_t i = size_t(log.snapshotBatch()); i < log.batches().size(); ++i)
                n += log.batches()[i].samples.queue_depth_size();
            return n;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            log.batches().back().hasState
                && log.batches().back().state.sim_time_ms() - snapshot.state().sim_time_ms() >= 100'000
                && samplesSinceSnapshot() >= 100
                && std::any_of(log.batches().begin(), log.batches().end(),
                               [](const TelemetryBatch &b) { return b.roundTripMs.has_value(); }),
            10000);

        qint64 lastSim = snapshot.state().sim_time_ms();
        qint64 lastMono = first.lastMessageMonotonicMs;
        int samples = first.samples.queue_depth_size();
        bool roundTrip = false;
        for (size_t i = afterSnapshot; i < log.batches().size(); ++i) {
            const TelemetryBatch &batch = log.batches()[i];
            QVERIFY(!batch.snapshot);
            QCOMPARE(batch.gaps, 0u);
            if (batch.hasState) {
                QVERIFY(batch.state.sim_time_ms() >= lastSim);
                lastSim = batch.state.sim_time_ms();
            }
            if (batch.messages > 0) {
                QVERIFY(batch.lastMessageMonotonicMs >= lastMono);
                lastMono = batch.lastMessageMonotonicMs;
            }
            samples += batch.samples.queue_depth_size();
            for (const v1::ProviderSeries &series : batch.samples.providers())
                QCOMPARE(series.light_size(), batch.samples.queue_depth_size());
            roundTrip = roundTrip || batch.roundTripMs.has_value();
        }
        QVERIFY2(lastSim - snapshot.state().sim_time_ms() >= 100'000,
                 qPrintable(QString::number(lastSim - snapshot.state().sim_time_ms())));
        // One sample per simulated second since the snapshot: at least 100,
        // and never more than the seconds that passed (the one in progress
        // at the snapshot may complete after it).
        QVERIFY2(samples >= 100, qPrintable(QString::number(samples)));
        QVERIFY2(samples <= (lastSim - snapshot.state().sim_time_ms()) / 1000 + 1,
                 qPrintable(QStringLiteral("%1 samples in %2 ms").arg(samples).arg(lastSim - snapshot.state().sim_time_ms())));
        // The first Ping goes out on Welcome; its Pong may share the snapshot's batch.
        roundTrip = roundTrip || std::any_of(log.batches().begin(), log.batches().begin() + std::ptrdiff_t(afterSnapshot),
                                             [](const TelemetryBatch &b) { return b.roundTripMs.has_value(); });
        QVERIFY(roundTrip);

        // Pacing: never two batches within a frame (the connection burst of
        // Welcome, Snapshot and Pong included). A little slack for this
        // thread being late to take them.
        int tooClose = 0;
        for (size_t i = 1; i < log.arrivedMs().size(); ++i)
            tooClose += log.arrivedMs()[i] - log.arrivedMs()[i - 1] < 20 ? 1 : 0;
        QVERIFY2(tooClose <= 1, qPrintable(QString::number(tooClose)));

        client.stop();
        QTRY_COMPARE_WITH_TIMEOUT(log.countLink(LinkState::Stopped), 1, 2000);
        QCOMPARE(sim.stop(), 0);
    }

    void serverKilledAndRestartedResyncs()
    {
        SimulatorProcess sim;
        startSim(sim);
        const quint16 port = sim.port();
        TelemetryClient client;
        BatchLog log(&client);
        client.start(settingsFor(port));
        QTRY_VERIFY_WITH_TIMEOUT(log.snapshotBatch() >= 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(log.batches().size() >= size_t(log.snapshotBatch()) + 3, 5000);

        const size_t mark = log.link().size();
        sim.kill();  // SIGKILL: no Refusal, no goodbye
        // Three failures: the dropped connection, then two refused connects.
        QTRY_VERIFY_WITH_TIMEOUT(log.countLink(LinkState::Failed, mark) >= 3, 10000);
        const std::vector<LinkEvent> failures = log.linkOf(LinkState::Failed, mark);
        QString why;
        QVERIFY2(followsBackoff(failures, &why), qPrintable(why));
        QVERIFY(failures[1].retryInMs > failures[0].retryInMs);
        QVERIFY(failures[2].retryInMs > failures[1].retryInMs);
        QVERIFY(log.countLink(LinkState::Connecting, mark) >= 2);
        QCOMPARE(failures[0].attempt, 0);  // the link that was live
        QCOMPARE(failures[2].attempt, 2);  // counts up until Live

        const size_t batchesBefore = log.batches().size();
        QString error;
        QVERIFY2(sim.start(simArgs(QStringLiteral("127.0.0.1:%1").arg(port)), &error), qPrintable(error));
        QCOMPARE(sim.port(), port);
        QTRY_VERIFY_WITH_TIMEOUT(log.snapshotBatch(batchesBefore) >= 0, 15000);
        QVERIFY(log.countLink(LinkState::Live, mark) == 1);
        const TelemetryBatch &resync = log.batches()[size_t(log.snapshotBatch(batchesBefore))];
        QCOMPARE(resync.snapshot->configuration().providers_size(), 5);
        QVERIFY(!resync.snapshotAfterGap);  // a new connection, not a gap
        client.stop();
        QCOMPARE(sim.stop(), 0);
    }

    void wrongCertificateAuthorityFailsAndRetries()
    {
        SimulatorProcess sim;
        startSim(sim);
        testing::TemporaryTlsDir otherCa;
        QVERIFY2(otherCa.isValid(), qPrintable(otherCa.errorString()));
        ConnectionSettings settings = settingsFor(sim.port());
        settings.caFile = otherCa.caPath();
        TelemetryClient client;
        BatchLog log(&client);
        client.start(settings);
        QTRY_VERIFY_WITH_TIMEOUT(log.countLink(LinkState::Failed) >= 2, 10000);
        for (const LinkEvent &event : log.linkOf(LinkState::Failed))
            QVERIFY2(event.detail.contains(QStringLiteral("certificate"), Qt::CaseInsensitive), qPrintable(event.detail));
        QCOMPARE(log.countLink(LinkState::Live), 0);
        QCOMPARE(log.countLink(LinkState::Handshaking), 0);  // no Hello sent to an unverified server
        client.stop();
        QVERIFY(sim.process().state() == QProcess::Running);
        QCOMPARE(sim.stop(), 0);
    }

    void unreadableCaFileFailsWithAPlainMessage()
    {
        ConnectionSettings settings = settingsFor(7600);
        settings.caFile = m_dir.filePath(QStringLiteral("missing.pem"));
        TelemetryClient client;
        BatchLog log(&client);
        client.start(settings);
        QTRY_VERIFY_WITH_TIMEOUT(log.countLink(LinkState::Failed) >= 2, 5000);
        const LinkEvent failed = log.linkOf(LinkState::Failed).front();
        QVERIFY2(failed.detail.contains(QStringLiteral("missing.pem")), qPrintable(failed.detail));
        QVERIFY(failed.retryInMs >= 800 && failed.retryInMs <= 1200);
    }

    void refusedHelloReportsTheServersReason()
    {
        SimulatorProcess sim;
        startSim(sim);
        ConnectionSettings settings = settingsFor(sim.port());
        settings.protocolVersion = 99;
        TelemetryClient client;
        BatchLog log(&client);
        client.start(settings);
        QTRY_VERIFY_WITH_TIMEOUT(log.countLink(LinkState::Refused) >= 1, 10000);
        const LinkEvent refused = log.linkOf(LinkState::Refused).front();
        QCOMPARE(refused.refusal, v1::REFUSAL_UNSUPPORTED_VERSION);
        QVERIFY2(refused.detail.contains(QStringLiteral("99")), qPrintable(refused.detail));
        QVERIFY(refused.retryInMs >= 800 && refused.retryInMs <= 1200);
        // It tries again after the backoff, and is refused again.
        QTRY_VERIFY_WITH_TIMEOUT(log.countLink(LinkState::Refused) >= 2, 5000);
        QCOMPARE(log.countLink(LinkState::Live), 0);
        QCOMPARE(log.countLink(LinkState::Failed), 0);  // the close after a Refusal is not a second failure
        client.stop();
        QCOMPARE(sim.stop(), 0);
    }

    void nobodyListeningRetriesWithBackoff()
    {
        const quint16 port = unusedPort();
        QVERIFY(port != 0);
        ConnectionSettings settings = settingsFor(port);
        settings.caFile = m_spareCa.caPath();
        TelemetryClient client;
        BatchLog log(&client);
        client.start(settings);
        QTRY_VERIFY_WITH_TIMEOUT(log.countLink(LinkState::Failed) >= 3, 10000);
        const std::vector<LinkEvent> failures = log.linkOf(LinkState::Failed);
        QString why;
        QVERIFY2(followsBackoff(failures, &why), qPrintable(why));
        for (size_t i = 0; i < failures.size(); ++i) {
            QCOMPARE(failures[i].attempt, int(i) + 1);
            QVERIFY(!failures[i].detail.isEmpty());
        }
        // The attempts really wait: the third starts about 1 + 1.6 s after the first.
        client.stop();
        QVERIFY(!client.isRunning());
    }

    void handshakeTimeoutAndStopWhileConnecting()
    {
        // Accepts TCP and never answers: TLS stays unfinished.
        QTcpServer mute;
        QVERIFY(mute.listen(QHostAddress::LocalHost, 0));
        ConnectionSettings settings = settingsFor(mute.serverPort());
        settings.caFile = m_spareCa.caPath();
        settings.handshakeTimeoutMs = 400;
        {
            TelemetryClient client;
            BatchLog log(&client);
            client.start(settings);
            QTRY_VERIFY_WITH_TIMEOUT(log.countLink(LinkState::Failed) >= 1, 5000);
            QVERIFY2(log.linkOf(LinkState::Failed).front().detail.contains(QStringLiteral("400 ms")),
                     qPrintable(log.linkOf(LinkState::Failed).front().detail));
            // Stop in the middle of the next attempt.
            QTRY_VERIFY_WITH_TIMEOUT(log.countLink(LinkState::Connecting) >= 2, 5000);
            client.stop();
            client.stop();  // twice is harmless
            QTRY_COMPARE_WITH_TIMEOUT(log.countLink(LinkState::Stopped), 1, 2000);
            QCOMPARE(log.link().back().state, LinkState::Stopped);
            QVERIFY(!client.isRunning());
            // No retry after stop: nothing more happens within several back-off periods.
            const size_t events = log.link().size();
            QVERIFY2(!QTest::qWaitFor([&] { return log.link().size() > events; }, 1500),
                     qPrintable(QStringLiteral("link event after stop: state %1").arg(int(log.link().back().state))));
        }
        {
            // Destroyed mid-handshake: the destructor returns, and the server sees
            // the connection closed (the worker thread let go of its socket).
            QTcpServer silent;  // its own server, so no earlier attempt is in its queue
            QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
            ConnectionSettings toSilent = settingsFor(silent.serverPort());
            toSilent.caFile = m_spareCa.caPath();
            toSilent.handshakeTimeoutMs = 10000;
            auto client = std::make_unique<TelemetryClient>();
            client->start(toSilent);
            QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 5000);
            QPointer<QTcpSocket> accepted = silent.nextPendingConnection();
            QVERIFY(accepted);
            QCOMPARE(accepted->state(), QAbstractSocket::ConnectedState);
            client.reset();
            QTRY_COMPARE_WITH_TIMEOUT(accepted->state(), QAbstractSocket::UnconnectedState, 5000);
        }
        {
            // Restarted in place before its thread did anything: the second
            // settings win, so its attempts go to the second (closed) port.
            const quint16 closedPort = unusedPort();
            QVERIFY(closedPort != 0);
            TelemetryClient client;
            BatchLog log(&client);
            client.start(settings);
            ConnectionSettings elsewhere = settingsFor(closedPort);
            elsewhere.caFile = m_spareCa.caPath();
            client.start(elsewhere);
            QVERIFY(client.isRunning());
            QTRY_VERIFY_WITH_TIMEOUT(log.countLink(LinkState::Failed) >= 1, 5000);
            const LinkEvent failure = log.linkOf(LinkState::Failed).front();
            QVERIFY2(failure.detail.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                     qPrintable(failure.detail));
            client.stop();
            QVERIFY(!client.isRunning());
        }
    }

    void silentServerStopsTheClock()
    {
        SimulatorProcess sim;
        startSim(sim);
        ConnectionSettings settings = settingsFor(sim.port());
        settings.silenceTimeoutMs = 6000;
        TelemetryClient client;
        BatchLog log(&client);
        client.start(settings);
        QTRY_VERIFY_WITH_TIMEOUT(log.snapshotBatch() >= 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(log.batches().size() >= size_t(log.snapshotBatch()) + 5, 5000);

        const qint64 pid = sim.process().processId();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
        ResumeOnExit resume{pid};
        const qint64 stoppedAt = log.now();

        // The silence ends in a dead link (silenceTimeoutMs), and only then: until
        // that failure nothing arrived but what was already on its way when the
        // server stopped, so the last-message time stood still for the whole silence.
        QTRY_VERIFY_WITH_TIMEOUT(log.countLink(LinkState::Failed) >= 1, 10000);
        size_t failedBatch = 0;
        while (failedBatch < log.batches().size()
               && std::none_of(log.batches()[failedBatch].link.begin(), log.batches()[failedBatch].link.end(),
                               [](const LinkEvent &e) { return e.state == LinkState::Failed; }))
            ++failedBatch;
        QVERIFY(failedBatch < log.batches().size());
        qint64 lastMessage = 0;
        qint64 lastMessageArrived = 0;
        for (size_t i = 0; i < failedBatch; ++i) {
            if (log.batches()[i].messages == 0)
                continue;
            lastMessage = std::max(lastMessage, log.batches()[i].lastMessageMonotonicMs);
            lastMessageArrived = log.arrivedMs()[i];
        }
        const qint64 failedAt = log.arrivedMs()[failedBatch];
        QVERIFY2(lastMessageArrived < stoppedAt + 1000,
                 qPrintable(QStringLiteral("a message arrived %1 ms after SIGSTOP").arg(lastMessageArrived - stoppedAt)));
        // No failure while the silence was shorter than the timeout.
        QVERIFY2(failedAt - lastMessageArrived >= settings.silenceTimeoutMs - 1000,
                 qPrintable(QStringLiteral("failed %1 ms after the last message").arg(failedAt - lastMessageArrived)));
        QVERIFY2(log.linkOf(LinkState::Failed).front().detail.contains(QStringLiteral("nothing received")),
                 qPrintable(log.linkOf(LinkState::Failed).front().detail));
        ::kill(pid_t(pid), SIGCONT);
        const size_t mark = log.batches().size();
        QTRY_VERIFY_WITH_TIMEOUT(log.snapshotBatch(mark) >= 0, 15000);
        for (size_t i = mark; i < log.batches().size(); ++i) {
            if (log.batches()[i].messages > 0)
                QVERIFY(log.batches()[i].lastMessageMonotonicMs > lastMessage);
        }
        client.stop();
        QCOMPARE(sim.stop(), 0);
    }

private:
    QStringList simArgs(const QString &listen) const
    {
        return {QStringLiteral("--listen"), listen, QStringLiteral("--tls-dir"), m_tls,
                QStringLiteral("--speed"), QStringLiteral("60"), QStringLiteral("--tick-hz"), QStringLiteral("10")};
    }

    void startSim(SimulatorProcess &sim)
    {
        QString error;
        QVERIFY2(sim.start(simArgs(QStringLiteral("127.0.0.1:0")), &error), qPrintable(error));
    }

    ConnectionSettings settingsFor(quint16 port) const
    {
        ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = port;
        settings.caFile = m_tls + QStringLiteral("/ca.pem");
        settings.user = QStringLiteral("tester");
        settings.clientName = QStringLiteral("tst_telemetryclient");
        settings.clientVersion = QStringLiteral("0");
        return settings;
    }

    QTemporaryDir m_dir;
    // A valid CA for tests where no simulator made one; no server uses it.
    testing::TemporaryTlsDir m_spareCa;
    QString m_tls;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestTelemetryClient)
#include "tst_telemetryclient.moc"
