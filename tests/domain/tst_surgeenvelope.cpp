#include "domain/SurgeEnvelope.h"

#include <QtTest>

#include <cmath>

using sitroom::domain::SurgeEnvelope;

namespace {

bool closeRelative(double actual, double expected, double tolerance = 1e-9)
{
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

#define VERIFY_CLOSE(actual, expected, tolerance)                                                              \
    QVERIFY2(closeRelative((actual), (expected), (tolerance)),                                                \
             qPrintable(QStringLiteral("%1 vs %2").arg((actual), 0, 'g', 17).arg((expected), 0, 'g', 17)))

// Simpson's rule over [a, b) with n (even) intervals; the rate steps at 30 min
// and at the window's end, so b is approached from the left.
double integrate(const SurgeEnvelope &e, double a, double b, int n)
{
    b -= 1e-9;
    const double h = (b - a) / n;
    double sum = e.perMinute(a) + e.perMinute(b);
    for (int i = 1; i < n; ++i)
        sum += e.perMinute(a + i * h) * (i % 2 ? 4 : 2);
    return sum * h / 3;
}

} // namespace

class tst_SurgeEnvelope : public QObject
{
    Q_OBJECT

private slots:
    void shares_data();
    void shares();
    void perMinuteIntegratesToCumulative_data();
    void perMinuteIntegratesToCumulative();
    void shape();
    void projectedTotal_data();
    void projectedTotal();
};

void tst_SurgeEnvelope::shares_data()
{
    QTest::addColumn<double>("total");
    QTest::addColumn<double>("window");
    QTest::newRow("one day, 12 h") << 240000.0 << 720.0;
    QTest::newRow("small, 1 h") << 1000.0 << 60.0;
    QTest::newRow("odd, 95 min") << 12345.0 << 95.0;
    QTest::newRow("huge, 10 h") << 3.2e6 << 600.0;
}

void tst_SurgeEnvelope::shares()
{
    QFETCH(double, total);
    QFETCH(double, window);
    const SurgeEnvelope e(total, window);
    QCOMPARE(e.expectedTotal(), total);
    QCOMPARE(e.cumulative(0), 0.0);
    QCOMPARE(e.cumulative(-5), 0.0);
    VERIFY_CLOSE(e.cumulative(30), 0.40 * total, 1e-9);
    VERIFY_CLOSE(e.cumulative(window), total, 1e-9);
    VERIFY_CLOSE(e.cumulative(window + 100), total, 1e-9);
    // The 60 % after the surge are spread evenly.
    VERIFY_CLOSE(e.cumulative(30 + (window - 30) / 2), 0.70 * total, 1e-9);
    // Monotone.
    double previous = 0;
    for (double t = 0; t <= window + 5; t += 0.25) {
        const double c = e.cumulative(t);
        QVERIFY2(c >= previous - 1e-9 * total, qPrintable(QString::number(t)));
        previous = c;
    }
}

void tst_SurgeEnvelope::perMinuteIntegratesToCumulative_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::newRow("first 30 min") << 0.0 << 30.0;
    QTest::newRow("first 10 min") << 0.0 << 10.0;
    QTest::newRow("inside the surge") << 3.5 << 21.25;
    QTest::newRow("after the surge") << 30.0 << 200.0;
    QTest::newRow("whole window") << 0.0 << 240.0;
}

void tst_SurgeEnvelope::perMinuteIntegratesToCumulative()
{
    QFETCH(double, from);
    QFETCH(double, to);
    const SurgeEnvelope e(50000, 240);
    // Integrate piecewise so the step at 30 min falls on a boundary.
    double integral = 0;
    if (from < 30 && to > 30)
        integral = integrate(e, from, 30, 2000) + integrate(e, 30, to, 2000);
    else
        integral = integrate(e, from, to, 2000);
    VERIFY_CLOSE(integral, e.cumulative(to) - e.cumulative(from), 1e-6);
}

void tst_SurgeEnvelope::shape()
{
    const SurgeEnvelope e(60000, 120);
    QCOMPARE(e.perMinute(-0.01), 0.0);
    QCOMPARE(e.perMinute(120), 0.0);
    QVERIFY(e.perMinute(0) > e.perMinute(10));
    VERIFY_CLOSE(e.perMinute(10), e.perMinute(0) * std::exp(-1.0), 1e-12);
    VERIFY_CLOSE(e.perMinute(45), 60000 * 0.6 / 90, 1e-12);
    VERIFY_CLOSE(e.perMinute(119.9), 60000 * 0.6 / 90, 1e-12);
    // Front-loaded: the first minute's rate is well above the flat rest.
    QVERIFY(e.perMinute(0) > 5 * e.perMinute(45));
    // No forecast: an empty envelope.
    const SurgeEnvelope none(0, 120);
    QCOMPARE(none.perMinute(5), 0.0);
    QCOMPARE(none.cumulative(60), 0.0);
}

void tst_SurgeEnvelope::projectedTotal_data()
{
    QTest::addColumn<double>("total");
    QTest::addColumn<double>("booked");
    QTest::addColumn<double>("minutes");
    QTest::addColumn<double>("expected"); // < 0: expected is ratio * total with ratio = -expected
    QTest::newRow("before opening") << 10000.0 << 0.0 << -1.0 << 10000.0;
    QTest::newRow("at opening") << 10000.0 << 5.0 << 0.0 << 10000.0;
    QTest::newRow("too early, none booked") << 10000.0 << 0.0 << 0.1 << 10000.0;
    QTest::newRow("too early, many booked") << 10000.0 << 900.0 << 0.2 << 10000.0;
    QTest::newRow("on plan at 30") << 10000.0 << 4000.0 << 30.0 << 10000.0;
    QTest::newRow("twice as fast at 30") << 10000.0 << 8000.0 << 30.0 << 20000.0;
    QTest::newRow("half as fast at 30") << 10000.0 << 2000.0 << 30.0 << 5000.0;
    QTest::newRow("nothing booked at 60") << 10000.0 << 0.0 << 60.0 << 0.0;
    QTest::newRow("on plan at the end") << 10000.0 << 10000.0 << 240.0 << 10000.0;
    QTest::newRow("no forecast") << 0.0 << 120.0 << 60.0 << 0.0;
}

void tst_SurgeEnvelope::projectedTotal()
{
    QFETCH(double, total);
    QFETCH(double, booked);
    QFETCH(double, minutes);
    QFETCH(double, expected);
    const SurgeEnvelope e(total, 240);
    const double projected = e.projectedTotal(booked, minutes);
    QVERIFY2(std::isfinite(projected), qPrintable(QString::number(projected)));
    VERIFY_CLOSE(projected, expected, 1e-9);
    // Ahead or behind scales with the ratio at any time past the first minutes.
    if (total > 0 && minutes >= 1) {
        const double onPlan = e.cumulative(minutes);
        VERIFY_CLOSE(e.projectedTotal(onPlan * 1.5, minutes), total * 1.5, 1e-9);
        VERIFY_CLOSE(e.projectedTotal(onPlan * 0.25, minutes), total * 0.25, 1e-9);
    }
}

QTEST_GUILESS_MAIN(tst_SurgeEnvelope)
#include "tst_surgeenvelope.moc"
