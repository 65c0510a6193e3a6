#include "server/sim/LatencyHistogram.h"

#include <QTest>

using sitroom::sim::LatencyHistogram;
using sitroom::sim::latencyShareWithin;

class TestLatencyHistogram final : public QObject
{
    Q_OBJECT

private slots:
    // The shape's 95th percentile is the second's p95, whatever the p95.
    void shape_putsThe95thPercentileAtTheP95_data()
    {
        QTest::addColumn<double>("p95Ms");
        QTest::newRow("fast") << 120.0;
        QTest::newRow("healthy") << 800.0;
        QTest::newRow("slow") << 4500.0;
    }

    void shape_putsThe95thPercentileAtTheP95()
    {
        QFETCH(double, p95Ms);
        QCOMPARE(qRound(latencyShareWithin(p95Ms / 1000.0, p95Ms, 10000) * 1e6), 950000);
        // log-normal, sigma 0.5: the median is p95 / exp(1.645 * 0.5)
        QCOMPARE(qRound(latencyShareWithin(p95Ms / 1000.0 / 2.2760, p95Ms, 10000) * 1e3), 500);
        QCOMPARE(latencyShareWithin(10.0, p95Ms, 10000), 1.0);   // nothing answers after the timeout
    }

    void second_isCountedInWholeCumulativeBuckets()
    {
        LatencyHistogram h;
        h.recordSecond(1000, 800, 30, 10000);
        QCOMPARE(h.count, std::uint64_t(1030));
        QCOMPARE(h.cumulative.back(), std::uint64_t(1030));
        for (std::size_t k = 1; k < h.cumulative.size(); ++k)
            QVERIFY(h.cumulative[k] >= h.cumulative[k - 1]);
        // 0.75 s is just below the p95 of 0.8 s; 1 s above it.
        QVERIFY(h.cumulative[4] < 950 && h.cumulative[4] > 900);
        QVERIFY(h.cumulative[5] > 950 && h.cumulative[5] <= 1000);
        // The timed-out requests count at the timeout: in the 10 s bucket, not below.
        QCOMPARE(h.cumulative[10], std::uint64_t(1000)); // le 8
        QCOMPARE(h.cumulative[11], std::uint64_t(1030)); // le 10
        // The sum: the shape's mean (about 0.8 / 2.276 * exp(0.125) s) for each answer, the timeout for each timeout.
        QVERIFY(qAbs(h.sumS - (1000 * 0.3983 + 30 * 10.0)) < 1.0);
    }

    void quietSecond_addsNothing()
    {
        LatencyHistogram h;
        h.recordSecond(0, 800, 0, 10000);
        QCOMPARE(h.count, std::uint64_t(0));
        QCOMPARE(h.sumS, 0.0);
        QCOMPARE(h.cumulative.back(), std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
