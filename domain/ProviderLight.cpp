#include "domain/ProviderLight.h"

#include <algorithm>

#include <cmath>

namespace sitroom::domain {

namespace {
// Requests' worth of error-free evidence added to the smoothed error rate, so a
// handful of requests cannot swing it; under real traffic it is negligible.
constexpr double kPriorRequests = 10.0;
}

ProviderLight::ProviderLight(const LightSpec &spec)
    : m_spec(spec)
    , m_alpha(1.0 - std::exp(-1.0 / std::max(1.0, spec.smoothingS)))
    , m_sinceS(-spec.minDwellS)
{
}

Light ProviderLight::levelFor(double p95Ms, double errorRate, double scale) const
{
    if (p95Ms >= m_spec.redP95Ms * scale || errorRate >= m_spec.redErrorRate * scale)
        return Light::Red;
    if (p95Ms >= m_spec.yellowP95Ms * scale || errorRate >= m_spec.yellowErrorRate * scale)
        return Light::Yellow;
    return Light::Green;
}

void ProviderLight::change(Light light, std::int64_t nowS)
{
    if (light != m_light) {
        m_light = light;
        m_sinceS = nowS;
    }
}

double ProviderLight::smoothedErrorRate() const
{
    return m_errors / (m_finished + kPriorRequests);
}

Light ProviderLight::update(std::int64_t nowS, double p95Ms, std::uint64_t errors, std::uint64_t finished)
{
    if (!m_primed) {
        m_p95 = p95Ms;
        m_primed = true;
    } else {
        m_p95 += m_alpha * (p95Ms - m_p95);
    }
    // Both counts are smoothed over the same window; their ratio is the rate.
    m_errors += m_alpha * (double(errors) - m_errors);
    m_finished += m_alpha * (double(finished) - m_finished);
    if (m_light == Light::Suspended)
        return m_light;

    const double errorRate = smoothedErrorRate();
    const Light worse = levelFor(m_p95, errorRate, 1.0);
    const Light clearlyBetter = levelFor(m_p95, errorRate, 1.0 - m_spec.hysteresis);
    // Trouble is shown at once; recovery only once the colour has been held for
    // the dwell and the figures are clearly better.
    if (worse > m_light)
        change(worse, nowS);
    else if (clearlyBetter < m_light && nowS - m_sinceS >= m_spec.minDwellS)
        change(clearlyBetter, nowS);
    return m_light;
}

void ProviderLight::setSuspended(bool suspended, std::int64_t nowS)
{
    if (suspended && m_light != Light::Suspended) {
        m_beforeSuspension = m_light;
        m_light = Light::Suspended;
        m_sinceS = nowS;
    } else if (!suspended && m_light == Light::Suspended) {
        // Back from suspension the light is judged afresh, starting from the
        // colour it had, and may change at once.
        m_light = m_beforeSuspension;
        m_sinceS = nowS - m_spec.minDwellS;
        m_primed = false;
        m_errors = 0.0;
        m_finished = 0.0;
    }
}

} // namespace sitroom::domain
