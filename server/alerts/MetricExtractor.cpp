#include "server/alerts/MetricExtractor.h"

#include "domain/SurgeEnvelope.h"
#include "proto/sitroom/ProtoText.h"

#include <algorithm>

namespace sitroom::alerts {

namespace v1 = sitroom::v1;

namespace {

std::optional<double> providerFigure(Metric metric, const v1::ProviderState &p, std::int64_t nowMs)
{
    // A provider the operators disabled raises nothing: its light says 중단.
    if (!p.enabled())
        return std::nullopt;
    switch (metric) {
    case Metric::ProviderErrorRate: return p.error_rate();
    case Metric::ProviderP95Latency: return p.p95_latency_ms();
    case Metric::ProviderRedSeconds:
        if (p.light() != v1::LIGHT_RED || p.light_since_ms() <= 0)
            return 0.0;
        return std::max<double>(0.0, double(nowMs - p.light_since_ms()) / 1000.0);
    default: break;
    }
    return std::nullopt;
}

} // namespace

void MetricExtractor::setConfiguration(const v1::Configuration &configuration)
{
    m_configuration = configuration;
}

void MetricExtractor::record(const v1::SystemState &state, std::int64_t nowMs)
{
    // Counters that went back mean a new run of the source: start again.
    if (!m_counters.empty()
        && (state.auth_attempts_total() < m_counters.back().attempts
            || state.bookings_total() < m_counters.back().bookings || nowMs < m_counters.back().timeMs))
        m_counters.clear();
    m_counters.push_back({nowMs, state.auth_attempts_total(), state.bookings_total()});
    // Keep one sample at or before the start of the longest window.
    const std::int64_t horizon = nowMs - std::int64_t(m_longestWindowS * 1000.0);
    while (m_counters.size() > 2 && m_counters[1].timeMs <= horizon)
        m_counters.pop_front();

    for (const v1::CohortState &c : state.cohorts()) {
        const QString id = fromProto(c.id());
        auto it = m_cohortBaselines.find(id);
        if (!c.window_open()) {
            if (it != m_cohortBaselines.end())
                m_cohortBaselines.erase(it);
            continue;
        }
        if (it == m_cohortBaselines.end() || c.booked() < it->second.bookedThen)
            m_cohortBaselines[id] = {nowMs, c.booked()};
    }
}

std::optional<double> MetricExtractor::attemptsPerBooking(const AlertRule &rule, std::int64_t nowMs) const
{
    if (m_counters.size() < 2)
        return std::nullopt;
    const std::int64_t start = nowMs - std::int64_t(rule.windowS * 1000.0);
    // The latest sample at or before the window's start, else the oldest.
    const CounterSample *from = &m_counters.front();
    for (const CounterSample &sample : m_counters) {
        if (sample.timeMs > start)
            break;
        from = &sample;
    }
    const CounterSample &to = m_counters.back();
    // Half a window at least, or the first minutes of a run would judge on
    // a handful of people.
    if (double(to.timeMs - from->timeMs) < rule.windowS * 500.0)
        return std::nullopt;
    const double bookings = double(to.bookings - from->bookings);
    if (bookings < rule.minBookings)
        return std::nullopt;
    return double(to.attempts - from->attempts) / bookings;
}

std::optional<double> MetricExtractor::envelopeShare(const AlertRule &rule, const v1::CohortConfig &cohort,
                                                     const v1::CohortState &state, std::int64_t nowMs) const
{
    if (!state.window_open() || cohort.expected_bookings() == 0)
        return std::nullopt;
    const double sinceOpenS = double(nowMs - cohort.window_open_ms()) / 1000.0;
    if (sinceOpenS < rule.graceS || sinceOpenS > rule.horizonS)
        return std::nullopt;
    const auto baseline = m_cohortBaselines.find(fromProto(cohort.id()));
    if (baseline == m_cohortBaselines.end())
        return std::nullopt;
    const double windowMinutes = double(cohort.window_close_ms() - cohort.window_open_ms()) / 60000.0;
    const domain::SurgeEnvelope envelope(double(cohort.expected_bookings()), windowMinutes);
    // Measured from when the window was first seen open, so a restarted
    // engine compares like with like.
    const double fromMinutes = std::max(0.0, double(baseline->second.firstSeenMs - cohort.window_open_ms()) / 60000.0);
    const double expected = envelope.cumulative(sinceOpenS / 60.0) - envelope.cumulative(fromMinutes);
    if (expected < rule.minExpected)
        return std::nullopt;
    return double(state.booked() - std::min(state.booked(), baseline->second.bookedThen)) / expected;
}

std::vector<MetricReading> MetricExtractor::read(const AlertRule &rule, const v1::SystemState &state,
                                                 std::int64_t nowMs) const
{
    std::vector<MetricReading> out;
    switch (rule.metric) {
    case Metric::ProviderErrorRate:
    case Metric::ProviderP95Latency:
    case Metric::ProviderRedSeconds:
        for (const v1::ProviderState &p : state.providers())
            out.push_back({fromProto(p.id()), providerFigure(rule.metric, p, nowMs)});
        break;
    case Metric::QueueEstimatedWait: {
        const double wait = state.admission().estimated_wait_s();
        // -1 while paused: the wait is the operators' decision, not a figure.
        out.push_back({QString(), state.admission().paused() || wait < 0 ? std::nullopt : std::optional<double>(wait)});
        break;
    }
    case Metric::BackendUtilization:
        out.push_back({QString(), state.backend().utilization()});
        break;
    case Metric::AttemptsPerBooking:
        out.push_back({QString(), attemptsPerBooking(rule, nowMs)});
        break;
    case Metric::BookingsVersusEnvelope:
        for (const v1::CohortConfig &cohort : m_configuration.cohorts()) {
            const auto it = std::find_if(state.cohorts().begin(), state.cohorts().end(),
                                         [&](const v1::CohortState &c) { return c.id() == cohort.id(); });
            if (it != state.cohorts().end())
                out.push_back({fromProto(cohort.id()), envelopeShare(rule, cohort, *it, nowMs)});
        }
        break;
    case Metric::TelemetrySilence:
        out.push_back({QString(), 0.0});
        break;
    case Metric::ControlEffectNotSeen:
        out.push_back({QString(), double(state.control_effects_not_seen())});
        break;
    case Metric::SourceStaleFigures:
        out.push_back({QString(), double(state.stale_size())});
        break;
    }
    return out;
}

v1::LocalizedText MetricExtractor::nameOf(SubjectKind kind, const QString &subject) const
{
    v1::LocalizedText name;
    if (kind == SubjectKind::Provider) {
        for (const v1::ProviderConfig &p : m_configuration.providers())
            if (fromProto(p.id()) == subject)
                name = p.name();
    } else if (kind == SubjectKind::Cohort) {
        for (const v1::CohortConfig &c : m_configuration.cohorts())
            if (fromProto(c.id()) == subject)
                name = c.name();
    }
    if (name.ko().empty())
        name.set_ko(subject.toStdString());
    if (name.en().empty())
        name.set_en(subject.toStdString());
    return name;
}

} // namespace sitroom::alerts
