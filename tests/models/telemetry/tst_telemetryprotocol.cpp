// TelemetryClient against a scripted in-process TLS server, for what the real
// simulator does not do on demand: a sequence gap, a burst of messages, garbage,
// a service level that falls and comes back.
#include "models/telemetry/TelemetryClient.h"

#include "tests/support/TemporaryTlsDir.h"
#include "proto/framing/FrameCodec.h"
#include "server/gateway/ServerTls.h"

#include <QtTest>

#include <QSslServer>
#include <QSslSocket>

#include <memory>
#include <vector>

using namespace sitroom;
using sitroom::models::ConnectionSettings;
using sitroom::models::LinkEvent;
using sitroom::models::LinkState;
using sitroom::models::TelemetryBatch;
using sitroom::models::TelemetryClient;
using Body = sitroom::v1::Envelope::BodyCase;

namespace {

// One connection at a time; records what the client sends.
class ScriptedServer final : public QObject
{
public:
    bool listen(const QString &tlsDir, QString *error)
    {
        QSslConfiguration config;
        if (!gateway::loadServerTls(tlsDir, &config, error))
            return false;
        m_server.setSslConfiguration(config);
        connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_peer = qobject_cast<QSslSocket *>(socket);
                m_decoder = framing::FrameDecoder();
                ++m_connections;
                connect(m_peer, &QSslSocket::readyRead, this, [this, socket] {
                    if (socket != m_peer)
                        return;
                    m_decoder.feed(socket->readAll(), [this](v1::Envelope &e) { m_received.push_back(e); });
                });
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }
    const std::vector<v1::Envelope> &received() const { return m_received; }
    int count(Body body) const
    {
        int n = 0;
        for (const v1::Envelope &e : m_received)
            n += e.body_case() == body ? 1 : 0;
        return n;
    }

    void send(const v1::Envelope &e) { m_peer->write(framing::encodeFrame(e)); }
    void sendRaw(const QByteArray &bytes) { m_peer->write(bytes); }

    // Welcome and Snapshot at seq, as the gateway does after a Hello.
    void welcome(quint64 seq, qint64 simMs)
    {
        v1::Envelope w;
        w.set_seq(seq);
        w.set_server_time_ms(1);
        w.mutable_welcome()->set_protocol_version(1);
        w.mutable_welcome()->set_server_id("scripted");
        w.mutable_welcome()->set_tick_hz(10);
        send(w);
        send(snapshot(seq, simMs));
    }

    static v1::Envelope snapshot(quint64 seq, qint64 simMs)
    {
        v1::Envelope s;
        s.set_seq(seq);
        s.set_server_time_ms(2);
        s.set_sim_time_ms(simMs);
        s.mutable_snapshot()->mutable_state()->set_sim_time_ms(simMs);
        s.mutable_snapshot()->mutable_configuration()->set_scenario_id("scripted");
        return s;
    }

    // A tick completing the second that ends at simMs.
    static v1::Envelope tick(quint64 seq, qint64 simMs)
    {
        v1::Envelope t;
        t.set_seq(seq);
        t.set_server_time_ms(3);
        t.set_sim_time_ms(simMs);
        t.mutable_tick()->mutable_state()->set_sim_time_ms(simMs);
        v1::History *h = t.mutable_tick()->mutable_samples();
        h->set_first_time_ms(simMs - 1000);
        h->set_step_ms(1000);
        h->add_queue_depth(std::uint64_t(simMs / 1000));
        v1::ProviderSeries *p = h->add_providers();
        p->set_id("p1");
        p->add_light(v1::LIGHT_GREEN);
        p->add_p95_latency_ms(float(simMs / 1000));
        p->add_error_rate(0);
        p->add_requests_per_s(1);
        return t;
    }

private:
    QSslServer m_server;
    QSslSocket *m_peer = nullptr;
    framing::FrameDecoder m_decoder;
    std::vector<v1::Envelope> m_received;
    int m_connections = 0;
};

} // namespace

class TestTelemetryProtocol final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY2(m_tls.isValid(), qPrintable(m_tls.errorString()));
        m_batches.clear();
        m_link.clear();
        m_client = std::make_unique<TelemetryClient>();
        connect(m_client.get(), &TelemetryClient::batchReady, this, [this](const TelemetryBatch &batch) {
            m_batches.push_back(batch);
            m_link.insert(m_link.end(), batch.link.begin(), batch.link.end());
        });
        m_server = std::make_unique<ScriptedServer>();
        QString error;
        QVERIFY2(m_server->listen(m_tls.path(), &error), qPrintable(error));
        ConnectionSettings settings;
        settings.port = m_server->port();
        settings.caFile = m_tls.caPath();
        settings.user = QStringLiteral("tester");
        settings.pingIntervalMs = 0;
        m_client->start(settings);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->count(Body::kHello) == 1, 5000);
        const v1::Hello &hello = m_server->received().front().hello();
        QCOMPARE(hello.protocol_version(), 1u);
        QCOMPARE(hello.user(), std::string("tester"));
        QCOMPARE(hello.client_name(), std::string("sitroom"));
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void gapAsksForASnapshotAndDropsTicksUntilItComes()
    {
        m_server->welcome(10, 100'000);
        // The gap comes once the console is live: the welcome's snapshot has been
        // delivered in a batch of its own. (Sent at once, the two snapshots may
        // share one batch, which then rightly holds only the later one.)
        QTRY_VERIFY_WITH_TIMEOUT(!m_batches.empty() && m_batches.back().snapshot, 5000);
        m_server->send(ScriptedServer::tick(11, 101'000));
        m_server->send(ScriptedServer::tick(13, 103'000));  // 12 is missing
        QTRY_VERIFY_WITH_TIMEOUT(m_server->count(Body::kSnapshotRequest) == 1, 5000);
        for (const v1::Envelope &e : m_server->received()) {
            if (e.body_case() == Body::kSnapshotRequest)
                QCOMPARE(e.snapshot_request().last_seen_seq(), 11u);
        }
        m_server->send(ScriptedServer::tick(14, 104'000));  // still waiting: dropped
        m_server->send(ScriptedServer::snapshot(14, 104'500));
        m_server->send(ScriptedServer::tick(15, 105'000));
        QTRY_VERIFY_WITH_TIMEOUT(!m_batches.empty() && m_batches.back().hasState
                                     && m_batches.back().state.sim_time_ms() == 105'000, 5000);

        quint64 gaps = 0;
        int snapshots = 0;
        bool afterGap = false;
        for (const TelemetryBatch &batch : m_batches) {
            gaps += batch.gaps;
            if (batch.snapshot) {
                ++snapshots;
                afterGap = batch.snapshotAfterGap;
            }
            QVERIFY(!batch.hasState || (batch.state.sim_time_ms() != 103'000 && batch.state.sim_time_ms() != 104'000));
        }
        QCOMPARE(gaps, 1u);
        QCOMPARE(snapshots, 2);
        QVERIFY(afterGap);  // the second one
        QCOMPARE(m_server->count(Body::kSnapshotRequest), 1);  // asked once
        QCOMPARE(m_server->connections(), 1);                  // a gap is not a reconnect
    }

    void aBurstCostsFewBatches()
    {
        m_server->welcome(0, 1'000'000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_batches.empty() && m_batches.back().snapshot, 5000);
        const size_t mark = m_batches.size();
        QByteArray burst;
        constexpr int kTicks = 2000;
        for (int i = 1; i <= kTicks; ++i)
            framing::appendFrame(burst, ScriptedServer::tick(quint64(i), 1'000'000 + qint64(i) * 1000));
        m_server->sendRaw(burst);
        QTRY_VERIFY_WITH_TIMEOUT(m_batches.back().hasState
                                     && m_batches.back().state.sim_time_ms() == 1'000'000 + kTicks * 1000, 5000);

        // Every sample, in order, split over few batches.
        std::uint64_t expectedDepth = 1001;
        quint64 messages = 0;
        for (size_t i = mark; i < m_batches.size(); ++i) {
            const v1::History &samples = m_batches[i].samples;
            messages += m_batches[i].messages;
            if (samples.queue_depth_size() == 0)
                continue;
            QCOMPARE(samples.first_time_ms(), qint64(expectedDepth - 1) * 1000);
            for (int k = 0; k < samples.queue_depth_size(); ++k)
                QCOMPARE(samples.queue_depth(k), expectedDepth++);
            QCOMPARE(samples.providers_size(), 1);
            QCOMPARE(samples.providers(0).p95_latency_ms_size(), samples.queue_depth_size());
        }
        QCOMPARE(expectedDepth, std::uint64_t(1001 + kTicks));
        QCOMPARE(messages, quint64(kTicks));
        const size_t batches = m_batches.size() - mark;
        QVERIFY2(batches <= 20, qPrintable(QString::number(batches)));
    }

    // Each broadcast's service level reaches the console, with whether the
    // gateway's data was fresh as it left (a Tick; a Heartbeat only of an
    // idle source), the newest in a batch winning.
    void theServiceLevelReachesTheConsole()
    {
        m_server->welcome(0, 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_batches.empty() && m_batches.back().snapshot, 5000);
        QVERIFY(!m_batches.back().serviceLevel);   // the Welcome's is in the Welcome

        v1::Envelope down = ScriptedServer::tick(1, 2000);
        down.set_service_level(100);
        m_server->send(down);
        QTRY_VERIFY_WITH_TIMEOUT(m_batches.back().serviceLevel, 5000);
        QCOMPARE(m_batches.back().serviceLevel->level, 100u);
        QVERIFY(m_batches.back().serviceLevel->onFreshData);

        v1::Envelope late;
        late.set_seq(2);
        late.mutable_heartbeat()->set_source_idle(false);
        late.set_service_level(90);
        m_server->send(late);
        QTRY_VERIFY_WITH_TIMEOUT(m_batches.back().serviceLevel && m_batches.back().serviceLevel->level == 90u, 5000);
        QVERIFY(!m_batches.back().serviceLevel->onFreshData);

        v1::Envelope idle;
        idle.set_seq(3);
        idle.mutable_heartbeat()->set_source_idle(true);
        idle.set_service_level(100);
        v1::Envelope back = ScriptedServer::tick(4, 3000);
        back.set_service_level(240);
        QByteArray both;
        framing::appendFrame(both, idle);
        framing::appendFrame(both, back);
        m_server->sendRaw(both);
        QTRY_VERIFY_WITH_TIMEOUT(m_batches.back().serviceLevel && m_batches.back().serviceLevel->level == 240u, 5000);
        QVERIFY(m_batches.back().serviceLevel->onFreshData);
    }

    void garbageIsAProtocolErrorAndReconnects()
    {
        m_server->welcome(0, 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_link.empty() && m_link.back().state == LinkState::Live, 5000);
        m_server->sendRaw(QByteArray("\x05\xff\xff\xff\xff\xff", 6));
        QTRY_VERIFY_WITH_TIMEOUT(!m_link.empty() && m_link.back().state != LinkState::Live, 5000);
        const LinkEvent failed = m_link.back();
        QCOMPARE(failed.state, LinkState::Failed);
        QVERIFY2(failed.detail.startsWith(QStringLiteral("protocol error: ")), qPrintable(failed.detail));
        QVERIFY(failed.retryInMs >= 800 && failed.retryInMs <= 1200);  // backoff was reset by Live
        QTRY_VERIFY_WITH_TIMEOUT(m_server->connections() == 2, 5000);
    }

    void messagesBeforeWelcomeAreAProtocolError()
    {
        m_server->send(ScriptedServer::tick(1, 1000));
        QTRY_VERIFY_WITH_TIMEOUT(!m_link.empty() && m_link.back().state == LinkState::Failed, 5000);
        QVERIFY2(m_link.back().detail.contains(QStringLiteral("before Welcome")), qPrintable(m_link.back().detail));
    }

private:
    testing::TemporaryTlsDir m_tls;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<TelemetryClient> m_client;
    std::vector<TelemetryBatch> m_batches;
    std::vector<LinkEvent> m_link;
};

QTEST_GUILESS_MAIN(TestTelemetryProtocol)
#include "tst_telemetryprotocol.moc"
