// A rule's condition on one subject: on/off delays and hysteresis.
#include "tests/server/alerts/AlertFixtures.h"

#include "server/alerts/ConditionTracker.h"

#include <QTest>

#include <cmath>

using namespace fixtures;
using sitroom::alerts::ConditionTracker;

namespace {

// Feeds one value a second from `from` to `to` seconds; returns how many
// times the condition changed level.
int feed(ConditionTracker &tracker, const AlertRule &rule, double from, double to, auto valueAt)
{
    int changes = 0;
    for (double t = from; t <= to; t += 1.0) {
        const int before = tracker.level();
        tracker.observe(rule, valueAt(t), at(t));
        if (tracker.level() != before)
            ++changes;
    }
    return changes;
}

} // namespace

class tst_ConditionTracker : public QObject
{
    Q_OBJECT

private slots:
    void onDelay();
    void onDelayStartsAgainAfterADip();
    void offDelay();
    void advanceLetsDelaysRunOut();
    void wobblingSignalDoesNotFlap();
    void withoutHysteresisTheSameSignalFlaps();
    void escalatesAndStepsDownThroughHysteresis();
    void belowDirection();
    void noValueIsNormal();
    void restoredLevelReturnsAfterOffDelay();
};

void tst_ConditionTracker::onDelay()
{
    const AlertRule rule = errorRateRule(30, 0);
    ConditionTracker tracker;
    feed(tracker, rule, 0, 29, [](double) { return 0.15; });
    QVERIFY(!tracker.holds());
    tracker.observe(rule, 0.15, at(30));
    QVERIFY(tracker.holds());
    QCOMPARE(tracker.level(), 0);
}

void tst_ConditionTracker::onDelayStartsAgainAfterADip()
{
    const AlertRule rule = errorRateRule(30, 0);
    ConditionTracker tracker;
    feed(tracker, rule, 0, 20, [](double) { return 0.15; });
    tracker.observe(rule, 0.05, at(21));   // one good second
    feed(tracker, rule, 22, 50, [](double) { return 0.15; });
    QVERIFY(!tracker.holds());             // 28 s since the dip
    feed(tracker, rule, 51, 52, [](double) { return 0.15; });
    QVERIFY(tracker.holds());              // 30 s since the dip
}

void tst_ConditionTracker::offDelay()
{
    const AlertRule rule = errorRateRule(0, 60);
    ConditionTracker tracker;
    tracker.observe(rule, 0.2, at(0));
    QVERIFY(tracker.holds());
    feed(tracker, rule, 1, 60, [](double) { return 0.01; });
    QVERIFY(tracker.holds());              // 59 s below
    tracker.observe(rule, 0.01, at(61));
    QVERIFY(!tracker.holds());
}

void tst_ConditionTracker::advanceLetsDelaysRunOut()
{
    const AlertRule rule = errorRateRule(30, 0);
    ConditionTracker tracker;
    tracker.observe(rule, 0.2, at(0));
    tracker.advance(rule, at(29));
    QVERIFY(!tracker.holds());
    tracker.advance(rule, at(30));
    QVERIFY(tracker.holds());
}

void tst_ConditionTracker::wobblingSignalDoesNotFlap()
{
    // Around the 10 % threshold by +-1.5 points, every few seconds, for an
    // hour; hysteresis 0.3 means it clears only below 7 %.
    const AlertRule rule = errorRateRule(0, 0, 0.3);
    ConditionTracker tracker;
    const int changes = feed(tracker, rule, 0, 3600, [](double t) { return 0.10 + 0.015 * std::sin(t / 3.0); });
    QCOMPARE(changes, 1);
    QVERIFY(tracker.holds());
    // Back past the band: it clears.
    tracker.observe(rule, 0.069, at(3601));
    QVERIFY(!tracker.holds());
}

void tst_ConditionTracker::withoutHysteresisTheSameSignalFlaps()
{
    // The control for the test above: the signal really does cross.
    const AlertRule rule = errorRateRule(0, 0, 0);
    ConditionTracker tracker;
    const int changes = feed(tracker, rule, 0, 3600, [](double t) { return 0.10 + 0.015 * std::sin(t / 3.0); });
    QVERIFY2(changes > 100, qPrintable(QString::number(changes)));
}

void tst_ConditionTracker::escalatesAndStepsDownThroughHysteresis()
{
    const AlertRule rule = errorRateRule(0, 0, 0.3);   // major 10 %, critical 30 %
    ConditionTracker tracker;
    tracker.observe(rule, 0.12, at(0));
    QCOMPARE(tracker.level(), 0);
    tracker.observe(rule, 0.35, at(1));
    QCOMPARE(tracker.level(), 1);
    tracker.observe(rule, 0.25, at(2));    // above 30 % * 0.7 = 21 %: still critical
    QCOMPARE(tracker.level(), 1);
    tracker.observe(rule, 0.20, at(3));    // below 21 %: major
    QCOMPARE(tracker.level(), 0);
    tracker.observe(rule, 0.29, at(4));    // a new critical needs the threshold itself
    QCOMPARE(tracker.level(), 0);
    tracker.observe(rule, 0.08, at(5));    // above 7 %: still major
    QCOMPARE(tracker.level(), 0);
    tracker.observe(rule, 0.06, at(6));
    QCOMPARE(tracker.level(), -1);
}

void tst_ConditionTracker::belowDirection()
{
    AlertRule rule = errorRateRule(0, 0, 0.15);
    rule.direction = Direction::Below;
    rule.levels = {{v1::SEVERITY_MAJOR, 0.6}, {v1::SEVERITY_CRITICAL, 0.3}};
    ConditionTracker tracker;
    tracker.observe(rule, 0.65, at(0));
    QCOMPARE(tracker.level(), -1);
    tracker.observe(rule, 0.55, at(1));
    QCOMPARE(tracker.level(), 0);
    tracker.observe(rule, 0.25, at(2));
    QCOMPARE(tracker.level(), 1);
    tracker.observe(rule, 0.66, at(3));    // below 0.6 * 1.15 = 0.69: still major
    QCOMPARE(tracker.level(), 0);
    tracker.observe(rule, 0.70, at(4));
    QCOMPARE(tracker.level(), -1);
}

void tst_ConditionTracker::noValueIsNormal()
{
    const AlertRule rule = errorRateRule(0, 10);
    ConditionTracker tracker;
    tracker.observe(rule, 0.5, at(0));
    QVERIFY(tracker.holds());
    tracker.observe(rule, std::nullopt, at(5));
    tracker.observe(rule, std::nullopt, at(14));
    QVERIFY(tracker.holds());              // off-delay still running
    tracker.observe(rule, std::nullopt, at(15));
    QVERIFY(!tracker.holds());
    QVERIFY(!tracker.value());
}

void tst_ConditionTracker::restoredLevelReturnsAfterOffDelay()
{
    const AlertRule rule = errorRateRule(0, 60);
    ConditionTracker tracker(1);
    QCOMPARE(tracker.level(), 1);
    tracker.observe(rule, 0.01, at(0));
    QCOMPARE(tracker.level(), 1);
    tracker.observe(rule, 0.01, at(60));
    QCOMPARE(tracker.level(), -1);
}

QTEST_GUILESS_MAIN(tst_ConditionTracker)
#include "tst_conditiontracker.moc"
