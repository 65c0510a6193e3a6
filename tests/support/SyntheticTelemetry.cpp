#include "tests/support/SyntheticTelemetry.h"

namespace sitroom::testing {

sitroom::v1::Configuration SyntheticSystem::configuration() const
{
    sitroom::v1::Configuration c;
    c.set_scenario_id("synthetic");
    c.mutable_scenario_name()->set_ko("합성 시나리오");
    c.mutable_scenario_name()->set_en("Synthetic scenario");
    c.set_seed(1);
    c.set_sim_start_ms(startMs);
    c.set_sim_end_ms(startMs + 86400000);
    c.set_timezone("Asia/Seoul");
    for (const QString &id : providerIds) {
        auto *p = c.add_providers();
        p->set_id(id.toStdString());
        p->mutable_name()->set_ko(QString(QStringLiteral("인증-") + id).toStdString());
        p->mutable_name()->set_en(QString(QStringLiteral("Auth ") + id).toStdString());
        p->set_capacity_per_s(500);
    }
    auto *cohort = c.add_cohorts();
    cohort->set_id("18-49/9");
    cohort->mutable_name()->set_ko("18~49세 (끝자리 9)");
    cohort->mutable_name()->set_en("Ages 18-49 (birth date ending 9)");
    cohort->set_eligible(1562000);
    cohort->set_window_open_ms(openMs);
    cohort->set_window_close_ms(openMs + 22 * 3600 * 1000);
    cohort->add_birth_digits(9);
    cohort->set_expected_bookings(700000);
    auto *t = c.mutable_light_thresholds();
    t->set_yellow_p95_ms(1500);
    t->set_red_p95_ms(4000);
    t->set_yellow_error_rate(0.05);
    t->set_red_error_rate(0.15);
    c.set_admission_rate_min_per_s(50);
    c.set_admission_rate_max_per_s(3000);
    return c;
}

sitroom::v1::SystemState SyntheticSystem::state(qint64 timeMs, const QList<sitroom::v1::Light> &lights) const
{
    sitroom::v1::SystemState s;
    s.set_sim_time_ms(timeMs);
    auto *a = s.mutable_admission();
    a->set_queue_depth(12345);
    a->set_arrivals_per_s(900);
    a->set_admitted_per_s(700);
    a->set_rate_limit_per_s(700);
    a->set_estimated_wait_s(17.6);
    for (int i = 0; i < providerIds.size(); ++i) {
        auto *p = s.add_providers();
        p->set_id(providerIds.at(i).toStdString());
        const sitroom::v1::Light light = i < lights.size() ? lights.at(i) : sitroom::v1::LIGHT_GREEN;
        p->set_light(light);
        p->set_enabled(light != sitroom::v1::LIGHT_SUSPENDED);
        p->set_p95_latency_ms(light == sitroom::v1::LIGHT_RED ? 5200.0 : 700.0 + i);
        p->set_error_rate(light == sitroom::v1::LIGHT_RED ? 0.2 : 0.01);
        p->set_success_rate(1.0 - p->error_rate());
        p->set_requests_per_s(100.0 * (i + 1));
        p->set_share(0.2);
        p->set_light_since_ms(timeMs - 60000);
    }
    auto *cohort = s.add_cohorts();
    cohort->set_id("18-49/9");
    cohort->set_eligible(1562000);
    cohort->set_booked(312400);
    cohort->set_window_open(timeMs >= openMs);
    cohort->set_bookings_per_min(8100);
    s.set_bookings_total(312400);
    return s;
}

sitroom::v1::History SyntheticSystem::history(qint64 endMs, int seconds) const
{
    sitroom::v1::History h;
    h.set_step_ms(1000);
    h.set_first_time_ms(endMs - qint64(seconds - 1) * 1000);
    for (int i = 0; i < seconds; ++i) {
        h.add_queue_depth(std::uint64_t(i * 10));
        h.add_arrivals_per_s(900);
        h.add_admitted_per_s(700);
        h.add_abandoned_per_s(1);
        h.add_bookings_per_s(float(100 + i % 7));
        h.add_auth_attempts_per_s(1700);
        h.add_backend_utilization(0.5f);
        h.add_rate_limit_per_s(700);
    }
    for (const QString &id : providerIds) {
        auto *series = h.add_providers();
        series->set_id(id.toStdString());
        for (int i = 0; i < seconds; ++i) {
            series->add_light(sitroom::v1::LIGHT_GREEN);
            series->add_p95_latency_ms(float(700 + (i % 13) * 20));
            series->add_error_rate(0.01f);
            series->add_requests_per_s(200);
        }
    }
    return h;
}

sitroom::v1::Snapshot SyntheticSystem::snapshot(qint64 timeMs, int backfillSeconds,
                                                const QList<sitroom::v1::Light> &lights) const
{
    sitroom::v1::Snapshot s;
    *s.mutable_configuration() = configuration();
    *s.mutable_state() = state(timeMs, lights);
    *s.mutable_history() = history(timeMs, backfillSeconds);
    s.mutable_control()->set_revision(1);
    s.mutable_control()->set_admission_rate_per_s(700);
    return s;
}

} // namespace sitroom::testing
