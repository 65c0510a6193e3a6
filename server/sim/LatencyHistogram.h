#pragma once

#include <array>
#include <cstdint>

namespace sitroom::sim {

// Cumulative request durations in fixed buckets, as a live system's
// instrumentation would count them for Prometheus. The simulation knows only
// each second's p95 of the answered requests, so it synthesises that second's
// distribution with a fixed shape: log-normal with sigma kShapeSigma whose
// 95th percentile is the second's p95, cut at the timeout (no answer takes
// longer); timed-out requests are counted at the timeout. A
// histogram_quantile(0.95, ...) over a few seconds then gives back the
// simulator's p95 within the resolution of the buckets.
struct LatencyHistogram
{
    static constexpr std::array<double, 15> kUpperBoundsS{0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8, 10, 15, 20, 30};
    static constexpr double kShapeSigma = 0.5;

    // cumulative[k]: observations of at most kUpperBoundsS[k] seconds; the
    // last entry (+Inf) equals count.
    std::array<std::uint64_t, kUpperBoundsS.size() + 1> cumulative{};
    double sumS = 0.0;
    std::uint64_t count = 0;

    // One second: `answered` requests with the given p95, and `timedOut`
    // requests that gave up after timeoutMs.
    void recordSecond(std::uint64_t answered, double p95Ms, std::uint64_t timedOut, double timeoutMs);
};

// The shape's share of answers at most `seconds` long, for a second whose p95
// is p95Ms; 1 at and past the timeout.
double latencyShareWithin(double seconds, double p95Ms, double timeoutMs);

} // namespace sitroom::sim
