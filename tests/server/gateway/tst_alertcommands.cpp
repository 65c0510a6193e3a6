// The operators' actions on the alerts (acknowledge, shelve, unshelve)
// through the one command pipeline, on the AlertWatch's engine over a real
// SQLite store: roles and bounds, an action the store will not write leaves
// the alert as it was, and one decided on an alert another gateway has
// changed since is a conflict.
#include "server/gateway/SqliteGatewayStore.h"

#include "tests/server/gateway/AlertWatchFixture.h"
#include "tests/server/gateway/FlakyStore.h"
#include "tests/server/gateway/KoreanPhrases.h"

#include <QtTest>

using namespace sitroom;
using namespace sitroom::gateway;
using namespace sitroom::gateway::testing;

class TestAlertCommands final : public QObject
{
    Q_OBJECT

private slots:
    void shelvingFollowsRolesAndBounds()
    {
        SqliteGatewayStore store;
        QString error;
        QVERIFY2(store.open(QString(), &error), qPrintable(error));
        AlertSide side(store);
        feed(side.watch, 0, 15, 4000);   // critical at once
        const auto raised = eventsOf(side.watch, v1::TRANSITION_RAISED);
        QCOMPARE(raised.size(), std::size_t(1));
        const std::string id = raised.front().alert().id();
        QCOMPARE(raised.front().alert().severity(), v1::SEVERITY_CRITICAL);

        const v1::CommandResult byOperator = side.handle(shelve(id, 1800, "known"), kOperator, kWall + 20'000);
        QCOMPARE(byOperator.status(), v1::COMMAND_REFUSED);
        QVERIFY(QString::fromStdString(byOperator.message()).contains(QStringLiteral("supervisor")));
        QCOMPARE(side.handle(shelve(id, 60, "too short"), kSupervisor, kWall + 20'000).status(), v1::COMMAND_INVALID);
        QCOMPARE(side.handle(shelve(id, 13 * 3600, "too long"), kSupervisor, kWall + 20'000).status(),
                 v1::COMMAND_INVALID);
        QVERIFY(side.watch.takeAlertEvents().empty());

        const v1::CommandResult shelved = side.handle(shelve(id, 1800, "backend team on it"), kSupervisor, kWall + 21'000);
        QVERIFY2(shelved.status() == v1::COMMAND_APPLIED, shelved.message().c_str());
        const auto events = eventsOf(side.watch, v1::TRANSITION_SHELVED_BY_HAND);
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(events.front().alert().state(), v1::ALERT_SHELVED);
        QCOMPARE(events.front().alert().shelved_by().user(), std::string("park"));
        QCOMPARE(events.front().alert().shelved_by().reason(), std::string("backend team on it"));
        QVERIFY(events.front().alert().shelved_until_ms() >= kSource + 15'000 + 1800'000);
        // Still listed (a Snapshot carries it), marked shelved.
        QCOMPARE(side.watch.activeAlerts().size(), std::size_t(1));

        // Unshelved by hand while the condition holds: back, acknowledged.
        const v1::CommandResult back = side.handle(unshelve(id), kSupervisor, kWall + 22'000);
        QVERIFY2(back.status() == v1::COMMAND_APPLIED, back.message().c_str());
        const auto unshelved = eventsOf(side.watch, v1::TRANSITION_UNSHELVED_BY_HAND);
        QCOMPARE(unshelved.size(), std::size_t(1));
        QCOMPARE(unshelved.front().alert().state(), v1::ALERT_ACTIVE_ACKED);
        QCOMPARE(side.handle(unshelve(id), kSupervisor, kWall + 23'000).status(), v1::COMMAND_REFUSED);
    }

    void anActionTheStoreRefusesIsUndone()
    {
        SqliteGatewayStore sqlite;
        QString error;
        QVERIFY2(sqlite.open(QString(), &error), qPrintable(error));
        FlakyStore store(sqlite);
        AlertSide side(store);
        feed(side.watch, 0, 15, 2400);
        const auto raised = eventsOf(side.watch, v1::TRANSITION_RAISED);
        QCOMPARE(raised.size(), std::size_t(1));
        const std::string id = raised.front().alert().id();
        side.pipeline.takeAuditEvents();

        store.failCommits = 1;
        const v1::Command byKim = ack(id, "seen");
        const v1::CommandResult refused = side.handle(byKim, kOperator, kWall + 20'000);
        QCOMPARE(refused.status(), v1::COMMAND_REFUSED);
        QCOMPARE(refused.message_words().code(), std::string("audit.write_failed"));
        QCOMPARE(refused.message_words().parts(0).phrase().code(), std::string("store.write_refused"));
        QVERIFY2(QString::fromStdString(refused.message()).contains(QStringLiteral("disk I/O error")), refused.message().c_str());
        {
            KoreanPhrases korean;
            QVERIFY2(korean.isValid(), "the console's Korean catalogue (sitroom_ko.qm) is not built");
            const QString words = KoreanPhrases::words(refused.message_words());
            QCOMPARE(words, QStringLiteral("감사 기록을 쓰지 못해 아무것도 하지 않았습니다: 상태 저장소가 기록을 받아들이지 않았습니다"));
            QVERIFY2(KoreanPhrases::latinWords(words).isEmpty(), qPrintable(words));
        }
        // Nothing was done: no event, no row, no stored result, the alert as it was.
        QVERIFY(side.watch.takeAlertEvents().empty());
        QVERIFY(side.pipeline.takeAuditEvents().empty());
        QVERIFY(!sqlite.findResult(QString::fromStdString(byKim.command_id())));
        QCOMPARE(side.watch.activeAlerts().front().state(), v1::ALERT_ACTIVE_UNACKED);
        QCOMPARE(sqlite.loadOpenAlerts().front().state(), v1::ALERT_ACTIVE_UNACKED);

        // Sent again once the store takes it: applied, once.
        QCOMPARE(side.handle(byKim, kOperator, kWall + 21'000).status(), v1::COMMAND_APPLIED);
        QCOMPARE(eventsOf(side.watch, v1::TRANSITION_ACKNOWLEDGED).size(), std::size_t(1));
        QCOMPARE(sqlite.loadOpenAlerts().front().state(), v1::ALERT_ACTIVE_ACKED);
        QCOMPARE(side.handle(byKim, kOperator, kWall + 22'000).status(), v1::COMMAND_APPLIED);
        QVERIFY(side.watch.takeAlertEvents().empty());
        QVERIFY(sqlite.verifyAudit().ok);
    }

    // PostgreSQL stopped: the acknowledgement is refused in one Korean
    // sentence that says the store cannot be reached, with no word of
    // libpq's English in it, and the alert stays as it was.
    void anActionWhileTheStoreIsDownIsRefusedInTheUsersLanguage()
    {
        KoreanPhrases korean;
        QVERIFY2(korean.isValid(), "the console's Korean catalogue (sitroom_ko.qm) is not built");
        SqliteGatewayStore sqlite;
        QString error;
        QVERIFY2(sqlite.open(QString(), &error), qPrintable(error));
        FlakyStore store(sqlite);
        AlertSide side(store);
        feed(side.watch, 0, 15, 2400);
        const std::string id = eventsOf(side.watch, v1::TRANSITION_RAISED).front().alert().id();
        side.pipeline.takeAuditEvents();

        store.unreachable = true;
        const v1::CommandResult refused = side.handle(ack(id, "seen"), kOperator, kWall + 20'000);
        QCOMPARE(refused.status(), v1::COMMAND_REFUSED);
        QCOMPARE(refused.message_words().code(), std::string("audit.write_failed"));
        QCOMPARE(refused.message_words().parts(0).phrase().code(), std::string("store.unreachable"));
        const QString words = KoreanPhrases::words(refused.message_words());
        QCOMPARE(words, QStringLiteral("감사 기록을 쓰지 못해 아무것도 하지 않았습니다: 공유 상태 저장소에 연결할 수 없습니다"));
        QVERIFY2(KoreanPhrases::latinWords(words).isEmpty(), qPrintable(words));
        QVERIFY2(QString::fromStdString(refused.message()).contains(QLatin1String("Connection refused")), refused.message().c_str());
        QVERIFY(side.watch.takeAlertEvents().empty());
        QCOMPARE(side.watch.activeAlerts().front().state(), v1::ALERT_ACTIVE_UNACKED);
    }

    // Two gateways on one state, one evaluating, one following: an action
    // through the follower reaches the evaluator's engine; one decided on an
    // alert the other has changed since it last read it is a conflict, and
    // the follower reads the alert again.
    void anActionOnAnAlertChangedElsewhereIsAConflict()
    {
        SqliteGatewayStore store;
        QString error;
        QVERIFY2(store.open(QString(), &error), qPrintable(error));
        AlertSide evaluator(store);
        AlertSide follower(store);
        follower.watch.setEvaluating(false);
        feed(evaluator.watch, 0, 15, 4000);
        const std::string id = eventsOf(evaluator.watch, v1::TRANSITION_RAISED).front().alert().id();
        follower.watch.followStore();   // the notice
        QCOMPARE(eventsOf(follower.watch, v1::TRANSITION_RAISED).size(), std::size_t(1));
        feed(follower.watch, 0, 15, 4000);   // it sees the figures too, and judges nothing
        QVERIFY(follower.watch.takeAlertEvents().empty());

        // Acknowledged through the follower: the evaluator takes it from the store.
        QCOMPARE(follower.handle(ack(id, "seen in Osong"), kOperator2, kWall + 20'000).status(), v1::COMMAND_APPLIED);
        evaluator.watch.followStore();
        const auto acked = eventsOf(evaluator.watch, v1::TRANSITION_ACKNOWLEDGED);
        QCOMPARE(acked.size(), std::size_t(1));
        QCOMPARE(acked.front().actor().user(), std::string("lee"));

        // Shelved through the evaluator; the follower has not heard yet.
        QCOMPARE(evaluator.handle(shelve(id, 1800, "backend team on it"), kSupervisor, kWall + 21'000).status(),
                 v1::COMMAND_APPLIED);
        const v1::CommandResult stale = follower.handle(shelve(id, 3600, "again"), kSupervisor, kWall + 22'000);
        QCOMPARE(stale.status(), v1::COMMAND_CONFLICT);
        QCOMPARE(stale.message_words().code(), std::string("conflict.alert_changed"));
        QCOMPARE(store.loadOpenAlerts().front().shelved_by().reason(), std::string("backend team on it"));
        // ...and it has read the alert again: shelved, as every console is told.
        QCOMPARE(follower.watch.find(QString::fromStdString(id))->state(), v1::ALERT_SHELVED);
        QCOMPARE(eventsOf(follower.watch, v1::TRANSITION_SHELVED_BY_HAND).size(), std::size_t(1));
        QVERIFY(store.verifyAudit().ok);
    }
};

QTEST_GUILESS_MAIN(TestAlertCommands)
#include "tst_alertcommands.moc"
