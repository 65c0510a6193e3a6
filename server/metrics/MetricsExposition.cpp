#include "server/metrics/MetricsExposition.h"

#include "server/sim/SimulationState.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <utility>

namespace sitroom::metrics {

namespace {

using Label = std::pair<const char *, std::string>;

// Builds the text family by family; values are written with enough digits to
// round-trip, NaN and infinities as Prometheus spells them.
class Exposition final
{
public:
    void family(const char *name, const char *type, const char *help)
    {
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

    void sample(const char *name, double value) { sample(name, {}, value); }

    void sample(const char *name, std::initializer_list<Label> labels, double value)
    {
        m_out += name;
        if (labels.size() > 0) {
            m_out += '{';
            bool first = true;
            for (const Label &label : labels) {
                if (!first)
                    m_out += ',';
                first = false;
                m_out += label.first;
                m_out += "=\"";
                appendEscaped(label.second);
                m_out += '"';
            }
            m_out += '}';
        }
        m_out += ' ';
        appendValue(value);
        m_out += '\n';
    }

    // One histogram's series; `label` may be empty for an unlabelled one.
    void histogram(const char *name, const Label *label, const sim::LatencyHistogram &h)
    {
        const std::string base = name;
        const std::string bucket = base + "_bucket";
        for (std::size_t k = 0; k < h.cumulative.size(); ++k) {
            const std::string le = k < sim::LatencyHistogram::kUpperBoundsS.size()
                ? formatValue(sim::LatencyHistogram::kUpperBoundsS[k]) : std::string("+Inf");
            if (label)
                sample(bucket.c_str(), {*label, {"le", le}}, double(h.cumulative[k]));
            else
                sample(bucket.c_str(), {{"le", le}}, double(h.cumulative[k]));
        }
        const std::string sum = base + "_sum";
        const std::string count = base + "_count";
        if (label) {
            sample(sum.c_str(), {*label}, h.sumS);
            sample(count.c_str(), {*label}, double(h.count));
        } else {
            sample(sum.c_str(), h.sumS);
            sample(count.c_str(), double(h.count));
        }
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

    static std::string formatValue(double value)
    {
        if (std::isnan(value))
            return "NaN";
        if (std::isinf(value))
            return value > 0 ? "+Inf" : "-Inf";
        if (value == std::floor(value) && std::fabs(value) < 1e15)
            return std::to_string(static_cast<long long>(value));
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", value);
        // The shortest form that reads back the same, so bucket bounds read 0.05, not 0.050000000000000003.
        for (int precision = 1; precision <= 17; ++precision) {
            char shorter[32];
            std::snprintf(shorter, sizeof shorter, "%.*g", precision, value);
            if (std::strtod(shorter, nullptr) == value)
                return shorter;
        }
        return buffer;
    }

    void appendValue(double value) { m_out += formatValue(value); }

    std::string m_out;
};

std::string utf8(const QString &text)
{
    return text.toStdString();
}

} // namespace

QByteArray metricsContentType()
{
    return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
}

QByteArray renderLiveMetrics(const sim::SimulationState &state, std::uint64_t controlRevision)
{
    Exposition e;

    e.family("sitroom_live_clock_seconds", "gauge", "The live system's own clock, Unix seconds (for a simulator: the simulated time).");
    e.sample("sitroom_live_clock_seconds", double(state.timeMs) / 1000.0);
    e.family("sitroom_control_revision", "gauge", "Revision of the last control change applied through the control endpoint; 0 before any.");
    e.sample("sitroom_control_revision", double(controlRevision));

    // Verification providers.
    e.family("sitroom_verification_requests_received_total", "counter", "Verification requests offered to the provider.");
    for (const sim::ProviderStatus &p : state.providers)
        e.sample("sitroom_verification_requests_received_total", {{"provider", utf8(p.id)}}, double(p.attemptsTotal));
    e.family("sitroom_verification_requests_total", "counter", "Verification requests that finished, by outcome (ok, error, timeout).");
    for (const sim::ProviderStatus &p : state.providers) {
        const std::string id = utf8(p.id);
        e.sample("sitroom_verification_requests_total", {{"provider", id}, {"outcome", "ok"}}, double(p.okTotal));
        e.sample("sitroom_verification_requests_total", {{"provider", id}, {"outcome", "error"}}, double(p.errorTotal));
        e.sample("sitroom_verification_requests_total", {{"provider", id}, {"outcome", "timeout"}}, double(p.timeoutTotal));
    }
    e.family("sitroom_verification_request_duration_seconds", "histogram", "Duration of finished verification requests (timeouts count at the timeout).");
    for (const sim::ProviderStatus &p : state.providers) {
        const Label provider{"provider", utf8(p.id)};
        e.histogram("sitroom_verification_request_duration_seconds", &provider, p.durations);
    }
    e.family("sitroom_provider_enabled", "gauge", "1 while the provider is switched on for citizens.");
    for (const sim::ProviderStatus &p : state.providers)
        e.sample("sitroom_provider_enabled", {{"provider", utf8(p.id)}}, p.enabled ? 1 : 0);
    e.family("sitroom_provider_light", "gauge", "The public light citizens see: 0 green, 1 yellow, 2 red, 3 suspended.");
    for (const sim::ProviderStatus &p : state.providers)
        e.sample("sitroom_provider_light", {{"provider", utf8(p.id)}}, double(static_cast<int>(p.light)));

    // The waiting room.
    e.family("sitroom_waiting_room_arrivals_total", "counter", "Citizens who joined the waiting room.");
    e.sample("sitroom_waiting_room_arrivals_total", double(state.arrivalsTotal));
    e.family("sitroom_waiting_room_admitted_total", "counter", "Citizens let through the waiting room to verification.");
    e.sample("sitroom_waiting_room_admitted_total", double(state.admittedTotal));
    e.family("sitroom_waiting_room_abandoned_total", "counter", "Citizens who gave up waiting.");
    e.sample("sitroom_waiting_room_abandoned_total", double(state.abandonedTotal));
    e.family("sitroom_waiting_room_queue_depth", "gauge", "Citizens waiting now.");
    e.sample("sitroom_waiting_room_queue_depth", double(state.admission.depth));
    e.family("sitroom_waiting_room_admission_rate_limit", "gauge", "Citizens admitted per second at most (the throttle in force).");
    e.sample("sitroom_waiting_room_admission_rate_limit", state.admissionRate);
    e.family("sitroom_waiting_room_paused", "gauge", "1 while admission is paused.");
    e.sample("sitroom_waiting_room_paused", state.admissionPaused ? 1 : 0);

    // Bookings per cohort.
    e.family("sitroom_bookings_total", "counter", "Bookings made, by cohort.");
    for (const sim::CohortStatus &c : state.cohorts)
        e.sample("sitroom_bookings_total", {{"cohort", utf8(c.id)}}, double(c.bookingsTotal));
    e.family("sitroom_cohort_booked", "gauge", "Citizens of the cohort booked in the registry, including before this process started.");
    for (const sim::CohortStatus &c : state.cohorts)
        e.sample("sitroom_cohort_booked", {{"cohort", utf8(c.id)}}, double(c.booked));
    e.family("sitroom_cohort_eligible", "gauge", "Citizens of the cohort eligible to book.");
    for (const sim::CohortStatus &c : state.cohorts)
        e.sample("sitroom_cohort_eligible", {{"cohort", utf8(c.id)}}, double(c.eligible));

    // The booking backend.
    e.family("sitroom_booking_backend_requests_total", "counter", "Booking requests sent to the backend.");
    e.sample("sitroom_booking_backend_requests_total", double(state.backendRequestsTotal));
    e.family("sitroom_booking_backend_failures_total", "counter", "Booking requests that failed or timed out.");
    e.sample("sitroom_booking_backend_failures_total", double(state.backendFailuresTotal));
    e.family("sitroom_booking_backend_capacity_per_second", "gauge", "Booking requests the backend can serve per second now.");
    e.sample("sitroom_booking_backend_capacity_per_second", state.backendCapacityPerS);
    e.family("sitroom_booking_backend_request_duration_seconds", "histogram", "Duration of finished booking requests (timeouts count at the timeout).");
    e.histogram("sitroom_booking_backend_request_duration_seconds", nullptr, state.backendDurations);

    return e.take();
}

} // namespace sitroom::metrics
