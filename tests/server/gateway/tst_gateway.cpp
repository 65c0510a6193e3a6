#include "tests/support/TemporaryTlsDir.h"
#include "tests/support/TestTlsClient.h"
#include "server/gateway/Gateway.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using sitroom::gateway::Gateway;
using sitroom::gateway::GatewayOptions;
using sitroom::testing::TemporaryTlsDir;
using sitroom::testing::TestTlsClient;
using sitroom::v1::Envelope;

namespace {

constexpr std::int64_t kSimStart = 1'620'000'000'000;
constexpr int kWaitMs = 5000;

sitroom::v1::SystemState stateAt(int second)
{
    sitroom::v1::SystemState state;
    state.set_sim_time_ms(kSimStart + std::int64_t(second) * 1000);
    state.mutable_admission()->set_queue_depth(std::uint64_t(second) * 100);
    state.set_bookings_total(std::uint64_t(second));
    auto *provider = state.add_providers();
    provider->set_id("naver");
    provider->set_light(sitroom::v1::LIGHT_GREEN);
    return state;
}

// `count` per-second samples ending just before `second`.
sitroom::v1::History samplesBefore(int second, int count)
{
    sitroom::v1::History h;
    h.set_first_time_ms(kSimStart + std::int64_t(second - count) * 1000);
    h.set_step_ms(1000);
    auto *series = h.add_providers();
    series->set_id("naver");
    for (int i = second - count; i < second; ++i) {
        h.add_queue_depth(std::uint64_t(i) * 100);
        for (auto *column : {h.mutable_arrivals_per_s(), h.mutable_admitted_per_s(),
                             h.mutable_abandoned_per_s(), h.mutable_bookings_per_s(),
                             h.mutable_auth_attempts_per_s(), h.mutable_backend_utilization(),
                             h.mutable_rate_limit_per_s()})
            column->Add(float(i));
        series->add_light(sitroom::v1::LIGHT_GREEN);
        series->add_p95_latency_ms(float(i));
        series->add_error_rate(0.01f);
        series->add_requests_per_s(float(i));
    }
    return h;
}

sitroom::v1::Configuration configuration()
{
    sitroom::v1::Configuration config;
    config.set_scenario_id("test-scenario");
    config.set_sim_start_ms(kSimStart);
    config.add_providers()->set_id("naver");
    return config;
}

sitroom::v1::ControlState control(std::uint64_t revision)
{
    sitroom::v1::ControlState c;
    c.set_revision(revision);
    c.set_admission_rate_per_s(250);
    return c;
}

} // namespace

class TestGateway final : public QObject
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
        startGateway();
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
        startGateway();
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
        startGateway();
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
        startGateway();
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
        startGateway([](GatewayOptions &o) { o.maxFrameBytes = 4096; });
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
        startGateway();
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
        startGateway();
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

    void commandsAreRefusedForViewers()
    {
        startGateway();
        TestTlsClient *client = activeClient();
        QVERIFY(client);
        Envelope command;
        command.mutable_command()->set_command_id("cmd-1");
        command.mutable_command()->set_expected_revision(7);
        command.mutable_command()->mutable_set_admission_rate()->set_rate_per_s(10);
        client->send(command);
        const int i = client->waitForBody(Envelope::kCommandResult, kWaitMs);
        QVERIFY(i >= 0);
        const auto &result = client->received().at(std::size_t(i)).command_result();
        QCOMPARE(result.command_id(), std::string("cmd-1"));
        QCOMPARE(result.status(), sitroom::v1::COMMAND_REFUSED);
        QCOMPARE(QString::fromStdString(result.message()), QStringLiteral("this session has the viewer role: commands are not allowed"));
        QCOMPARE(result.control().revision(), 7u);
        QCOMPARE(result.control().admission_rate_per_s(), 250.0);
        QCOMPARE(client->count(Envelope::kControlEvent), 0);
    }

    void auditIsPagedVerifiedAndInSnapshots()
    {
        startGateway();
        TestTlsClient *client = activeClient();
        QVERIFY(client);
        // Without a users file every session is a viewer; its refused commands are still audited.
        for (int i = 0; i < 3; ++i) {
            Envelope command;
            command.mutable_command()->set_command_id("audit-cmd-" + std::to_string(i));
            command.mutable_command()->set_reason("try " + std::to_string(i));
            command.mutable_command()->mutable_resume_admission();
            client->send(command);
        }
        QVERIFY(client->waitFor([&] { return client->count(Envelope::kCommandResult) == 3; }, kWaitMs));
        QCOMPARE(client->count(Envelope::kAuditEvent), 3);

        const auto request = [&](std::uint64_t afterId, std::uint32_t limit, bool verify) {
            Envelope e;
            e.mutable_audit_request()->set_request_id("r" + std::to_string(afterId));
            e.mutable_audit_request()->set_after_id(afterId);
            e.mutable_audit_request()->set_limit(limit);
            e.mutable_audit_request()->set_verify(verify);
            const int from = int(client->received().size());
            client->send(e);
            const int i = client->waitForBody(Envelope::kAuditResponse, kWaitMs, from);
            return i >= 0 ? client->received().at(std::size_t(i)).audit_response() : sitroom::v1::AuditResponse();
        };
        auto page = request(0, 2, false);
        QCOMPARE(page.request_id(), std::string("r0"));
        QCOMPARE(page.entries_size(), 2);
        QVERIFY(page.more());
        QVERIFY(!page.verified());
        QCOMPARE(page.entries(0).reason(), std::string("try 0"));
        QCOMPARE(page.entries(0).outcome().rfind("refused", 0), 0u);
        page = request(2, 2, true);
        QCOMPARE(page.entries_size(), 1);
        QVERIFY(!page.more());
        QVERIFY(page.verified());
        QVERIFY(page.chain_ok());
        QCOMPARE(page.rows_checked(), 3u);

        TestTlsClient *second = activeClient();
        QVERIFY(second);
        const int snapshotAt = second->indexOf(Envelope::kSnapshot);
        QCOMPARE(second->received().at(std::size_t(snapshotAt)).snapshot().recent_audit_size(), 3);
        // Nothing changed: no ControlEvent, and the revision is the source's.
        QCOMPARE(client->count(Envelope::kControlEvent), 0);
        QCOMPARE(second->received().at(std::size_t(snapshotAt)).snapshot().control().revision(), 7u);
    }

    void heartbeatFillsSilence()
    {
        startGateway([](GatewayOptions &o) { o.heartbeatIntervalMs = 100; });
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
        startGateway([](GatewayOptions &o) { o.handshakeTimeoutMs = 300; });
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
        startGateway();
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
        startGateway([](GatewayOptions &o) {
            o.maxClientBacklogBytes = 256 * 1024;
            o.historySeconds = 30;
        });
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
            QTest::qWait(1);
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

private:
    void startGateway(const std::function<void(GatewayOptions &)> &adjust = {})
    {
        GatewayOptions options;
        options.address = QHostAddress::LocalHost;
        options.port = 0;
        options.tlsDir = m_tls.path();
        options.serverId = QStringLiteral("test-gateway");
        options.tickHz = 4;
        // Long enough that no heartbeat interleaves with the ticks a test counts.
        options.heartbeatIntervalMs = 60000;
        options.handshakeTimeoutMs = 5000;
        if (adjust)
            adjust(options);
        m_gateway = std::make_unique<Gateway>(options);
        m_gateway->setConfiguration(configuration());
        m_gateway->setControlState(control(7));
        QString error;
        QVERIFY2(m_gateway->listen(&error), qPrintable(error));
        QVERIFY(m_gateway->serverPort() != 0);
    }

    // Publishes the state after `samples` more simulated seconds.
    void tick(int samples)
    {
        m_second += samples;
        m_gateway->publishTick(stateAt(m_second), samplesBefore(m_second, samples));
    }

    TestTlsClient *connectedClient()
    {
        auto client = std::make_unique<TestTlsClient>();
        QString error;
        if (!client->connectToServer(m_gateway->serverPort(), m_tls.caPath(), kWaitMs, &error)) {
            qWarning("connect failed: %s", qPrintable(error));
            return nullptr;
        }
        m_clients.push_back(std::move(client));
        return m_clients.back().get();
    }

    // Connected, past Hello, with its Welcome and Snapshot received.
    TestTlsClient *activeClient()
    {
        TestTlsClient *client = connectedClient();
        if (!client)
            return nullptr;
        client->sendHello();
        if (client->waitForBody(Envelope::kSnapshot, kWaitMs) < 0)
            return nullptr;
        return client;
    }

    TemporaryTlsDir m_tls;
    std::unique_ptr<Gateway> m_gateway;
    std::vector<std::unique_ptr<TestTlsClient>> m_clients;
    int m_second = 0;
};

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
