#include "server/sim/SimTelemetry.h"

namespace sitroom::sim {

namespace {

void setName(sitroom::v1::LocalizedText *text, const LocalizedName &name)
{
    text->set_ko(name.ko.toStdString());
    text->set_en(name.en.toStdString());
}

} // namespace

sitroom::v1::Light lightOf(Light light)
{
    switch (light) {
    case Light::Green: return sitroom::v1::LIGHT_GREEN;
    case Light::Yellow: return sitroom::v1::LIGHT_YELLOW;
    case Light::Red: return sitroom::v1::LIGHT_RED;
    case Light::Suspended: return sitroom::v1::LIGHT_SUSPENDED;
    }
    return sitroom::v1::LIGHT_UNSPECIFIED;
}

sitroom::v1::Configuration configurationOf(const Simulation &simulation, double speed)
{
    const Scenario &s = simulation.scenario();
    sitroom::v1::Configuration c;
    c.set_scenario_id(s.id.toStdString());
    setName(c.mutable_scenario_name(), s.name);
    c.set_seed(simulation.seed());
    c.set_sim_start_ms(s.startMs);
    c.set_sim_end_ms(s.startMs + s.durationS * 1000);
    c.set_speed(speed);
    c.set_timezone(s.timezone.toStdString());
    c.set_drill(s.drill);
    for (const ProviderSpec &p : s.providers) {
        auto *out = c.add_providers();
        out->set_id(p.id.toStdString());
        setName(out->mutable_name(), p.name);
        out->set_capacity_per_s(p.service.capacityPerS);
        out->set_popularity(p.popularity);
        out->set_simple_auth(p.simpleAuth);
    }
    for (const CohortWindow &w : s.cohorts) {
        auto *out = c.add_cohorts();
        out->set_id(w.id.toStdString());
        setName(out->mutable_name(), w.name);
        out->set_eligible(std::uint64_t(w.eligible));
        out->set_window_open_ms(w.openMs);
        out->set_window_close_ms(w.closeMs);
        out->set_expected_bookings(std::uint64_t(double(w.eligible) * w.expectedUptake));
        for (int digit : w.birthDigits)
            out->add_birth_digits(std::uint32_t(digit));
    }
    auto *lights = c.mutable_light_thresholds();
    lights->set_yellow_p95_ms(s.lights.yellowP95Ms);
    lights->set_red_p95_ms(s.lights.redP95Ms);
    lights->set_yellow_error_rate(s.lights.yellowErrorRate);
    lights->set_red_error_rate(s.lights.redErrorRate);
    lights->set_hysteresis(s.lights.hysteresis);
    lights->set_min_dwell_s(std::uint32_t(s.lights.minDwellS));
    c.set_backend_capacity_per_s(s.backend.capacityPerS);
    c.set_admission_rate_min_per_s(s.admission.minPerS);
    c.set_admission_rate_max_per_s(s.admission.maxPerS);
    c.set_admission_rate_step_per_s(s.admission.stepPerS);
    c.set_hazardous_rate_cut_fraction(s.admission.hazardousCutFraction);
    return c;
}

sitroom::v1::SystemState systemStateOf(const Simulation &simulation)
{
    const SimulationState &st = simulation.state();
    sitroom::v1::SystemState out;
    out.set_sim_time_ms(st.timeMs);

    auto *a = out.mutable_admission();
    a->set_queue_depth(st.admission.depth);
    a->set_arrivals_per_s(double(st.admission.arrivals));
    a->set_admitted_per_s(double(st.admission.admitted));
    a->set_abandoned_per_s(double(st.admission.abandoned));
    a->set_rate_limit_per_s(st.admissionRate);
    a->set_paused(st.admissionPaused);
    a->set_estimated_wait_s(st.admission.estimatedWaitS);

    for (const ProviderStatus &p : st.providers) {
        auto *o = out.add_providers();
        o->set_id(p.id.toStdString());
        o->set_light(lightOf(p.light));
        o->set_enabled(p.enabled);
        o->set_p95_latency_ms(p.smoothedP95Ms);
        o->set_error_rate(p.smoothedErrorRate);
        o->set_success_rate(1.0 - p.smoothedErrorRate);
        o->set_requests_per_s(double(p.second.offered));
        o->set_share(p.share);
        o->set_in_flight(p.second.backlog);
        o->set_attempts_total(p.attemptsTotal);
        o->set_successes_total(p.successesTotal);
        o->set_light_since_ms(p.lightSinceMs);
    }

    auto *b = out.mutable_backend();
    b->set_capacity_per_s(st.backendCapacityPerS);
    b->set_requests_per_s(double(st.backend.offered));
    b->set_utilization(st.backend.utilization);
    b->set_p95_latency_ms(st.backend.p95Ms);
    b->set_failures_per_s(double(st.backend.errors + st.backend.timeouts));
    b->set_in_flight(st.backend.backlog);

    for (const CohortStatus &c : st.cohorts) {
        auto *o = out.add_cohorts();
        o->set_id(c.id.toStdString());
        o->set_booked(std::uint64_t(c.booked));
        o->set_eligible(std::uint64_t(c.eligible));
        o->set_window_open(c.open);
        o->set_bookings_per_min(c.bookingsPerMin);
    }
    out.set_bookings_total(st.bookingsTotal);
    out.set_auth_attempts_total(st.authAttemptsTotal);
    out.set_bookings_per_s(double(st.bookedThisSecond));
    out.set_auth_attempts_per_s(double(st.attemptsThisSecond));
    return out;
}

sitroom::v1::ControlState controlStateOf(const Simulation &simulation)
{
    const SimulationState &st = simulation.state();
    sitroom::v1::ControlState out;
    out.set_revision(1);
    out.set_admission_rate_per_s(st.admissionRate);
    out.set_admission_paused(st.admissionPaused);
    for (const ProviderStatus &p : st.providers) {
        auto *o = out.add_providers();
        o->set_id(p.id.toStdString());
        o->set_enabled(p.enabled);
    }
    return out;
}

HistoryRecorder::HistoryRecorder(const Simulation &simulation)
{
    for (const ProviderSpec &p : simulation.scenario().providers)
        m_providerIds.push_back(p.id);
    reset();
}

void HistoryRecorder::reset()
{
    m_history.Clear();
    m_history.set_step_ms(1000);
    for (const QString &id : m_providerIds)
        m_history.add_providers()->set_id(id.toStdString());
}

void HistoryRecorder::append(const SimulationState &st)
{
    if (isEmpty())
        m_history.set_first_time_ms(st.timeMs);
    m_history.add_queue_depth(st.admission.depth);
    m_history.add_arrivals_per_s(float(st.admission.arrivals));
    m_history.add_admitted_per_s(float(st.admission.admitted));
    m_history.add_abandoned_per_s(float(st.admission.abandoned));
    m_history.add_bookings_per_s(float(st.bookedThisSecond));
    m_history.add_auth_attempts_per_s(float(st.attemptsThisSecond));
    m_history.add_backend_utilization(float(st.backend.utilization));
    m_history.add_rate_limit_per_s(float(st.admissionRate));
    for (std::size_t i = 0; i < st.providers.size(); ++i) {
        const ProviderStatus &p = st.providers[i];
        auto *series = m_history.mutable_providers(int(i));
        series->add_light(lightOf(p.light));
        series->add_p95_latency_ms(float(p.smoothedP95Ms));
        series->add_error_rate(float(p.smoothedErrorRate));
        series->add_requests_per_s(float(p.second.offered));
    }
}

sitroom::v1::History HistoryRecorder::take()
{
    sitroom::v1::History out;
    out.Swap(&m_history);
    reset();
    return out;
}

} // namespace sitroom::sim
