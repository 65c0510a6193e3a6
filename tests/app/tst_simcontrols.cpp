// Operator controls end to end: the real sitroom-sim with --users and
// --state-dir, signed-in protocol clients over TLS (docs/controls.md):
// sign-in, throttles reaching every console, conflicts, approvals, expiry and
// timed disables. What survives a restart or a kill: tst_simdurability.
#include "tests/app/ControlsRig.h"

#include <QtTest>

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <map>
#include <memory>

using namespace sitroom;
using sitroom::testing::SimulatorProcess;
using sitroom::testing::TestTlsClient;

namespace {

constexpr int kWaitMs = 5000;

using testing::providerControl;
using testing::providerState;

} // namespace

class TestSimControls final : public QObject, private testing::ControlsRig
{
    Q_OBJECT

private slots:
    void init()
    {
        QString error;
        QVERIFY2(prepare(&error), qPrintable(error));
    }

    void signInGoodBadAndRateLimited()
    {
        SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start(args(), &error), qPrintable(error));

        Body answer;
        auto kim = connectAs(sim, QStringLiteral("kim"), QStringLiteral("kim-pw"), &answer);
        QVERIFY(kim);
        QCOMPARE(answer, Body::kWelcome);
        const v1::Welcome welcome = kim->received()[size_t(kim->indexOf(Body::kWelcome))].welcome();
        QCOMPARE(welcome.role(), v1::ROLE_OPERATOR);
        QCOMPARE(welcome.site(), v1::SITE_SEOUL);
        QCOMPARE(welcome.user(), std::string("kim"));

        auto park = connectAs(sim, QStringLiteral("park"), QStringLiteral("park-pw"), &answer);
        QCOMPARE(answer, Body::kWelcome);
        QCOMPARE(park->received()[size_t(park->indexOf(Body::kWelcome))].welcome().role(), v1::ROLE_SUPERVISOR);

        auto wrong = connectAs(sim, QStringLiteral("kim"), QStringLiteral("guess"), &answer);
        QCOMPARE(answer, Body::kRefusal);
        QCOMPARE(wrong->received()[size_t(wrong->indexOf(Body::kRefusal))].refusal().code(), v1::REFUSAL_BAD_CREDENTIALS);
        QVERIFY(wrong->waitForDisconnected(kWaitMs));
        auto unknown = connectAs(sim, QStringLiteral("mallory"), QStringLiteral("x"), &answer);
        QCOMPARE(answer, Body::kRefusal);
        QCOMPARE(unknown->received()[size_t(unknown->indexOf(Body::kRefusal))].refusal().code(), v1::REFUSAL_BAD_CREDENTIALS);

        // Five failures for lee, then even the right password is turned away.
        for (int i = 0; i < 5; ++i) {
            auto guess = connectAs(sim, QStringLiteral("lee"), QStringLiteral("guess-%1").arg(i), &answer);
            QCOMPARE(answer, Body::kRefusal);
            QCOMPARE(guess->received()[size_t(guess->indexOf(Body::kRefusal))].refusal().code(), v1::REFUSAL_BAD_CREDENTIALS);
        }
        auto locked = connectAs(sim, QStringLiteral("lee"), QStringLiteral("lee-pw"), &answer);
        QCOMPARE(answer, Body::kRefusal);
        QCOMPARE(locked->received()[size_t(locked->indexOf(Body::kRefusal))].refusal().code(), v1::REFUSAL_TOO_MANY_ATTEMPTS);
        // Others are not affected.
        QVERIFY(signIn(sim, QStringLiteral("choi")));

        // Every sign-in is audited, and the audit reaches consoles.
        const v1::AuditResponse audit = auditAll(*kim, true);
        int signIns = 0, refusedTooMany = 0;
        for (const auto &e : audit.entries()) {
            if (e.action() == "sign in")
                ++signIns;
            if (QString::fromStdString(e.outcome()).contains(QStringLiteral("too many")))
                ++refusedTooMany;
        }
        QCOMPARE(signIns, 11);
        QCOMPARE(refusedTooMany, 1);
        QVERIFY(audit.verified());
        QVERIFY2(audit.chain_ok(), audit.detail().c_str());
        QVERIFY(kim->count(Body::kAuditEvent) >= 9);
    }

    void throttleReachesEveryConsoleAtOnce()
    {
        SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start(args(), &error), qPrintable(error));
        auto kim = signIn(sim, QStringLiteral("kim"));
        auto han = signIn(sim, QStringLiteral("han"));
        QVERIFY(kim && han);
        QCOMPARE(currentControl(*han).admission_rate_per_s(), 700.0);

        // A viewer may not.
        const v1::CommandResult refused = send(*han, [&] { auto c = command(*han); c.mutable_set_admission_rate()->set_rate_per_s(650); return c; }());
        QCOMPARE(refused.status(), v1::COMMAND_REFUSED);

        const int from = int(han->received().size());
        v1::Command c = command(*kim, "queue outgrows the backend");
        c.mutable_set_admission_rate()->set_rate_per_s(650);
        QElapsedTimer timer;
        timer.start();
        const v1::CommandResult result = send(*kim, c);
        QCOMPARE(result.status(), v1::COMMAND_APPLIED);
        const int eventAt = han->waitForBody(Body::kControlEvent, 1000, from);
        QVERIFY(eventAt >= 0);
        QVERIFY(timer.elapsed() < 1000);
        const v1::ControlEvent event = han->received()[size_t(eventAt)].control_event();
        QCOMPARE(event.control().admission_rate_per_s(), 650.0);
        QCOMPARE(event.actor().user(), std::string("kim"));
        QCOMPARE(event.actor().reason(), std::string("queue outgrows the backend"));
        // And the simulation runs with it from its next steps.
        QVERIFY(han->waitFor([&] {
            for (size_t i = size_t(eventAt); i < han->received().size(); ++i) {
                const auto &e = han->received()[i];
                if (e.body_case() == Body::kTick && e.tick().state().admission().rate_limit_per_s() == 650.0)
                    return true;
            }
            return false;
        }, 3000));
        // A console that connects now gets it in its Snapshot, with the audit.
        auto later = signIn(sim, QStringLiteral("choi"));
        QVERIFY(later);
        const v1::Snapshot snapshot = later->received()[size_t(later->indexOf(Body::kSnapshot))].snapshot();
        QCOMPARE(snapshot.control().admission_rate_per_s(), 650.0);
        bool audited = false;
        for (const auto &e : snapshot.recent_audit())
            audited |= e.user() == "kim" && e.reason() == "queue outgrows the backend";
        QVERIFY(audited);
    }

    void secondOfTwoConflictingCommandsIsTold()
    {
        SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start(args(), &error), qPrintable(error));
        auto kim = signIn(sim, QStringLiteral("kim"));
        auto lee = signIn(sim, QStringLiteral("lee"));
        QVERIFY(kim && lee);
        v1::Command a = command(*kim, "kim's reason");
        a.mutable_set_admission_rate()->set_rate_per_s(650);
        v1::Command b = command(*lee, "lee's reason");
        b.mutable_set_admission_rate()->set_rate_per_s(800);
        QCOMPARE(a.expected_revision(), b.expected_revision());
        QCOMPARE(send(*kim, a).status(), v1::COMMAND_APPLIED);
        const v1::CommandResult r = send(*lee, b);
        QCOMPARE(r.status(), v1::COMMAND_CONFLICT);
        QCOMPARE(r.control().admission_rate_per_s(), 650.0);
        QCOMPARE(r.control().last_changed_by().user(), std::string("kim"));
        QCOMPARE(r.control().last_changed_by().reason(), std::string("kim's reason"));
        // Sending it again as is: the same answer, not a second try.
        QCOMPARE(send(*lee, b).SerializeAsString(), r.SerializeAsString());
    }

    void disableNeedsASecondSupervisor()
    {
        SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start(args(), &error), qPrintable(error));
        auto park = signIn(sim, QStringLiteral("park"));
        auto choi = signIn(sim, QStringLiteral("choi"));
        auto kim = signIn(sim, QStringLiteral("kim"));
        QVERIFY(park && choi && kim);

        v1::Command kimDisable = command(*kim);
        kimDisable.mutable_set_provider_enabled()->set_provider_id("kakao");
        QCOMPARE(send(*kim, kimDisable).status(), v1::COMMAND_REFUSED);

        v1::Command disable = command(*park, "kakao verification failing");
        disable.mutable_set_provider_enabled()->set_provider_id("kakao");
        disable.mutable_set_provider_enabled()->set_enabled(false);
        const v1::CommandResult pending = send(*park, disable);
        QCOMPARE(pending.status(), v1::COMMAND_PENDING_APPROVAL);
        QVERIFY(!pending.request_id().empty());
        // Everyone sees the pending request.
        QVERIFY(choi->waitFor([&] { return currentControl(*choi).pending_size() == 1; }, 1000));
        QCOMPARE(currentControl(*choi).pending(0).requested_by().user(), std::string("park"));
        QVERIFY(providerControl(currentControl(*choi), "kakao")->enabled());

        v1::Command own = command(*park, "");
        own.mutable_approve()->set_request_id(pending.request_id());
        QCOMPARE(send(*park, own).status(), v1::COMMAND_REFUSED);

        v1::Command approve = command(*choi, "");
        approve.mutable_approve()->set_request_id(pending.request_id());
        const v1::CommandResult approved = send(*choi, approve);
        QCOMPARE(approved.status(), v1::COMMAND_APPLIED);
        QVERIFY(!providerControl(approved.control(), "kakao")->enabled());
        QCOMPARE(approved.control().pending_size(), 0);
        // The simulation shows it (중단) from its next steps.
        const int from = int(kim->received().size());
        QVERIFY(kim->waitFor([&] {
            for (size_t i = size_t(from); i < kim->received().size(); ++i) {
                const auto &e = kim->received()[i];
                if (e.body_case() == Body::kTick) {
                    const auto *p = providerState(e.tick().state(), "kakao");
                    if (p && !p->enabled())
                        return true;
                }
            }
            return false;
        }, 3000));
    }

    void unapprovedRequestExpires()
    {
        SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start(args() + QStringList{QStringLiteral("--approval-timeout"), QStringLiteral("2s")}, &error),
                 qPrintable(error));
        auto park = signIn(sim, QStringLiteral("park"));
        auto choi = signIn(sim, QStringLiteral("choi"));
        QVERIFY(park && choi);

        v1::Command disable = command(*park, "naver errors rising");
        disable.mutable_set_provider_enabled()->set_provider_id("naver");
        disable.mutable_set_provider_enabled()->set_enabled(false);
        const v1::CommandResult pending = send(*park, disable);
        QCOMPARE(pending.status(), v1::COMMAND_PENDING_APPROVAL);
        QVERIFY(choi->waitFor([&] { return currentControl(*choi).pending_size() == 1; }, 1000));

        // Nobody approves: after the timeout it is gone for everyone, audited, never applied.
        QVERIFY(choi->waitFor([&] { return currentControl(*choi).pending_size() == 0; }, 5000));
        QVERIFY(providerControl(currentControl(*choi), "naver")->enabled());
        v1::Command late = command(*choi, "");
        late.mutable_approve()->set_request_id(pending.request_id());
        QCOMPARE(send(*choi, late).status(), v1::COMMAND_EXPIRED);
        const v1::AuditResponse audit = auditAll(*choi, true);
        QVERIFY(audit.chain_ok());
        bool expiryAudited = false;
        for (const auto &entry : audit.entries())
            expiryAudited |= QString::fromStdString(entry.outcome()).startsWith(QStringLiteral("expired"));
        QVERIFY(expiryAudited);
    }

    void timedDisableEndsByItselfOnTheSimulatedClock()
    {
        SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start(args(), &error), qPrintable(error));
        auto park = signIn(sim, QStringLiteral("park"));
        auto choi = signIn(sim, QStringLiteral("choi"));
        QVERIFY(park && choi);
        v1::Command disable = command(*park, "maintenance window");
        disable.mutable_set_provider_enabled()->set_provider_id("pass");
        disable.mutable_set_provider_enabled()->set_enabled(false);
        disable.mutable_set_provider_enabled()->set_disable_for_s(120);   // two seconds at --speed 60
        const v1::CommandResult pending = send(*park, disable);
        QCOMPARE(pending.status(), v1::COMMAND_PENDING_APPROVAL);
        v1::Command approve = command(*choi, "");
        approve.mutable_approve()->set_request_id(pending.request_id());
        const v1::CommandResult approved = send(*choi, approve);
        QCOMPARE(approved.status(), v1::COMMAND_APPLIED);
        const v1::ProviderControl *pc = providerControl(approved.control(), "pass");
        QVERIFY(!pc->enabled());
        QVERIFY(pc->disabled_until_ms() > 0);
        QCOMPARE(pc->ramp_s(), 300u);
        // Re-enabled by "system", announced, audited.
        const int from = int(choi->received().size());
        QVERIFY(choi->waitFor([&] {
            for (size_t i = size_t(from); i < choi->received().size(); ++i) {
                const auto &e = choi->received()[i];
                if (e.body_case() == Body::kControlEvent && e.control_event().actor().user() == "system"
                    && providerControl(e.control_event().control(), "pass")->enabled())
                    return true;
            }
            return false;
        }, 8000));
        bool audited = false;
        for (size_t i = size_t(from); i < choi->received().size(); ++i) {
            const auto &e = choi->received()[i];
            audited |= e.body_case() == Body::kAuditEvent && e.audit_event().entry().user() == "system"
                && e.audit_event().entry().action() == "enable provider pass";
        }
        QVERIFY(audited || choi->waitFor([&] {
            for (const auto &e : choi->received())
                if (e.body_case() == Body::kAuditEvent && e.audit_event().entry().action() == "enable provider pass")
                    return true;
            return false;
        }, 2000));
        // The simulation has it back.
        QVERIFY(choi->waitFor([&] {
            const auto &last = choi->received().back();
            if (last.body_case() != Body::kTick)
                return false;
            const auto *p = providerState(last.tick().state(), "pass");
            return p && p->enabled();
        }, 3000));
    }
};

QTEST_GUILESS_MAIN(TestSimControls)
#include "tst_simcontrols.moc"
