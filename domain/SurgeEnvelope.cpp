#include "domain/SurgeEnvelope.h"

#include <algorithm>
#include <cmath>

namespace sitroom::domain {

namespace {
constexpr double kSurgeMinutes = 30.0;
}

SurgeEnvelope::SurgeEnvelope(double expectedBookings, double windowMinutes)
    : m_total(std::max(0.0, expectedBookings))
    , m_windowMinutes(std::max(kSurgeMinutes + 1.0, windowMinutes))
    , m_surgeScale(kFirstHalfHourShare / (kDecayMinutes * (1.0 - std::exp(-kSurgeMinutes / kDecayMinutes))))
{
}

double SurgeEnvelope::perMinute(double t) const
{
    if (t < 0 || t >= m_windowMinutes)
        return 0.0;
    if (t < kSurgeMinutes)
        return m_total * m_surgeScale * std::exp(-t / kDecayMinutes);
    return m_total * (1.0 - kFirstHalfHourShare) / (m_windowMinutes - kSurgeMinutes);
}

double SurgeEnvelope::cumulative(double t) const
{
    if (t <= 0)
        return 0.0;
    const double surge = std::min(t, kSurgeMinutes);
    double share = m_surgeScale * kDecayMinutes * (1.0 - std::exp(-surge / kDecayMinutes));
    if (t > kSurgeMinutes)
        share += (1.0 - kFirstHalfHourShare) * (std::min(t, m_windowMinutes) - kSurgeMinutes) / (m_windowMinutes - kSurgeMinutes);
    return m_total * share;
}

double SurgeEnvelope::projectedTotal(double bookedSoFar, double t) const
{
    const double expectedSoFar = cumulative(t);
    // Too early to judge (or no forecast to scale): the forecast stands.
    if (m_total <= 0 || expectedSoFar < m_total * 0.02)
        return m_total;
    return m_total * bookedSoFar / expectedSoFar;
}

} // namespace sitroom::domain
