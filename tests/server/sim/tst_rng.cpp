#include "server/sim/Rng.h"

#include <QtTest>

#include <cmath>

using sitroom::sim::Rng;

class TestRng final : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameSequence()
    {
        Rng a(42);
        Rng b(42);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(a.next(), b.next());
    }

    void differentSeedsDiffer()
    {
        Rng a(1);
        Rng b(2);
        int same = 0;
        for (int i = 0; i < 100; ++i)
            same += a.next() == b.next() ? 1 : 0;
        QCOMPARE(same, 0);
    }

    void uniformStaysInRange()
    {
        Rng r(7);
        double sum = 0;
        for (int i = 0; i < 100000; ++i) {
            const double u = r.uniform();
            QVERIFY(u >= 0.0 && u < 1.0);
            sum += u;
        }
        QVERIFY(std::abs(sum / 100000 - 0.5) < 0.01);
    }

    void binomialEdges()
    {
        Rng r(3);
        QCOMPARE(r.binomial(0, 0.5), 0u);
        QCOMPARE(r.binomial(1000, 0.0), 0u);
        QCOMPARE(r.binomial(1000, -1.0), 0u);
        QCOMPARE(r.binomial(1000, 1.0), 1000u);
        QCOMPARE(r.poisson(0.0), 0u);
        QCOMPARE(r.poisson(-3.0), 0u);
    }

    void binomialMean_data()
    {
        QTest::addColumn<quint64>("trials");
        QTest::addColumn<double>("probability");
        QTest::newRow("small n") << quint64(20) << 0.3;
        QTest::newRow("rare events in a crowd") << quint64(1'000'000) << 0.00001;
        QTest::newRow("common events in a crowd") << quint64(1'000'000) << 0.4;
        QTest::newRow("near certain") << quint64(5000) << 0.999;
    }

    void binomialMean()
    {
        QFETCH(quint64, trials);
        QFETCH(double, probability);
        Rng r(11);
        const int draws = 4000;
        double sum = 0;
        for (int i = 0; i < draws; ++i) {
            const auto k = r.binomial(trials, probability);
            QVERIFY(k <= trials);
            sum += double(k);
        }
        const double mean = double(trials) * probability;
        const double sd = std::sqrt(mean * (1 - probability));
        // The sample mean lies within 5 standard errors.
        QVERIFY2(std::abs(sum / draws - mean) <= 5 * sd / std::sqrt(double(draws)) + 1e-9,
                 qPrintable(QStringLiteral("mean %1, expected %2").arg(sum / draws).arg(mean)));
    }

    void poissonMean_data()
    {
        QTest::addColumn<double>("mean");
        QTest::newRow("0.5") << 0.5;
        QTest::newRow("12") << 12.0;
        QTest::newRow("3000") << 3000.0;
    }

    void poissonMean()
    {
        QFETCH(double, mean);
        Rng r(5);
        const int draws = 4000;
        double sum = 0;
        for (int i = 0; i < draws; ++i)
            sum += double(r.poisson(mean));
        QVERIFY(std::abs(sum / draws - mean) <= 5 * std::sqrt(mean / draws));
    }
};

QTEST_APPLESS_MAIN(TestRng)
#include "tst_rng.moc"
