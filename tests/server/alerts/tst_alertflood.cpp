// Flood handling: more than 10 starts in 10 minutes is a flood; alerts are
// grouped by source and the first-out named; it ends at 5 or fewer.
#include "tests/server/alerts/AlertFixtures.h"

#include "server/alerts/FloodDetector.h"

#include <QTest>

#include <string>

using namespace fixtures;
using sitroom::alerts::AlertEngine;
using sitroom::alerts::FloodDetector;
using sitroom::alerts::FloodSettings;

namespace {

// Provider ids p0, p1, ...: one alert each, as their error rates go up.
v1::SystemState failing(std::int64_t nowMs, int providers, int failingCount)
{
    v1::SystemState s;
    s.set_sim_time_ms(nowMs);
    for (int i = 0; i < providers; ++i) {
        auto *p = s.add_providers();
        p->set_id("p" + std::to_string(i));
        p->set_enabled(true);
        p->set_error_rate(i < failingCount ? 0.5 : 0.0);
    }
    return s;
}

} // namespace

class tst_AlertFlood : public QObject
{
    Q_OBJECT

private slots:
    void detectorCountsTheWindow();
    void tenStartsIsNoFlood();
    void eleventhStartFloodsGroupsAndNamesTheFirstOut();
    void firstOutIsTheEarliestStillInTheWindow();
    void floodEndsAndClearsTheGroups();
};

void tst_AlertFlood::detectorCountsTheWindow()
{
    FloodDetector detector(FloodSettings{600, 10, 5});
    for (int i = 0; i < 11; ++i)
        detector.noteStart(at(i * 50), QStringLiteral("A%1").arg(i + 1));
    detector.update(at(500));
    QCOMPARE(detector.startedInWindow(), 11u);
    QVERIFY(detector.flood());
    QCOMPARE(detector.firstOutId(), QStringLiteral("A1"));
    // The window is (now - 600 s, now]: at 600 s the start at 0 has left it.
    detector.update(at(600));
    QCOMPARE(detector.startedInWindow(), 10u);
    QVERIFY(detector.flood());            // hysteresis: it ends only at 5
    detector.update(at(50 * 5 + 600));    // starts at 300..500 remain
    QCOMPARE(detector.startedInWindow(), 5u);
    QVERIFY(!detector.flood());
    QVERIFY(detector.firstOutId().isEmpty());
}

void tst_AlertFlood::tenStartsIsNoFlood()
{
    AlertEngine engine(ruleSet({errorRateRule()}));
    for (int i = 1; i <= 10; ++i)
        engine.observe(failing(at(i * 30), 12, i), at(i * 30));
    QCOMPARE(engine.startedInWindow(), 10u);
    QVERIFY(!engine.flood());
    for (const auto &alert : engine.activeAlerts()) {
        QVERIFY(alert.flood_group().empty());
        QVERIFY(!alert.first_out());
    }
    QCOMPARE(count(engine.takeTransitions(), v1::TRANSITION_FLOOD_CHANGED), 0);
}

void tst_AlertFlood::eleventhStartFloodsGroupsAndNamesTheFirstOut()
{
    AlertRule silent = silenceRule();
    AlertEngine engine(ruleSet({errorRateRule(), silent}));
    for (int i = 1; i <= 10; ++i)
        engine.observe(failing(at(i * 30), 12, i), at(i * 30));
    engine.takeTransitions();
    // The eleventh: a different source.
    engine.tick(at(330), 20);
    QVERIFY(engine.flood());
    QCOMPARE(engine.startedInWindow(), 11u);
    const auto records = engine.takeTransitions();
    QCOMPARE(records.front().transition, v1::TRANSITION_RAISED);
    QCOMPARE(records.front().alert.key(), std::string("telemetry.silent"));
    QCOMPARE(records.front().alert.flood_group(), std::string("telemetry"));   // raised into the flood
    QCOMPARE(count(records, v1::TRANSITION_FLOOD_CHANGED), 10);
    for (const auto &r : records) {
        if (r.transition != v1::TRANSITION_FLOOD_CHANGED)
            continue;
        QCOMPARE(r.previousState, r.alert.state());
        QCOMPARE(r.actor.user(), std::string("system"));
    }
    int firstOuts = 0;
    for (const auto &alert : engine.activeAlerts()) {
        QCOMPARE(alert.flood_group(), alert.source());
        if (alert.first_out()) {
            ++firstOuts;
            QCOMPARE(alert.id(), std::string("A1"));
            QCOMPARE(alert.source(), std::string("provider/p0"));
        }
    }
    QCOMPARE(firstOuts, 1);
    // Nothing more changes while the flood lasts and nothing new starts.
    engine.tick(at(331), 21);
    QVERIFY(engine.takeTransitions().empty());
}

void tst_AlertFlood::firstOutIsTheEarliestStillInTheWindow()
{
    AlertEngine engine(ruleSet({errorRateRule()}));
    // Three early alerts, still standing...
    engine.observe(failing(at(0), 20, 3), at(0));
    // ...then eleven more, more than ten minutes later.
    for (int i = 1; i <= 11; ++i)
        engine.observe(failing(at(700 + i), 20, 3 + i), at(700 + i));
    QVERIFY(engine.flood());
    for (const auto &alert : engine.activeAlerts())
        QCOMPARE(alert.first_out(), alert.id() == "A4");
    QCOMPARE(engine.activeAlerts().size(), std::size_t(14));
}

void tst_AlertFlood::floodEndsAndClearsTheGroups()
{
    AlertEngine engine(ruleSet({errorRateRule()}));
    for (int i = 1; i <= 11; ++i)
        engine.observe(failing(at(i), 12, i), at(i));
    QVERIFY(engine.flood());
    engine.takeTransitions();
    // Time passes; the starts leave the window.
    engine.tick(at(605), 0);
    QCOMPARE(engine.startedInWindow(), 6u);
    QVERIFY(engine.flood());
    QVERIFY(engine.takeTransitions().empty());
    engine.tick(at(606), 0);
    QCOMPARE(engine.startedInWindow(), 5u);
    QVERIFY(!engine.flood());
    const auto records = engine.takeTransitions();
    QCOMPARE(count(records, v1::TRANSITION_FLOOD_CHANGED), 11);
    for (const auto &alert : engine.activeAlerts()) {
        QVERIFY(alert.flood_group().empty());
        QVERIFY(!alert.first_out());
    }
}

QTEST_GUILESS_MAIN(tst_AlertFlood)
#include "tst_alertflood.moc"
