// Handing command from one room to the other through the one command
// pipeline (HandoverCommands): asked for with a reason by a supervisor of
// either room, accepted or declined by a supervisor of the other, withdrawn
// by the room that asked, expired unanswered; taken without an answer only
// when the room in command's gateways have been unseen for the set time, on
// a fake clock. Every step is a control change: audited with who, which room
// and why, kept with the control state, answered once per command_id.
#include "tests/server/gateway/ControlsFixture.h"

#include <QtTest>

#include <QTemporaryDir>

using namespace sitroom;
using namespace sitroom::gateway;
using namespace sitroom::gateway::fixtures;

namespace {

bool chainVerifies(const GatewayStore &store)
{
    const AuditVerification v = store.verifyAudit();
    if (!v.ok)
        qWarning("%s", qPrintable(v.detail));
    return v.ok;
}

HandoverOptions servingOsong(qint64 takeoverAfterMs = 120'000, bool allowUnseen = false)
{
    HandoverOptions o;
    o.gatewaySite = v1::SITE_OSONG;
    o.takeoverAfterMs = takeoverAfterMs;
    o.allowUnseenTakeover = allowUnseen;
    return o;
}

} // namespace

class TestHandoverCommands final : public QObject
{
    Q_OBJECT

private slots:
    // Seoul offers command and Osong accepts, or Osong asks for it and
    // Seoul accepts: the room that did not ask answers.
    void aHandoverIsAskedAndAccepted_data()
    {
        QTest::addColumn<bool>("offered");
        QTest::newRow("offered by the room in command") << true;
        QTest::newRow("asked for by the other room") << false;
    }

    void aHandoverIsAskedAndAccepted()
    {
        QFETCH(bool, offered);
        const Identity &asker = offered ? kSupervisor : kOsongSupervisor;
        const Identity &answerer = offered ? kOsongSupervisor : kSupervisor;
        const Identity &askersColleague = offered ? kSupervisor2 : kOsongSupervisor2;
        ControlsFixture f;
        const v1::CommandResult asked = f.handle(requestHandover(1, "shift change at 22:00"), asker);
        QCOMPARE(asked.status(), v1::COMMAND_PENDING_APPROVAL);
        QVERIFY(!asked.request_id().empty());
        const v1::ControlState &waiting = f.controls->control();
        QCOMPARE(waiting.revision(), 2u);
        QCOMPARE(waiting.command_site(), quint32(v1::SITE_SEOUL));
        QCOMPARE(waiting.handover().request_id(), asked.request_id());
        QCOMPARE(waiting.handover().from_site(), quint32(v1::SITE_SEOUL));
        QCOMPARE(waiting.handover().to_site(), quint32(v1::SITE_OSONG));
        QCOMPARE(waiting.handover().requested_by().user(), asker.user.toStdString());
        QCOMPARE(waiting.handover().requested_by().site(), quint32(asker.site));
        QCOMPARE(waiting.handover().requested_by().reason(), std::string("shift change at 22:00"));
        QCOMPARE(waiting.handover().expires_ms(), kWall + 300'000);
        QVERIFY2(QString::fromStdString(asked.message())
                     .contains(QStringLiteral("waits for a supervisor of the %1 room").arg(offered ? QStringLiteral("Osong") : QStringLiteral("Seoul"))),
                 asked.message().c_str());
        QCOMPARE(f.controls->takeControlChanges().size(), std::size_t(1));

        // The room that asked cannot accept its own request.
        const v1::CommandResult own = f.handle(answerHandover(asked.request_id(), v1::HANDOVER_ACCEPT), askersColleague);
        QCOMPARE(own.status(), v1::COMMAND_REFUSED);
        QCOMPARE(own.message_words().code(), std::string("refused.handover_answer_room"));
        // Nor the ministry, nor an operator of the answering room.
        QCOMPARE(f.handle(answerHandover(asked.request_id(), v1::HANDOVER_ACCEPT), kMinistrySupervisor).status(),
                 v1::COMMAND_REFUSED);
        const Identity answeringOperator = offered ? kOsongOperator : kOperator;
        QCOMPARE(f.handle(answerHandover(asked.request_id(), v1::HANDOVER_ACCEPT), answeringOperator).message_words().code(),
                 std::string("refused.handover_role"));
        QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_SEOUL));

        const v1::CommandResult accepted = f.handle(answerHandover(asked.request_id(), v1::HANDOVER_ACCEPT), answerer,
                                                    kWall + 30'000);
        QCOMPARE(accepted.status(), v1::COMMAND_APPLIED);
        QVERIFY2(QString::fromStdString(accepted.message()).contains(QStringLiteral("the Osong room is in command now")),
                 accepted.message().c_str());
        const v1::ControlState &now = f.controls->control();
        QCOMPARE(now.command_site(), quint32(v1::SITE_OSONG));
        QVERIFY(!now.has_handover());
        QCOMPARE(now.revision(), 3u);
        QCOMPARE(now.last_changed_by().user(), answerer.user.toStdString());
        QCOMPARE(f.store.loadControl()->command_site(), quint32(v1::SITE_OSONG));
        // The live system's controls did not move.
        QCOMPARE(now.admission_rate_per_s(), 700.0);

        // Audited: the request (who, room, reason, what it would move) and the answer.
        const std::vector<v1::AuditEntry> audit = f.store.recentAudit(10);
        QCOMPARE(audit.size(), std::size_t(5));   // request, three refusals, acceptance
        const v1::AuditEntry &request = audit.front();
        QCOMPARE(request.user(), asker.user.toStdString());
        QCOMPARE(request.site(), quint32(asker.site));
        QCOMPARE(request.reason(), std::string("shift change at 22:00"));
        QCOMPARE(request.action(), std::string(offered ? "offer command of the Seoul room to the Osong room"
                                                       : "ask the Seoul room to hand command to the Osong room"));
        QCOMPARE(request.after(), std::string("{\"handover_to\":\"osong\"}"));
        QCOMPARE(request.outcome().rfind("pending approval", 0), 0u);
        const v1::AuditEntry &answer = audit.back();
        QCOMPARE(answer.user(), answerer.user.toStdString());
        QCOMPARE(answer.site(), quint32(answerer.site));
        QCOMPARE(answer.before(), std::string("{\"command_site\":\"seoul\",\"handover_to\":\"osong\"}"));
        QCOMPARE(answer.after(), std::string("{\"command_site\":\"osong\",\"handover_to\":\"\"}"));
        QCOMPARE(answer.outcome().rfind("applied", 0), 0u);
        QVERIFY(chainVerifies(f.store));

        // Osong commands now: its operator steers, Seoul's waits for Osong.
        QCOMPARE(f.handle(rate(3, 650), kOsongOperator).status(), v1::COMMAND_APPLIED);
        const v1::CommandResult seoul = f.handle(rate(4, 600), kOperator);
        QCOMPARE(seoul.status(), v1::COMMAND_PENDING_APPROVAL);
        QVERIFY2(QString::fromStdString(seoul.message()).contains(QStringLiteral("a supervisor of the Osong room must approve")),
                 seoul.message().c_str());
        QCOMPARE(f.handle(approve(seoul.request_id()), kSupervisor).status(), v1::COMMAND_REFUSED);
        QCOMPARE(f.handle(approve(seoul.request_id()), kOsongSupervisor).status(), v1::COMMAND_APPLIED);
        QCOMPARE(f.controls->control().admission_rate_per_s(), 600.0);
    }

    void aHandoverIsDeclinedOrWithdrawn_data()
    {
        QTest::addColumn<int>("answer");
        QTest::newRow("declined") << int(v1::HANDOVER_DECLINE);
        QTest::newRow("withdrawn") << int(v1::HANDOVER_WITHDRAW);
    }

    void aHandoverIsDeclinedOrWithdrawn()
    {
        QFETCH(int, answer);
        const bool withdraw = answer == v1::HANDOVER_WITHDRAW;
        ControlsFixture f;
        const v1::CommandResult asked = f.handle(requestHandover(1), kSupervisor);
        // Withdrawn by the room that asked (any of its supervisors), declined by the other.
        const Identity &wrong = withdraw ? kOsongSupervisor : kSupervisor2;
        const Identity &right = withdraw ? kSupervisor2 : kOsongSupervisor;
        const v1::CommandResult refused = f.handle(answerHandover(asked.request_id(), v1::HandoverAnswer(answer)), wrong);
        QCOMPARE(refused.status(), v1::COMMAND_REFUSED);
        QCOMPARE(refused.message_words().code(),
                 std::string(withdraw ? "refused.handover_withdraw_room" : "refused.handover_answer_room"));
        const v1::CommandResult done = f.handle(answerHandover(asked.request_id(), v1::HandoverAnswer(answer)), right);
        QCOMPARE(done.status(), v1::COMMAND_APPLIED);
        QCOMPARE(done.message_words().code(), std::string(withdraw ? "handover.withdrawn" : "handover.declined"));
        QVERIFY(!f.controls->control().has_handover());
        QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_SEOUL));
        QCOMPARE(f.controls->control().revision(), 3u);
        // Answered again: nothing waits.
        QCOMPARE(f.handle(answerHandover(asked.request_id(), v1::HANDOVER_ACCEPT), kOsongSupervisor).status(),
                 v1::COMMAND_EXPIRED);
        // And a new one may be asked.
        QCOMPARE(f.handle(requestHandover(3), kOsongSupervisor).status(), v1::COMMAND_PENDING_APPROVAL);
        QVERIFY(chainVerifies(f.store));
    }

    void aHandoverExpiresUnanswered()
    {
        ControlsFixture f;
        const v1::CommandResult asked = f.handle(requestHandover(1), kOsongSupervisor);
        QCOMPARE(asked.status(), v1::COMMAND_PENDING_APPROVAL);
        f.pipeline->takeAuditEvents();
        f.controls->takeControlChanges();
        f.controls->tick(kWall + 299'999, kSource);
        QVERIFY(f.controls->control().has_handover());
        f.controls->tick(kWall + 300'001, kSource);
        QVERIFY(!f.controls->control().has_handover());
        QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_SEOUL));
        QCOMPARE(f.controls->control().revision(), 3u);
        QCOMPARE(f.controls->control().last_changed_by().user(), std::string("system"));
        const auto changes = f.controls->takeControlChanges();
        QCOMPARE(changes.size(), std::size_t(1));
        QVERIFY2(changes[0].summary.contains(QStringLiteral("expired unanswered: the Seoul room stays in command")),
                 qPrintable(changes[0].summary));
        const auto audit = f.pipeline->takeAuditEvents();
        QCOMPARE(audit.size(), std::size_t(1));
        QCOMPARE(audit[0].user(), std::string("system"));
        QCOMPARE(audit[0].outcome(), std::string("expired: not answered within 5 min"));
        QVERIFY(QString::fromStdString(audit[0].action()).contains(QStringLiteral("asked by jung")));
        // A late acceptance finds nothing, even without a tick in between.
        QCOMPARE(f.handle(answerHandover(asked.request_id(), v1::HANDOVER_ACCEPT), kSupervisor, kWall + 301'000).status(),
                 v1::COMMAND_EXPIRED);
        ControlsFixture g;
        const v1::CommandResult again = g.handle(requestHandover(1), kOsongSupervisor);
        g.pipeline->takeAuditEvents();
        QCOMPARE(g.pipeline->handle(answerHandover(again.request_id(), v1::HANDOVER_ACCEPT), kSupervisor, kWall + 400'000, kSource)
                     .status(),
                 v1::COMMAND_EXPIRED);
        QCOMPARE(g.controls->control().command_site(), quint32(v1::SITE_SEOUL));
        QVERIFY(chainVerifies(f.store));
    }

    void whoMayHandOver_data()
    {
        QTest::addColumn<QString>("case_");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("viewer") << "viewer" << int(v1::COMMAND_REFUSED) << "refused.viewer_role";
        QTest::newRow("operator") << "operator" << int(v1::COMMAND_REFUSED) << "refused.handover_role";
        QTest::newRow("ministry supervisor") << "ministry" << int(v1::COMMAND_REFUSED) << "refused.handover_site";
        QTest::newRow("no reason") << "no reason" << int(v1::COMMAND_INVALID) << "invalid.no_reason";
        QTest::newRow("stale revision") << "stale" << int(v1::COMMAND_CONFLICT) << "conflict.revision";
        QTest::newRow("one waits already") << "twice" << int(v1::COMMAND_REFUSED) << "refused.handover_waiting";
        QTest::newRow("no answer") << "no answer" << int(v1::COMMAND_INVALID) << "invalid.no_handover_answer";
    }

    void whoMayHandOver()
    {
        QFETCH(QString, case_);
        QFETCH(int, status);
        QFETCH(QString, code);
        ControlsFixture f;
        v1::Command c = requestHandover(1);
        Identity who = kSupervisor;
        if (case_ == QLatin1String("viewer"))
            who = kViewer;
        else if (case_ == QLatin1String("operator"))
            who = kOperator;
        else if (case_ == QLatin1String("ministry"))
            who = kMinistrySupervisor;
        else if (case_ == QLatin1String("no reason"))
            c.set_reason(" ");
        else if (case_ == QLatin1String("stale"))
            c.set_expected_revision(7);
        else if (case_ == QLatin1String("twice"))
            QCOMPARE(f.handle(requestHandover(1), kOsongSupervisor).status(), v1::COMMAND_PENDING_APPROVAL);
        else if (case_ == QLatin1String("no answer"))
            c = answerHandover("h-1", v1::HANDOVER_ANSWER_UNSPECIFIED);
        f.pipeline->takeAuditEvents();
        const std::uint64_t revision = f.controls->control().revision();
        const v1::CommandResult r = f.handle(c, who);
        QCOMPARE(int(r.status()), status);
        QCOMPARE(QString::fromStdString(r.message_words().code()), code);
        QCOMPARE(f.controls->control().revision(), revision);
        QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_SEOUL));
        // Refused or not, it is audited.
        QCOMPARE(f.pipeline->takeAuditEvents().size(), std::size_t(1));
    }

    void aRepeatedCommandIdIsAnsweredOnce()
    {
        ControlsFixture f;
        const v1::Command ask = requestHandover(1);
        const v1::CommandResult first = f.handle(ask, kSupervisor);
        const v1::Command accept = answerHandover(first.request_id(), v1::HANDOVER_ACCEPT);
        const v1::CommandResult accepted = f.handle(accept, kOsongSupervisor);
        QCOMPARE(accepted.status(), v1::COMMAND_APPLIED);
        f.pipeline->takeAuditEvents();
        QCOMPARE(f.handle(ask, kSupervisor).SerializeAsString(), first.SerializeAsString());
        QCOMPARE(f.handle(accept, kOsongSupervisor).SerializeAsString(), accepted.SerializeAsString());
        QVERIFY(!f.controls->control().has_handover());
        QCOMPARE(f.controls->control().revision(), 3u);
        QVERIFY(f.pipeline->takeAuditEvents().empty());
    }

    void theRoomInCommandSurvivesARestart()
    {
        QTemporaryDir dir;
        std::string waiting;
        {
            ControlsFixture f(dir.path());
            const v1::CommandResult asked = f.handle(requestHandover(1), kSupervisor);
            QCOMPARE(f.handle(answerHandover(asked.request_id(), v1::HANDOVER_ACCEPT), kOsongSupervisor).status(),
                     v1::COMMAND_APPLIED);
            waiting = f.handle(requestHandover(3, "back to Seoul in the morning"), kSupervisor).request_id();
        }
        ControlsFixture f(dir.path());
        QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_OSONG));
        QCOMPARE(f.controls->control().handover().request_id(), waiting);
        QCOMPARE(f.handle(answerHandover(waiting, v1::HANDOVER_ACCEPT), kOsongSupervisor).status(), v1::COMMAND_APPLIED);
        QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_SEOUL));
        QVERIFY(chainVerifies(f.store));
    }

    // A takeover needs the room in command's gateways unseen for the set
    // time: refused while Seoul's gateway records its presence, allowed once
    // it has been silent that long (on a fake clock).
    void aTakeoverWaitsUntilTheOtherGatewayIsGone()
    {
        ControlsFixture f(QString(), {}, servingOsong(120'000));
        QString error;
        QVERIFY2(f.store.recordPresence({QStringLiteral("seoul-gw"), v1::SITE_SEOUL, kWall}, &error), qPrintable(error));
        QVERIFY2(f.store.recordPresence({QStringLiteral("osong-gw"), v1::SITE_OSONG, kWall + 100'000}, &error), qPrintable(error));
        // A handover was asked before Seoul went quiet.
        const v1::CommandResult asked = f.handle(requestHandover(1), kSupervisor);
        QCOMPARE(asked.status(), v1::COMMAND_PENDING_APPROVAL);

        const v1::CommandResult early = f.handle(takeCommand(2), kOsongSupervisor, kWall + 60'000);
        QCOMPARE(early.status(), v1::COMMAND_REFUSED);
        QCOMPARE(early.message(), std::string("the Seoul room's gateway seoul-gw was seen 60 s ago; command can be taken "
                                              "after 120 s without it: ask for a handover"));
        QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_SEOUL));
        // Not even Seoul itself, nor an operator.
        QCOMPARE(f.handle(takeCommand(2), kSupervisor, kWall + 200'000).message_words().code(), std::string("refused.in_command"));
        QCOMPARE(f.handle(takeCommand(2), kOsongOperator, kWall + 200'000).message_words().code(),
                 std::string("refused.handover_role"));
        QCOMPARE(f.handle(takeCommand(2, ""), kOsongSupervisor, kWall + 200'000).status(), v1::COMMAND_INVALID);

        const v1::CommandResult taken = f.handle(takeCommand(2, "Seoul unreachable since 20:01"), kOsongSupervisor,
                                                 kWall + 130'000);
        QCOMPARE(taken.status(), v1::COMMAND_APPLIED);
        QCOMPARE(taken.message(), std::string("takeover: the Osong room is in command now; the Seoul room's gateway was "
                                              "last seen 130 s ago"));
        QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_OSONG));
        QVERIFY(!f.controls->control().has_handover());   // moot now
        const v1::AuditEntry row = f.store.recentAudit(1).back();
        QCOMPARE(row.user(), std::string("jung"));
        QCOMPARE(row.site(), quint32(v1::SITE_OSONG));
        QCOMPARE(row.reason(), std::string("Seoul unreachable since 20:01"));
        QCOMPARE(row.action(), std::string("take command from the Seoul room for the Osong room"));
        QCOMPARE(row.outcome().rfind("applied: takeover:", 0), 0u);
        QCOMPARE(row.after(), std::string("{\"command_site\":\"osong\",\"handover_to\":\"\"}"));
        QVERIFY(chainVerifies(f.store));
    }

    void aTakeoverWithNoGatewayOfTheRoomEverSeen()
    {
        {
            // One gateway alone: Seoul's was never seen, so it cannot be called gone.
            ControlsFixture f(QString(), {}, servingOsong());
            const v1::CommandResult refused = f.handle(takeCommand(1), kOsongSupervisor, kWall + 10'000'000);
            QCOMPARE(refused.status(), v1::COMMAND_REFUSED);
            QCOMPARE(refused.message_words().code(), std::string("refused.takeover_unseen"));
            QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_SEOUL));
        }
        ControlsFixture f(QString(), {}, servingOsong(120'000, true));
        const v1::CommandResult taken = f.handle(takeCommand(1), kOsongSupervisor);
        QCOMPARE(taken.status(), v1::COMMAND_APPLIED);
        QCOMPARE(taken.message_words().code(), std::string("handover.taken_unseen"));
        QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_OSONG));
        QVERIFY(QString::fromStdString(f.store.recentAudit(1).back().outcome()).startsWith(QStringLiteral("applied: takeover:")));
    }

    void aTakeoverThroughTheRoomInCommandsOwnGateway()
    {
        // An Osong supervisor signed in to Seoul's gateway: it is plainly running.
        HandoverOptions seoulGateway;
        seoulGateway.gatewaySite = v1::SITE_SEOUL;
        seoulGateway.allowUnseenTakeover = true;
        ControlsFixture f(QString(), {}, seoulGateway);
        const v1::CommandResult refused = f.handle(takeCommand(1), kOsongSupervisor);
        QCOMPARE(refused.status(), v1::COMMAND_REFUSED);
        QCOMPARE(refused.message_words().code(), std::string("refused.takeover_own_gateway"));
        QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_SEOUL));
    }
};

QTEST_GUILESS_MAIN(TestHandoverCommands)
#include "tst_handovercommands.moc"
