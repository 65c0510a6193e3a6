#include "server/gateway/TelemetryHistory.h"

#include <algorithm>

namespace sitroom::gateway {

namespace {

template<typename Repeated>
auto valueAt(const Repeated &column, int i) -> typename Repeated::value_type
{
    // The schema says every column has the same length; a sender that breaks
    // that must not crash the gateway, so a missing value reads as zero.
    return i < column.size() ? column.Get(i) : typename Repeated::value_type{};
}

} // namespace

TelemetryHistory::TelemetryHistory(int seconds)
    : m_seconds(std::max(1, seconds))
{
}

void TelemetryHistory::clear()
{
    m_ring.clear();
    m_head = 0;
    m_size = 0;
    m_stepMs = 0;
    m_firstTimeMs = 0;
    m_providerIds.clear();
}

void TelemetryHistory::restart(std::uint32_t stepMs)
{
    clear();
    m_stepMs = stepMs;
    const auto capacity = std::max<std::int64_t>(1, std::int64_t(m_seconds) * 1000 / stepMs);
    m_ring.resize(static_cast<std::size_t>(capacity));
}

std::int64_t TelemetryHistory::firstTimeMs() const
{
    return m_size == 0 ? 0 : m_firstTimeMs;
}

std::int64_t TelemetryHistory::lastTimeMs() const
{
    return m_size == 0 ? 0 : m_firstTimeMs + std::int64_t(m_size - 1) * m_stepMs;
}

int TelemetryHistory::providerIndex(const std::string &id)
{
    const auto found = std::find(m_providerIds.begin(), m_providerIds.end(), id);
    if (found != m_providerIds.end())
        return static_cast<int>(found - m_providerIds.begin());
    m_providerIds.push_back(id);
    return static_cast<int>(m_providerIds.size()) - 1;
}

TelemetryHistory::Sample &TelemetryHistory::pushSlot()
{
    const std::size_t capacity = m_ring.size();
    if (m_size < capacity) {
        ++m_size;
    } else {
        // Full: the oldest sample makes room.
        m_head = (m_head + 1) % capacity;
        m_firstTimeMs += m_stepMs;
    }
    return m_ring[(m_head + m_size - 1) % capacity];
}

const TelemetryHistory::Sample &TelemetryHistory::at(std::size_t i) const
{
    return m_ring[(m_head + i) % m_ring.size()];
}

void TelemetryHistory::append(const sitroom::v1::History &samples)
{
    const int count = samples.queue_depth_size();
    if (count == 0 || samples.step_ms() == 0)
        return;

    int skip = 0;
    if (m_size == 0 || samples.step_ms() != m_stepMs) {
        restart(samples.step_ms());
        m_firstTimeMs = samples.first_time_ms();
    } else {
        const std::int64_t expected = lastTimeMs() + m_stepMs;
        const std::int64_t delta = samples.first_time_ms() - expected;
        if (delta > 0 || delta % m_stepMs != 0) {
            // A gap or an off-grid start: the clock jumped.
            restart(samples.step_ms());
            m_firstTimeMs = samples.first_time_ms();
        } else if (delta < 0) {
            skip = static_cast<int>(std::min<std::int64_t>(count, -delta / m_stepMs));
        }
    }

    // Map each incoming series to our provider columns once per append.
    std::vector<int> columns;
    columns.reserve(static_cast<std::size_t>(samples.providers_size()));
    for (const auto &series : samples.providers())
        columns.push_back(providerIndex(series.id()));

    for (int i = skip; i < count; ++i) {
        const bool wasEmpty = m_size == 0;
        Sample &s = pushSlot();
        if (wasEmpty)
            m_firstTimeMs = samples.first_time_ms() + std::int64_t(i) * m_stepMs;
        s.queueDepth = samples.queue_depth(i);
        s.arrivalsPerS = valueAt(samples.arrivals_per_s(), i);
        s.admittedPerS = valueAt(samples.admitted_per_s(), i);
        s.abandonedPerS = valueAt(samples.abandoned_per_s(), i);
        s.bookingsPerS = valueAt(samples.bookings_per_s(), i);
        s.authAttemptsPerS = valueAt(samples.auth_attempts_per_s(), i);
        s.backendUtilization = valueAt(samples.backend_utilization(), i);
        s.rateLimitPerS = valueAt(samples.rate_limit_per_s(), i);
        // Reusing the slot's vector keeps steady-state appends allocation-free.
        s.providers.assign(m_providerIds.size(), ProviderSample{});
        for (int p = 0; p < samples.providers_size(); ++p) {
            const auto &series = samples.providers(p);
            auto &out = s.providers[static_cast<std::size_t>(columns[static_cast<std::size_t>(p)])];
            out.light = i < series.light_size() ? series.light(i) : sitroom::v1::LIGHT_UNSPECIFIED;
            out.p95LatencyMs = valueAt(series.p95_latency_ms(), i);
            out.errorRate = valueAt(series.error_rate(), i);
            out.requestsPerS = valueAt(series.requests_per_s(), i);
        }
    }
}

sitroom::v1::History TelemetryHistory::toHistory() const
{
    sitroom::v1::History h;
    if (m_size == 0)
        return h;
    h.set_first_time_ms(m_firstTimeMs);
    h.set_step_ms(m_stepMs);
    const int n = static_cast<int>(m_size);
    h.mutable_queue_depth()->Reserve(n);
    for (auto *column : {h.mutable_arrivals_per_s(), h.mutable_admitted_per_s(),
                         h.mutable_abandoned_per_s(), h.mutable_bookings_per_s(),
                         h.mutable_auth_attempts_per_s(), h.mutable_backend_utilization(),
                         h.mutable_rate_limit_per_s()})
        column->Reserve(n);
    std::vector<sitroom::v1::ProviderSeries *> series;
    for (const auto &id : m_providerIds) {
        auto *ps = h.add_providers();
        ps->set_id(id);
        ps->mutable_light()->Reserve(n);
        ps->mutable_p95_latency_ms()->Reserve(n);
        ps->mutable_error_rate()->Reserve(n);
        ps->mutable_requests_per_s()->Reserve(n);
        series.push_back(ps);
    }
    for (std::size_t i = 0; i < m_size; ++i) {
        const Sample &s = at(i);
        h.add_queue_depth(s.queueDepth);
        h.add_arrivals_per_s(s.arrivalsPerS);
        h.add_admitted_per_s(s.admittedPerS);
        h.add_abandoned_per_s(s.abandonedPerS);
        h.add_bookings_per_s(s.bookingsPerS);
        h.add_auth_attempts_per_s(s.authAttemptsPerS);
        h.add_backend_utilization(s.backendUtilization);
        h.add_rate_limit_per_s(s.rateLimitPerS);
        for (std::size_t p = 0; p < series.size(); ++p) {
            const ProviderSample value = p < s.providers.size() ? s.providers[p] : ProviderSample{};
            series[p]->add_light(value.light);
            series[p]->add_p95_latency_ms(value.p95LatencyMs);
            series[p]->add_error_rate(value.errorRate);
            series[p]->add_requests_per_s(value.requestsPerS);
        }
    }
    return h;
}

} // namespace sitroom::gateway
