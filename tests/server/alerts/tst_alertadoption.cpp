// An alert engine that follows another's alerts as stored (two gateways on one
// shared state, docs/alerts.md "One evaluator"): it takes them as they are,
// tells what happened to each, counts each start once in its flood window,
// and when it takes over evaluating it carries on from them without raising
// any again. Restoring twice counts each start once.
#include "tests/server/alerts/AlertFixtures.h"

#include <QTest>

using namespace fixtures;
using sitroom::alerts::AlertEngine;

namespace {

AlertEngine engineWithRules()
{
    AlertEngine engine(ruleSet({errorRateRule(0, 0, 0.3)}));
    engine.setConfiguration(configuration());
    return engine;
}

// The alerts as a store holds them: every one not cleared.
std::vector<v1::Alert> stored(const AlertEngine &engine)
{
    return engine.activeAlerts();
}

} // namespace

class tst_AlertAdoption : public QObject
{
    Q_OBJECT

private slots:
    void restoringTwiceCountsEachStartOnce()
    {
        AlertEngine first = engineWithRules();
        first.observe(state(at(0), {Provider{"kakao", 0.2}, Provider{"naver", 0.4}}), at(0));
        AlertEngine second = engineWithRules();
        second.restore(stored(first), first.nextId());
        second.restore(stored(first), first.nextId());
        QCOMPARE(second.startedInWindow(), 2u);
        QCOMPARE(second.activeAlerts().size(), std::size_t(2));
        // A follower told the same alerts again counts nothing more either.
        QVERIFY(second.adopt(stored(first), first.nextId(), true).empty());
        QCOMPARE(second.startedInWindow(), 2u);
    }

    void followerTakesTheAlertsAndTellsWhatHappened()
    {
        AlertEngine evaluator = engineWithRules();
        AlertEngine follower = engineWithRules();
        evaluator.observe(state(at(0), {Provider{"kakao", 0.2}, Provider{"naver", 0.4}}), at(0));
        evaluator.takeTransitions();
        auto told = follower.adopt(stored(evaluator), evaluator.nextId(), true);
        QCOMPARE(count(told, v1::TRANSITION_RAISED), 2);
        QVERIFY(follower.takeTransitions().empty());   // told, not its own to write
        QCOMPARE(follower.activeAlerts().size(), std::size_t(2));
        QCOMPARE(follower.startedInWindow(), evaluator.startedInWindow());
        QCOMPARE(follower.nextId(), 3u);

        // An operator acknowledges A1 through the evaluator's gateway.
        QVERIFY(evaluator.acknowledge(QStringLiteral("A1"), operatorActor("lee"), QStringLiteral("on it"), QString(), at(5)).ok());
        evaluator.takeTransitions();
        told = follower.adopt(stored(evaluator), evaluator.nextId(), true);
        QCOMPARE(kinds(told), std::vector{v1::TRANSITION_ACKNOWLEDGED});
        QCOMPARE(told.front().actor.user(), std::string("lee"));
        QCOMPARE(told.front().previousState, v1::ALERT_ACTIVE_UNACKED);
        QCOMPARE(follower.find(QStringLiteral("A1"))->state(), v1::ALERT_ACTIVE_ACKED);

        // kakao recovers: A1, acknowledged, clears.
        evaluator.observe(state(at(10), {Provider{"kakao", 0.01}, Provider{"naver", 0.4}}), at(10));
        evaluator.takeTransitions();
        told = follower.adopt(stored(evaluator), evaluator.nextId(), true);
        QCOMPARE(kinds(told), std::vector{v1::TRANSITION_CLEARED});
        QCOMPARE(follower.activeAlerts().size(), std::size_t(1));
        QCOMPARE(follower.find(QStringLiteral("A1"))->state(), v1::ALERT_CLEARED);
        // Nothing new: nothing told.
        QVERIFY(follower.adopt(stored(evaluator), evaluator.nextId(), true).empty());
    }

    void takingOverRaisesNothingAgain()
    {
        AlertEngine evaluator = engineWithRules();
        AlertEngine follower = engineWithRules();
        for (int t = 0; t <= 3; ++t) {
            const auto figures = state(at(t), {Provider{"kakao", 0.2}, Provider{"naver", 0.02}});
            evaluator.observe(figures, at(t));
            follower.learn(figures, at(t));
            follower.adopt(stored(evaluator), evaluator.nextId(), true);
        }
        QVERIFY(follower.takeTransitions().empty());
        // The evaluator is gone; the follower takes over where it stopped.
        follower.relearnConditions();
        follower.observe(state(at(4), {Provider{"kakao", 0.2}, Provider{"naver", 0.02}}), at(4));
        QVERIFY(follower.takeTransitions().empty());   // kakao's alert stands; not raised twice
        QCOMPARE(follower.activeAlerts().size(), std::size_t(1));
        // A new condition gets the next id.
        follower.observe(state(at(5), {Provider{"kakao", 0.2}, Provider{"naver", 0.5}}), at(5));
        const auto records = follower.takeTransitions();
        QCOMPARE(kinds(records), std::vector{v1::TRANSITION_RAISED});
        QCOMPARE(records.front().alert.id(), std::string("A2"));
        QCOMPARE(follower.startedInWindow(), 2u);
    }
};

QTEST_GUILESS_MAIN(tst_AlertAdoption)
#include "tst_alertadoption.moc"
