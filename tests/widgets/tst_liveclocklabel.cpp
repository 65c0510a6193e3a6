// The live system's clock in the status bar: one clock when it is the wall
// clock, both named when a simulation runs its own or the live system's is
// not the wall clock; in the live system's zone whatever the machine's; in
// Korean with the console's catalogue.
#include "tests/models/SituationFixtures.h"
#include "tests/support/ConsoleLook.h"

#include "widgets/common/LiveClockLabel.h"

#include <QCoreApplication>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::widgets::LiveClockLabel;

namespace {

constexpr qint64 kSimNow = 1628507585000;   // 2021-08-09 20:13:05 KST
constexpr qint64 kWallNow = 1628486531000;  // 2021-08-09 14:22:11 KST, a wall clock elsewhere in time

models::TelemetryBatch snapshotAt(qint64 simMs, qint64 wallMs, double speed, const std::string &source)
{
    v1::Configuration config = makeConfiguration({"naver"});
    config.set_timezone("Asia/Seoul");
    config.set_speed(speed);
    config.set_source(source);
    models::TelemetryBatch b = snapshotBatch(config, makeState(simMs, {"naver"}), {}, 1000);
    b.lastServerTimeMs = wallMs;
    models::LinkEvent live;
    live.state = models::LinkState::Live;
    b.link.push_back(live);
    return b;
}

} // namespace

class TestLiveClockLabel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The machine is neither in Korea nor on UTC.
        qputenv("TZ", QByteArrayLiteral("America/New_York"));
    }

    void beforeDataSaysNoTime()
    {
        models::SituationStore store(nullptr, [] { return qint64(1000); });
        LiveClockLabel clock(store);
        QCOMPARE(clock.text(), QStringLiteral("Live system --:--:-- KST"));
        QVERIFY(!clock.showsBothClocks());
    }

    void simulationAtSpeedShowsBothClocks()
    {
        models::SituationStore store(nullptr, [] { return qint64(1000); });
        LiveClockLabel clock(store);
        store.apply(snapshotAt(kSimNow, kWallNow, 30.0, "sim:opening-18-49"));
        QVERIFY(clock.showsBothClocks());
        QCOMPARE(clock.text(), QStringLiteral("Simulation 20:13:05 KST · Wall clock 14:22:11 KST · 30×"));
    }

    void simulationAtSpeedOneOfAnotherDayShowsBoth()
    {
        models::SituationStore store(nullptr, [] { return qint64(1000); });
        LiveClockLabel clock(store);
        store.apply(snapshotAt(kSimNow, kWallNow, 1.0, "sim:opening-18-49"));
        QVERIFY(clock.showsBothClocks());
        QVERIFY(clock.text().startsWith(QStringLiteral("Simulation 20:13:05 KST · Wall clock 14:22:11 KST")));
    }

    void realSystemShowsOneClock()
    {
        models::SituationStore store(nullptr, [] { return qint64(1000); });
        LiveClockLabel clock(store);
        // A live system seen through Prometheus: its clock is the wall clock.
        store.apply(snapshotAt(kSimNow, kSimNow + 400, 0.0, "prometheus:http://127.0.0.1:9090"));
        QVERIFY(!clock.showsBothClocks());
        QCOMPARE(clock.text(), QStringLiteral("Live system 20:13:05 KST"));
    }

    void liveSystemWhoseClockDiffersIsNotCalledASimulation()
    {
        models::SituationStore store(nullptr, [] { return qint64(1000); });
        LiveClockLabel clock(store);
        // Through Prometheus, the live system's clock hours from the wall
        // clock: both shown, and neither called a simulation's.
        store.apply(snapshotAt(kSimNow, kWallNow, 1.0, "prometheus:http://127.0.0.1:9090"));
        QVERIFY(clock.showsBothClocks());
        QCOMPARE(clock.text(), QStringLiteral("Live system 20:13:05 KST · Wall clock 14:22:11 KST"));
        QVERIFY2(clock.toolTip().contains(QStringLiteral("more than 5 seconds apart")), qPrintable(clock.toolTip()));
    }

    void staleSaysLastReceived()
    {
        qint64 now = 1000;
        models::SituationStore store(nullptr, [&now] { return now; });
        LiveClockLabel clock(store);
        store.apply(snapshotAt(kSimNow, kSimNow, 1.0, "prometheus:http://127.0.0.1:9090"));
        now += models::SituationStore::kStaleAfterMs + 500;
        store.checkFreshness();
        QVERIFY(store.isStale());
        QCOMPARE(clock.text(), QStringLiteral("Live system 20:13:05 KST (last received)"));
        QCOMPARE(clock.property("stale").toBool(), true);
    }

    void aStaleLiveClockFigureSaysLastReceived()
    {
        // The link is live, but Prometheus could not read the live system's
        // clock: the time shown is the last known one.
        models::SituationStore store(nullptr, [] { return qint64(1000); });
        LiveClockLabel clock(store);
        models::TelemetryBatch b = snapshotAt(kSimNow, kSimNow, 0.0, "prometheus:http://127.0.0.1:9090");
        auto *stale = b.state.add_stale();
        stale->set_figure("live_clock");
        stale->set_reason(v1::STALE_SOURCE_UNREACHABLE);
        *b.snapshot->mutable_state() = b.state;
        store.apply(b);
        QVERIFY(!store.isStale());
        QCOMPARE(clock.text(), QStringLiteral("Live system 20:13:05 KST (last received)"));
        QCOMPARE(clock.property("stale").toBool(), true);
    }

    void koreanWithTheConsolesCatalogue()
    {
        QString text;
        {
            const testing::ConsoleCatalogue korean(QStringLiteral("ko"));
            QVERIFY2(korean.isValid(), qPrintable(korean.errorString()));
            models::SituationStore store(nullptr, [] { return qint64(1000); });
            LiveClockLabel clock(store);
            store.apply(snapshotAt(kSimNow, kWallNow, 30.0, "sim:opening-18-49"));
            text = clock.text();
        }
        QCOMPARE(text, QStringLiteral("시뮬레이션 시각 20:13:05 KST · 실제 시각 14:22:11 KST · 30배속"));
        {
            const testing::ConsoleCatalogue korean(QStringLiteral("ko"));
            models::SituationStore store(nullptr, [] { return qint64(1000); });
            LiveClockLabel clock(store);
            store.apply(snapshotAt(kSimNow, kWallNow, 1.0, "prometheus:http://127.0.0.1:9090"));
            text = clock.text();
        }
        QCOMPARE(text, QStringLiteral("운영 시스템 20:13:05 KST · 실제 시각 14:22:11 KST"));
    }
};

QTEST_MAIN(TestLiveClockLabel)
#include "tst_liveclocklabel.moc"
