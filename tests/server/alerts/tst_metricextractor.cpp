// The figures the rules watch, from the telemetry: providers, queue, backend,
// verification attempts per booking over a rolling window, bookings against
// the surge envelope; and the shipped rules raising on them.
#include "tests/server/alerts/AlertFixtures.h"

#include "server/alerts/MetricExtractor.h"
#include "domain/SurgeEnvelope.h"

#include <QTest>

using namespace fixtures;
using sitroom::alerts::AlertEngine;
using sitroom::alerts::MetricExtractor;
using sitroom::alerts::MetricReading;

namespace {

AlertRule ruleFor(Metric metric)
{
    AlertRule rule = errorRateRule();
    rule.metric = metric;
    return rule;
}

std::optional<double> single(const std::vector<MetricReading> &readings, const char *subject = "")
{
    for (const MetricReading &r : readings)
        if (r.subject == QString::fromUtf8(subject))
            return r.value;
    return std::nullopt;
}

// Counters growing at a steady rate: `attemptsPerBooking` attempts for every
// one of `bookingsPerS` bookings a second.
v1::SystemState counters(double t, double bookingsPerS, double attemptsPerBooking, const v1::SystemState *previous)
{
    v1::SystemState s;
    s.set_sim_time_ms(at(t));
    const std::uint64_t bookings = (previous ? previous->bookings_total() : 0) + std::uint64_t(bookingsPerS);
    const std::uint64_t attempts = (previous ? previous->auth_attempts_total() : 0)
                                 + std::uint64_t(bookingsPerS * attemptsPerBooking);
    s.set_bookings_total(bookings);
    s.set_auth_attempts_total(attempts);
    return s;
}

constexpr double kExpected = 200000;
constexpr double kWindowMinutes = 22 * 60;

v1::Configuration cohortConfiguration()
{
    v1::Configuration c = configuration();
    auto *cohort = c.add_cohorts();
    cohort->set_id("18-49/9");
    cohort->mutable_name()->set_ko("18~49세 (9)");
    cohort->mutable_name()->set_en("Ages 18-49 (9)");
    cohort->set_window_open_ms(at(0));
    cohort->set_window_close_ms(at(kWindowMinutes * 60));
    cohort->set_expected_bookings(std::uint64_t(kExpected));
    return c;
}

// The cohort at t seconds since its opening, booking `share` of the envelope.
v1::SystemState cohortAt(double t, double share, std::uint64_t before = 1000)
{
    const sitroom::domain::SurgeEnvelope envelope(kExpected, kWindowMinutes);
    v1::SystemState s;
    s.set_sim_time_ms(at(t));
    auto *c = s.add_cohorts();
    c->set_id("18-49/9");
    c->set_window_open(t >= 0);
    c->set_booked(before + std::uint64_t(share * envelope.cumulative(t / 60.0)));
    return s;
}

} // namespace

class tst_MetricExtractor : public QObject
{
    Q_OBJECT

private slots:
    void providerFigures();
    void providerStuckRed();
    void queueWaitAndPause();
    void backendUtilization();
    void attemptsPerBookingOverTheWindow();
    void attemptsPerBookingNeedsBookings();
    void bookingsAgainstTheEnvelope();
    void envelopeOnlyInTheOpeningsFirstHour();
    void shippedRulesRaiseTheVerificationCollapse();
    void shippedRulesRaiseBookingsBelowTheEnvelope();
};

void tst_MetricExtractor::providerFigures()
{
    MetricExtractor metrics;
    const auto s = state(at(0), {Provider{"kakao", 0.2, true, v1::LIGHT_GREEN, 0, 4200}, Provider{"naver", 0.5, false}});
    QCOMPARE(single(metrics.read(ruleFor(Metric::ProviderErrorRate), s, at(0)), "kakao"), 0.2);
    QCOMPARE(single(metrics.read(ruleFor(Metric::ProviderP95Latency), s, at(0)), "kakao"), 4200.0);
    // Disabled: no value at all.
    const auto readings = metrics.read(ruleFor(Metric::ProviderErrorRate), s, at(0));
    QCOMPARE(readings.size(), std::size_t(2));
    QVERIFY(!single(readings, "naver"));
}

void tst_MetricExtractor::providerStuckRed()
{
    MetricExtractor metrics;
    const AlertRule rule = ruleFor(Metric::ProviderRedSeconds);
    const auto s = state(at(1000), {Provider{"kakao", 0.4, true, v1::LIGHT_RED, at(600)},
                                    Provider{"naver", 0.0, true, v1::LIGHT_YELLOW, at(0)}});
    QCOMPARE(single(metrics.read(rule, s, at(1000)), "kakao"), 400.0);
    QCOMPARE(single(metrics.read(rule, s, at(1000)), "naver"), 0.0);
}

void tst_MetricExtractor::queueWaitAndPause()
{
    MetricExtractor metrics;
    const AlertRule rule = ruleFor(Metric::QueueEstimatedWait);
    v1::SystemState s;
    s.mutable_admission()->set_estimated_wait_s(2400);
    QCOMPARE(single(metrics.read(rule, s, at(0))), 2400.0);
    s.mutable_admission()->set_paused(true);
    s.mutable_admission()->set_estimated_wait_s(-1);
    QVERIFY(!single(metrics.read(rule, s, at(0))));
}

void tst_MetricExtractor::backendUtilization()
{
    MetricExtractor metrics;
    v1::SystemState s;
    s.mutable_backend()->set_utilization(1.25);
    QCOMPARE(single(metrics.read(ruleFor(Metric::BackendUtilization), s, at(0))), 1.25);
}

void tst_MetricExtractor::attemptsPerBookingOverTheWindow()
{
    AlertRule rule = ruleFor(Metric::AttemptsPerBooking);
    rule.windowS = 300;
    rule.minBookings = 50;
    MetricExtractor metrics;
    metrics.setLongestWindowS(rule.windowS);
    v1::SystemState s = counters(0, 10, 2.5, nullptr);
    metrics.record(s, at(0));
    for (int t = 1; t <= 149; ++t) {
        s = counters(t, 10, 2.5, &s);
        metrics.record(s, at(t));
    }
    QVERIFY(!single(metrics.read(rule, s, at(149))));   // less than half a window yet
    for (int t = 150; t <= 600; ++t) {
        s = counters(t, 10, 2.5, &s);
        metrics.record(s, at(t));
    }
    QCOMPARE(*single(metrics.read(rule, s, at(600))), 2.5);
    // Verification collapses: 23 attempts for every booking.
    for (int t = 601; t <= 750; ++t) {
        s = counters(t, 10, 23, &s);
        metrics.record(s, at(t));
    }
    QCOMPARE(*single(metrics.read(rule, s, at(750))), (150 * 2.5 + 150 * 23) / 300.0);   // half and half
    for (int t = 751; t <= 900; ++t) {
        s = counters(t, 10, 23, &s);
        metrics.record(s, at(t));
    }
    QCOMPARE(*single(metrics.read(rule, s, at(900))), 23.0);
}

void tst_MetricExtractor::attemptsPerBookingNeedsBookings()
{
    AlertRule rule = ruleFor(Metric::AttemptsPerBooking);
    rule.windowS = 300;
    rule.minBookings = 50;
    MetricExtractor metrics;
    metrics.setLongestWindowS(rule.windowS);
    v1::SystemState s;
    for (int t = 0; t <= 600; ++t) {
        // One booking every 10 s: 30 in the window, fewer than 50.
        s.set_bookings_total(std::uint64_t(t / 10));
        s.set_auth_attempts_total(std::uint64_t(t * 5));
        metrics.record(s, at(t));
    }
    QVERIFY(!single(metrics.read(rule, s, at(600))));
}

void tst_MetricExtractor::bookingsAgainstTheEnvelope()
{
    AlertRule rule = ruleFor(Metric::BookingsVersusEnvelope);
    rule.graceS = 300;
    rule.horizonS = 3600;
    MetricExtractor metrics;
    metrics.setConfiguration(cohortConfiguration());
    for (int t = 0; t <= 1200; t += 10)
        metrics.record(cohortAt(t, 0.5), at(t));
    const auto value = single(metrics.read(rule, cohortAt(1200, 0.5), at(1200)), "18-49/9");
    QVERIFY(value);
    QVERIFY2(std::abs(*value - 0.5) < 0.01, qPrintable(QString::number(*value)));
}

void tst_MetricExtractor::envelopeOnlyInTheOpeningsFirstHour()
{
    AlertRule rule = ruleFor(Metric::BookingsVersusEnvelope);
    rule.graceS = 600;
    rule.horizonS = 3600;
    MetricExtractor metrics;
    metrics.setConfiguration(cohortConfiguration());
    // Before the opening the window is closed: no value.
    metrics.record(cohortAt(-60, 0.0), at(-60));
    QVERIFY(!single(metrics.read(rule, cohortAt(-60, 0.0), at(-60)), "18-49/9"));
    for (int t = 0; t <= 599; ++t)
        metrics.record(cohortAt(t, 0.1), at(t));
    QVERIFY(!single(metrics.read(rule, cohortAt(599, 0.1), at(599)), "18-49/9"));   // grace
    metrics.record(cohortAt(600, 0.1), at(600));
    QVERIFY(single(metrics.read(rule, cohortAt(600, 0.1), at(600)), "18-49/9"));
    metrics.record(cohortAt(3601, 0.1), at(3601));
    QVERIFY(!single(metrics.read(rule, cohortAt(3601, 0.1), at(3601)), "18-49/9"));  // past the horizon
}

void tst_MetricExtractor::shippedRulesRaiseTheVerificationCollapse()
{
    AlertEngine engine(sitroom::alerts::defaultAlertRules());
    engine.setConfiguration(configuration());
    v1::SystemState s = counters(0, 10, 2.5, nullptr);
    for (int t = 1; t <= 900; ++t) {
        s = counters(t, 10, 2.5, &s);
        engine.observe(s, at(t));
    }
    for (const auto &alert : engine.activeAlerts())
        QVERIFY2(alert.rule() != "verification.attempts_per_booking", alert.key().c_str());
    for (int t = 901; t <= 1800; ++t) {
        s = counters(t, 10, 23, &s);
        engine.observe(s, at(t));
    }
    const v1::Alert *collapse = nullptr;
    for (const auto &alert : engine.activeAlerts())
        if (alert.rule() == "verification.attempts_per_booking")
            collapse = engine.find(QString::fromStdString(alert.id()));
    QVERIFY(collapse);
    QCOMPARE(collapse->severity(), v1::SEVERITY_CRITICAL);
    QCOMPARE(collapse->runbook(), std::string("verification-collapse"));
    QCOMPARE(collapse->source(), std::string("bookings"));
    QCOMPARE(collapse->value(), 23.0);
}

void tst_MetricExtractor::shippedRulesRaiseBookingsBelowTheEnvelope()
{
    AlertEngine engine(sitroom::alerts::defaultAlertRules());
    engine.setConfiguration(cohortConfiguration());
    for (int t = -60; t <= 1800; ++t)
        engine.observe(cohortAt(t, 0.2), at(t));
    bool found = false;
    for (const auto &alert : engine.activeAlerts()) {
        if (alert.key() != "bookings.below_envelope/18-49/9")
            continue;
        found = true;
        QCOMPARE(alert.severity(), v1::SEVERITY_CRITICAL);
        QCOMPARE(alert.source(), std::string("bookings"));
        QVERIFY(QString::fromStdString(alert.message().en()).startsWith(QStringLiteral("Ages 18-49 (9): bookings at 20%")));
    }
    QVERIFY(found);
    // On the envelope: nothing.
    AlertEngine onTrack(sitroom::alerts::defaultAlertRules());
    onTrack.setConfiguration(cohortConfiguration());
    for (int t = -60; t <= 3600; ++t)
        onTrack.observe(cohortAt(t, 1.0), at(t));
    QVERIFY(onTrack.activeAlerts().empty());
}

QTEST_GUILESS_MAIN(tst_MetricExtractor)
#include "tst_metricextractor.moc"
