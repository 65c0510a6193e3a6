// The control commands' rules through the one command pipeline, over a real
// SQLite store: roles, validation, conflicts, approvals, expiries, timed
// disables, idempotency and the restart.
#include "tests/server/gateway/ControlsFixture.h"

#include <QtTest>

#include <QTemporaryDir>

using namespace sitroom;
using namespace sitroom::gateway;
using namespace sitroom::gateway::fixtures;
using Fixture = ControlsFixture;

class TestControlCommands final : public QObject
{
    Q_OBJECT

private slots:
    void rolesDecide_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        const int viewer = v1::ROLE_VIEWER, op = v1::ROLE_OPERATOR, sup = v1::ROLE_SUPERVISOR;
        QTest::newRow("viewer rate") << viewer << "rate" << int(v1::COMMAND_REFUSED) << "viewer role";
        QTest::newRow("viewer resume") << viewer << "resume" << int(v1::COMMAND_REFUSED) << "viewer role";
        QTest::newRow("operator rate") << op << "rate" << int(v1::COMMAND_APPLIED) << "";
        QTest::newRow("operator resume") << op << "resume" << int(v1::COMMAND_APPLIED) << "";
        QTest::newRow("operator pause") << op << "pause" << int(v1::COMMAND_PENDING_APPROVAL) << "";
        QTest::newRow("operator disable") << op << "disable" << int(v1::COMMAND_REFUSED) << "operators may not disable providers";
        QTest::newRow("operator enable") << op << "enable" << int(v1::COMMAND_REFUSED) << "operators may not enable providers";
        QTest::newRow("operator approve") << op << "approve" << int(v1::COMMAND_REFUSED) << "only supervisors may approve";
        QTest::newRow("supervisor rate") << sup << "rate" << int(v1::COMMAND_APPLIED) << "";
        QTest::newRow("supervisor disable") << sup << "disable" << int(v1::COMMAND_PENDING_APPROVAL) << "";
        QTest::newRow("supervisor enable") << sup << "enable" << int(v1::COMMAND_APPLIED) << "";
        QTest::newRow("supervisor approve unknown") << sup << "approve" << int(v1::COMMAND_EXPIRED) << "no pending request";
        QTest::newRow("supervisor alert") << sup << "ack" << int(v1::COMMAND_REFUSED) << "no alert engine";
    }

    void rolesDecide()
    {
        QFETCH(int, role);
        QFETCH(QString, action);
        QFETCH(int, status);
        QFETCH(QString, message);
        Fixture f;
        const Identity who{QStringLiteral("someone"), v1::Role(role), v1::SITE_SEOUL};
        v1::Command c;
        if (action == QLatin1String("rate"))
            c = rate(1, 650);
        else if (action == QLatin1String("resume"))
            c = command(1), c.mutable_resume_admission();
        else if (action == QLatin1String("pause"))
            c = command(1), c.mutable_pause_admission();
        else if (action == QLatin1String("disable"))
            c = provider(1, "kakao", false);
        else if (action == QLatin1String("enable"))
            c = provider(1, "kakao", true);
        else if (action == QLatin1String("approve"))
            c = approve("nope");
        else
            c = command(1), c.mutable_acknowledge_alert()->set_alert_id("a");
        const v1::CommandResult r = f.handle(c, who);
        QCOMPARE(int(r.status()), status);
        QVERIFY2(QString::fromStdString(r.message()).contains(message), r.message().c_str());
        QCOMPARE(r.command_id(), c.command_id());
        // Every decision is audited, applied or not.
        const auto audit = f.pipeline->takeAuditEvents();
        QCOMPARE(audit.size(), size_t(1));
        QCOMPARE(audit[0].user(), std::string("someone"));
        QVERIFY(f.store.verifyAudit().ok);
        const bool changed = status == v1::COMMAND_APPLIED || status == v1::COMMAND_PENDING_APPROVAL;
        QCOMPARE(f.controls->control().revision(), changed ? 2u : 1u);
        QCOMPARE(f.controls->takeControlChanges().size(), size_t(changed ? 1 : 0));
    }

    void appliedRateReachesTheTarget()
    {
        Fixture f;
        const auto r = f.handle(rate(1, 600), kOperator);
        QCOMPARE(r.status(), v1::COMMAND_APPLIED);
        QCOMPARE(r.control().revision(), 2u);
        QCOMPARE(r.control().admission_rate_per_s(), 600.0);
        QCOMPARE(r.control().last_changed_by().user(), std::string("kim"));
        QCOMPARE(f.target.applied.back().admission_rate_per_s(), 600.0);
        const auto audit = f.pipeline->takeAuditEvents();
        QCOMPARE(audit[0].before(), std::string("{\"admission_rate_per_s\":700}"));
        QCOMPARE(audit[0].after(), std::string("{\"admission_rate_per_s\":600}"));
        QCOMPARE(audit[0].outcome().rfind("applied", 0), 0u);
    }

    void invalidCommands_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("too low") << 0 << "from 50 to 3000";
        QTest::newRow("too high") << 1 << "from 50 to 3000";
        QTest::newRow("no reason") << 2 << "a reason must be given";
        QTest::newRow("unknown provider") << 3 << "no provider \"toss\"";
        QTest::newRow("no action") << 4 << "no action";
    }

    void invalidCommands()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        Fixture f;
        v1::Command c;
        switch (which) {
        case 0: c = rate(1, 10); break;
        case 1: c = rate(1, 5000); break;
        case 2: c = rate(1, 600); c.set_reason("  "); break;
        case 3: c = provider(1, "toss", true); break;
        default: c = command(1); break;
        }
        const auto r = f.handle(c, kSupervisor);
        QCOMPARE(r.status(), v1::COMMAND_INVALID);
        QVERIFY2(QString::fromStdString(r.message()).contains(message), r.message().c_str());
        QCOMPARE(f.controls->control().revision(), 1u);
    }

    void staleRevisionConflicts()
    {
        Fixture f;
        QCOMPARE(f.handle(rate(1, 650), kOperator).status(), v1::COMMAND_APPLIED);
        // lee decided on revision 1 too.
        v1::Command late = rate(1, 800);
        const auto r = f.handle(late, kOsongOperator);
        QCOMPARE(r.status(), v1::COMMAND_CONFLICT);
        QCOMPARE(r.control().revision(), 2u);
        QCOMPARE(r.control().admission_rate_per_s(), 650.0);
        QCOMPARE(r.control().last_changed_by().user(), std::string("kim"));
        QVERIFY2(QString::fromStdString(r.message()).contains(QStringLiteral("last changed by kim (seoul)")), r.message().c_str());
        QCOMPARE(f.controls->control().admission_rate_per_s(), 650.0);
    }

    void repeatedCommandIdAppliesOnce()
    {
        Fixture f;
        const v1::Command c = rate(1, 600);
        const auto first = f.handle(c, kOperator);
        QCOMPARE(first.status(), v1::COMMAND_APPLIED);
        f.pipeline->takeAuditEvents();
        f.controls->takeControlChanges();
        const auto again = f.handle(c, kOperator);
        QCOMPARE(again.SerializeAsString(), first.SerializeAsString());
        QCOMPARE(f.controls->control().revision(), 2u);
        QVERIFY(f.pipeline->takeAuditEvents().empty());
        QVERIFY(f.controls->takeControlChanges().empty());
    }

    void hazardousCutNeedsAnotherSupervisor()
    {
        Fixture f;
        // 700 → 500 is within 30 %: applied at once.
        QCOMPARE(f.handle(rate(1, 500), kOperator).status(), v1::COMMAND_APPLIED);
        // 500 → 300 is a 40 % cut: pending.
        const auto pending = f.handle(rate(2, 300), kOperator);
        QCOMPARE(pending.status(), v1::COMMAND_PENDING_APPROVAL);
        QVERIFY(!pending.request_id().empty());
        QCOMPARE(pending.control().pending_size(), 1);
        QCOMPARE(pending.control().pending(0).requested_by().user(), std::string("kim"));
        QCOMPARE(pending.control().pending(0).expires_ms(), kWall + 300000);
        QCOMPARE(f.controls->control().admission_rate_per_s(), 500.0);
        QCOMPARE(f.controls->control().revision(), 3u);

        // An operator may not approve; the first supervisor may.
        QCOMPARE(f.handle(approve(pending.request_id()), kOperator).status(), v1::COMMAND_REFUSED);
        f.pipeline->takeAuditEvents();
        const auto approved = f.handle(approve(pending.request_id()), kSupervisor, kWall + 60000);
        QCOMPARE(approved.status(), v1::COMMAND_APPLIED);
        QCOMPARE(approved.control().admission_rate_per_s(), 300.0);
        QCOMPARE(approved.control().pending_size(), 0);
        QCOMPARE(approved.control().revision(), 4u);
        QCOMPARE(f.target.applied.back().admission_rate_per_s(), 300.0);
        // Both results audited: the request's (by kim) and the approval (by park).
        const auto audit = f.pipeline->takeAuditEvents();
        QCOMPARE(audit.size(), size_t(2));
        QCOMPARE(audit[0].user(), std::string("kim"));
        QVERIFY(QString::fromStdString(audit[0].outcome()).contains(QStringLiteral("approved by park")));
        QCOMPARE(audit[1].user(), std::string("park"));
        // Approving again: the request is gone.
        QCOMPARE(f.handle(approve(pending.request_id()), kSupervisor2).status(), v1::COMMAND_EXPIRED);
    }

    void ownRequestCannotBeApproved()
    {
        Fixture f;
        const auto pending = f.handle(provider(1, "kakao", false), kSupervisor);
        QCOMPARE(pending.status(), v1::COMMAND_PENDING_APPROVAL);
        const auto own = f.handle(approve(pending.request_id()), kSupervisor);
        QCOMPARE(own.status(), v1::COMMAND_REFUSED);
        QVERIFY(QString::fromStdString(own.message()).contains(QStringLiteral("different supervisor")));
        QVERIFY(providerIn(f.controls->control(), "kakao").enabled());
        const auto other = f.handle(approve(pending.request_id()), kSupervisor2);
        QCOMPARE(other.status(), v1::COMMAND_APPLIED);
        QVERIFY(!providerIn(f.controls->control(), "kakao").enabled());
        QVERIFY(!f.target.applied.back().providers(0).enabled());
    }

    void unapprovedRequestExpiresAfterFiveMinutes()
    {
        Fixture f;
        const auto pending = f.handle(command(1), kOperator);   // no action: invalid, not pending
        QCOMPARE(pending.status(), v1::COMMAND_INVALID);
        v1::Command pause = command(1);
        pause.mutable_pause_admission();
        const auto p = f.handle(pause, kOperator);
        QCOMPARE(p.status(), v1::COMMAND_PENDING_APPROVAL);
        f.pipeline->takeAuditEvents();
        f.controls->takeControlChanges();
        f.controls->tick(kWall + 299'999, kSource);
        QCOMPARE(f.controls->control().pending_size(), 1);
        f.controls->tick(kWall + 300'001, kSource);
        QCOMPARE(f.controls->control().pending_size(), 0);
        QVERIFY(!f.controls->control().admission_paused());
        QCOMPARE(f.controls->control().revision(), 3u);
        const auto audit = f.pipeline->takeAuditEvents();
        QCOMPARE(audit.size(), size_t(1));
        QCOMPARE(audit[0].user(), std::string("system"));
        QCOMPARE(audit[0].outcome().rfind("expired", 0), 0u);
        QCOMPARE(f.controls->takeControlChanges().size(), size_t(1));
        // A late approval.
        QCOMPARE(f.handle(approve(p.request_id()), kSupervisor, kWall + 301'000).status(), v1::COMMAND_EXPIRED);
    }

    void lateApprovalExpiresTheRequest()
    {
        Fixture f;
        const auto p = f.handle(provider(1, "naver", false), kSupervisor);
        // No tick in between: the approval itself finds it expired.
        const auto late = f.handle(approve(p.request_id()), kSupervisor2, kWall + 400'000);
        QCOMPARE(late.status(), v1::COMMAND_EXPIRED);
        QVERIFY(providerIn(f.controls->control(), "naver").enabled());
        QCOMPARE(f.controls->control().pending_size(), 0);
    }

    void timedDisableEndsOnTheSourceClockWithRamp()
    {
        Fixture f;
        const auto p = f.handle(provider(1, "pass", false, 600), kSupervisor);
        const auto a = f.handle(approve(p.request_id()), kSupervisor2, kWall + 1000, kSource + 1000);
        QCOMPARE(a.status(), v1::COMMAND_APPLIED);
        const auto &pc = providerIn(f.controls->control(), "pass");
        QVERIFY(!pc.enabled());
        QCOMPARE(pc.disabled_until_ms(), kSource + 1000 + 600'000);
        QCOMPARE(pc.ramp_s(), 300u);
        f.pipeline->takeAuditEvents();
        // The wall clock says nothing about it.
        f.controls->tick(kWall + 10'000'000, kSource + 600'999);
        QVERIFY(!providerIn(f.controls->control(), "pass").enabled());
        f.controls->tick(kWall + 10'000'000, kSource + 601'000);
        QVERIFY(providerIn(f.controls->control(), "pass").enabled());
        QCOMPARE(providerIn(f.controls->control(), "pass").disabled_until_ms(), 0);
        QCOMPARE(providerIn(f.target.applied.back(), "pass").ramp_s(), 300u);
        QVERIFY(providerIn(f.target.applied.back(), "pass").enabled());
        const auto audit = f.pipeline->takeAuditEvents();
        QCOMPARE(audit.size(), size_t(1));
        QCOMPARE(audit[0].user(), std::string("system"));
        QCOMPARE(f.controls->control().last_changed_by().user(), std::string("system"));
    }

    void timedDisableWaitsForTheLiveClock()
    {
        // Before the live system's clock is known (source time 0) a disable
        // for a set time cannot be timed: refused, override or not, whether
        // asked or approved then; a disable until re-enabled by hand goes on.
        Fixture f;
        v1::Command timed = provider(1, "pass", false, 600);
        timed.set_stale_override(true);
        const v1::CommandResult refused = f.handle(timed, kSupervisor, kWall, 0);
        QCOMPARE(refused.status(), v1::COMMAND_REFUSED);
        QCOMPARE(refused.message_words().code(), std::string("refused.clock_unknown"));
        QCOMPARE(f.controls->control().revision(), 1u);
        QCOMPARE(f.handle(provider(1, "pass", false), kSupervisor, kWall, 0).status(), v1::COMMAND_PENDING_APPROVAL);

        const v1::CommandResult request = f.handle(provider(2, "naver", false, 600), kSupervisor, kWall, kSource);
        QCOMPARE(request.status(), v1::COMMAND_PENDING_APPROVAL);
        const v1::CommandResult early = f.handle(approve(request.request_id()), kSupervisor2, kWall + 1000, 0);
        QCOMPARE(early.status(), v1::COMMAND_REFUSED);
        QCOMPARE(early.message_words().code(), std::string("refused.clock_unknown"));
        QCOMPARE(f.handle(approve(request.request_id()), kSupervisor2, kWall + 2000, kSource + 2000).status(),
                 v1::COMMAND_APPLIED);
        QCOMPARE(providerIn(f.controls->control(), "naver").disabled_until_ms(), kSource + 2000 + 600'000);
    }

    void restartRestoresEverything()
    {
        QTemporaryDir dir;
        v1::Command applied = rate(1, 600);
        v1::CommandResult appliedResult;
        std::string requestId;
        {
            Fixture f(dir.path());
            appliedResult = f.handle(applied, kOperator);
            QCOMPARE(appliedResult.status(), v1::COMMAND_APPLIED);
            const auto p = f.handle(provider(2, "kakao", false, 0), kSupervisor);
            QCOMPARE(p.status(), v1::COMMAND_PENDING_APPROVAL);
            requestId = p.request_id();
            const auto d = f.handle(provider(3, "naver", false), kSupervisor);
            QCOMPARE(f.handle(approve(d.request_id()), kSupervisor2).status(), v1::COMMAND_APPLIED);
        }
        Fixture f(dir.path());
        QVERIFY(f.controls->hasStoredControl());
        const auto &c = f.controls->control();
        QCOMPARE(c.revision(), 5u);
        QCOMPARE(c.admission_rate_per_s(), 600.0);   // not the source's 700
        QVERIFY(!providerIn(c, "naver").enabled());
        QVERIFY(providerIn(c, "kakao").enabled());
        QCOMPARE(c.pending_size(), 1);
        QCOMPARE(c.pending(0).request_id(), requestId);
        // The target got the stored state, not the source's.
        QCOMPARE(f.target.applied.back().admission_rate_per_s(), 600.0);
        // The stored result answers a repeat.
        QCOMPARE(f.handle(applied, kOperator).SerializeAsString(), appliedResult.SerializeAsString());
        QCOMPARE(f.controls->control().revision(), 5u);
        // The pending request can still be approved.
        QCOMPARE(f.handle(approve(requestId), kSupervisor2).status(), v1::COMMAND_APPLIED);
        QVERIFY(!providerIn(f.controls->control(), "kakao").enabled());
        const auto v = f.store.verifyAudit();
        QVERIFY2(v.ok, qPrintable(v.detail));
        QCOMPARE(v.rowsChecked, 7u);
    }

    void signInRecords()
    {
        Fixture f;
        AuditRecord r;
        r.timeMs = kWall;
        r.user = QStringLiteral("kim");
        r.action = QStringLiteral("sign in");
        r.outcome = QStringLiteral("refused: wrong password");
        QCOMPARE(f.pipeline->record(r).id(), 1u);
        QCOMPARE(f.pipeline->takeAuditEvents().size(), size_t(1));
    }

    void staleFiguresRefuseWithoutTheOverride()
    {
        Fixture f;
        v1::StaleFigure queue;
        queue.set_figure("queue_depth");
        queue.set_reason(v1::STALE_SOURCE_UNREACHABLE);
        v1::StaleFigure naver;
        naver.set_figure("provider.naver.p95_latency_ms");
        naver.set_reason(v1::STALE_NO_DATA);
        f.controls->setStaleFigures({queue, naver});
        const v1::CommandResult refused = f.handle(rate(1, 650), kOperator);
        QCOMPARE(refused.status(), v1::COMMAND_REFUSED);
        QVERIFY2(QString::fromStdString(refused.message()).contains(QStringLiteral("queue_depth")), refused.message().c_str());
        QVERIFY(QString::fromStdString(refused.message()).contains(QStringLiteral("override")));
        QCOMPARE(f.controls->control().revision(), 1u);
        // Another provider's stale figures do not hold up kakao's switch.
        QCOMPARE(f.handle(provider(1, "kakao", true), kSupervisor).status(), v1::COMMAND_APPLIED);
        // The explicit override goes through, and says so in the audit.
        v1::Command overridden = rate(2, 650);
        overridden.set_stale_override(true);
        QCOMPARE(f.handle(overridden, kOperator).status(), v1::COMMAND_APPLIED);
        QVERIFY(QString::fromStdString(f.store.recentAudit(1).back().action()).contains(QStringLiteral("stale data, overridden")));
        // An approval is decided on the approver's figures and override.
        v1::Command request = provider(3, "naver", false);
        request.set_stale_override(true);
        const v1::CommandResult pending = f.handle(request, kSupervisor);
        QCOMPARE(pending.status(), v1::COMMAND_PENDING_APPROVAL);
        QCOMPARE(f.handle(approve(pending.request_id()), kSupervisor2).status(), v1::COMMAND_REFUSED);
        v1::Command approval = approve(pending.request_id());
        approval.set_stale_override(true);
        QCOMPARE(f.handle(approval, kSupervisor2).status(), v1::COMMAND_APPLIED);
    }

    void followsTheLiveSystemsRevision()
    {
        Fixture f;
        f.controls->followRevision(1, kWall);   // not higher: nothing
        QVERIFY(f.controls->takeControlChanges().empty());
        f.controls->followRevision(7, kWall);
        QCOMPARE(f.controls->control().revision(), 7u);
        QCOMPARE(f.controls->control().admission_rate_per_s(), 700.0);
        QCOMPARE(f.controls->takeControlChanges().size(), size_t(1));
        QCOMPARE(f.store.recentAudit(1).back().action(), "follow the live system's control revision");
        QCOMPARE(f.handle(rate(7, 650), kOperator).status(), v1::COMMAND_APPLIED);
        QCOMPARE(f.controls->control().revision(), 8u);
    }
};

QTEST_GUILESS_MAIN(TestControlCommands)
#include "tst_controlcommands.moc"
