#pragma once

#include "sitroom/v1/telemetry.pb.h"


#include <cstdint>
#include <vector>

namespace sitroom::gateway {

// The last N seconds of per-second samples, kept so that a console that
// connects (or resyncs) can draw its charts at once. A fixed-size ring: memory
// does not grow with uptime.
//
// The History message promises regularly spaced samples (first_time_ms +
// i * step_ms), so the ring keeps that promise too: samples that overlap what
// is already held are skipped, and a jump in the source's clock (a gap or a
// change of step) starts the ring afresh rather than backfilling a lie.
class TelemetryHistory final
{
public:
    explicit TelemetryHistory(int seconds);

    void append(const sitroom::v1::History &samples);
    sitroom::v1::History toHistory() const;
    void clear();

    int size() const { return static_cast<int>(m_size); }
    int capacity() const { return static_cast<int>(m_ring.size()); }
    int seconds() const { return m_seconds; }
    // 0 while empty.
    std::int64_t firstTimeMs() const;
    std::int64_t lastTimeMs() const;

private:
    struct ProviderSample
    {
        sitroom::v1::Light light = sitroom::v1::LIGHT_UNSPECIFIED;
        float p95LatencyMs = 0;
        float errorRate = 0;
        float requestsPerS = 0;
    };
    struct Sample
    {
        std::uint64_t queueDepth = 0;
        float arrivalsPerS = 0;
        float admittedPerS = 0;
        float abandonedPerS = 0;
        float bookingsPerS = 0;
        float authAttemptsPerS = 0;
        float backendUtilization = 0;
        float rateLimitPerS = 0;
        // Indexed like m_providerIds; shorter when a provider appeared later.
        std::vector<ProviderSample> providers;
    };

    void restart(std::uint32_t stepMs);
    int providerIndex(const std::string &id);
    Sample &pushSlot();
    const Sample &at(std::size_t i) const;

    int m_seconds;
    std::uint32_t m_stepMs = 0;
    std::int64_t m_firstTimeMs = 0;    // time of the oldest sample held
    std::vector<Sample> m_ring;
    std::size_t m_head = 0;            // index of the oldest sample
    std::size_t m_size = 0;
    std::vector<std::string> m_providerIds;
};

} // namespace sitroom::gateway
