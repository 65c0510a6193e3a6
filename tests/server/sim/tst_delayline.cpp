#include "server/sim/DelayLine.h"

#include <QtTest>

using sitroom::sim::DelayLine;

class TestDelayLine final : public QObject
{
    Q_OBJECT

private slots:
    void deliversEveryoneAroundTheMeanDelay()
    {
        DelayLine line;
        line.add(1000, 20.0);
        QCOMPARE(line.pending(), 1000u);
        std::uint64_t total = 0;
        double weighted = 0;
        int first = -1;
        int last = -1;
        for (int t = 1; t <= 60; ++t) {
            const auto due = line.take();
            if (due > 0) {
                first = first < 0 ? t : first;
                last = t;
            }
            total += due;
            weighted += double(due) * t;
        }
        QCOMPARE(total, 1000u);
        QCOMPARE(line.pending(), 0u);
        QCOMPARE(first, 10);
        QCOMPARE(last, 30);
        QVERIFY(std::abs(weighted / 1000 - 20.0) < 0.5);
    }

    void shortDelaysStillTakeASecond()
    {
        DelayLine line;
        line.add(5, 0.0);
        QCOMPARE(line.take(), 5u);
    }

    void longDelaysAreClampedToTheHorizon()
    {
        DelayLine line;
        line.add(10, 1e9);
        std::uint64_t total = 0;
        for (int t = 0; t < DelayLine::kHorizonS; ++t)
            total += line.take();
        QCOMPARE(total, 10u);
    }
};

QTEST_APPLESS_MAIN(TestDelayLine)
#include "tst_delayline.moc"
