// The service level a gateway advertises, from its inputs: the scale's
// bands (0 do not use, 1 no data, 2..199 degraded, 200..255 healthy) and the
// order it puts gateways in.
#include "server/gateway/ServiceLevel.h"

#include <QtTest>

using namespace sitroom::gateway;
namespace level = sitroom::gateway::service_level;

namespace {

// A gateway at 1 Hz with fresh data, reachable state and nobody connected.
ServiceInputs healthy()
{
    ServiceInputs in;
    in.dataAgeMs = 200;
    in.tickHz = 1;
    return in;
}

} // namespace

class TestServiceLevel final : public QObject
{
    Q_OBJECT

private slots:
    void idleAndFreshIsFull()
    {
        QCOMPARE(serviceLevel(healthy()), level::kFull);
    }

    void closingIsDoNotUseWhateverElse()
    {
        ServiceInputs in = healthy();
        in.closing = true;
        QCOMPARE(serviceLevel(in), level::kDoNotUse);
        in.dataAgeMs = -1;
        in.storeReachable = false;
        QCOMPARE(serviceLevel(in), level::kDoNotUse);
    }

    void noTickYetIsNoData()
    {
        ServiceInputs in = healthy();
        in.dataAgeMs = -1;
        QCOMPARE(serviceLevel(in), level::kNoData);
    }

    // The data's age against the tick rate: on time, late (degraded and
    // falling), gone.
    void freshness_data()
    {
        QTest::addColumn<quint32>("tickHz");
        QTest::addColumn<qint64>("ageMs");
        QTest::addColumn<quint32>("expected");
        QTest::newRow("1 Hz, a tick ago") << 1u << qint64(1000) << level::kFull;
        QTest::newRow("1 Hz, three ticks ago") << 1u << qint64(3000) << level::kFull;
        QTest::newRow("1 Hz, just late") << 1u << qint64(3001) << level::kLateCeiling;
        QTest::newRow("1 Hz, half way") << 1u << qint64(6500) << (level::kLateCeiling + level::kLateFloor) / 2;
        QTest::newRow("1 Hz, ten ticks ago") << 1u << qint64(10000) << level::kNoData;
        QTest::newRow("1 Hz, a minute ago") << 1u << qint64(60000) << level::kNoData;
        // 10 Hz: three ticks are 300 ms, but the floor is a second.
        QTest::newRow("10 Hz, 900 ms") << 10u << qint64(900) << level::kFull;
        QTest::newRow("10 Hz, 1.1 s") << 10u << qint64(1100) << quint32(148);
        QTest::newRow("10 Hz, 5 s") << 10u << qint64(5000) << level::kNoData;
        // 0 Hz is read as 1 Hz, not as a division by zero.
        QTest::newRow("0 Hz, 2 s") << 0u << qint64(2000) << level::kFull;
    }

    void freshness()
    {
        QFETCH(quint32, tickHz);
        QFETCH(qint64, ageMs);
        QFETCH(quint32, expected);
        ServiceInputs in = healthy();
        in.tickHz = tickHz;
        in.dataAgeMs = ageMs;
        QCOMPARE(serviceLevel(in), expected);
    }

    void lateLevelsFallWithAge()
    {
        ServiceInputs in = healthy();
        std::uint32_t previous = level::kFull;
        for (qint64 age = lateAfterMs(1) + 1; age < noDataAfterMs(1); age += 250) {
            in.dataAgeMs = age;
            const std::uint32_t now = serviceLevel(in);
            QVERIFY2(now <= previous && now >= level::kLateFloor && now < level::kHealthy,
                     qPrintable(QStringLiteral("age %1: %2 after %3").arg(age).arg(now).arg(previous)));
            previous = now;
        }
    }

    void anIdleSourceOwesNoTick()
    {
        // A simulation at its end: nothing is late, the heartbeats prove life.
        ServiceInputs in = healthy();
        in.dataAgeMs = 600000;
        in.sourceIdle = true;
        QCOMPARE(serviceLevel(in), level::kFull);
    }

    void anUnreachableStoreDegrades()
    {
        ServiceInputs in = healthy();
        in.storeReachable = false;
        QCOMPARE(serviceLevel(in), level::kStoreDownCeiling);
        QVERIFY(serviceLevel(in) < level::kHealthy);
        // Late data on top of that: the lower of the two.
        in.dataAgeMs = 9000;
        QVERIFY(serviceLevel(in) < level::kStoreDownCeiling);
        QVERIFY(serviceLevel(in) >= 2);
    }

    void loadRanksButKeepsHealthy_data()
    {
        QTest::addColumn<int>("sessions");
        QTest::addColumn<int>("lagging");
        QTest::addColumn<quint32>("expected");
        QTest::newRow("none") << 0 << 0 << 255u;
        QTest::newRow("four") << 4 << 0 << 255u;
        QTest::newRow("five") << 5 << 0 << 254u;
        QTest::newRow("a hundred") << 100 << 0 << 235u;
        QTest::newRow("at capacity") << 200 << 0 << 215u;
        QTest::newRow("at capacity, all lagging") << 200 << 200 << 200u;
        QTest::newRow("one of two lagging") << 2 << 1 << 255u;   // that console's own problem
        QTest::newRow("two of four lagging") << 4 << 2 << 248u;
        QTest::newRow("over capacity") << 201 << 0 << level::kOverloadedCeiling;
    }

    void loadRanksButKeepsHealthy()
    {
        QFETCH(int, sessions);
        QFETCH(int, lagging);
        QFETCH(quint32, expected);
        ServiceInputs in = healthy();
        in.sessions = sessions;
        in.laggingSessions = lagging;
        QCOMPARE(serviceLevel(in), expected);
    }

    void aBusyGatewayRanksBelowAnIdleOne()
    {
        ServiceInputs idle = healthy();
        ServiceInputs busy = healthy();
        busy.sessions = 60;
        QVERIFY(serviceLevel(busy) < serviceLevel(idle));
        QVERIFY(serviceLevel(busy) >= level::kHealthy);
    }

    void theWatchSaysWhenTheLevelMoves()
    {
        ServiceLevelWatch watch;
        QCOMPARE(watch.level(), level::kNoData);   // nothing seen yet
        QCOMPARE(watch.dataAgeMs(5000), qint64(-1));
        watch.noteTick(10000);
        QCOMPARE(watch.dataAgeMs(10400), qint64(400));
        ServiceInputs in = healthy();
        in.dataAgeMs = watch.dataAgeMs(10400);
        QVERIFY(watch.update(in));
        QCOMPARE(watch.level(), level::kFull);
        QVERIFY(!watch.update(in));   // the same level again is no news
        in.storeReachable = false;
        QVERIFY(watch.update(in));
        QCOMPARE(watch.level(), level::kStoreDownCeiling);
    }
};

QTEST_APPLESS_MAIN(TestServiceLevel)
#include "tst_servicelevel.moc"
