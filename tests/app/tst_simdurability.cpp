// What the simulator's controls survive (docs/controls.md): a restart keeps
// disabled providers and pending requests, and a kill in the middle of a
// burst of commands loses none that was acknowledged, in the control state,
// the audit chain or the answer to a repeated command.
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

class TestSimDurability final : public QObject, private testing::ControlsRig
{
    Q_OBJECT

private slots:
    void init()
    {
        QString error;
        QVERIFY2(prepare(&error), qPrintable(error));
    }

    void restartKeepsDisablesAndPendingRequests()
    {
        std::string requestId;
        {
            SimulatorProcess sim;
            QString error;
            QVERIFY2(sim.start(args(), &error), qPrintable(error));
            auto park = signIn(sim, QStringLiteral("park"));
            auto choi = signIn(sim, QStringLiteral("choi"));
            QVERIFY(park && choi);
            v1::Command disable = command(*park, "naver is down");
            disable.mutable_set_provider_enabled()->set_provider_id("naver");
            const v1::CommandResult pending = send(*park, disable);
            QCOMPARE(pending.status(), v1::COMMAND_PENDING_APPROVAL);
            v1::Command approve = command(*choi, "");
            approve.mutable_approve()->set_request_id(pending.request_id());
            const v1::CommandResult approved = send(*choi, approve);
            QCOMPARE(approved.status(), v1::COMMAND_APPLIED);
            v1::Command pause = command(*park, "backend saturated");
            pause.set_expected_revision(approved.control().revision());
            pause.mutable_pause_admission();
            const v1::CommandResult paused = send(*park, pause);
            QCOMPARE(paused.status(), v1::COMMAND_PENDING_APPROVAL);
            requestId = paused.request_id();
            QCOMPARE(sim.stop(), 0);
        }
        SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start(args(), &error), qPrintable(error));
        auto choi = signIn(sim, QStringLiteral("choi"));
        QVERIFY(choi);
        const v1::ControlState restored = currentControl(*choi);
        QVERIFY(!providerControl(restored, "naver")->enabled());
        QCOMPARE(restored.pending_size(), 1);
        QCOMPARE(restored.pending(0).request_id(), requestId);
        QVERIFY(choi->waitFor([&] {
            const auto &last = choi->received().back();
            if (last.body_case() != Body::kTick)
                return false;
            const auto *p = providerState(last.tick().state(), "naver");
            return p && !p->enabled();
        }, 3000));
        v1::Command approve = command(*choi, "");
        approve.mutable_approve()->set_request_id(requestId);
        const v1::CommandResult approved = send(*choi, approve);
        QCOMPARE(approved.status(), v1::COMMAND_APPLIED);
        QVERIFY(approved.control().admission_paused());
    }

    void killedMidBurstLosesNothingAcknowledged()
    {
        std::vector<v1::CommandResult> applied;
        v1::Command firstApplied;
        {
            SimulatorProcess sim;
            QString error;
            QVERIFY2(sim.start(args(), &error), qPrintable(error));
            auto kim = signIn(sim, QStringLiteral("kim"));
            QVERIFY(kim);
            const std::uint64_t revision = currentControl(*kim).revision();
            std::vector<v1::Command> burst;
            v1::Envelope all;
            QByteArray bytes;
            for (int i = 0; i < 20; ++i) {
                v1::Command c;
                c.set_command_id("burst-" + std::to_string(i));
                c.set_expected_revision(revision + std::uint64_t(i));
                c.set_reason("burst " + std::to_string(i));
                c.mutable_set_admission_rate()->set_rate_per_s(i % 2 ? 700 : 690);
                burst.push_back(c);
                v1::Envelope e;
                *e.mutable_command() = c;
                kim->send(e);
            }
            // Kill it as the answers come in.
            QVERIFY(kim->waitFor([&] { return kim->count(Body::kCommandResult) >= 6; }, kWaitMs));
            sim.kill();
            for (const auto &e : kim->received())
                if (e.body_case() == Body::kCommandResult && e.command_result().status() == v1::COMMAND_APPLIED)
                    applied.push_back(e.command_result());
            QVERIFY(applied.size() >= 6);
            firstApplied = burst[0];
        }
        SimulatorProcess sim;
        QString error;
        // The starting rate on the command line does not override what was stored.
        QVERIFY2(sim.start(args() + QStringList{QStringLiteral("--admission-rate"), QStringLiteral("1500")}, &error),
                 qPrintable(error));
        auto kim = signIn(sim, QStringLiteral("kim"));
        QVERIFY(kim);
        const v1::ControlState restored = currentControl(*kim);
        QVERIFY(restored.revision() >= applied.back().control().revision());
        QVERIFY(restored.admission_rate_per_s() == 690.0 || restored.admission_rate_per_s() == 700.0);
        if (restored.revision() == applied.back().control().revision())
            QCOMPARE(restored.admission_rate_per_s(), applied.back().control().admission_rate_per_s());

        const v1::AuditResponse audit = auditAll(*kim, true);
        QVERIFY(audit.verified());
        QVERIFY2(audit.chain_ok(), audit.detail().c_str());
        for (const auto &r : applied) {
            const std::string reason = "burst " + r.command_id().substr(6);
            bool found = false;
            for (const auto &e : audit.entries())
                found |= e.reason() == reason && e.outcome().rfind("applied", 0) == 0;
            QVERIFY2(found, reason.c_str());
        }
        // The first command's result is remembered across the restart.
        const v1::CommandResult again = send(*kim, firstApplied);
        QCOMPARE(again.SerializeAsString(), applied.front().SerializeAsString());
    }
};

QTEST_GUILESS_MAIN(TestSimDurability)
#include "tst_simdurability.moc"
