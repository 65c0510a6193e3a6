// The gateway's alert desk over a real state database: transitions are
// audited and stored in one transaction before they are told, operators'
// commands follow roles and are idempotent, the alerts survive a restart, and
// the engine's clock runs on through a silence of the live system.
#include "server/gateway/AlertDesk.h"
#include "server/gateway/AuditLog.h"
#include "server/gateway/CommandProcessor.h"
#include "server/gateway/StateDatabase.h"

#include <QtTest>

#include <QTemporaryDir>

#include <memory>

using namespace sitroom;
using namespace sitroom::gateway;

namespace {

const qint64 kWall = 1'780'000'000'000;    // wall clock
const qint64 kSource = 1'626'692'400'000;  // the live system's clock (2021-07-19 20:00 KST)

const Identity kViewer{QStringLiteral("han"), v1::ROLE_VIEWER, v1::SITE_OSONG};
const Identity kOperator{QStringLiteral("kim"), v1::ROLE_OPERATOR, v1::SITE_SEOUL};
const Identity kOperator2{QStringLiteral("lee"), v1::ROLE_OPERATOR, v1::SITE_OSONG};
const Identity kSupervisor{QStringLiteral("park"), v1::ROLE_SUPERVISOR, v1::SITE_SEOUL};

alerts::AlertRuleSet rules()
{
    alerts::AlertRuleSet set;
    alerts::AlertRule wait;
    wait.id = QStringLiteral("admission.estimated_wait");
    wait.metric = alerts::Metric::QueueEstimatedWait;
    wait.metricName = QStringLiteral("admission.estimated_wait_s");
    wait.levels = {{v1::SEVERITY_MAJOR, 1800}, {v1::SEVERITY_CRITICAL, 3600}};
    wait.onDelayS = 10;
    wait.offDelayS = 30;
    wait.hysteresis = 0.1;
    wait.runbook = QStringLiteral("queue-wait");
    wait.messageKo = QStringLiteral("예상 대기 {value}");
    wait.messageEn = QStringLiteral("Estimated wait {value}");
    set.rules.push_back(wait);

    alerts::AlertRule silence;
    silence.id = QStringLiteral("telemetry.silence");
    silence.metric = alerts::Metric::TelemetrySilence;
    silence.metricName = QStringLiteral("telemetry.silence_s");
    silence.levels = {{v1::SEVERITY_CRITICAL, 5}};
    silence.onDelayS = 2;
    silence.offDelayS = 0;
    silence.runbook = QStringLiteral("telemetry-silent");
    silence.messageKo = QStringLiteral("원격 측정 끊김");
    silence.messageEn = QStringLiteral("Telemetry silent");
    set.rules.push_back(silence);
    return set;
}

v1::SystemState state(qint64 simMs, double waitS)
{
    v1::SystemState s;
    s.set_sim_time_ms(simMs);
    s.mutable_admission()->set_queue_depth(std::uint64_t(waitS * 100));
    s.mutable_admission()->set_admitted_per_s(100);
    s.mutable_admission()->set_estimated_wait_s(waitS);
    return s;
}

// Feeds one state per simulated second, wall clock in step, from `from` s.
void feed(AlertDesk &desk, int from, int to, double waitS)
{
    for (int t = from; t < to; ++t)
        desk.observe(state(kSource + t * 1000LL, waitS), kWall + t * 1000LL);
}

int g_id = 0;

v1::Command ack(const std::string &alertId, const char *comment, const char *step = "")
{
    v1::Command c;
    c.set_command_id("ack-" + std::to_string(++g_id));
    c.set_reason(comment);
    c.mutable_acknowledge_alert()->set_alert_id(alertId);
    c.mutable_acknowledge_alert()->set_comment(comment);
    c.mutable_acknowledge_alert()->set_runbook_step(step);
    return c;
}

v1::Command shelve(const std::string &alertId, std::uint32_t seconds, const char *reason)
{
    v1::Command c;
    c.set_command_id("shelve-" + std::to_string(++g_id));
    c.set_reason(reason);
    c.mutable_shelve_alert()->set_alert_id(alertId);
    c.mutable_shelve_alert()->set_duration_s(seconds);
    return c;
}

v1::Command unshelve(const std::string &alertId)
{
    v1::Command c;
    c.set_command_id("unshelve-" + std::to_string(++g_id));
    c.set_reason("back on the list");
    c.mutable_unshelve_alert()->set_alert_id(alertId);
    return c;
}

std::vector<v1::AlertEvent> eventsOf(AlertDesk &desk, v1::AlertTransition transition)
{
    std::vector<v1::AlertEvent> out;
    for (auto &e : desk.takeAlertEvents())
        if (e.transition() == transition)
            out.push_back(e);
    return out;
}

} // namespace

class TestAlertDesk final : public QObject
{
    Q_OBJECT

private slots:
    void raisesAuditsAcknowledgesAndSurvivesARestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::string id;
        {
            StateDatabase db;
            QString error;
            QVERIFY2(db.open(dir.path(), &error), qPrintable(error));
            AlertDesk desk(db, rules());
            desk.restore();
            // Below the threshold nothing happens; above it, only after the on-delay.
            feed(desk, 0, 20, 600);
            QVERIFY(desk.takeAlertEvents().empty());
            feed(desk, 20, 29, 2400);
            QVERIFY(desk.takeAlertEvents().empty());
            feed(desk, 29, 32, 2400);
            const auto raised = eventsOf(desk, v1::TRANSITION_RAISED);
            QCOMPARE(raised.size(), std::size_t(1));
            const v1::Alert &a = raised.front().alert();
            id = a.id();
            QCOMPARE(a.key(), std::string("admission.estimated_wait"));
            QCOMPARE(a.state(), v1::ALERT_ACTIVE_UNACKED);
            QCOMPARE(a.severity(), v1::SEVERITY_MAJOR);
            QCOMPARE(raised.front().actor().user(), std::string("system"));
            QCOMPARE(raised.front().previous_state(), v1::ALERT_STATE_UNSPECIFIED);
            QCOMPARE(raised.front().alerts_last_10min(), 1u);
            // Audited before it was told: the row is in the chain.
            const auto audit = desk.takeAuditEvents();
            QCOMPARE(audit.size(), std::size_t(1));
            QVERIFY(QString::fromStdString(audit.front().action()).contains(QString::fromStdString(id)));
            QCOMPARE(audit.front().user(), std::string("system"));
            QVERIFY(QString::fromStdString(audit.front().outcome()).startsWith(QStringLiteral("major")));

            // A viewer may not acknowledge; nor may anyone an alert that does not exist.
            QCOMPARE(desk.handle(ack(id, "seen"), kViewer, kWall + 40'000, {}).status(), v1::COMMAND_REFUSED);
            QCOMPARE(desk.handle(ack("A999", "seen"), kOperator, kWall + 40'000, {}).status(), v1::COMMAND_INVALID);
            QCOMPARE(desk.takeAuditEvents().size(), std::size_t(2));   // refusals are audited too
            QVERIFY(desk.takeAlertEvents().empty());

            const v1::Command byKim = ack(id, "queue over 30 min; throttled per runbook", "queue-wait#5: throttle to 700/s");
            const v1::CommandResult done = desk.handle(byKim, kOperator, kWall + 41'000, {});
            QVERIFY2(done.status() == v1::COMMAND_APPLIED, done.message().c_str());
            const auto acked = eventsOf(desk, v1::TRANSITION_ACKNOWLEDGED);
            QCOMPARE(acked.size(), std::size_t(1));
            QCOMPARE(acked.front().alert().state(), v1::ALERT_ACTIVE_ACKED);
            QCOMPARE(acked.front().actor().user(), std::string("kim"));
            QCOMPARE(acked.front().actor().site(), std::uint32_t(v1::SITE_SEOUL));
            QCOMPARE(acked.front().alert().comment(), std::string("queue over 30 min; throttled per runbook"));
            QCOMPARE(acked.front().alert().runbook_step(), std::string("queue-wait#5: throttle to 700/s"));
            const auto ackAudit = desk.takeAuditEvents();
            QCOMPARE(ackAudit.size(), std::size_t(1));
            QCOMPARE(ackAudit.front().user(), std::string("kim"));
            QVERIFY(QString::fromStdString(ackAudit.front().outcome()).contains(QStringLiteral("queue-wait#5")));

            // The same command again: the first answer, nothing applied twice.
            const v1::CommandResult again = desk.handle(byKim, kOperator, kWall + 42'000, {});
            QCOMPARE(again.status(), v1::COMMAND_APPLIED);
            QVERIFY(desk.takeAlertEvents().empty());
            QVERIFY(desk.takeAuditEvents().empty());
            // Acknowledging it twice is refused in plain words.
            QCOMPARE(desk.handle(ack(id, "again"), kOperator2, kWall + 43'000, {}).status(), v1::COMMAND_REFUSED);
        }
        {
            // A restart: the alert comes back as it was, and its lifecycle goes on.
            StateDatabase db;
            QString error;
            QVERIFY2(db.open(dir.path(), &error), qPrintable(error));
            AlertDesk desk(db, rules());
            desk.restore();
            const auto open = desk.activeAlerts();
            QCOMPARE(open.size(), std::size_t(1));
            QCOMPARE(open.front().id(), id);
            QCOMPARE(open.front().state(), v1::ALERT_ACTIVE_ACKED);
            QCOMPARE(open.front().acknowledged_by().user(), std::string("kim"));
            // The condition is gone: after the off-delay an acknowledged alert clears.
            feed(desk, 100, 140, 300);
            const auto cleared = eventsOf(desk, v1::TRANSITION_CLEARED);
            QCOMPARE(cleared.size(), std::size_t(1));
            QCOMPARE(cleared.front().alert().id(), id);
            QVERIFY(desk.activeAlerts().empty());
            // The whole story is in one unbroken chain.
            const AuditVerification v = AuditLog(db).verify();
            QVERIFY2(v.ok, qPrintable(v.detail));
            QCOMPARE(v.rowsChecked, std::uint64_t(6));
        }
        {
            // Cleared stays cleared; a new occurrence gets a new id.
            StateDatabase db;
            QString error;
            QVERIFY(db.open(dir.path(), &error));
            AlertDesk desk(db, rules());
            desk.restore();
            QVERIFY(desk.activeAlerts().empty());
            feed(desk, 200, 215, 2400);
            const auto raised = eventsOf(desk, v1::TRANSITION_RAISED);
            QCOMPARE(raised.size(), std::size_t(1));
            QVERIFY(raised.front().alert().id() != id);
            QCOMPARE(raised.front().alert().key(), std::string("admission.estimated_wait"));
        }
    }

    void shelvingFollowsRolesAndBounds()
    {
        StateDatabase db;
        QString error;
        QVERIFY(db.open(QString(), &error));
        AlertDesk desk(db, rules());
        desk.restore();
        feed(desk, 0, 15, 4000);   // critical at once
        const auto raised = eventsOf(desk, v1::TRANSITION_RAISED);
        QCOMPARE(raised.size(), std::size_t(1));
        const std::string id = raised.front().alert().id();
        QCOMPARE(raised.front().alert().severity(), v1::SEVERITY_CRITICAL);

        const v1::CommandResult byOperator = desk.handle(shelve(id, 1800, "known"), kOperator, kWall + 20'000, {});
        QCOMPARE(byOperator.status(), v1::COMMAND_REFUSED);
        QVERIFY(QString::fromStdString(byOperator.message()).contains(QStringLiteral("supervisor")));
        QCOMPARE(desk.handle(shelve(id, 60, "too short"), kSupervisor, kWall + 20'000, {}).status(), v1::COMMAND_INVALID);
        QCOMPARE(desk.handle(shelve(id, 13 * 3600, "too long"), kSupervisor, kWall + 20'000, {}).status(),
                 v1::COMMAND_INVALID);
        QVERIFY(desk.takeAlertEvents().empty());

        const v1::CommandResult shelved = desk.handle(shelve(id, 1800, "backend team on it"), kSupervisor, kWall + 21'000, {});
        QVERIFY2(shelved.status() == v1::COMMAND_APPLIED, shelved.message().c_str());
        const auto events = eventsOf(desk, v1::TRANSITION_SHELVED_BY_HAND);
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events.front().alert().state(), v1::ALERT_SHELVED);
        QCOMPARE(events.front().alert().shelved_by().user(), std::string("park"));
        QCOMPARE(events.front().alert().shelved_by().reason(), std::string("backend team on it"));
        QVERIFY(events.front().alert().shelved_until_ms() >= kSource + 15'000 + 1800'000);
        // Still listed (a Snapshot carries it), marked shelved.
        QCOMPARE(desk.activeAlerts().size(), std::size_t(1));

        // Unshelved by hand while the condition holds: back, acknowledged.
        const v1::CommandResult back = desk.handle(unshelve(id), kSupervisor, kWall + 22'000, {});
        QVERIFY2(back.status() == v1::COMMAND_APPLIED, back.message().c_str());
        const auto unshelved = eventsOf(desk, v1::TRANSITION_UNSHELVED_BY_HAND);
        QCOMPARE(unshelved.size(), std::size_t(1));
        QCOMPARE(unshelved.front().alert().state(), v1::ALERT_ACTIVE_ACKED);
        QCOMPARE(desk.handle(unshelve(id), kSupervisor, kWall + 23'000, {}).status(), v1::COMMAND_REFUSED);
    }

    void theClockRunsOnThroughASilence()
    {
        StateDatabase db;
        QString error;
        QVERIFY(db.open(QString(), &error));
        AlertDesk desk(db, rules());
        desk.restore();
        // Before anything was heard, nothing has gone silent.
        desk.tick(kWall);
        QVERIFY(desk.takeAlertEvents().empty());
        desk.observe(state(kSource, 60), kWall);
        for (int s = 1; s <= 6; ++s)
            desk.tick(kWall + s * 1000LL);
        QVERIFY(desk.takeAlertEvents().empty());   // 5 s of silence, not yet 2 s past it
        for (int s = 7; s <= 9; ++s)
            desk.tick(kWall + s * 1000LL);
        const auto raised = eventsOf(desk, v1::TRANSITION_RAISED);
        QCOMPARE(raised.size(), std::size_t(1));
        QCOMPARE(raised.front().alert().key(), std::string("telemetry.silence"));
        QCOMPARE(raised.front().alert().severity(), v1::SEVERITY_CRITICAL);
        // Stamped on the engine clock: the source's, carried on by the wall clock.
        QVERIFY(raised.front().alert().raised_ms() >= kSource + 7000);
        QVERIFY(raised.front().alert().raised_ms() <= kSource + 9000);
        QVERIFY(desk.engineNowMs(kWall + 9000) >= kSource + 9000);
        // Telemetry again: it returns to normal (unacknowledged, it stays listed).
        desk.observe(state(kSource + 10'000, 60), kWall + 10'000);
        const auto returned = eventsOf(desk, v1::TRANSITION_RETURNED);
        QCOMPARE(returned.size(), std::size_t(1));
        QCOMPARE(returned.front().alert().state(), v1::ALERT_RTN_UNACKED);
    }
};

QTEST_GUILESS_MAIN(TestAlertDesk)
#include "tst_alertdesk.moc"
