#include "domain/ProviderLight.h"

#include <QtTest>

using sitroom::domain::Light;
using sitroom::domain::LightSpec;
using sitroom::domain::ProviderLight;

Q_DECLARE_METATYPE(sitroom::domain::Light)

namespace {

LightSpec spec(int dwellS = 30)
{
    LightSpec s;
    s.yellowP95Ms = 1500;
    s.redP95Ms = 4000;
    s.yellowErrorRate = 0.05;
    s.redErrorRate = 0.15;
    s.hysteresis = 0.2;
    s.minDwellS = dwellS;
    s.smoothingS = 1; // nearly raw, so the tests speak of the thresholds themselves
    return s;
}

// Feeds `seconds` seconds of the same figures from `fromS` on; returns the light
// and counts the changes.
Light feed(ProviderLight &light, std::int64_t &nowS, int seconds, double p95Ms, double errorRate,
           int *changes = nullptr)
{
    Light last = light.light();
    for (int i = 0; i < seconds; ++i, ++nowS) {
        const Light l = light.update(nowS, p95Ms, std::uint64_t(errorRate * 1000), 1000);
        if (changes && l != last)
            ++*changes;
        last = l;
    }
    return last;
}

} // namespace

class TestProviderLight final : public QObject
{
    Q_OBJECT

private slots:
    void judgesOnThresholds_data()
    {
        QTest::addColumn<double>("p95Ms");
        QTest::addColumn<double>("errorRate");
        QTest::addColumn<Light>("expected");
        QTest::newRow("healthy") << 700.0 << 0.01 << Light::Green;
        QTest::newRow("slow") << 2000.0 << 0.01 << Light::Yellow;
        QTest::newRow("erring") << 700.0 << 0.08 << Light::Yellow;
        QTest::newRow("very slow") << 5000.0 << 0.01 << Light::Red;
        QTest::newRow("failing") << 700.0 << 0.4 << Light::Red;
        QTest::newRow("slow and failing") << 2000.0 << 0.2 << Light::Red;
    }

    void judgesOnThresholds()
    {
        QFETCH(double, p95Ms);
        QFETCH(double, errorRate);
        QFETCH(Light, expected);
        ProviderLight light(spec());
        std::int64_t now = 0;
        QCOMPARE(feed(light, now, 120, p95Ms, errorRate), expected);
    }

    void holdsAColourForTheDwell()
    {
        ProviderLight light(spec(30));
        std::int64_t now = 0;
        QCOMPARE(feed(light, now, 60, 700, 0.01), Light::Green);
        QCOMPARE(feed(light, now, 5, 5000, 0.01), Light::Red);   // green was held long enough: red at once...
        const std::int64_t redSince = light.sinceS();
        QCOMPARE(feed(light, now, 20, 700, 0.01), Light::Red);   // ...but held for the dwell
        feed(light, now, 15, 700, 0.01);
        QCOMPARE(light.light(), Light::Green);
        QVERIFY(light.sinceS() >= redSince + 30);
    }

    void hysteresisKeepsItFromFlapping()
    {
        ProviderLight light(spec(0));
        std::int64_t now = 0;
        QCOMPARE(feed(light, now, 10, 1600, 0.0), Light::Yellow);
        // Just under the yellow threshold, but not under 80 % of it: stays yellow.
        QCOMPARE(feed(light, now, 30, 1400, 0.0), Light::Yellow);
        QCOMPARE(feed(light, now, 10, 1100, 0.0), Light::Green);
    }

    void wobblingSignalChangesRarely()
    {
        ProviderLight light(spec(30));
        std::int64_t now = 0;
        int changes = 0;
        for (int i = 0; i < 300; ++i)
            feed(light, now, 1, (i % 2) ? 1450.0 : 1550.0, 0.0, &changes);
        // 300 s of a figure alternating across the threshold every second: the
        // light turns yellow once and stays there.
        QVERIFY2(changes <= 1, qPrintable(QString::number(changes)));
    }

    void fewRequestsDoNotTurnItRed()
    {
        ProviderLight light(spec(0));
        std::int64_t now = 0;
        for (int i = 0; i < 60; ++i, ++now)
            light.update(now, 700, i % 10 == 0 ? 1 : 0, 2); // one failure now and then, of two requests
        QVERIFY(light.light() != Light::Red);
    }

    void suspensionOverridesAndReturns()
    {
        ProviderLight light(spec(30));
        std::int64_t now = 0;
        feed(light, now, 40, 700, 0.0);
        light.setSuspended(true, now);
        QCOMPARE(light.light(), Light::Suspended);
        QCOMPARE(feed(light, now, 100, 9000, 0.9), Light::Suspended);
        light.setSuspended(false, now);
        QCOMPARE(feed(light, now, 2, 700, 0.0), Light::Green);
    }
};

QTEST_APPLESS_MAIN(TestProviderLight)
#include "tst_providerlight.moc"
