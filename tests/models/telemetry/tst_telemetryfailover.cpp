// The telemetry worker with two gateways, Seoul's and Osong's, played by
// scripted in-process gateways: it picks the healthy one, moves when the
// level of the one it is on falls or its link dies, within 3 s including the
// snapshot, never shows the old gateway's picture as fresh on the way, and
// sends a command left unanswered again, same command_id, showing one result.
#include "models/situation/SituationStore.h"
#include "models/telemetry/TelemetryClient.h"

#include "tests/models/telemetry/BatchLog.h"
#include "tests/support/ScriptedGateway.h"
#include "tests/support/TemporaryTlsDir.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QtTest>

#include <map>
#include <memory>

using namespace sitroom;
using namespace sitroom::testing;
using models::LinkState;
using models::SituationStore;
using models::TelemetryClient;

namespace {

constexpr quint64 kSeoulBase = 1'000'000;   // bookings_total in Seoul's picture...
constexpr quint64 kOsongBase = 2'000'000;   // ...and in Osong's: whose data is on screen
constexpr int kMoveBudgetMs = 3000;

v1::Command throttleCommand(const char *id)
{
    v1::Command c;
    c.set_command_id(id);
    c.set_expected_revision(5);
    c.set_reason("queue above 30 min");
    c.mutable_set_admission_rate()->set_rate_per_s(400);
    return c;
}

} // namespace

class TestTelemetryFailover final : public QObject
{
    Q_OBJECT

private:
    TemporaryTlsDir m_tls;
    std::unique_ptr<ScriptedGateway> m_seoul;
    std::unique_ptr<ScriptedGateway> m_osong;
    std::unique_ptr<TelemetryClient> m_client;
    std::unique_ptr<SituationStore> m_store;
    std::unique_ptr<BatchLog> m_log;

    std::unique_ptr<ScriptedGateway> gateway(const char *id, v1::Site site, quint64 base)
    {
        auto g = std::make_unique<ScriptedGateway>();
        g->setIdentity(QString::fromLatin1(id), site);
        g->snapshot().mutable_state()->set_sim_time_ms(1'628'500'000'000);
        g->snapshot().mutable_state()->set_bookings_total(base);
        g->setServiceLevel(255);
        return g;
    }

    void connectClient(quint16 firstPort)
    {
        models::ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = firstPort;
        settings.otherServers = {transport::HostPort{QStringLiteral("127.0.0.1"), m_osong->port()}};
        settings.caFile = m_tls.caPath();
        settings.user = QStringLiteral("kim");
        settings.password = QStringLiteral("kim-pw");
        settings.pingIntervalMs = 0;
        // Long: a move that waited for the backoff would show.
        settings.backoff.initialMs = 20000;
        settings.backoff.maxMs = 20000;
        m_client = std::make_unique<TelemetryClient>();
        m_store = std::make_unique<SituationStore>();
        m_log = std::make_unique<BatchLog>(m_client.get());
        connect(m_client.get(), &TelemetryClient::batchReady, m_store.get(), &SituationStore::apply);
        m_client->start(settings);
    }

    // Live on that gateway, its own picture fresh on screen.
    bool showing(v1::Site site, quint64 base) const
    {
        return m_store->isLive() && !m_store->isStale() && m_store->welcome().server_site() == site
            && m_store->state().bookings_total() >= base && m_store->state().bookings_total() < base + 1'000'000;
    }
    bool showingSeoul() const { return showing(v1::SITE_SEOUL, kSeoulBase); }
    bool showingOsong() const { return showing(v1::SITE_OSONG, kOsongBase); }

    // From the moment the link to Seoul is seen gone, whether the store ever
    // calls Seoul's picture fresh again.
    struct FreshnessWatch
    {
        bool linkLeftLive = false;
        bool oldShownFresh = false;
    };
    std::shared_ptr<FreshnessWatch> watchFreshness()
    {
        auto watch = std::make_shared<FreshnessWatch>();
        // After the store has applied each batch (connected after it), and on
        // its own freshness timer: what a view reading it would show.
        const auto check = [this, watch] {
            if (watch->linkLeftLive && !m_store->isStale() && m_store->state().bookings_total() < kOsongBase)
                watch->oldShownFresh = true;
        };
        connect(m_client.get(), &TelemetryClient::batchReady, this, [watch, check](const models::TelemetryBatch &batch) {
            for (const models::LinkEvent &event : batch.link) {
                if (event.state != LinkState::Live)
                    watch->linkLeftLive = true;
            }
            check();
        });
        connect(m_store.get(), &SituationStore::freshnessChanged, this, check);
        return watch;
    }

private slots:
    void init()
    {
        QVERIFY2(m_tls.isValid(), qPrintable(m_tls.errorString()));
        m_seoul = gateway("seoul-gw", v1::SITE_SEOUL, kSeoulBase);
        m_osong = gateway("osong-gw", v1::SITE_OSONG, kOsongBase);
        QString error;
        QVERIFY2(m_seoul->listen(m_tls.path(), &error), qPrintable(error));
        QVERIFY2(m_osong->listen(m_tls.path(), &error), qPrintable(error));
        m_seoul->startTicking(100);
        m_osong->startTicking(100);
    }

    void cleanup()
    {
        if (m_client)
            m_client->stop();
        m_log.reset();
        m_client.reset();
        m_store.reset();
        m_seoul.reset();
        m_osong.reset();
    }

    void staysOnTheFirstWhileItIsHealthy()
    {
        connectClient(m_seoul->port());
        QTRY_VERIFY_WITH_TIMEOUT(showingSeoul(), 5000);
        QCOMPARE(m_store->link().server, m_seoul->address());
        QVERIFY(!m_store->link().switching);
        // A second's worth of ticks: nobody probed Osong, nobody signed in there.
        const quint64 now = m_store->state().bookings_total();
        QTRY_VERIFY_WITH_TIMEOUT(m_store->state().bookings_total() >= now + 8, 5000);
        QCOMPARE(m_osong->probes(), 0);
        QCOMPARE(m_osong->signIns(), 0);
    }

    void picksTheHealthyOne()
    {
        m_seoul->setServiceLevel(120);   // degraded from the start
        connectClient(m_seoul->port());
        QTRY_VERIFY_WITH_TIMEOUT(showingOsong(), 5000);
        QCOMPARE(m_store->link().server, m_osong->address());
        QVERIFY(m_store->link().switching);
        // It learnt Osong's level by probing, then signed in there once, with
        // the same credentials.
        QCOMPARE(m_osong->probes(), 1);
        QCOMPARE(m_osong->signIns(), 1);
        QCOMPARE(m_seoul->signIns(), 1);
    }

    void otherwiseTheBest_data()
    {
        QTest::addColumn<quint32>("seoul");
        QTest::addColumn<quint32>("osong");
        QTest::addColumn<bool>("moves");
        QTest::newRow("Osong better") << 100u << 150u << true;
        QTest::newRow("Osong worse") << 150u << 100u << false;
        QTest::newRow("equal") << 150u << 150u << false;
    }

    void otherwiseTheBest()
    {
        QFETCH(quint32, seoul);
        QFETCH(quint32, osong);
        QFETCH(bool, moves);
        m_seoul->setServiceLevel(seoul);
        m_osong->setServiceLevel(osong);
        connectClient(m_seoul->port());
        if (moves) {
            QTRY_VERIFY_WITH_TIMEOUT(showingOsong(), 5000);
            return;
        }
        QTRY_VERIFY_WITH_TIMEOUT(showingSeoul(), 5000);
        // Osong was asked and found no better: Seoul it stays.
        QTRY_COMPARE_WITH_TIMEOUT(m_osong->probes(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_osong->connectedPeers(), 0, 5000);
        QVERIFY(showingSeoul());
        QCOMPARE(m_osong->signIns(), 0);
    }

    void movesWhenTheLevelFalls()
    {
        connectClient(m_seoul->port());
        QTRY_VERIFY_WITH_TIMEOUT(showingSeoul(), 5000);
        const auto watch = watchFreshness();
        QElapsedTimer clock;
        clock.start();
        m_seoul->setServiceLevel(60);   // its state store is gone, say
        QTRY_VERIFY_WITH_TIMEOUT(showingOsong(), kMoveBudgetMs);
        QVERIFY2(clock.elapsed() <= kMoveBudgetMs, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(watch->linkLeftLive);
        QVERIFY(!watch->oldShownFresh);
        QCOMPARE(m_store->link().server, m_osong->address());
    }

    void movesWhenTheGatewayDies()
    {
        connectClient(m_seoul->port());
        QTRY_VERIFY_WITH_TIMEOUT(showingSeoul(), 5000);
        const auto watch = watchFreshness();
        QElapsedTimer clock;
        clock.start();
        m_seoul->die();
        QTRY_VERIFY_WITH_TIMEOUT(showingOsong(), kMoveBudgetMs);
        QVERIFY2(clock.elapsed() <= kMoveBudgetMs, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(watch->linkLeftLive);
        QVERIFY(!watch->oldShownFresh);
        // Straight there: no backoff (20 s here), no probe needed.
        QCOMPARE(m_log->countLink(LinkState::Failed), 1);
    }

    void movesWhenTheLinkFallsSilent()
    {
        connectClient(m_seoul->port());
        QTRY_VERIFY_WITH_TIMEOUT(showingSeoul(), 5000);
        const auto watch = watchFreshness();
        m_seoul->goSilent();
        // Three missed heartbeats (1 s each) call the link dead...
        QTRY_VERIFY_WITH_TIMEOUT(m_log->countLink(LinkState::Failed) == 1, 3000 + 1500);
        QCOMPARE(m_log->linkOf(LinkState::Failed).front().failure, models::LinkFailure::Silence);
        // ...and from there the move takes at most 3 s.
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(showingOsong(), kMoveBudgetMs);
        QVERIFY2(clock.elapsed() <= kMoveBudgetMs, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!watch->oldShownFresh);
    }

    void aDeadFirstGatewayIsPassedAtOnce()
    {
        // Nothing listens on the first address.
        QTcpServer reserve;
        QVERIFY(reserve.listen(QHostAddress::LocalHost, 0));
        const quint16 nobody = reserve.serverPort();
        reserve.close();
        QElapsedTimer clock;
        clock.start();
        connectClient(nobody);
        QTRY_VERIFY_WITH_TIMEOUT(showingOsong(), kMoveBudgetMs);
        QCOMPARE(m_log->linkOf(LinkState::Failed).front().failure, models::LinkFailure::ConnectionRefused);
        QCOMPARE(m_log->linkOf(LinkState::Failed).front().server, QStringLiteral("127.0.0.1:%1").arg(nobody));
    }

    void aCommandInFlightIsResentAndShownOnce()
    {
        // One pipeline behind both gateways: a repeated command_id gets its
        // first result, whichever gateway it comes through.
        auto results = std::make_shared<std::map<std::string, v1::Envelope>>();
        m_seoul->setCommandScript([](ScriptedGateway &g, const v1::Command &) {
            // Seoul takes the command and dies before answering.
            QTimer::singleShot(50, &g, [&g] { g.die(); });
        });
        m_osong->setCommandScript([results](ScriptedGateway &g, const v1::Command &command) {
            auto [at, first] = results->try_emplace(
                command.command_id(),
                ScriptedGateway::answer(command, v1::COMMAND_APPLIED, v1::COMMAND_STAGE_SENT, 6, "applied"));
            Q_UNUSED(first);
            // Answered twice, as a gateway and its twin might: shown once.
            g.send(at->second);
            g.send(at->second);
        });
        connectClient(m_seoul->port());
        QTRY_VERIFY_WITH_TIMEOUT(showingSeoul(), 5000);
        std::vector<v1::CommandResult> shown;
        connect(m_store.get(), &SituationStore::commandResult, this,
                [&shown](const v1::CommandResult &r) { shown.push_back(r); });

        m_client->sendCommand(throttleCommand("cmd-1"));
        QTRY_COMPARE_WITH_TIMEOUT(int(m_seoul->commands().size()), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(showingOsong(), kMoveBudgetMs + 1000);
        QTRY_COMPARE_WITH_TIMEOUT(int(shown.size()), 1, 5000);
        QCOMPARE(shown.front().command_id(), std::string("cmd-1"));
        QCOMPARE(shown.front().status(), v1::COMMAND_APPLIED);
        // Osong got it once, with the same id.
        QCOMPARE(int(m_osong->commands().size()), 1);
        QCOMPARE(m_osong->commands().front().command_id(), std::string("cmd-1"));
        QCOMPARE(m_osong->commands().front().expected_revision(), 5u);
        // No second result comes later.
        const int batches = int(m_log->batches().size());
        QTRY_VERIFY_WITH_TIMEOUT(int(m_log->batches().size()) > batches + 5, 5000);
        QCOMPARE(int(shown.size()), 1);
    }

    void anAnsweredCommandIsNotResent()
    {
        m_seoul->setCommandScript([](ScriptedGateway &g, const v1::Command &command) {
            g.send(ScriptedGateway::answer(command, v1::COMMAND_APPLIED, v1::COMMAND_STAGE_SENT, 6));
        });
        connectClient(m_seoul->port());
        QTRY_VERIFY_WITH_TIMEOUT(showingSeoul(), 5000);
        int results = 0;
        connect(m_store.get(), &SituationStore::commandResult, this, [&results] { ++results; });
        m_client->sendCommand(throttleCommand("cmd-2"));
        QTRY_COMPARE_WITH_TIMEOUT(results, 1, 5000);
        m_seoul->die();
        QTRY_VERIFY_WITH_TIMEOUT(showingOsong(), kMoveBudgetMs);
        QVERIFY(m_osong->commands().empty());
        QCOMPARE(results, 1);
    }
};

QTEST_MAIN(TestTelemetryFailover)
#include "tst_telemetryfailover.moc"
