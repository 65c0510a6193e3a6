#include "server/sim/Rng.h"
#include "server/sim/ServiceStage.h"

#include <QtTest>

using namespace sitroom::sim;

namespace {
StageSpec spec()
{
    return StageSpec{100.0, 500.0, 1.0, 0.01, 0.5, 10000.0};
}
} // namespace

class TestServiceStage final : public QObject
{
    Q_OBJECT

private slots:
    void latencyGrowsWithLoad()
    {
        Rng rng(1);
        ServiceStage light(spec());
        ServiceStage busy(spec());
        double lightP95 = 0;
        double busyP95 = 0;
        for (int i = 0; i < 50; ++i) {
            lightP95 += light.step(20, {}, rng).p95Ms;
            busyP95 += busy.step(95, {}, rng).p95Ms;
        }
        QVERIFY2(busyP95 > lightP95 * 1.5, qPrintable(QStringLiteral("%1 vs %2").arg(busyP95).arg(lightP95)));
        QCOMPARE(light.backlog(), 0u);
    }

    void overloadQueuesThenTimesOut()
    {
        Rng rng(1);
        ServiceStage stage(spec());
        StageSecond s;
        std::uint64_t timeouts = 0;
        for (int i = 0; i < 60; ++i) {
            s = stage.step(200, {}, rng);
            QVERIFY(s.served <= 100);
            timeouts += s.timeouts;
        }
        // The line is capped at capacity x timeout; everything beyond times out.
        QCOMPARE(s.backlog, 1000u);
        QVERIFY(timeouts > 4000);
        QVERIFY(s.p95Ms >= 9000.0);
        QVERIFY(s.errorRate > 0.4);
    }

    void faultCutsCapacityAndAddsErrors()
    {
        Rng rng(1);
        ServiceStage stage(spec());
        const StageFault fault{0.5, 0.3, 0.0};
        std::uint64_t served = 0;
        std::uint64_t errors = 0;
        for (int i = 0; i < 100; ++i) {
            const StageSecond s = stage.step(40, fault, rng);
            served += s.served;
            errors += s.errors;
        }
        QCOMPARE(served, 4000u);
        const double rate = double(errors) / double(served);
        QVERIFY(rate > 0.25 && rate < 0.38);
    }

    void answersEveryoneOrKeepsThemInLine()
    {
        Rng rng(4);
        ServiceStage stage(spec());
        std::uint64_t offered = 0;
        std::uint64_t done = 0;
        for (int i = 0; i < 300; ++i) {
            const std::uint64_t n = i < 100 ? 150 : 10;
            offered += n;
            const StageSecond s = stage.step(n, {}, rng);
            done += s.served + s.timeouts;
        }
        QCOMPARE(done + stage.backlog(), offered);
    }
};

QTEST_APPLESS_MAIN(TestServiceStage)
#include "tst_servicestage.moc"
