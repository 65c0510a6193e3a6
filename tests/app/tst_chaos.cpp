// The chaos test of issue 13, CI-sized: two rooms' sitroom-gateway processes
// on one private PostgreSQL, four clients signed in as real users (kim, park,
// choi; han a viewer) sending 400 commands through both gateways, half of
// them on a revision they know to be old, while gateways are killed (SIGKILL)
// at random moments and started again; clients that lose their gateway sign
// in to the other (or the same once it is back) and send the command whose
// answer they did not see again, with the same command_id. Then ChaosCheck:
// the audit chain verifies, every command is decided once and every one seen
// applied is in the audit once, revisions rise by one without gaps, the audit
// replays to the final state, no viewer's command applied. The full run is
// scripts/chaos (docs/chaos.md). SITROOM_CHAOS_SEED picks another seed.
#include "tests/support/ChaosRun.h"

#include <QtTest>

using namespace sitroom::testing;

class TestChaos final : public QObject
{
    Q_OBJECT

private slots:
    void killedGatewaysLoseNothing()
    {
        ChaosPlan plan;
        plan.seed = qEnvironmentVariableIsSet("SITROOM_CHAOS_SEED") ? qgetenv("SITROOM_CHAOS_SEED").toULongLong() : 13;
        plan.commands = 400;
        plan.kills = 3;
        plan.restartMinMs = 200;
        plan.restartMaxMs = 1500;
        plan.trafficTimeoutMs = 150000;
        qInfo("chaos seed %llu (SITROOM_CHAOS_SEED=%llu replays it)", static_cast<unsigned long long>(plan.seed),
              static_cast<unsigned long long>(plan.seed));
        ChaosRun chaos(plan);
        QString why;
        const bool ok = chaos.run(&why);
        qInfo().noquote() << chaos.figures().summary();
        QVERIFY2(ok, qPrintable(why + QLatin1Char('\n') + chaos.report()));
        const ChaosFigures &f = chaos.figures();
        QCOMPARE(f.sent, plan.commands);
        QCOMPARE(f.kills, plan.kills);
        QCOMPARE(f.restarts, plan.kills);
        // What the run is for: conflicts, commands through both gateways, the viewer refused.
        QVERIFY(f.applied > 0);
        QVERIFY(f.conflictsOnPurpose > 0);
        QVERIFY(f.throughSeoul > 0 && f.throughOsong > 0);
        QCOMPARE(f.viewerRefused, plan.commands / int(plan.users.size()));
    }
};

QTEST_GUILESS_MAIN(TestChaos)
#include "tst_chaos.moc"
