// The room in command (ControlState.command_site) through the one command
// pipeline: which room a fresh state gives it to, that it is kept with the
// control state, and what it means for the other room's controls (they wait
// for a supervisor of the room in command) and for approvals (only that
// room's supervisors give them).
#include "tests/server/gateway/ControlsFixture.h"

#include <QtTest>

#include <QTemporaryDir>

using namespace sitroom;
using namespace sitroom::gateway;
using namespace sitroom::gateway::fixtures;

class TestCommandRoom final : public QObject
{
    Q_OBJECT

private slots:
    void aFreshStateGoesToSeoulOrTheGatewaysChoice_data()
    {
        QTest::addColumn<int>("option");
        QTest::addColumn<int>("expected");
        QTest::newRow("default") << -1 << int(v1::SITE_SEOUL);
        QTest::newRow("osong") << int(v1::SITE_OSONG) << int(v1::SITE_OSONG);
        QTest::newRow("seoul") << int(v1::SITE_SEOUL) << int(v1::SITE_SEOUL);
    }

    void aFreshStateGoesToSeoulOrTheGatewaysChoice()
    {
        QFETCH(int, option);
        QFETCH(int, expected);
        ControlCommandsOptions options;
        if (option >= 0)
            options.commandSite = v1::Site(option);
        ControlsFixture f(QString(), options);
        QCOMPARE(int(f.controls->control().command_site()), expected);
        // Every result carries it, and so does what the live system is given.
        const v1::CommandResult r = f.handle(rate(1, 650), expected == v1::SITE_SEOUL ? kOperator : kOsongOperator);
        QCOMPARE(r.status(), v1::COMMAND_APPLIED);
        QCOMPARE(int(r.control().command_site()), expected);
        QCOMPARE(int(f.target.applied.back().command_site()), expected);
    }

    void theRoomIsKeptWithTheControlStateAndAStoredOneWins()
    {
        QTemporaryDir dir;
        ControlCommandsOptions osong;
        osong.commandSite = v1::SITE_OSONG;
        {
            ControlsFixture f(dir.path(), osong);
            QCOMPARE(f.handle(rate(1, 650), kOsongOperator).status(), v1::COMMAND_APPLIED);
            QCOMPARE(f.store.loadControl()->command_site(), quint32(v1::SITE_OSONG));
        }
        // Started again with the default (Seoul): the stored room stays.
        ControlsFixture f(dir.path());
        QVERIFY(f.controls->hasStoredControl());
        QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_OSONG));
        QCOMPARE(f.handle(rate(2, 600), kOsongOperator).status(), v1::COMMAND_APPLIED);
        QCOMPARE(f.handle(rate(3, 550), kOperator).status(), v1::COMMAND_PENDING_APPROVAL);
    }

    void aStateKeptBeforeThereWasARoomTakesTheGatewaysChoice()
    {
        QTemporaryDir dir;
        {
            SqliteGatewayStore store;
            QString error;
            QVERIFY2(store.open(dir.path(), &error), qPrintable(error));
            const auto tx = store.begin(&error);
            QVERIFY2(tx, qPrintable(error));
            v1::ControlState old = initial();
            old.set_revision(4);
            QVERIFY(tx->saveControl(old, &error));
            QVERIFY2(tx->commit(&error), qPrintable(error));
        }
        ControlCommandsOptions osong;
        osong.commandSite = v1::SITE_OSONG;
        ControlsFixture f(dir.path(), osong);
        QCOMPARE(f.controls->control().revision(), 4u);
        QCOMPARE(f.controls->control().command_site(), quint32(v1::SITE_OSONG));
        // Kept with the next change.
        QCOMPARE(f.handle(rate(4, 650), kOsongOperator).status(), v1::COMMAND_APPLIED);
        QCOMPARE(f.store.loadControl()->command_site(), quint32(v1::SITE_OSONG));
    }

    // Whatever the other room (or the ministry) asks, it waits for a
    // supervisor of the room in command; the room in command steers as ever.
    void theOtherRoomsControlsWait_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("fromOtherRoom");
        QTest::newRow("osong operator, small cut") << "osong operator" << "rate" << int(v1::COMMAND_PENDING_APPROVAL) << true;
        QTest::newRow("osong operator, resume") << "osong operator" << "resume" << int(v1::COMMAND_PENDING_APPROVAL) << true;
        QTest::newRow("osong operator, pause") << "osong operator" << "pause" << int(v1::COMMAND_PENDING_APPROVAL) << true;
        QTest::newRow("osong supervisor, enable") << "osong supervisor" << "enable" << int(v1::COMMAND_PENDING_APPROVAL) << true;
        QTest::newRow("osong supervisor, disable") << "osong supervisor" << "disable" << int(v1::COMMAND_PENDING_APPROVAL) << true;
        QTest::newRow("ministry supervisor, small cut") << "ministry supervisor" << "rate" << int(v1::COMMAND_PENDING_APPROVAL) << true;
        // Roles first: an operator of the other room may not disable either.
        QTest::newRow("osong operator, disable") << "osong operator" << "disable" << int(v1::COMMAND_REFUSED) << false;
        QTest::newRow("seoul operator, small cut") << "seoul operator" << "rate" << int(v1::COMMAND_APPLIED) << false;
        QTest::newRow("seoul supervisor, disable") << "seoul supervisor" << "disable" << int(v1::COMMAND_PENDING_APPROVAL) << false;
    }

    void theOtherRoomsControlsWait()
    {
        QFETCH(QString, who);
        QFETCH(QString, action);
        QFETCH(int, status);
        QFETCH(bool, fromOtherRoom);
        const Identity &sender = who == QLatin1String("osong operator")     ? kOsongOperator
                               : who == QLatin1String("osong supervisor")   ? kOsongSupervisor
                               : who == QLatin1String("ministry supervisor") ? kMinistrySupervisor
                               : who == QLatin1String("seoul operator")     ? kOperator
                                                                            : kSupervisor;
        v1::Command c;
        if (action == QLatin1String("rate"))
            c = rate(1, 650);
        else if (action == QLatin1String("resume"))
            c = command(1), c.mutable_resume_admission();
        else if (action == QLatin1String("pause"))
            c = command(1), c.mutable_pause_admission();
        else
            c = provider(1, "kakao", action == QLatin1String("enable"));
        ControlsFixture f;
        const v1::CommandResult r = f.handle(c, sender);
        QCOMPARE(int(r.status()), status);
        if (status == v1::COMMAND_PENDING_APPROVAL) {
            QCOMPARE(r.control().pending_size(), 1);
            const v1::PendingApproval &p = r.control().pending(0);
            QCOMPARE(p.from_room_not_in_command(), fromOtherRoom);
            QCOMPARE(p.requested_by().site(), quint32(sender.site));
            const QString message = QString::fromStdString(r.message());
            if (fromOtherRoom) {
                QVERIFY2(message.contains(QStringLiteral("the Seoul room is in command, so a supervisor of the Seoul room must approve")),
                         qPrintable(message));
                QCOMPARE(r.message_words().code(), std::string("pending.other_room"));
            } else {
                QCOMPARE(r.message_words().code(), std::string("pending.waits"));
            }
            // Nothing moved in the live system yet.
            QCOMPARE(f.controls->control().admission_rate_per_s(), 700.0);
            QVERIFY(!f.controls->control().admission_paused());
        }
        // Audited with the room it came from.
        const auto audit = f.pipeline->takeAuditEvents();
        QCOMPARE(audit.size(), std::size_t(1));
        QCOMPARE(audit[0].site(), quint32(sender.site));
    }

    void onlyTheRoomInCommandApproves()
    {
        ControlsFixture f;
        // lee in Osong asks for a small cut: it waits for Seoul.
        const v1::CommandResult asked = f.handle(rate(1, 650), kOsongOperator);
        QCOMPARE(asked.status(), v1::COMMAND_PENDING_APPROVAL);
        const std::string id = asked.request_id();
        f.pipeline->takeAuditEvents();
        // Neither an Osong supervisor nor the ministry may approve it.
        for (const Identity *who : {&kOsongSupervisor, &kMinistrySupervisor}) {
            const v1::CommandResult refused = f.handle(approve(id), *who);
            QCOMPARE(refused.status(), v1::COMMAND_REFUSED);
            QVERIFY2(QString::fromStdString(refused.message()).contains(QStringLiteral("only a supervisor of the Seoul room may approve")),
                     refused.message().c_str());
            QCOMPARE(refused.message_words().code(), std::string("refused.approver_room"));
        }
        QCOMPARE(f.controls->control().pending_size(), 1);
        // park in Seoul approves: applied, both rows audited with their rooms.
        const v1::CommandResult approved = f.handle(approve(id), kSupervisor);
        QCOMPARE(approved.status(), v1::COMMAND_APPLIED);
        QCOMPARE(approved.control().admission_rate_per_s(), 650.0);
        QCOMPARE(f.target.applied.back().admission_rate_per_s(), 650.0);
        const auto audit = f.pipeline->takeAuditEvents();
        QCOMPARE(audit.size(), std::size_t(4));   // two refusals, the request's row, the approval
        QCOMPARE(audit[2].user(), std::string("lee"));
        QCOMPARE(audit[2].site(), quint32(v1::SITE_OSONG));
        QVERIFY(QString::fromStdString(audit[2].outcome()).contains(QStringLiteral("approved by park")));
        QCOMPARE(audit[3].user(), std::string("park"));
        QCOMPARE(audit[3].site(), quint32(v1::SITE_SEOUL));

        // A hazardous request of the room in command: a second Seoul
        // supervisor, never Osong's.
        const v1::CommandResult disable = f.handle(provider(3, "kakao", false), kSupervisor);
        QCOMPARE(disable.status(), v1::COMMAND_PENDING_APPROVAL);
        QVERIFY(!disable.control().pending(0).from_room_not_in_command());
        QCOMPARE(f.handle(approve(disable.request_id()), kOsongSupervisor).status(), v1::COMMAND_REFUSED);
        QCOMPARE(f.handle(approve(disable.request_id()), kSupervisor2).status(), v1::COMMAND_APPLIED);
        QVERIFY(!providerIn(f.controls->control(), "kakao").enabled());
        const AuditVerification v = f.store.verifyAudit();
        QVERIFY2(v.ok, qPrintable(v.detail));
    }

    void theOtherRoomsRequestExpiresUnapproved()
    {
        ControlsFixture f;
        const v1::CommandResult asked = f.handle(rate(1, 650), kOsongOperator);
        QCOMPARE(asked.status(), v1::COMMAND_PENDING_APPROVAL);
        f.controls->tick(kWall + 300'001, kSource);
        QCOMPARE(f.controls->control().pending_size(), 0);
        QCOMPARE(f.controls->control().admission_rate_per_s(), 700.0);
        QCOMPARE(f.handle(approve(asked.request_id()), kSupervisor, kWall + 301'000).status(), v1::COMMAND_EXPIRED);
    }
};

QTEST_GUILESS_MAIN(TestCommandRoom)
#include "tst_commandroom.moc"
