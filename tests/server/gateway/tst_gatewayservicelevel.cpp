// The gateway's service level on the wire: in Welcome with the room it
// serves, on every broadcast, in a Heartbeat out of turn when it moves and no
// tick carries it, 0 before it shuts down, and a probe that learns it
// without signing in.
#include "tests/server/gateway/GatewayFixture.h"

#include "server/gateway/ServiceLevel.h"

#include "tests/support/TestUsers.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace sitroom::gateway;
using namespace sitroom::gateway::testing;
namespace level = sitroom::gateway::service_level;

namespace {

// The level on the newest broadcast from index `from` on; -1 when none says.
int lastLevel(const TestTlsClient &client, int from = 0)
{
    int found = -1;
    const auto &all = client.received();
    for (std::size_t i = std::size_t(from); i < all.size(); ++i) {
        if (all[i].has_service_level())
            found = int(all[i].service_level());
    }
    return found;
}

} // namespace

class TestGatewayServiceLevel final : public QObject, public GatewayFixture
{
    Q_OBJECT

private slots:
    void welcomeNamesTheRoomAndItsLevel()
    {
        QVERIFY(startGateway([](GatewayOptions &o) { o.site = sitroom::v1::SITE_OSONG; }));
        // No tick yet: serving, with nothing to serve.
        TestTlsClient *client = activeClient();
        QVERIFY(client);
        const int at = client->indexOf(Envelope::kWelcome);
        QVERIFY(at >= 0);
        const sitroom::v1::Welcome &welcome = client->received().at(std::size_t(at)).welcome();
        QCOMPARE(welcome.server_id(), std::string("test-gateway"));
        QCOMPARE(welcome.server_site(), sitroom::v1::SITE_OSONG);
        QVERIFY(welcome.has_service_level());
        QCOMPARE(welcome.service_level(), level::kNoData);
        QCOMPARE(m_gateway->serviceLevel(), level::kNoData);

        // The first tick makes it healthy, and carries the news itself.
        const int before = int(client->received().size());
        tick(1);
        const int tickAt = client->waitForBody(Envelope::kTick, 1000, before);
        QVERIFY(tickAt >= 0);
        QCOMPARE(client->received().at(std::size_t(tickAt)).service_level(), level::kFull);
        QCOMPARE(m_gateway->serviceLevel(), level::kFull);
        // No Heartbeat needed for that.
        QCOMPARE(client->count(Envelope::kHeartbeat), 0);
        // Unicasts do not carry it (the Welcome does, in its own field).
        QVERIFY(!client->received().at(std::size_t(at)).has_service_level());
    }

    void aMoveReachesClientsWithinASecondWhileTicksFlow()
    {
        QVERIFY(startGateway());
        QTimer ticker;
        QObject::connect(&ticker, &QTimer::timeout, &ticker, [this] { tick(1); });
        tick(1);
        ticker.start(250);
        TestTlsClient *watcher = activeClient();
        QVERIFY(watcher);
        QVERIFY(watcher->waitFor([&] { return watcher->count(Envelope::kTick) >= 2; }, kWaitMs));
        QCOMPARE(int(watcher->received().at(std::size_t(watcher->indexOf(Envelope::kWelcome))).welcome().service_level()),
                 int(level::kFull));

        // Five sessions more: a little load, a level lower by one.
        for (int i = 0; i < 5; ++i)
            QVERIFY(activeClient());
        QElapsedTimer clock;
        clock.start();
        const int from = int(watcher->received().size()) - 1;
        QVERIFY(watcher->waitFor([&] { return lastLevel(*watcher, 0) == int(level::kFull) - 1; }, 1000));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        // Ticks went on all the while.
        QVERIFY(watcher->waitForBody(Envelope::kTick, 1000, from) >= 0);

        // The source stops: within a second of the data going late, a
        // Heartbeat out of turn says it is degraded (the next regular one is a
        // minute away).
        ticker.stop();
        const int stopped = int(watcher->received().size());
        QVERIFY(watcher->waitFor([&] {
            const int l = lastLevel(*watcher, stopped);
            return l >= 2 && l < int(level::kHealthy);
        }, int(lateAfterMs(4)) + 1000));
        QVERIFY(watcher->count(Envelope::kHeartbeat, stopped) >= 1);
        // ...and healthy again with the next tick.
        const int resumed = int(watcher->received().size());
        tick(1);
        QVERIFY(watcher->waitFor([&] { return lastLevel(*watcher, resumed) >= int(level::kHealthy); }, 1000));
    }

    void closingSaysDoNotUseBeforeTheRefusal()
    {
        QVERIFY(startGateway());
        tick(1);
        TestTlsClient *client = activeClient();
        QVERIFY(client);
        m_gateway->close();
        QVERIFY(client->waitForBody(Envelope::kRefusal, kWaitMs) >= 0);
        const int refusal = client->indexOf(Envelope::kRefusal);
        int zeroAt = -1;
        for (int i = 0; i < refusal; ++i) {
            const Envelope &e = client->received().at(std::size_t(i));
            if (e.has_heartbeat() && e.has_service_level() && e.service_level() == level::kDoNotUse)
                zeroAt = i;
        }
        QVERIFY2(zeroAt >= 0, "no Heartbeat with level 0 before the Refusal");
    }

    void aProbeLearnsTheLevelWithoutSigningIn()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString users = dir.filePath(QStringLiteral("users.json"));
        QVERIFY(sitroom::testing::writeUsersFile(users, sitroom::testing::standardTestUsers()));
        QVERIFY(startGateway([&](GatewayOptions &o) {
            o.usersFile = users;
            o.site = sitroom::v1::SITE_SEOUL;
        }));
        tick(1);
        QSignalSpy opened(m_gateway.get(), &Gateway::sessionOpened);
        QSignalSpy closed(m_gateway.get(), &Gateway::sessionClosed);
        TestTlsClient *probe = connectedClient();
        QVERIFY(probe);
        Envelope hello;
        hello.mutable_hello()->set_protocol_version(sitroom::v1::PROTOCOL_VERSION_1);
        hello.mutable_hello()->set_probe(true);   // no user, no password
        probe->send(hello);
        QVERIFY(probe->waitForBody(Envelope::kWelcome, kWaitMs) >= 0);
        const sitroom::v1::Welcome &welcome = probe->received().at(std::size_t(probe->indexOf(Envelope::kWelcome))).welcome();
        QCOMPARE(welcome.service_level(), level::kFull);
        QCOMPARE(welcome.server_site(), sitroom::v1::SITE_SEOUL);
        QVERIFY(welcome.session_id().empty());
        QCOMPARE(welcome.role(), sitroom::v1::ROLE_UNSPECIFIED);
        // Then the gateway hangs up: nothing else was sent, nobody signed in.
        QVERIFY(probe->waitForDisconnected(kWaitMs));
        QCOMPARE(probe->count(Envelope::kSnapshot), 0);
        QCOMPARE(probe->count(Envelope::kRefusal), 0);
        QCOMPARE(opened.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_gateway->sessionCount(), 0, kWaitMs);
    }
};

QTEST_GUILESS_MAIN(TestGatewayServiceLevel)
#include "tst_gatewayservicelevel.moc"
