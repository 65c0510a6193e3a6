// The gateway's watch over the alerts, with the operators' alert commands
// plugged into the one command pipeline, over a real SQLite store:
// transitions are audited and stored in one transaction before they are told
// (and not told at all when the store refuses them), operators' commands
// follow roles and are idempotent, the alerts survive a restart, and the
// engine's clock runs on through a silence of the live system.
#include "server/gateway/SqliteGatewayStore.h"

#include "tests/server/gateway/AlertWatchFixture.h"
#include "tests/server/gateway/FlakyStore.h"

#include <QtTest>

#include <QTemporaryDir>

using namespace sitroom;
using namespace sitroom::gateway;
using namespace sitroom::gateway::testing;

class TestAlertWatch final : public QObject
{
    Q_OBJECT

private slots:
    void raisesAuditsAcknowledgesAndSurvivesARestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::string id;
        {
            SqliteGatewayStore store;
            QString error;
            QVERIFY2(store.open(dir.path(), &error), qPrintable(error));
            AlertSide side(store);
            // Below the threshold nothing happens; above it, only after the on-delay.
            feed(side.watch, 0, 20, 600);
            QVERIFY(side.watch.takeAlertEvents().empty());
            feed(side.watch, 20, 29, 2400);
            QVERIFY(side.watch.takeAlertEvents().empty());
            feed(side.watch, 29, 32, 2400);
            const auto raised = eventsOf(side.watch, v1::TRANSITION_RAISED);
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
            const auto audit = side.pipeline.takeAuditEvents();
            QCOMPARE(audit.size(), std::size_t(1));
            QVERIFY(QString::fromStdString(audit.front().action()).contains(QString::fromStdString(id)));
            QCOMPARE(audit.front().user(), std::string("system"));
            QVERIFY(QString::fromStdString(audit.front().outcome()).startsWith(QStringLiteral("major")));

            // A viewer may not acknowledge; nor may anyone an alert that does not exist.
            QCOMPARE(side.handle(ack(id, "seen"), kViewer, kWall + 40'000).status(), v1::COMMAND_REFUSED);
            QCOMPARE(side.handle(ack("A999", "seen"), kOperator, kWall + 40'000).status(), v1::COMMAND_INVALID);
            QCOMPARE(side.pipeline.takeAuditEvents().size(), std::size_t(2));   // refusals are audited too
            QVERIFY(side.watch.takeAlertEvents().empty());

            const v1::Command byKim = ack(id, "queue over 30 min; throttled per runbook", "queue-wait#5: throttle to 700/s");
            const v1::CommandResult done = side.handle(byKim, kOperator, kWall + 41'000);
            QVERIFY2(done.status() == v1::COMMAND_APPLIED, done.message().c_str());
            const auto acked = eventsOf(side.watch, v1::TRANSITION_ACKNOWLEDGED);
            QCOMPARE(acked.size(), std::size_t(1));
            QCOMPARE(acked.front().alert().state(), v1::ALERT_ACTIVE_ACKED);
            QCOMPARE(acked.front().actor().user(), std::string("kim"));
            QCOMPARE(acked.front().actor().site(), std::uint32_t(v1::SITE_SEOUL));
            QCOMPARE(acked.front().alert().comment(), std::string("queue over 30 min; throttled per runbook"));
            QCOMPARE(acked.front().alert().runbook_step(), std::string("queue-wait#5: throttle to 700/s"));
            const auto ackAudit = side.pipeline.takeAuditEvents();
            QCOMPARE(ackAudit.size(), std::size_t(1));
            QCOMPARE(ackAudit.front().user(), std::string("kim"));
            QVERIFY(QString::fromStdString(ackAudit.front().outcome()).contains(QStringLiteral("queue-wait#5")));

            // The same command again: the first answer, nothing applied twice.
            const v1::CommandResult again = side.handle(byKim, kOperator, kWall + 42'000);
            QCOMPARE(again.status(), v1::COMMAND_APPLIED);
            QVERIFY(side.watch.takeAlertEvents().empty());
            QVERIFY(side.pipeline.takeAuditEvents().empty());
            // Acknowledging it twice is refused in plain words.
            QCOMPARE(side.handle(ack(id, "again"), kOperator2, kWall + 43'000).status(), v1::COMMAND_REFUSED);
        }
        {
            // A restart: the alert comes back as it was, and its lifecycle goes on.
            SqliteGatewayStore store;
            QString error;
            QVERIFY2(store.open(dir.path(), &error), qPrintable(error));
            AlertSide side(store);
            const auto open = side.watch.activeAlerts();
            QCOMPARE(open.size(), std::size_t(1));
            QCOMPARE(open.front().id(), id);
            QCOMPARE(open.front().state(), v1::ALERT_ACTIVE_ACKED);
            QCOMPARE(open.front().acknowledged_by().user(), std::string("kim"));
            // The condition is gone: after the off-delay an acknowledged alert clears.
            feed(side.watch, 100, 140, 300);
            const auto cleared = eventsOf(side.watch, v1::TRANSITION_CLEARED);
            QCOMPARE(cleared.size(), std::size_t(1));
            QCOMPARE(cleared.front().alert().id(), id);
            QVERIFY(side.watch.activeAlerts().empty());
            // The whole story is in one unbroken chain.
            const AuditVerification v = store.verifyAudit();
            QVERIFY2(v.ok, qPrintable(v.detail));
            QCOMPARE(v.rowsChecked, std::uint64_t(6));
        }
        {
            // Cleared stays cleared; a new occurrence gets a new id.
            SqliteGatewayStore store;
            QString error;
            QVERIFY2(store.open(dir.path(), &error), qPrintable(error));
            AlertSide side(store);
            QVERIFY(side.watch.activeAlerts().empty());
            feed(side.watch, 200, 215, 2400);
            const auto raised = eventsOf(side.watch, v1::TRANSITION_RAISED);
            QCOMPARE(raised.size(), std::size_t(1));
            QVERIFY(raised.front().alert().id() != id);
            QCOMPARE(raised.front().alert().key(), std::string("admission.estimated_wait"));
        }
    }

    void aTransitionTheStoreRefusesIsToldOnlyOnceWritten()
    {
        SqliteGatewayStore sqlite;
        QString error;
        QVERIFY2(sqlite.open(QString(), &error), qPrintable(error));
        FlakyStore store(sqlite);
        AlertSide side(store);
        feed(side.watch, 0, 10, 4000);   // above the threshold, the on-delay not yet over
        QVERIFY(side.watch.takeAlertEvents().empty());
        // The raise meets a store that will not commit: nobody hears of it,
        // nothing is kept, and the engine steps back.
        store.failCommits = 1;
        feed(side.watch, 10, 11, 4000);
        QVERIFY(side.watch.takeAlertEvents().empty());
        QVERIFY(side.pipeline.takeAuditEvents().empty());
        QVERIFY(side.watch.activeAlerts().empty());
        QVERIFY(sqlite.loadOpenAlerts().empty());
        QVERIFY(sqlite.recentAudit(10).empty());
        // The next tick meets the same condition and raises it again, for good.
        feed(side.watch, 11, 12, 4000);
        const auto raised = eventsOf(side.watch, v1::TRANSITION_RAISED);
        QCOMPARE(raised.size(), std::size_t(1));
        QCOMPARE(side.pipeline.takeAuditEvents().size(), std::size_t(1));
        const auto stored = sqlite.loadOpenAlerts();
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(stored.front().id(), raised.front().alert().id());
        QVERIFY(sqlite.loadNextAlertId() > 1);   // the counter is kept with the alert
        const AuditVerification v = sqlite.verifyAudit();
        QVERIFY2(v.ok, qPrintable(v.detail));
        QCOMPARE(v.rowsChecked, std::uint64_t(1));
    }

    void theClockRunsOnThroughASilence()
    {
        SqliteGatewayStore store;
        QString error;
        QVERIFY2(store.open(QString(), &error), qPrintable(error));
        AlertSide side(store);
        // Before anything was heard, nothing has gone silent.
        side.watch.tick(kWall);
        QVERIFY(side.watch.takeAlertEvents().empty());
        side.watch.observe(state(kSource, 60), kWall);
        for (int s = 1; s <= 6; ++s)
            side.watch.tick(kWall + s * 1000LL);
        QVERIFY(side.watch.takeAlertEvents().empty());   // 5 s of silence, not yet 2 s past it
        for (int s = 7; s <= 9; ++s)
            side.watch.tick(kWall + s * 1000LL);
        const auto raised = eventsOf(side.watch, v1::TRANSITION_RAISED);
        QCOMPARE(raised.size(), std::size_t(1));
        QCOMPARE(raised.front().alert().key(), std::string("telemetry.silence"));
        QCOMPARE(raised.front().alert().severity(), v1::SEVERITY_CRITICAL);
        // Stamped on the engine clock: the source's, carried on by the wall clock.
        QVERIFY(raised.front().alert().raised_ms() >= kSource + 7000);
        QVERIFY(raised.front().alert().raised_ms() <= kSource + 9000);
        QVERIFY(side.watch.engineNowMs(kWall + 9000) >= kSource + 9000);
        // Telemetry again: it returns to normal (unacknowledged, it stays listed).
        side.watch.observe(state(kSource + 10'000, 60), kWall + 10'000);
        const auto returned = eventsOf(side.watch, v1::TRANSITION_RETURNED);
        QCOMPARE(returned.size(), std::size_t(1));
        QCOMPARE(returned.front().alert().state(), v1::ALERT_RTN_UNACKED);
    }

    void nothingIsTimedOnTheWallClockBeforeTheLiveClockIsKnown()
    {
        // The demo's failure: a gateway whose first ticks carry no live time
        // (Prometheus had not scraped the live clock yet) ran its engine on
        // the wall clock, kept the latest time it saw, and said "red for
        // 2794831 min" for ever after. Ticks without a time now wait.
        SqliteGatewayStore store;
        QString error;
        QVERIFY2(store.open(QString(), &error), qPrintable(error));
        AlertSide side(store);
        for (int t = 0; t < 40; ++t)
            side.watch.observe(state(0, 2400), kWall + t * 1000LL);   // a wait well over the threshold
        for (int t = 40; t < 50; ++t)
            side.watch.tick(kWall + t * 1000LL);                      // and no silence alarm either
        QVERIFY(side.watch.takeAlertEvents().empty());
        QCOMPARE(side.watch.engineNowMs(kWall + 50'000), qint64(0));
        QVERIFY(side.pipeline.takeAuditEvents().empty());

        // The live clock arrives (2021, years before the wall clock): the
        // engine runs on it, on-delay and all, and stamps its alerts with it.
        for (int t = 0; t < 12; ++t)
            side.watch.observe(state(kSource + t * 1000LL, 2400), kWall + (50 + t) * 1000LL);
        const auto raised = eventsOf(side.watch, v1::TRANSITION_RAISED);
        QCOMPARE(raised.size(), std::size_t(1));
        QCOMPARE(raised.front().alert().key(), std::string("admission.estimated_wait"));
        QVERIFY(raised.front().alert().raised_ms() >= kSource + 10'000);
        QVERIFY(raised.front().alert().raised_ms() <= kSource + 11'000);
        QCOMPARE(side.watch.engineNowMs(kWall + 61'000), kSource + 11'000);

        // Once known, a tick without time carries the engine's clock on from the live one.
        side.watch.observe(state(0, 2400), kWall + 62'000);
        QCOMPARE(side.watch.engineNowMs(kWall + 62'000), kSource + 12'000);
    }
};

QTEST_GUILESS_MAIN(TestAlertWatch)
#include "tst_alertwatch.moc"
