// The simulator must reproduce the 2021 figures (PRODUCT.md §1): about 40 % of
// a day's bookings in the first 30 minutes, about 2.5 verification attempts
// per booking, one provider congested at the peak while the others stay
// smooth, and the operators' levers moving the figures the right way. These
// are emergent, so they are checked over whole simulated days and several seeds.
#include "server/sim/ScenarioLoader.h"
#include "server/sim/Simulation.h"

#include <QtTest>

#include <map>

using namespace sitroom::sim;

namespace {

struct DayResult
{
    SimulationTotals totals;
    std::map<QString, std::int64_t> redSecondsAtPeak;    // first two hours after opening
    std::map<QString, std::int64_t> greenSecondsAtPeak;
};

DayResult runDay(const QString &scenarioName, std::uint64_t seed,
                 const QStringList &disabled = {}, double admissionRate = 0)
{
    ScenarioLoader loader;
    const auto scenario = loader.load(scenarioName);
    if (!scenario)
        qFatal("%s", qPrintable(loader.error()));
    Simulation sim(*scenario, seed);
    for (const QString &id : disabled)
        sim.setProviderEnabled(id, false);
    if (admissionRate > 0)
        sim.setAdmissionRate(admissionRate);
    DayResult result;
    const std::int64_t openMs = sim.totals().referenceOpenMs;
    while (!sim.finished()) {
        sim.step();
        const std::int64_t sinceOpenMs = sim.state().timeMs - openMs;
        if (sinceOpenMs > 0 && sinceOpenMs <= 2 * 3600 * 1000) {
            for (const ProviderStatus &p : sim.state().providers) {
                result.redSecondsAtPeak[p.id] += p.light == Light::Red ? 1 : 0;
                result.greenSecondsAtPeak[p.id] += p.light == Light::Green ? 1 : 0;
            }
        }
    }
    result.totals = sim.totals();
    return result;
}

double share30(const SimulationTotals &t)
{
    return double(t.bookingsFirst30Min) / double(t.bookingsTotal);
}

double attemptsPerBooking(const SimulationTotals &t)
{
    return double(t.authAttemptsTotal) / double(t.bookingsTotal);
}

} // namespace

class TestCalibration final : public QObject
{
    Q_OBJECT

private slots:
    void openingDayFigures_data()
    {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed : {1ull, 7ull, 2021ull, 987654321ull})
            QTest::addRow("seed %llu", seed) << seed;
    }

    void openingDayFigures()
    {
        QFETCH(quint64, seed);
        const DayResult day = runDay(QStringLiteral("opening-18-49"), seed);
        const SimulationTotals &t = day.totals;
        QCOMPARE(t.virtualSeconds, std::int64_t(86400));
        QVERIFY(t.bookingsTotal > 500'000);

        const double first30 = share30(t);
        QVERIFY2(first30 >= 0.35 && first30 <= 0.45, qPrintable(QStringLiteral("first 30 min share %1").arg(first30)));
        const double ratio = attemptsPerBooking(t);
        QVERIFY2(ratio >= 2.2 && ratio <= 2.8, qPrintable(QStringLiteral("attempts per booking %1").arg(ratio)));

        // One provider congested at the peak, the others smooth.
        int congested = 0;
        for (const auto &[id, red] : day.redSecondsAtPeak) {
            if (red > 0) {
                ++congested;
                continue;
            }
            QVERIFY2(day.greenSecondsAtPeak.at(id) >= 0.9 * 7200, qPrintable(id));
        }
        QVERIFY2(congested >= 1, "no provider went red at the peak");
        QVERIFY2(congested < int(day.redSecondsAtPeak.size()) - 1, "more than one provider went red");
    }

    void disablingKakaoMovesItsLoad()
    {
        const DayResult normal = runDay(QStringLiteral("opening-18-49"), 5);
        const DayResult withoutKakao = runDay(QStringLiteral("opening-18-49"), 5, {QStringLiteral("kakao")});
        const auto &providers = withoutKakao.totals.providers;
        for (const ProviderTotals &p : providers) {
            if (p.id == QStringLiteral("kakao")) {
                QCOMPARE(p.authAttempts, 0u);
                QCOMPARE(p.secondsDisabled, std::int64_t(86400));
            } else {
                // Its load went to the others.
                const auto before = std::find_if(normal.totals.providers.begin(), normal.totals.providers.end(),
                                                 [&p](const ProviderTotals &q) { return q.id == p.id; });
                QVERIFY(p.authAttempts > before->authAttempts);
            }
        }
        const double drop = 1.0 - double(withoutKakao.totals.bookingsTotal) / double(normal.totals.bookingsTotal);
        QVERIFY2(drop < 0.10, qPrintable(QStringLiteral("bookings dropped by %1").arg(drop)));
    }

    void aLowAdmissionRateRaisesThePeakQueue()
    {
        const DayResult normal = runDay(QStringLiteral("opening-18-49"), 5);
        const DayResult throttled = runDay(QStringLiteral("opening-18-49"), 5, {}, 200);
        QVERIFY2(throttled.totals.peakQueueDepth > 2 * normal.totals.peakQueueDepth,
                 qPrintable(QStringLiteral("%1 vs %2").arg(throttled.totals.peakQueueDepth).arg(normal.totals.peakQueueDepth)));
        QVERIFY(throttled.totals.abandonedTotal > normal.totals.abandonedTotal);
    }

    void july2021EverythingGoesRed()
    {
        const DayResult day = runDay(QStringLiteral("crash-50s"), 1);
        for (const auto &[id, red] : day.redSecondsAtPeak)
            QVERIFY2(red >= 600, qPrintable(QStringLiteral("%1 red for %2 s").arg(id).arg(red)));
        for (const ProviderTotals &p : day.totals.providers)
            QVERIFY2(p.id == QStringLiteral("mobile") || p.id == QStringLiteral("certificate"), qPrintable(p.id));
        QVERIFY(attemptsPerBooking(day.totals) > 5.0);
    }

    void backendSaturationSendsPeopleBackToVerify()
    {
        const DayResult normal = runDay(QStringLiteral("opening-18-49"), 2);
        const DayResult saturated = runDay(QStringLiteral("backend-saturation"), 2);
        QVERIFY(attemptsPerBooking(saturated.totals) > attemptsPerBooking(normal.totals) + 0.5);
        QVERIFY(share30(saturated.totals) < share30(normal.totals));
    }
};

QTEST_GUILESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
