#include "MetricsExposition.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace sitroom::metrics {

namespace {

// Builds the text family by family; values are written with enough digits to
// round-trip, NaN and infinities as Prometheus spells them.
class Exposition final
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_name = name;
        m_out += "# HELP ";
        m_out += name;
        m_out += ' ';
        m_out += help;
        m_out += "\n# TYPE ";
        m_out += name;
        m_out += ' ';
        m_out += type;
        m_out += '\n';
    }

    void sample(double value) { sample(nullptr, {}, value); }

    void sample(const char *label, const std::string &labelValue, double value)
    {
        m_out += m_name;
        if (label) {
            m_out += '{';
            m_out += label;
            m_out += "=\"";
            appendEscaped(labelValue);
            m_out += "\"}";
        }
        m_out += ' ';
        appendValue(value);
        m_out += '\n';
    }

    QByteArray take() { return QByteArray(m_out.data(), qsizetype(m_out.size())); }

private:
    void appendEscaped(const std::string &value)
    {
        for (char c : value) {
            switch (c) {
            case '\\': m_out += "\\\\"; break;
            case '"': m_out += "\\\""; break;
            case '\n': m_out += "\\n"; break;
            default: m_out += c; break;
            }
        }
    }

    void appendValue(double value)
    {
        if (std::isnan(value)) {
            m_out += "NaN";
        } else if (std::isinf(value)) {
            m_out += value > 0 ? "+Inf" : "-Inf";
        } else if (value == std::floor(value) && std::fabs(value) < 1e15) {
            m_out += std::to_string(static_cast<long long>(value));
        } else {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.17g", value);
            m_out += buffer;
        }
    }

    std::string m_out;
    const char *m_name = "";
};

} // namespace

QByteArray metricsContentType()
{
    return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
}

QByteArray renderMetrics(const sitroom::v1::Configuration &configuration, const sitroom::v1::SystemState &state)
{
    Exposition e;
    e.family("sitroom_info", "gauge", "The scenario being served (always 1).");
    e.sample("scenario", configuration.scenario_id(), 1);
    e.family("sitroom_sim_time_seconds", "gauge", "The live system's clock, Unix seconds.");
    e.sample(double(state.sim_time_ms()) / 1000.0);

    const sitroom::v1::AdmissionState &a = state.admission();
    e.family("sitroom_queue_depth", "gauge", "Citizens waiting in the admission queue.");
    e.sample(double(a.queue_depth()));
    e.family("sitroom_queue_estimated_wait_seconds", "gauge", "Queue depth over the admitted rate; -1 while admission is paused.");
    e.sample(a.estimated_wait_s());
    e.family("sitroom_arrivals_per_second", "gauge", "Citizens arriving at the queue per second.");
    e.sample(a.arrivals_per_s());
    e.family("sitroom_admitted_per_second", "gauge", "Citizens admitted from the queue per second.");
    e.sample(a.admitted_per_s());
    e.family("sitroom_abandoned_per_second", "gauge", "Citizens giving up in the queue per second.");
    e.sample(a.abandoned_per_s());
    e.family("sitroom_admission_rate_limit_per_second", "gauge", "The admission throttle set by the operators.");
    e.sample(a.rate_limit_per_s());
    e.family("sitroom_admission_paused", "gauge", "1 while admission is paused.");
    e.sample(a.paused() ? 1 : 0);

    e.family("sitroom_bookings_total", "counter", "Bookings completed since the start.");
    e.sample(double(state.bookings_total()));
    e.family("sitroom_auth_attempts_total", "counter", "Identity verification attempts since the start.");
    e.sample(double(state.auth_attempts_total()));
    e.family("sitroom_bookings_per_second", "gauge", "Bookings completed per second.");
    e.sample(state.bookings_per_s());

    const sitroom::v1::BackendState &b = state.backend();
    e.family("sitroom_backend_utilization_ratio", "gauge", "Backend requests over capacity; above 1 under overload.");
    e.sample(b.utilization());
    e.family("sitroom_backend_p95_latency_seconds", "gauge", "Backend 95th percentile latency.");
    e.sample(b.p95_latency_ms() / 1000.0);
    e.family("sitroom_backend_failures_per_second", "gauge", "Backend requests failing per second.");
    e.sample(b.failures_per_s());

    e.family("sitroom_alerts_last_10min", "gauge", "Alerts started in the last ten minutes.");
    e.sample(double(state.alerts_last_10min()));
    e.family("sitroom_alert_flood", "gauge", "1 while alerts come faster than an operator can handle (more than 10 in 10 minutes).");
    e.sample(state.alert_flood() ? 1 : 0);

    const auto &providers = state.providers();
    e.family("sitroom_provider_light", "gauge", "Provider light: 1 green, 2 yellow, 3 red, 4 suspended, 0 unknown.");
    for (const auto &p : providers)
        e.sample("provider", p.id(), double(p.light()));
    e.family("sitroom_provider_enabled", "gauge", "1 while the provider is enabled.");
    for (const auto &p : providers)
        e.sample("provider", p.id(), p.enabled() ? 1 : 0);
    e.family("sitroom_provider_p95_latency_seconds", "gauge", "Provider 95th percentile verification latency.");
    for (const auto &p : providers)
        e.sample("provider", p.id(), p.p95_latency_ms() / 1000.0);
    e.family("sitroom_provider_error_ratio", "gauge", "Failed or timed-out verifications over finished ones.");
    for (const auto &p : providers)
        e.sample("provider", p.id(), p.error_rate());
    e.family("sitroom_provider_requests_per_second", "gauge", "Verification requests sent to the provider per second.");
    for (const auto &p : providers)
        e.sample("provider", p.id(), p.requests_per_s());
    e.family("sitroom_provider_in_flight", "gauge", "Verification requests waiting on the provider.");
    for (const auto &p : providers)
        e.sample("provider", p.id(), double(p.in_flight()));
    e.family("sitroom_provider_attempts_total", "counter", "Verification requests sent to the provider since the start.");
    for (const auto &p : providers)
        e.sample("provider", p.id(), double(p.attempts_total()));
    e.family("sitroom_provider_successes_total", "counter", "Verifications the provider completed since the start.");
    for (const auto &p : providers)
        e.sample("provider", p.id(), double(p.successes_total()));

    const auto &cohorts = state.cohorts();
    e.family("sitroom_cohort_booked_total", "counter", "Citizens of the cohort booked since the start.");
    for (const auto &c : cohorts)
        e.sample("cohort", c.id(), double(c.booked()));
    e.family("sitroom_cohort_window_open", "gauge", "1 while the cohort's booking window is open.");
    for (const auto &c : cohorts)
        e.sample("cohort", c.id(), c.window_open() ? 1 : 0);
    return e.take();
}

} // namespace sitroom::metrics
