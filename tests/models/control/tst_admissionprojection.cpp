#include "models/control/AdmissionProjection.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace sitroom;
using namespace sitroom::models;

namespace {

ProjectionInputs inputs(double queue, double arrivals, double rate, double capacity = 1000.0)
{
    ProjectionInputs in;
    in.queueDepth = queue;
    in.arrivalsPerS = arrivals;
    in.admissionRatePerS = rate;
    in.backendCapacityPerS = capacity;
    return in;
}

} // namespace

// The throttle preview's what-if: a fluid queue over the next 30 minutes.
class tst_AdmissionProjection : public QObject
{
    Q_OBJECT

private slots:
    void coversTheHorizonEveryStep()
    {
        const AdmissionProjection p = projectAdmission(inputs(1000, 100, 100));
        QCOMPARE(int(p.points.size()), 61); // 0, 30 s, …, 1800 s
        QCOMPARE(p.points.front().atS, 0.0);
        QCOMPARE(p.last().atS, 1800.0);
        QCOMPARE(p.points[1].atS, 30.0);
        // A horizon that is not a whole number of steps still ends on it.
        const AdmissionProjection odd = projectAdmission(inputs(0, 0, 1), 100.0, 30.0);
        QCOMPARE(odd.last().atS, 100.0);
        QCOMPARE(int(odd.points.size()), 5);
    }

    void queueMovesByArrivalsMinusRate_data()
    {
        QTest::addColumn<double>("queue");
        QTest::addColumn<double>("arrivals");
        QTest::addColumn<double>("rate");
        QTest::addColumn<double>("queueAt600");
        QTest::addColumn<double>("queueAtEnd");
        QTest::addColumn<double>("drainsAtS");
        // 900 arrive, 700 admitted: +200 a second, 120,000 in ten minutes.
        QTest::newRow("grows") << 12000.0 << 900.0 << 700.0 << 132000.0 << 372000.0 << -1.0;
        // 500 arrive, 700 admitted: −200 a second, 12,000 gone in 60 s.
        QTest::newRow("drains") << 12000.0 << 500.0 << 700.0 << 0.0 << 0.0 << 60.0;
        // Drains, but not within the half hour.
        QTest::newRow("drains slowly") << 400000.0 << 600.0 << 700.0 << 340000.0 << 220000.0 << -1.0;
        QTest::newRow("steady") << 5000.0 << 700.0 << 700.0 << 5000.0 << 5000.0 << -1.0;
        QTest::newRow("empty stays empty") << 0.0 << 300.0 << 700.0 << 0.0 << 0.0 << 0.0;
    }

    void queueMovesByArrivalsMinusRate()
    {
        QFETCH(double, queue);
        QFETCH(double, arrivals);
        QFETCH(double, rate);
        QFETCH(double, queueAt600);
        QFETCH(double, queueAtEnd);
        QFETCH(double, drainsAtS);
        const AdmissionProjection p = projectAdmission(inputs(queue, arrivals, rate));
        QCOMPARE(p.points[20].atS, 600.0);
        QCOMPARE(p.points[20].queueDepth, queueAt600);
        QCOMPARE(p.last().queueDepth, queueAtEnd);
        QCOMPARE(p.drainsAtS, drainsAtS);
        QCOMPARE(p.queueChangePerS, arrivals - rate);
        QCOMPARE(p.arrivalsPerS, arrivals);
        for (const ProjectionPoint &point : p.points)
            QVERIFY(point.queueDepth >= 0.0);
    }

    void admissionFollowsTheQueue()
    {
        // While people wait the proposed rate is admitted; once the queue is
        // empty, only what arrives.
        const AdmissionProjection p = projectAdmission(inputs(12000, 500, 700));
        QCOMPARE(p.points[0].admittedPerS, 700.0);
        QCOMPARE(p.points[1].admittedPerS, 700.0); // 30 s: 6,000 still waiting
        QCOMPARE(p.points[2].admittedPerS, 500.0); // 60 s: empty
        QCOMPARE(p.last().admittedPerS, 500.0);
    }

    void waitIsQueueOverRate()
    {
        const AdmissionProjection p = projectAdmission(inputs(12000, 900, 700));
        QCOMPARE(p.points[0].waitS, 12000.0 / 700.0);
        QCOMPARE(p.last().waitS, (12000.0 + 200.0 * 1800.0) / 700.0);
        QCOMPARE(projectAdmission(inputs(0, 100, 700)).last().waitS, 0.0);
    }

    void pauseGrowsTheQueueAndGivesNoWait()
    {
        ProjectionInputs in = inputs(12000, 900, 700);
        in.paused = true;
        const AdmissionProjection p = projectAdmission(in);
        QCOMPARE(p.last().queueDepth, 12000.0 + 900.0 * 1800.0);
        QCOMPARE(p.last().admittedPerS, 0.0);
        QVERIFY(std::isnan(p.last().waitS));
        QCOMPARE(p.last().backendLoad, 0.0);
        QCOMPARE(p.drainsAtS, -1.0);
    }

    void zeroRates()
    {
        // Nobody arriving, nobody admitted: the queue stands still, no wait can be given.
        const AdmissionProjection stuck = projectAdmission(inputs(300, 0, 0));
        QCOMPARE(stuck.last().queueDepth, 300.0);
        QVERIFY(std::isnan(stuck.last().waitS));
        QCOMPARE(stuck.drainsAtS, -1.0);
        // An empty, quiet system: zero everywhere, and a wait of zero.
        const AdmissionProjection quiet = projectAdmission(inputs(0, 0, 0));
        QCOMPARE(quiet.last().queueDepth, 0.0);
        QCOMPARE(quiet.last().admittedPerS, 0.0);
        QCOMPARE(quiet.last().waitS, 0.0);
        QCOMPARE(quiet.peakBackendLoad, 0.0);
    }

    void nonsenseInputsCountAsZero()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        const AdmissionProjection p = projectAdmission(inputs(nan, -50, inf, -1));
        QCOMPARE(p.last().queueDepth, 0.0);
        QCOMPARE(p.last().admittedPerS, 0.0);
        QVERIFY(std::isnan(p.last().backendLoad)); // capacity unknown
        QVERIFY(std::isnan(p.peakBackendLoad));
        // A bad horizon or step falls back to the defaults.
        QCOMPARE(int(projectAdmission(inputs(0, 0, 1), -1, 0).points.size()), 61);
    }

    void backendLoadFollowsAdmissions()
    {
        ProjectionInputs in = inputs(12000, 500, 700, 1000);
        in.backendRequestsPerAdmitted = 0.5;
        const AdmissionProjection p = projectAdmission(in);
        QCOMPARE(p.points[0].backendLoad, 0.35);   // 0.5 × 700 / 1000
        QCOMPARE(p.last().backendLoad, 0.25);      // the queue is empty: 0.5 × 500 / 1000
        QCOMPARE(p.peakBackendLoad, 0.35);
        // Overload is not clipped: 2 requests each at 700 a second on 1,000.
        in.backendRequestsPerAdmitted = 2.0;
        QCOMPARE(projectAdmission(in).peakBackendLoad, 1.4);
    }

    void inputsFromThePicture()
    {
        v1::Configuration config;
        config.set_backend_capacity_per_s(2000);
        v1::SystemState state;
        auto *a = state.mutable_admission();
        a->set_queue_depth(24000);
        a->set_arrivals_per_s(900);
        a->set_admitted_per_s(800);
        state.mutable_backend()->set_requests_per_s(400);
        ProjectionInputs in = projectionInputs(config, state, 600, false);
        QCOMPARE(in.queueDepth, 24000.0);
        QCOMPARE(in.arrivalsPerS, 900.0);
        QCOMPARE(in.admissionRatePerS, 600.0);
        QCOMPARE(in.backendCapacityPerS, 2000.0);       // from the configuration while the state has none
        QCOMPARE(in.backendRequestsPerAdmitted, 0.5);
        // The state's capacity wins; with nobody admitted the ratio is one.
        state.mutable_backend()->set_capacity_per_s(1500);
        a->set_admitted_per_s(0);
        in = projectionInputs(config, state, 600, true);
        QCOMPARE(in.backendCapacityPerS, 1500.0);
        QCOMPARE(in.backendRequestsPerAdmitted, 1.0);
        QVERIFY(in.paused);
    }
};

QTEST_APPLESS_MAIN(tst_AdmissionProjection)
#include "tst_admissionprojection.moc"
