// The gateway's sessions and broadcasts, in process over real TLS on
// loopback: the handshake and backfill, identical ticks for every client,
// protocol errors closing only their client, heartbeats, time-outs, shutdown
// and a stalled client's resync. Commands and audit: tst_gatewaycontrols.
#include "tests/server/gateway/GatewayFixture.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using sitroom::gateway::Gateway;
using sitroom::gateway::GatewayOptions;
using sitroom::v1::Envelope;
using namespace sitroom::gateway::testing;

class TestGateway final : public QObject, private GatewayFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_tls.isValid(), qPrintable(m_tls.errorString()));
    }

    void init()
    {
        m_second = 0;
    }

    void cleanup()
    {
        m_clients.clear();
        m_gateway.reset();
    }

    void helloGetsWelcomeThenSnapshotWithBackfill()
    {
        QVERIFY(startGateway());
        for (int i = 0; i < 5; ++i)
            tick(2);

        TestTlsClient *client = connectedClient();
        QVERIFY(client);
        client->sendHello();
        QVERIFY(client->waitFor([&] { return client->received().size() >= 2; }, kWaitMs));

        const Envelope &welcome = client->received().at(0);
        QCOMPARE(welcome.body_case(), Envelope::kWelcome);
        QCOMPARE(welcome.welcome().role(), sitroom::v1::ROLE_VIEWER);
        QCOMPARE(welcome.welcome().server_id(), std::string("test-gateway"));
        QCOMPARE(welcome.welcome().protocol_version(), 1u);
        QCOMPARE(welcome.welcome().heartbeat_interval_ms(), 60000u);
        QCOMPARE(welcome.welcome().tick_hz(), 4u);
        QCOMPARE(welcome.welcome().user(), std::string("tester"));
        QVERIFY(!welcome.welcome().session_id().empty());
        // Unicasts repeat the last broadcast's seq.
        QCOMPARE(welcome.seq(), 5u);
        QVERIFY(welcome.server_time_ms() > 0);
        QCOMPARE(welcome.sim_time_ms(), kSimStart + 10'000);

        const Envelope &snapshotEnvelope = client->received().at(1);
        QCOMPARE(snapshotEnvelope.body_case(), Envelope::kSnapshot);
        QCOMPARE(snapshotEnvelope.seq(), 5u);
        const auto &snapshot = snapshotEnvelope.snapshot();
        QCOMPARE(snapshot.configuration().scenario_id(), std::string("test-scenario"));
        QCOMPARE(snapshot.control().revision(), 7u);
        QCOMPARE(snapshot.state().sim_time_ms(), kSimStart + 10'000);
        QCOMPARE(snapshot.history().queue_depth_size(), 10);
        QCOMPARE(snapshot.history().first_time_ms(), kSimStart);
        QCOMPARE(snapshot.history().providers_size(), 1);
        QCOMPARE(snapshot.history().providers(0).requests_per_s_size(), 10);
        QCOMPARE(m_gateway->sessionCount(), 1);
    }

    void ticksAreConsecutiveAndIdenticalForEveryClient()
    {
        QVERIFY(startGateway());
        tick(1);
        TestTlsClient *a = activeClient();
        TestTlsClient *b = activeClient();
        QVERIFY(a && b);
        QVERIFY(a->received().at(0).welcome().session_id() != b->received().at(0).welcome().session_id());

        const int fromA = int(a->received().size());
        const int fromB = int(b->received().size());
        for (int i = 0; i < 5; ++i)
            tick(1);
        QVERIFY(a->waitFor([&] { return a->count(Envelope::kTick, fromA) == 5
                                        && b->count(Envelope::kTick, fromB) == 5; }, kWaitMs));
        for (int i = 0; i < 5; ++i) {
            const Envelope &ea = a->received().at(std::size_t(fromA + i));
            const Envelope &eb = b->received().at(std::size_t(fromB + i));
            QCOMPARE(ea.seq(), std::uint64_t(2 + i));
            QCOMPARE(ea.sim_time_ms(), kSimStart + std::int64_t(2 + i) * 1000);
            QCOMPARE(ea.tick().samples().queue_depth_size(), 1);
            // Serialised once: even the server timestamp is the same.
            QCOMPARE(QByteArray::fromStdString(ea.SerializeAsString()),
                     QByteArray::fromStdString(eb.SerializeAsString()));
        }
    }

    void unsupportedVersionIsRefused()
    {
        QVERIFY(startGateway());
        TestTlsClient *client = connectedClient();
        QVERIFY(client);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("version 2 is not supported")));
        client->sendHello(2);
        const int i = client->waitForBody(Envelope::kRefusal, kWaitMs);
        QVERIFY(i >= 0);
        const auto &refusal = client->received().at(std::size_t(i)).refusal();
        QCOMPARE(refusal.code(), sitroom::v1::REFUSAL_UNSUPPORTED_VERSION);
        QCOMPARE(refusal.supported_versions_size(), 1);
        QCOMPARE(refusal.supported_versions(0), 1u);
        const QString reason = QString::fromStdString(refusal.reason());
        QVERIFY2(reason.contains(QStringLiteral("version 2")) && reason.contains(QStringLiteral("version 1")),
                 qPrintable(reason));
        QCOMPARE(client->count(Envelope::kWelcome), 0);
        QVERIFY(client->waitForDisconnected(kWaitMs));
    }

    void firstMessageMustBeHello()
    {
        QVERIFY(startGateway());
        TestTlsClient *client = connectedClient();
        QVERIFY(client);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("first message must be a Hello")));
        Envelope ping;
        ping.mutable_ping()->set_nonce(1);
        client->send(ping);
        const int i = client->waitForBody(Envelope::kRefusal, kWaitMs);
        QVERIFY(i >= 0);
        QCOMPARE(client->received().at(std::size_t(i)).refusal().code(), sitroom::v1::REFUSAL_PROTOCOL_ERROR);
        QVERIFY(client->waitForDisconnected(kWaitMs));
    }

    void badStreamClosesOnlyThatClient_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("logged");
        // Length 3, then a field tag that never ends.
        QTest::newRow("garbage") << QByteArray::fromHex("03ffffff") << QStringLiteral("not a valid Envelope");
        // A 4097-byte frame against a 4096-byte cap; no payload needs to follow.
        QTest::newRow("oversized") << QByteArray::fromHex("8120") << QStringLiteral("protocol error");
        QTest::newRow("overlong varint") << QByteArray(11, char(0x80)) << QStringLiteral("protocol error");
    }

    void badStreamClosesOnlyThatClient()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, logged);
        QVERIFY(startGateway([](GatewayOptions &o) { o.maxFrameBytes = 4096; }));
        TestTlsClient *bad = activeClient();
        TestTlsClient *good = activeClient();
        QVERIFY(bad && good);
        QSignalSpy closed(m_gateway.get(), &Gateway::sessionClosed);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QRegularExpression::escape(logged)));
        bad->sendRaw(bytes);
        QVERIFY(bad->waitForDisconnected(kWaitMs));
        const int refusal = bad->indexOf(Envelope::kRefusal);
        QVERIFY(refusal >= 0);
        QCOMPARE(bad->received().at(std::size_t(refusal)).refusal().code(), sitroom::v1::REFUSAL_PROTOCOL_ERROR);
        // Usually already emitted: the server closes before the client notices.
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWaitMs);
        QCOMPARE(closed.at(0).at(1).toString().isEmpty(), false);
        QCOMPARE(m_gateway->sessionCount(), 1);

        const int from = int(good->received().size());
        tick(1);
        tick(1);
        QVERIFY(good->waitFor([&] { return good->count(Envelope::kTick, from) == 2; }, kWaitMs));
        QVERIFY(good->isConnected());
    }

    void pingIsAnsweredWithPong()
    {
        QVERIFY(startGateway());
        tick(1);
        TestTlsClient *client = activeClient();
        QVERIFY(client);
        Envelope ping;
        ping.mutable_ping()->set_nonce(0xfeedbeef);
        ping.mutable_ping()->set_client_time_ms(1234567);
        client->send(ping);
        const int i = client->waitForBody(Envelope::kPong, kWaitMs);
        QVERIFY(i >= 0);
        const Envelope &pong = client->received().at(std::size_t(i));
        QCOMPARE(pong.pong().nonce(), 0xfeedbeefu);
        QCOMPARE(pong.pong().client_time_ms(), 1234567);
        QCOMPARE(pong.seq(), 1u);
    }

    void snapshotRequestGetsAFreshSnapshot()
    {
        QVERIFY(startGateway());
        TestTlsClient *client = activeClient();
        QVERIFY(client);
        tick(3);
        QVERIFY(client->waitForBody(Envelope::kTick, kWaitMs) >= 0);
        const int from = int(client->received().size());
        Envelope request;
        request.mutable_snapshot_request()->set_last_seen_seq(0);
        client->send(request);
        const int i = client->waitForBody(Envelope::kSnapshot, kWaitMs, from);
        QVERIFY(i >= 0);
        const Envelope &snapshot = client->received().at(std::size_t(i));
        QCOMPARE(snapshot.seq(), 1u);
        QCOMPARE(snapshot.snapshot().history().queue_depth_size(), 3);
        QCOMPARE(snapshot.snapshot().state().sim_time_ms(), kSimStart + 3000);
    }

    void heartbeatFillsSilence()
    {
        QVERIFY(startGateway([](GatewayOptions &o) { o.heartbeatIntervalMs = 100; }));
        m_gateway->setSourceIdle(true);
        TestTlsClient *client = activeClient();
        QVERIFY(client);
        QVERIFY(client->waitFor([&] { return client->count(Envelope::kHeartbeat) >= 2; }, kWaitMs));
        const Envelope &first = client->received().at(std::size_t(client->indexOf(Envelope::kHeartbeat)));
        const Envelope &second =
            client->received().at(std::size_t(client->indexOf(Envelope::kHeartbeat, client->indexOf(Envelope::kHeartbeat) + 1)));
        QVERIFY(first.heartbeat().source_idle());
        QCOMPARE(second.seq(), first.seq() + 1);
    }

    void silentConnectionTimesOut()
    {
        QVERIFY(startGateway([](GatewayOptions &o) { o.handshakeTimeoutMs = 300; }));
        TestTlsClient *client = connectedClient();
        QVERIFY(client);
        const int i = client->waitForBody(Envelope::kRefusal, kWaitMs);
        QVERIFY(i >= 0);
        QCOMPARE(client->received().at(std::size_t(i)).refusal().code(), sitroom::v1::REFUSAL_HANDSHAKE_TIMEOUT);
        QVERIFY(client->waitForDisconnected(kWaitMs));
        QVERIFY(m_gateway->sessionCount() == 0 || QTest::qWaitFor([&] { return m_gateway->sessionCount() == 0; }));
    }

    void closeTellsClientsTheServerIsShuttingDown()
    {
        QVERIFY(startGateway());
        TestTlsClient *client = activeClient();
        QVERIFY(client);
        QSignalSpy closed(m_gateway.get(), &Gateway::sessionClosed);
        m_gateway->close();
        const int i = client->waitForBody(Envelope::kRefusal, kWaitMs);
        QVERIFY(i >= 0);
        QCOMPARE(client->received().at(std::size_t(i)).refusal().code(),
                 sitroom::v1::REFUSAL_SERVER_SHUTTING_DOWN);
        QVERIFY(client->waitForDisconnected(kWaitMs));
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, kWaitMs);
        QCOMPARE(m_gateway->sessionCount(), 0);
    }

    void stalledClientLagsThenResyncs()
    {
        QVERIFY(startGateway([](GatewayOptions &o) {
            o.maxClientBacklogBytes = 256 * 1024;
            o.historySeconds = 30;
        }));
        TestTlsClient *stalled = activeClient();
        TestTlsClient *healthy = activeClient();
        QVERIFY(stalled && healthy);
        QSignalSpy lag(m_gateway.get(), &Gateway::sessionLagChanged);

        stalled->setReadingPaused(true);
        // Big ticks fill the kernel's socket buffers quickly; the bound keeps a
        // broken test from running forever.
        int published = 0;
        const int healthyFrom = int(healthy->received().size());
        while (lag.isEmpty() && published < 2000) {
            tick(2000);
            ++published;
            lag.wait(1); // lets the sockets move while listening for the lag

        }
        QCOMPARE(lag.size(), 1);
        QCOMPARE(lag.at(0).at(1).toBool(), true);
        QCOMPARE(m_gateway->laggingSessionCount(), 1);
        // The healthy client is not held back by the stalled one.
        QVERIFY(healthy->waitFor([&] { return healthy->count(Envelope::kTick, healthyFrom) == published; },
                                 30000));

        const std::uint64_t seqWhenResumed = m_gateway->lastBroadcastSeq();
        stalled->setReadingPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(lag.size(), 2, 30000);
        QCOMPARE(lag.at(1).at(1).toBool(), false);
        QCOMPARE(m_gateway->laggingSessionCount(), 0);

        const int resync = stalled->waitForBody(Envelope::kSnapshot, 30000, 2);
        QVERIFY(resync >= 0);
        // While lagging nothing was queued for it: it got fewer ticks than
        // were published, and those it got have no gap among them.
        const int ticksBefore = stalled->count(Envelope::kTick, 0);
        QVERIFY2(ticksBefore < published, qPrintable(QStringLiteral("%1 of %2").arg(ticksBefore).arg(published)));
        std::uint64_t previous = 0;
        for (int i = 0; i < resync; ++i) {
            const Envelope &e = stalled->received().at(std::size_t(i));
            if (e.body_case() != Envelope::kTick)
                continue;
            QVERIFY(previous == 0 || e.seq() == previous + 1);
            previous = e.seq();
        }
        const Envelope &snapshot = stalled->received().at(std::size_t(resync));
        QCOMPARE(snapshot.seq(), seqWhenResumed);
        // The backfill stays within its window, however much was published.
        QCOMPARE(snapshot.snapshot().history().queue_depth_size(), 30);

        tick(1);
        const int next = stalled->waitForBody(Envelope::kTick, kWaitMs, resync + 1);
        QVERIFY(next >= 0);
        QCOMPARE(stalled->received().at(std::size_t(next)).seq(), seqWhenResumed + 1);
    }
};

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
