#include "server/sim/LatencyHistogram.h"

#include <algorithm>
#include <cmath>

namespace sitroom::sim {

namespace {

constexpr double kZ95 = 1.6448536269514722; // standard normal 95th percentile

double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

// ln of the median of the shape whose p95 is p95Ms, in seconds.
double logMedianS(double p95Ms)
{
    return std::log(p95Ms / 1000.0) - kZ95 * LatencyHistogram::kShapeSigma;
}

} // namespace

double latencyShareWithin(double seconds, double p95Ms, double timeoutMs)
{
    if (seconds >= timeoutMs / 1000.0)
        return 1.0;
    if (p95Ms <= 0.0)
        return 1.0;
    if (seconds <= 0.0)
        return 0.0;
    return normalCdf((std::log(seconds) - logMedianS(p95Ms)) / LatencyHistogram::kShapeSigma);
}

void LatencyHistogram::recordSecond(std::uint64_t answered, double p95Ms, std::uint64_t timedOut, double timeoutMs)
{
    const double timeoutS = timeoutMs / 1000.0;
    // Rounding the cumulative share keeps whole counts and, the share being
    // non-decreasing, buckets that never decrease.
    for (std::size_t k = 0; k < kUpperBoundsS.size(); ++k) {
        const double bound = kUpperBoundsS[k];
        auto within = answered > 0
            ? static_cast<std::uint64_t>(std::llround(double(answered) * latencyShareWithin(bound, p95Ms, timeoutMs)))
            : std::uint64_t(0);
        if (bound >= timeoutS)
            within += timedOut;
        cumulative[k] += within;
    }
    cumulative.back() += answered + timedOut;
    count += answered + timedOut;

    if (answered > 0 && p95Ms > 0.0) {
        // Mean of min(X, timeout) for the log-normal X.
        const double mu = logMedianS(p95Ms);
        const double s = kShapeSigma;
        const double capped = timeoutS > 0.0
            ? std::exp(mu + s * s / 2) * normalCdf((std::log(timeoutS) - mu - s * s) / s)
                + timeoutS * (1.0 - normalCdf((std::log(timeoutS) - mu) / s))
            : std::exp(mu + s * s / 2);
        sumS += double(answered) * capped;
    }
    sumS += double(timedOut) * timeoutS;
}

} // namespace sitroom::sim
