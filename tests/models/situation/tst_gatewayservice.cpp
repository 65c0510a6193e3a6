// What the console reads from the gateway's service level (GatewayService):
// the store is out of reach only where the scale leaves no doubt, and the
// reading agrees with the gateway's own scale (server/gateway/ServiceLevel),
// whatever its data's age and load: on fresh data only an unreachable store
// takes the level to GatewayService::kStoreDownCeiling or below, and an
// unreachable store always does. The store keeps it and says when it moved.
#include "models/situation/GatewayService.h"
#include "models/situation/SituationStore.h"
#include "server/gateway/ServiceLevel.h"
#include "tests/models/SituationFixtures.h"

#include <QSignalSpy>
#include <QtTest>

using namespace sitroom;
using models::GatewayService;
using models::ServiceLevelNews;

class TestGatewayService final : public QObject
{
    Q_OBJECT

private slots:
    void readsTheStoreOnlyWhereTheScaleLeavesNoDoubt()
    {
        GatewayService service;
        QCOMPARE(service.level(), 255u);
        QVERIFY(!service.storeUnreachable());

        v1::Welcome welcome;
        welcome.set_service_level(100);
        service.welcome(welcome);
        QCOMPARE(service.level(), 100u);
        QVERIFY(!service.storeUnreachable());   // its data may be late: no tick yet

        QVERIFY(service.hear({100, true}));     // a tick at 100: the store
        QVERIFY(service.storeUnreachable());
        QVERIFY(!service.hear({100, true}));    // no news
        QVERIFY(service.hear({60, false}));     // late data now: what was known holds
        QVERIFY(service.storeUnreachable());
        QVERIFY(service.hear({0, true}));       // shutting down says nothing of the store
        QVERIFY(service.storeUnreachable());
        QVERIFY(service.hear({101, false}));    // above the ceiling: the store answers
        QVERIFY(!service.storeUnreachable());
        QVERIFY(service.hear({80, false}));     // late data, not the store
        QVERIFY(!service.storeUnreachable());
        QVERIFY(service.hear({250, true}));

        service.welcome({});                    // a gateway that does not say: healthy
        QCOMPARE(service.level(), 255u);
        QVERIFY(!service.storeUnreachable());
    }

    // The console's reading against the gateway's own computation.
    void agreesWithTheGatewaysScale_data()
    {
        QTest::addColumn<int>("sessions");
        QTest::addColumn<int>("lagging");
        QTest::addColumn<bool>("idle");
        QTest::newRow("quiet") << 1 << 0 << false;
        QTest::newRow("full, all lagging") << 200 << 200 << false;
        QTest::newRow("overloaded") << 400 << 300 << false;
        QTest::newRow("idle source") << 10 << 0 << true;
    }

    void agreesWithTheGatewaysScale()
    {
        QFETCH(int, sessions);
        QFETCH(int, lagging);
        QFETCH(bool, idle);
        for (const bool reachable : {true, false}) {
            gateway::ServiceInputs in;
            in.tickHz = 5;
            in.dataAgeMs = idle ? 60'000 : 0;   // a tick just arrived (or none is due)
            in.sourceIdle = idle;
            in.sessions = sessions;
            in.laggingSessions = lagging;
            in.storeReachable = reachable;
            const quint32 level = gateway::serviceLevel(in);
            GatewayService service;
            service.hear({level, true});
            QVERIFY2(service.storeUnreachable() == !reachable,
                     qPrintable(QStringLiteral("level %1, store %2").arg(level).arg(reachable ? QStringLiteral("reachable") : QStringLiteral("down"))));
        }
        QCOMPARE(gateway::service_level::kStoreDownCeiling, GatewayService::kStoreDownCeiling);
        QCOMPARE(gateway::service_level::kDoNotUse, GatewayService::kDoNotUse);
    }

    // Late data alone never reads as an unreachable store, however late.
    void lateDataIsNotTheStore()
    {
        for (qint64 age = 0; age <= 20'000; age += 250) {
            gateway::ServiceInputs in;
            in.tickHz = 1;
            in.dataAgeMs = age;
            GatewayService service;
            service.hear({gateway::serviceLevel(in), false});
            QVERIFY2(!service.storeUnreachable(), qPrintable(QString::number(age)));
        }
    }

    void theStoreKeepsItAndSaysWhenItMoved()
    {
        models::SituationStore store;
        QSignalSpy moved(&store, &models::SituationStore::serviceChanged);
        models::TelemetryBatch live = testing::linkBatch(models::LinkState::Live);
        v1::Welcome welcome;
        welcome.set_service_level(255);
        live.welcome = welcome;
        store.apply(live);
        QCOMPARE(moved.size(), 0);   // as before any Welcome: healthy

        models::TelemetryBatch down = testing::tickBatch(testing::makeState(testing::kSimStartMs, {"naver"}), {}, 1000);
        down.serviceLevel = ServiceLevelNews{100, true};
        store.apply(down);
        QCOMPARE(moved.size(), 1);
        QVERIFY(store.gatewayService().storeUnreachable());
        QCOMPARE(store.gatewayService().level(), 100u);

        store.apply(down);
        QCOMPARE(moved.size(), 1);

        // A new session starts from what its Welcome says.
        welcome.set_service_level(230);
        live.welcome = welcome;
        store.apply(live);
        QCOMPARE(moved.size(), 2);
        QVERIFY(!store.gatewayService().storeUnreachable());
        QCOMPARE(store.gatewayService().level(), 230u);
    }
};

QTEST_GUILESS_MAIN(TestGatewayService)
#include "tst_gatewayservice.moc"
