// The alert engine: each lifecycle path, latching, shelving, refusals,
// restore, and the telemetry-silence rule.
#include "tests/server/alerts/AlertFixtures.h"

#include <QTest>

using namespace fixtures;
using sitroom::alerts::AlertEngine;
using sitroom::alerts::AlertTransitionRecord;

namespace {

constexpr std::int64_t kQuarterHourS = 15 * 60;

// An engine with the error-rate rule (major 10 %, critical 30 %) that has
// raised A1 for kakao at 15 % at t = 0.
AlertEngine raisedEngine(double offDelayS = 0)
{
    AlertEngine engine(ruleSet({errorRateRule(0, offDelayS, 0.3)}));
    engine.setConfiguration(configuration());
    engine.observe(kakao(at(0), 0.15), at(0));
    return engine;
}

const v1::Alert &only(const AlertEngine &engine)
{
    static v1::Alert none;
    const auto alerts = engine.activeAlerts();
    if (alerts.size() != 1)
        return none;
    return *engine.find(QString::fromStdString(alerts.front().id()));
}

} // namespace

class tst_AlertEngine : public QObject
{
    Q_OBJECT

private slots:
    void raisesWithKeyIdSourceAndMessage();
    void nothingBelowThreshold();
    void onDelayRunsOutOnTick();
    void acknowledgedThenCleared();
    void returnedThenAcknowledgedIsCleared();
    void returnedThenReactivatedKeepsItsId();
    void clearedKeyRaisesWithANewId();
    void latchedToTheHighestSeverity();
    void escalationPastAcknowledgedSeverityIsUnackedAgain();
    void shelfExpiresBackToActiveUnacked();
    void shelfExpiresBackToReturnedUnacked();
    void shelvedAlertTracksButRaisesNothing();
    void unshelveByHandWhileActiveIsAcknowledged();
    void unshelveByHandAfterTheConditionWentIsCleared();
    void refusals_data();
    void refusals();
    void actionOnAClearedAlertIsRefused();
    void disabledProviderRaisesNothing();
    void silence();
    void restoreKeepsAlertsAndIds();
    void restoredAlertReturnsAfterItsOffDelay();
    void activeAlertsMostSevereThenNewest();
    void copiesAreIndependent();
};

void tst_AlertEngine::raisesWithKeyIdSourceAndMessage()
{
    AlertEngine engine = raisedEngine();
    const auto records = engine.takeTransitions();
    QCOMPARE(records.size(), std::size_t(1));
    const AlertTransitionRecord &r = records.front();
    QCOMPARE(r.transition, v1::TRANSITION_RAISED);
    QCOMPARE(r.previousState, v1::ALERT_STATE_UNSPECIFIED);
    QCOMPARE(r.actor.user(), std::string("system"));
    QCOMPARE(r.actor.time_ms(), at(0));
    const v1::Alert &a = r.alert;
    QCOMPARE(a.id(), std::string("A1"));
    QCOMPARE(a.key(), std::string("provider.error_rate/kakao"));
    QCOMPARE(a.rule(), std::string("provider.error_rate"));
    QCOMPARE(a.subject(), std::string("kakao"));
    QCOMPARE(a.source(), std::string("provider/kakao"));
    QCOMPARE(a.runbook(), std::string("provider-failing"));
    QCOMPARE(a.unit(), std::string("ratio"));
    QCOMPARE(a.state(), v1::ALERT_ACTIVE_UNACKED);
    QCOMPARE(a.severity(), v1::SEVERITY_MAJOR);
    QCOMPARE(a.active_severity(), v1::SEVERITY_MAJOR);
    QCOMPARE(a.threshold(), 0.10);
    QCOMPARE(a.value(), 0.15);
    QVERIFY(a.condition_active());
    QCOMPARE(a.raised_ms(), at(0));
    QCOMPARE(a.occurrences(), 1u);
    QCOMPARE(QString::fromStdString(a.message().en()), QStringLiteral("Kakao failing: 15% (threshold 10%)"));
    QCOMPARE(QString::fromStdString(a.message().ko()), QStringLiteral("카카오 인증 실패율 15% (기준 10%)"));
    QCOMPARE(engine.nextId(), 2u);
    QCOMPARE(engine.startedInWindow(), 1u);
    QVERIFY(!engine.flood());
    QVERIFY(engine.takeTransitions().empty());
}

void tst_AlertEngine::nothingBelowThreshold()
{
    AlertEngine engine(ruleSet({errorRateRule()}));
    for (int t = 0; t < 100; ++t)
        engine.observe(kakao(at(t), 0.099), at(t));
    QVERIFY(engine.takeTransitions().empty());
    QVERIFY(engine.activeAlerts().empty());
}

void tst_AlertEngine::onDelayRunsOutOnTick()
{
    AlertEngine engine(ruleSet({errorRateRule(30, 0)}));
    engine.observe(kakao(at(0), 0.2), at(0));
    engine.tick(at(29), 29);
    QVERIFY(engine.takeTransitions().empty());
    // No new telemetry, but the condition has held for the on-delay.
    engine.tick(at(30), 30);
    QCOMPARE(kinds(engine.takeTransitions()), std::vector{v1::TRANSITION_RAISED});
    QCOMPARE(only(engine).raised_ms(), at(30));
}

void tst_AlertEngine::acknowledgedThenCleared()
{
    AlertEngine engine = raisedEngine();
    engine.takeTransitions();
    const auto result = engine.acknowledge(QStringLiteral("A1"), operatorActor(), QStringLiteral("moving load off kakao"),
                                           QStringLiteral("2"), at(10));
    QVERIFY2(result.ok(), qPrintable(result.message));
    auto records = engine.takeTransitions();
    QCOMPARE(kinds(records), std::vector{v1::TRANSITION_ACKNOWLEDGED});
    QCOMPARE(records.front().previousState, v1::ALERT_ACTIVE_UNACKED);
    QCOMPARE(records.front().actor.user(), std::string("kim"));
    const v1::Alert &acked = records.front().alert;
    QCOMPARE(acked.state(), v1::ALERT_ACTIVE_ACKED);
    QCOMPARE(acked.acknowledged_by().user(), std::string("kim"));
    QCOMPARE(acked.acknowledged_by().site(), 1u);
    QCOMPARE(acked.comment(), std::string("moving load off kakao"));
    QCOMPARE(acked.runbook_step(), std::string("2"));
    QCOMPARE(acked.changed_ms(), at(10));

    engine.observe(kakao(at(20), 0.01), at(20));
    records = engine.takeTransitions();
    QCOMPARE(kinds(records), std::vector{v1::TRANSITION_CLEARED});
    QCOMPARE(records.front().previousState, v1::ALERT_ACTIVE_ACKED);
    QCOMPARE(records.front().alert.state(), v1::ALERT_CLEARED);
    QCOMPARE(records.front().alert.cleared_ms(), at(20));
    QCOMPARE(records.front().actor.user(), std::string("system"));
    QVERIFY(engine.activeAlerts().empty());
    QCOMPARE(engine.find(QStringLiteral("A1"))->state(), v1::ALERT_CLEARED);
}

void tst_AlertEngine::returnedThenAcknowledgedIsCleared()
{
    AlertEngine engine = raisedEngine(60);
    engine.takeTransitions();
    for (int t = 1; t <= 60; ++t)
        engine.observe(kakao(at(t), 0.01), at(t));
    QVERIFY(engine.takeTransitions().empty());   // 59 s below
    engine.observe(kakao(at(61), 0.01), at(61));
    auto records = engine.takeTransitions();
    QCOMPARE(kinds(records), std::vector{v1::TRANSITION_RETURNED});
    QCOMPARE(records.front().alert.changed_ms(), at(61));
    QCOMPARE(records.front().alert.state(), v1::ALERT_RTN_UNACKED);
    QVERIFY(!records.front().alert.condition_active());
    QCOMPARE(engine.activeAlerts().size(), std::size_t(1));   // still there until acknowledged

    QVERIFY(engine.acknowledge(QStringLiteral("A1"), operatorActor(), QString(), QString(), at(70)).ok());
    records = engine.takeTransitions();
    QCOMPARE(kinds(records), std::vector{v1::TRANSITION_ACKNOWLEDGED});
    QCOMPARE(records.front().previousState, v1::ALERT_RTN_UNACKED);
    QCOMPARE(records.front().alert.state(), v1::ALERT_CLEARED);
    QVERIFY(engine.activeAlerts().empty());
}

void tst_AlertEngine::returnedThenReactivatedKeepsItsId()
{
    AlertEngine engine = raisedEngine();
    engine.observe(kakao(at(1), 0.01), at(1));
    engine.observe(kakao(at(2), 0.12), at(2));
    const auto records = engine.takeTransitions();
    QCOMPARE(kinds(records), (std::vector{v1::TRANSITION_RAISED, v1::TRANSITION_RETURNED, v1::TRANSITION_REACTIVATED}));
    const v1::Alert &a = records.back().alert;
    QCOMPARE(a.id(), std::string("A1"));
    QCOMPARE(a.state(), v1::ALERT_ACTIVE_UNACKED);
    QCOMPARE(a.occurrences(), 2u);
    QCOMPARE(records.back().previousState, v1::ALERT_RTN_UNACKED);
    QCOMPARE(engine.startedInWindow(), 2u);   // a reactivation is a new annunciation
}

void tst_AlertEngine::clearedKeyRaisesWithANewId()
{
    AlertEngine engine = raisedEngine();
    engine.acknowledge(QStringLiteral("A1"), operatorActor(), QString(), QString(), at(1));
    engine.observe(kakao(at(2), 0.01), at(2));
    engine.observe(kakao(at(3), 0.2), at(3));
    const auto records = engine.takeTransitions();
    QCOMPARE(kinds(records), (std::vector{v1::TRANSITION_RAISED, v1::TRANSITION_ACKNOWLEDGED, v1::TRANSITION_CLEARED,
                                          v1::TRANSITION_RAISED}));
    QCOMPARE(records.back().alert.id(), std::string("A2"));
    QCOMPARE(records.back().alert.key(), std::string("provider.error_rate/kakao"));
}

void tst_AlertEngine::latchedToTheHighestSeverity()
{
    AlertEngine engine = raisedEngine();
    engine.observe(kakao(at(1), 0.35), at(1));
    auto records = engine.takeTransitions();
    QCOMPARE(kinds(records), (std::vector{v1::TRANSITION_RAISED, v1::TRANSITION_ESCALATED}));
    QCOMPARE(records.back().alert.severity(), v1::SEVERITY_CRITICAL);
    QCOMPARE(records.back().alert.threshold(), 0.30);
    QVERIFY(QString::fromStdString(records.back().alert.message().en()).contains(QStringLiteral("35%")));

    engine.observe(kakao(at(2), 0.12), at(2));   // back to the major level
    QVERIFY(engine.takeTransitions().empty());
    QCOMPARE(only(engine).severity(), v1::SEVERITY_CRITICAL);
    QCOMPARE(only(engine).active_severity(), v1::SEVERITY_MAJOR);
    QCOMPARE(only(engine).value(), 0.12);
}

void tst_AlertEngine::escalationPastAcknowledgedSeverityIsUnackedAgain()
{
    AlertEngine engine = raisedEngine();
    QVERIFY(engine.acknowledge(QStringLiteral("A1"), operatorActor(), QStringLiteral("seen"), QString(), at(1)).ok());
    engine.observe(kakao(at(2), 0.14), at(2));   // still major: nothing
    engine.observe(kakao(at(3), 0.40), at(3));
    const auto records = engine.takeTransitions();
    QCOMPARE(kinds(records), (std::vector{v1::TRANSITION_RAISED, v1::TRANSITION_ACKNOWLEDGED, v1::TRANSITION_ESCALATED}));
    QCOMPARE(records.back().previousState, v1::ALERT_ACTIVE_ACKED);
    QCOMPARE(records.back().alert.state(), v1::ALERT_ACTIVE_UNACKED);
    QCOMPARE(records.back().alert.severity(), v1::SEVERITY_CRITICAL);
    QVERIFY(!records.back().alert.has_acknowledged_by());
}

void tst_AlertEngine::shelfExpiresBackToActiveUnacked()
{
    AlertEngine engine = raisedEngine();
    engine.takeTransitions();
    const auto result = engine.shelve(QStringLiteral("A1"), operatorActor("kim", "kakao maintenance, vendor on it"),
                                      kQuarterHourS, at(10));
    QVERIFY2(result.ok(), qPrintable(result.message));
    auto records = engine.takeTransitions();
    QCOMPARE(kinds(records), std::vector{v1::TRANSITION_SHELVED_BY_HAND});
    QCOMPARE(records.front().alert.state(), v1::ALERT_SHELVED);
    QCOMPARE(records.front().alert.shelved_until_ms(), at(10 + kQuarterHourS));
    QCOMPARE(records.front().alert.shelved_by().reason(), std::string("kakao maintenance, vendor on it"));

    // It gets worse while shelved: tracked, nothing raised.
    engine.observe(kakao(at(100), 0.5), at(100));
    engine.tick(at(10 + kQuarterHourS - 1), 0);
    QVERIFY(engine.takeTransitions().empty());
    QCOMPARE(only(engine).active_severity(), v1::SEVERITY_CRITICAL);

    engine.tick(at(10 + kQuarterHourS), 0);
    records = engine.takeTransitions();
    QCOMPARE(kinds(records), std::vector{v1::TRANSITION_SHELF_EXPIRED});
    QCOMPARE(records.front().previousState, v1::ALERT_SHELVED);
    QCOMPARE(records.front().actor.user(), std::string("system"));
    QCOMPARE(records.front().alert.state(), v1::ALERT_ACTIVE_UNACKED);
    QCOMPARE(records.front().alert.severity(), v1::SEVERITY_CRITICAL);
    QCOMPARE(records.front().alert.shelved_until_ms(), 0);
}

void tst_AlertEngine::shelfExpiresBackToReturnedUnacked()
{
    AlertEngine engine = raisedEngine();
    QVERIFY(engine.shelve(QStringLiteral("A1"), operatorActor("kim", "noise"), kQuarterHourS, at(1)).ok());
    engine.observe(kakao(at(60), 0.01), at(60));
    engine.tick(at(1 + kQuarterHourS), 0);
    const auto records = engine.takeTransitions();
    QCOMPARE(kinds(records), (std::vector{v1::TRANSITION_RAISED, v1::TRANSITION_SHELVED_BY_HAND,
                                          v1::TRANSITION_SHELF_EXPIRED}));
    QCOMPARE(records.back().alert.state(), v1::ALERT_RTN_UNACKED);
}

void tst_AlertEngine::shelvedAlertTracksButRaisesNothing()
{
    AlertEngine engine = raisedEngine();
    QVERIFY(engine.shelve(QStringLiteral("A1"), operatorActor("kim", "known"), 3600, at(1)).ok());
    engine.takeTransitions();
    for (int t = 2; t < 600; ++t)
        engine.observe(kakao(at(t), (t / 7) % 2 ? 0.5 : 0.01), at(t));
    QVERIFY(engine.takeTransitions().empty());
    QCOMPARE(engine.activeAlerts().size(), std::size_t(1));
    QCOMPARE(engine.startedInWindow(), 1u);
}

void tst_AlertEngine::unshelveByHandWhileActiveIsAcknowledged()
{
    AlertEngine engine = raisedEngine();
    QVERIFY(engine.shelve(QStringLiteral("A1"), operatorActor("kim", "known"), 3600, at(1)).ok());
    engine.takeTransitions();
    const auto result = engine.unshelve(QStringLiteral("A1"), operatorActor("lee"), at(100));
    QVERIFY2(result.ok(), qPrintable(result.message));
    const auto records = engine.takeTransitions();
    QCOMPARE(kinds(records), std::vector{v1::TRANSITION_UNSHELVED_BY_HAND});
    QCOMPARE(records.front().actor.user(), std::string("lee"));
    QCOMPARE(records.front().alert.state(), v1::ALERT_ACTIVE_ACKED);
    QCOMPARE(records.front().alert.acknowledged_by().user(), std::string("lee"));
    QCOMPARE(records.front().alert.shelved_until_ms(), 0);
    // The shelf is gone: it does not expire later.
    engine.tick(at(3700), 0);
    QVERIFY(engine.takeTransitions().empty());
}

void tst_AlertEngine::unshelveByHandAfterTheConditionWentIsCleared()
{
    AlertEngine engine = raisedEngine();
    QVERIFY(engine.shelve(QStringLiteral("A1"), operatorActor("kim", "known"), 3600, at(1)).ok());
    engine.observe(kakao(at(50), 0.0), at(50));
    engine.takeTransitions();
    QVERIFY(engine.unshelve(QStringLiteral("A1"), operatorActor("lee"), at(100)).ok());
    const auto records = engine.takeTransitions();
    QCOMPARE(kinds(records), std::vector{v1::TRANSITION_UNSHELVED_BY_HAND});
    QCOMPARE(records.front().alert.state(), v1::ALERT_CLEARED);
    QVERIFY(engine.activeAlerts().empty());
}

void tst_AlertEngine::refusals_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("alertId");
    QTest::addColumn<qint64>("durationS");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    const int invalid = v1::COMMAND_INVALID;
    const int refused = v1::COMMAND_REFUSED;
    auto row = [](const char *name, const char *action, const char *id, qint64 durationS, const char *reason, int status,
                  const char *message) {
        QTest::newRow(name) << QString::fromUtf8(action) << QString::fromUtf8(id) << durationS << QString::fromUtf8(reason)
                            << status << QString::fromUtf8(message);
    };
    row("ack unknown", "ack", "A99", 0, "", invalid,
        "There is no alert A99.");
    row("ack acked", "ack-twice", "A1", 0, "", refused,
        "Alert A1 is already acknowledged; only an unacknowledged alert can be acknowledged.");
    row("ack shelved", "ack-shelved", "A1", 0, "", refused,
        "Alert A1 is shelved; only an unacknowledged alert can be acknowledged.");
    row("shelve unknown", "shelve", "B1", 3600, "why", invalid,
        "There is no alert B1.");
    row("shelve too short", "shelve", "A1", kQuarterHourS - 1, "why", invalid,
        "An alert is shelved for 15 minutes to 12 hours, not 899 seconds.");
    row("shelve too long", "shelve", "A1", 12 * 3600 + 1, "why", invalid,
        "An alert is shelved for 15 minutes to 12 hours, not 43201 seconds.");
    row("shelve no reason", "shelve", "A1", 3600, "  ", invalid,
        "Shelving an alert needs a reason.");
    row("shelve shelved", "shelve-twice", "A1", 3600, "why", refused,
        "Alert A1 is shelved and cannot be shelved.");
    row("unshelve unshelved", "unshelve", "A1", 0, "", refused,
        "Alert A1 is active and unacknowledged, not shelved.");
    row("unshelve unknown", "unshelve", "A2", 0, "", invalid,
        "There is no alert A2.");
}

void tst_AlertEngine::refusals()
{
    QFETCH(QString, action);
    QFETCH(QString, alertId);
    QFETCH(qint64, durationS);
    QFETCH(QString, reason);
    QFETCH(int, status);
    QFETCH(QString, message);

    AlertEngine engine = raisedEngine();
    if (action == u"ack-twice")
        QVERIFY(engine.acknowledge(alertId, operatorActor(), QString(), QString(), at(1)).ok());
    if (action == u"ack-shelved" || action == u"shelve-twice")
        QVERIFY(engine.shelve(alertId, operatorActor("kim", "first"), 3600, at(1)).ok());
    engine.takeTransitions();
    const AlertEngine before = engine;

    const v1::Actor actor = operatorActor("kim", reason.toUtf8().constData());
    sitroom::alerts::AlertActionResult result;
    if (action.startsWith(u"ack"))
        result = engine.acknowledge(alertId, actor, QString(), QString(), at(2));
    else if (action.startsWith(u"shelve"))
        result = engine.shelve(alertId, actor, durationS, at(2));
    else
        result = engine.unshelve(alertId, actor, at(2));
    QCOMPARE(int(result.status), status);
    QCOMPARE(result.message, message);
    QVERIFY(!result.ok());
    QVERIFY(engine.takeTransitions().empty());
    QCOMPARE(engine.find(QStringLiteral("A1"))->SerializeAsString(), before.find(QStringLiteral("A1"))->SerializeAsString());
}

void tst_AlertEngine::actionOnAClearedAlertIsRefused()
{
    AlertEngine engine = raisedEngine();
    engine.observe(kakao(at(1), 0.0), at(1));
    QVERIFY(engine.acknowledge(QStringLiteral("A1"), operatorActor(), QString(), QString(), at(2)).ok());
    const auto result = engine.acknowledge(QStringLiteral("A1"), operatorActor(), QString(), QString(), at(3));
    QCOMPARE(result.status, v1::COMMAND_REFUSED);
    QCOMPARE(result.message, QStringLiteral("Alert A1 is cleared."));
    QCOMPARE(engine.shelve(QStringLiteral("A1"), operatorActor("kim", "x"), 3600, at(3)).status, v1::COMMAND_REFUSED);
}

void tst_AlertEngine::disabledProviderRaisesNothing()
{
    AlertEngine engine(ruleSet({errorRateRule()}));
    engine.observe(state(at(0), {Provider{"kakao", 0.9, false}, Provider{"naver", 0.5}}), at(0));
    const auto records = engine.takeTransitions();
    QCOMPARE(records.size(), std::size_t(1));
    QCOMPARE(records.front().alert.key(), std::string("provider.error_rate/naver"));
    // Disabling a provider with an alert returns it to normal.
    engine.observe(state(at(1), {Provider{"kakao", 0.9, false}, Provider{"naver", 0.5, false}}), at(1));
    QCOMPARE(kinds(engine.takeTransitions()), std::vector{v1::TRANSITION_RETURNED});
}

void tst_AlertEngine::silence()
{
    AlertEngine engine(ruleSet({silenceRule()}));
    engine.observe(kakao(at(0), 0.0), at(0));
    engine.tick(at(14), 14);
    QVERIFY(engine.takeTransitions().empty());
    engine.tick(at(15), 15);
    auto records = engine.takeTransitions();
    QCOMPARE(kinds(records), std::vector{v1::TRANSITION_RAISED});
    QCOMPARE(records.front().alert.key(), std::string("telemetry.silent"));
    QCOMPARE(records.front().alert.source(), std::string("telemetry"));
    QCOMPARE(records.front().alert.severity(), v1::SEVERITY_MAJOR);
    QCOMPARE(QString::fromStdString(records.front().alert.message().en()), QStringLiteral("No telemetry for 15 s"));
    engine.tick(at(120), 120);
    records = engine.takeTransitions();
    QCOMPARE(kinds(records), std::vector{v1::TRANSITION_ESCALATED});
    QCOMPARE(QString::fromStdString(records.front().alert.message().en()), QStringLiteral("No telemetry for 2 min"));
    // Telemetry again: the silence is over.
    engine.observe(kakao(at(121), 0.0), at(121));
    QCOMPARE(kinds(engine.takeTransitions()), std::vector{v1::TRANSITION_RETURNED});
}

void tst_AlertEngine::restoreKeepsAlertsAndIds()
{
    AlertEngine first(ruleSet({errorRateRule(0, 60, 0.3)}));
    first.observe(state(at(0), {Provider{"kakao", 0.2}, Provider{"naver", 0.4}}), at(0));
    QVERIFY(first.acknowledge(QStringLiteral("A2"), operatorActor(), QStringLiteral("on it"), QString(), at(5)).ok());
    first.takeTransitions();

    AlertEngine second(ruleSet({errorRateRule(0, 60, 0.3)}));
    second.restore(first.activeAlerts(), first.nextId());
    QCOMPARE(second.nextId(), 3u);
    QCOMPARE(second.activeAlerts().size(), std::size_t(2));
    QCOMPARE(second.find(QStringLiteral("A2"))->state(), v1::ALERT_ACTIVE_ACKED);
    QCOMPARE(second.find(QStringLiteral("A2"))->comment(), std::string("on it"));
    // The same conditions hold: nothing happens, no new ids.
    second.observe(state(at(10), {Provider{"kakao", 0.2}, Provider{"naver", 0.4}}), at(10));
    QVERIFY(second.takeTransitions().empty());
    // A new key gets the next id, and the restored ones act as before.
    second.observe(state(at(11), {Provider{"kakao", 0.2}, Provider{"naver", 0.4}, Provider{"pass", 0.5}}), at(11));
    auto records = second.takeTransitions();
    QCOMPARE(kinds(records), std::vector{v1::TRANSITION_RAISED});
    QCOMPARE(records.front().alert.id(), std::string("A3"));
    QVERIFY(second.acknowledge(QStringLiteral("A1"), operatorActor(), QString(), QString(), at(12)).ok());
    QCOMPARE(second.startedInWindow(), 3u);
}

void tst_AlertEngine::restoredAlertReturnsAfterItsOffDelay()
{
    AlertEngine first(ruleSet({errorRateRule(0, 60, 0.3)}));
    first.observe(kakao(at(0), 0.2), at(0));
    AlertEngine second(ruleSet({errorRateRule(0, 60, 0.3)}));
    second.restore(first.activeAlerts(), first.nextId());
    for (int t = 100; t < 159; ++t)
        second.observe(kakao(at(t), 0.01), at(t));
    QVERIFY(second.takeTransitions().empty());
    second.observe(kakao(at(160), 0.01), at(160));
    QCOMPARE(kinds(second.takeTransitions()), std::vector{v1::TRANSITION_RETURNED});
}

void tst_AlertEngine::activeAlertsMostSevereThenNewest()
{
    AlertEngine engine(ruleSet({errorRateRule()}));
    engine.observe(state(at(0), {Provider{"kakao", 0.15}}), at(0));
    engine.observe(state(at(1), {Provider{"kakao", 0.15}, Provider{"naver", 0.5}}), at(1));
    engine.observe(state(at(2), {Provider{"kakao", 0.15}, Provider{"naver", 0.5}, Provider{"pass", 0.12}}), at(2));
    const auto alerts = engine.activeAlerts();
    QCOMPARE(alerts.size(), std::size_t(3));
    QCOMPARE(alerts[0].subject(), std::string("naver"));   // critical
    QCOMPARE(alerts[1].subject(), std::string("pass"));    // major, newest
    QCOMPARE(alerts[2].subject(), std::string("kakao"));
}

void tst_AlertEngine::copiesAreIndependent()
{
    AlertEngine engine = raisedEngine();
    engine.takeTransitions();
    AlertEngine copy = engine;
    QVERIFY(copy.acknowledge(QStringLiteral("A1"), operatorActor(), QString(), QString(), at(1)).ok());
    QCOMPARE(engine.find(QStringLiteral("A1"))->state(), v1::ALERT_ACTIVE_UNACKED);
    QVERIFY(engine.takeTransitions().empty());
    QCOMPARE(copy.takeTransitions().size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(tst_AlertEngine)
#include "tst_alertengine.moc"
