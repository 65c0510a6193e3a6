#include "server/sim/ScenarioLoader.h"
#include "server/sim/Simulation.h"

#include <QtTest>

using namespace sitroom::sim;

namespace {

Scenario opening()
{
    ScenarioLoader loader;
    return *loader.load(QStringLiteral("opening-18-49"));
}

// Runs until `s` seconds after the 20:00 opening (the scenario starts at 19:30).
void runUntilAfterOpening(Simulation &sim, int s)
{
    while (sim.state().elapsedS < 1800 + s)
        sim.step();
}

} // namespace

class TestSimulation final : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameRun()
    {
        Simulation a(opening(), 7);
        Simulation b(opening(), 7);
        runUntilAfterOpening(a, 3600);
        runUntilAfterOpening(b, 3600);
        QCOMPARE(a.totals().bookingsTotal, b.totals().bookingsTotal);
        QCOMPARE(a.totals().authAttemptsTotal, b.totals().authAttemptsTotal);
        QCOMPARE(a.totals().peakQueueDepth, b.totals().peakQueueDepth);
        for (std::size_t i = 0; i < a.state().providers.size(); ++i)
            QCOMPARE(a.state().providers[i].attemptsTotal, b.state().providers[i].attemptsTotal);
    }

    void otherSeedOtherRun()
    {
        Simulation a(opening(), 7);
        Simulation b(opening(), 8);
        runUntilAfterOpening(a, 600);
        runUntilAfterOpening(b, 600);
        QVERIFY(a.totals().bookingsTotal != b.totals().bookingsTotal);
    }

    void quietBeforeTheOpening()
    {
        Simulation sim(opening(), 1);
        while (sim.state().elapsedS < 1800)
            sim.step();
        QCOMPARE(sim.totals().arrivalsTotal, 0u);
        QCOMPARE(sim.state().cohorts.front().open, false);
        sim.step();
        QCOMPARE(sim.state().cohorts.front().open, true);
        QVERIFY(sim.state().admission.arrivals > 100);
    }

    void peopleAreNeitherLostNorMadeUp()
    {
        Simulation sim(opening(), 3);
        runUntilAfterOpening(sim, 7200);
        const SimulationTotals &t = sim.totals();
        QVERIFY(t.bookingsTotal > 0);
        QVERIFY(t.bookingsTotal <= t.arrivalsTotal);
        std::uint64_t perProvider = 0;
        for (const ProviderTotals &p : t.providers)
            perProvider += p.authAttempts;
        QCOMPARE(perProvider, t.authAttemptsTotal);
        std::int64_t booked = 0;
        for (const CohortStatus &c : sim.state().cohorts) {
            QVERIFY(c.booked <= c.eligible);
            booked += c.booked;
        }
        QCOMPARE(std::uint64_t(booked), t.bookingsTotal);
    }

    void aDisabledProviderGetsNobody()
    {
        Simulation sim(opening(), 1);
        QVERIFY(sim.setProviderEnabled(QStringLiteral("kakao"), false));
        QVERIFY(!sim.setProviderEnabled(QStringLiteral("toss"), false));
        runUntilAfterOpening(sim, 1800);
        const ProviderStatus &kakao = sim.state().providers.front();
        QCOMPARE(kakao.id, QStringLiteral("kakao"));
        QCOMPARE(kakao.attemptsTotal, 0u);
        QCOMPARE(kakao.light, Light::Suspended);
        QCOMPARE(sim.totals().providers.front().secondsDisabled, sim.state().elapsedS);
    }

    void reEnabledProviderRampsBackIn()
    {
        Simulation sim(opening(), 1);
        sim.setProviderEnabled(QStringLiteral("kakao"), false);
        runUntilAfterOpening(sim, 3600);
        sim.setProviderEnabled(QStringLiteral("kakao"), true, 600);
        sim.step();
        const double firstShare = sim.state().providers.front().share;
        for (int i = 0; i < 700; ++i)
            sim.step();
        const double laterShare = sim.state().providers.front().share;
        QVERIFY2(firstShare < 0.05, qPrintable(QString::number(firstShare)));
        QVERIFY2(laterShare > 0.2, qPrintable(QString::number(laterShare)));
        QVERIFY(sim.state().providers.front().light != Light::Suspended);
    }

    void pausingFillsTheQueue()
    {
        Simulation sim(opening(), 1);
        runUntilAfterOpening(sim, 1200);
        sim.setAdmissionPaused(true);
        const auto before = sim.state().admission.depth;
        for (int i = 0; i < 60; ++i) {
            sim.step();
            QCOMPARE(sim.state().admission.admitted, 0u);
        }
        QVERIFY(sim.state().admission.depth > before);
        QVERIFY(sim.state().admissionPaused);
        sim.setAdmissionPaused(false);
        sim.step();
        QVERIFY(sim.state().admission.admitted > 0);
    }

    void theThrottleTakesEffectNextSecond()
    {
        Simulation sim(opening(), 1);
        runUntilAfterOpening(sim, 10);
        QCOMPARE(sim.state().admission.admitted, 700u);
        sim.setAdmissionRate(250);
        sim.step();
        QCOMPARE(sim.state().admission.admitted, 250u);
        QCOMPARE(sim.state().admissionRate, 250.0);
    }

    void outageTurnsTheProviderRed()
    {
        ScenarioLoader loader;
        Simulation sim(*loader.load(QStringLiteral("provider-outage")), 1);
        const int naver = sim.scenario().providerIndex(QStringLiteral("naver"));
        runUntilAfterOpening(sim, 600);   // the outage starts at 20:10
        QVERIFY(sim.state().providers[std::size_t(naver)].light != Light::Red);
        for (int i = 0; i < 90; ++i)
            sim.step();
        QCOMPARE(sim.state().providers[std::size_t(naver)].light, Light::Red);
    }
};

QTEST_GUILESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
