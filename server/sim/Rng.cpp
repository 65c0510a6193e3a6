#include "server/sim/Rng.h"

#include <algorithm>
#include <cmath>

namespace sitroom::sim {

namespace {

std::uint64_t splitmix64(std::uint64_t &x)
{
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

// Beyond this mean the normal approximation is within the model's own noise,
// and it keeps a simulated second at a constant cost whatever the crowd size.
constexpr double kNormalApproxMean = 40.0;

std::uint64_t roundedNonNegative(double value, double upper)
{
    return static_cast<std::uint64_t>(std::clamp(std::round(value), 0.0, upper));
}

} // namespace

Rng::Rng(std::uint64_t seed)
{
    std::uint64_t x = seed;
    for (auto &word : m_state)
        word = splitmix64(x);
}

std::uint64_t Rng::next()
{
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double Rng::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Rng::normal()
{
    if (m_hasSpareNormal) {
        m_hasSpareNormal = false;
        return m_spareNormal;
    }
    // Marsaglia's polar method.
    double u = 0.0;
    double v = 0.0;
    double s = 0.0;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(s) / s);
    m_spareNormal = v * factor;
    m_hasSpareNormal = true;
    return u * factor;
}

std::uint64_t Rng::poisson(double mean)
{
    if (!(mean > 0.0))
        return 0;
    if (mean >= kNormalApproxMean)
        return roundedNonNegative(mean + std::sqrt(mean) * normal(), 1e18);
    // Knuth's multiplication method: fine for small means.
    const double limit = std::exp(-mean);
    std::uint64_t count = 0;
    double product = uniform();
    while (product > limit) {
        ++count;
        product *= uniform();
    }
    return count;
}

std::uint64_t Rng::binomial(std::uint64_t trials, double probability)
{
    if (trials == 0 || !(probability > 0.0))
        return 0;
    if (probability >= 1.0)
        return trials;
    if (trials <= 32) {
        std::uint64_t hits = 0;
        for (std::uint64_t i = 0; i < trials; ++i)
            hits += uniform() < probability ? 1 : 0;
        return hits;
    }
    const double n = static_cast<double>(trials);
    const double mean = n * probability;
    const double variance = mean * (1.0 - probability);
    if (variance >= kNormalApproxMean)
        return roundedNonNegative(mean + std::sqrt(variance) * normal(), n);
    // Rare events in a large crowd: Poisson, counted from whichever side is rare.
    if (probability <= 0.5)
        return std::min(trials, poisson(mean));
    return trials - std::min(trials, poisson(n - mean));
}

} // namespace sitroom::sim
