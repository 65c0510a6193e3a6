#include "models/telemetry/ReconnectBackoff.h"

#include <QtTest>

#include <vector>

using sitroom::models::ReconnectBackoff;

class TestReconnectBackoff final : public QObject
{
    Q_OBJECT

private slots:
    void nominalSequenceGrowsBy1Point6UpToTheCap()
    {
        // A random source in the middle of its range: no jitter at all.
        ReconnectBackoff backoff(ReconnectBackoff::Policy{}, [] { return 0.5; });
        const std::vector<int> expected{1000, 1600, 2560, 4096, 6554, 10486, 16777, 26844, 30000, 30000, 30000};
        for (int want : expected)
            QCOMPARE(backoff.nextDelayMs(), want);
        QCOMPARE(backoff.failures(), int(expected.size()));
    }

    void jitterStaysWithin20Percent()
    {
        ReconnectBackoff backoff = ReconnectBackoff::seeded(42);
        int belowNominal = 0;
        int aboveNominal = 0;
        for (int round = 0; round < 50; ++round) {
            backoff.reset();
            for (int i = 0; i < 12; ++i) {
                const double nominal = backoff.nominalDelayMs();
                const int delay = backoff.nextDelayMs();
                QVERIFY2(delay >= nominal * 0.8 - 1 && delay <= nominal * 1.2 + 1,
                         qPrintable(QStringLiteral("%1 vs nominal %2").arg(delay).arg(nominal)));
                QVERIFY(delay <= 30000);
                belowNominal += delay < nominal ? 1 : 0;
                aboveNominal += delay > nominal ? 1 : 0;
            }
        }
        // Jitter really happens, both ways.
        QVERIFY(belowNominal > 50);
        QVERIFY(aboveNominal > 50);
    }

    void extremesOfTheRandomSource()
    {
        ReconnectBackoff low(ReconnectBackoff::Policy{}, [] { return 0.0; });
        QCOMPARE(low.nextDelayMs(), 800);
        QCOMPARE(low.nextDelayMs(), 1280);
        ReconnectBackoff high(ReconnectBackoff::Policy{}, [] { return 0.999999; });
        QCOMPARE(high.nextDelayMs(), 1200);
        QCOMPARE(high.nextDelayMs(), 1920);
        // At the cap the upper jitter is cut: never more than 30 s.
        for (int i = 0; i < 20; ++i)
            QVERIFY(high.nextDelayMs() <= 30000);
        QCOMPARE(high.nextDelayMs(), 30000);
    }

    void resetStartsOver()
    {
        ReconnectBackoff backoff(ReconnectBackoff::Policy{}, [] { return 0.5; });
        backoff.nextDelayMs();
        backoff.nextDelayMs();
        backoff.nextDelayMs();
        backoff.reset();
        QCOMPARE(backoff.failures(), 0);
        QCOMPARE(backoff.nominalDelayMs(), 1000.0);
        QCOMPARE(backoff.nextDelayMs(), 1000);
        QCOMPARE(backoff.nextDelayMs(), 1600);
    }

    void sameSeedSameDelays()
    {
        ReconnectBackoff a = ReconnectBackoff::seeded(7);
        ReconnectBackoff b = ReconnectBackoff::seeded(7);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(a.nextDelayMs(), b.nextDelayMs());
    }

    void customPolicy()
    {
        ReconnectBackoff backoff(ReconnectBackoff::Policy{100, 2.0, 0.0, 500}, [] { return 0.9; });
        QCOMPARE(backoff.nextDelayMs(), 100);
        QCOMPARE(backoff.nextDelayMs(), 200);
        QCOMPARE(backoff.nextDelayMs(), 400);
        QCOMPARE(backoff.nextDelayMs(), 500);
    }
};

QTEST_GUILESS_MAIN(TestReconnectBackoff)
#include "tst_reconnectbackoff.moc"
