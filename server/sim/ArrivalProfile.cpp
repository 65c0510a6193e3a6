#include "server/sim/ArrivalProfile.h"

#include <cmath>
#include <numeric>

namespace sitroom::sim {

ArrivalProfile::ArrivalProfile(const CohortWindow &window, const ArrivalShape &shape, int utcOffsetS)
    : m_shape(shape)
    , m_openMs(window.openMs)
    , m_closeMs(window.closeMs)
    , m_utcOffsetS(utcOffsetS)
    , m_intending(double(window.eligible - window.alreadyBooked) * window.intentShare)
{
    m_meanWeight = std::accumulate(shape.diurnal.begin(), shape.diurnal.end(), 0.0) / 24.0;
    double weightSeconds = 0.0;
    for (std::int64_t t = m_openMs; t < m_closeMs; t += 1000)
        weightSeconds += shape.diurnal[std::size_t(localHour(t))];
    const double restShare = 1.0 - shape.rushShare - shape.followShare;
    if (weightSeconds > 0)
        m_restPerWeight = m_intending * restShare / weightSeconds;
}

int ArrivalProfile::localHour(std::int64_t timeMs) const
{
    const std::int64_t localS = timeMs / 1000 + m_utcOffsetS;
    return int(((localS % 86400) + 86400) % 86400 / 3600);
}

double ArrivalProfile::hourWeight(std::int64_t timeMs) const
{
    return m_meanWeight > 0 ? m_shape.diurnal[std::size_t(localHour(timeMs))] / m_meanWeight : 1.0;
}

double ArrivalProfile::expectedArrivals(std::int64_t timeMs) const
{
    if (!isOpen(timeMs))
        return 0.0;
    const double sinceOpenS = double(timeMs - m_openMs) / 1000.0;
    // Each exponential integrated over this one second.
    const auto burst = [sinceOpenS](double share, double tau) {
        return share * (std::exp(-sinceOpenS / tau) - std::exp(-(sinceOpenS + 1.0) / tau));
    };
    return m_intending * (burst(m_shape.rushShare, m_shape.rushTauS) + burst(m_shape.followShare, m_shape.followTauS))
        + m_restPerWeight * m_shape.diurnal[std::size_t(localHour(timeMs))];
}

} // namespace sitroom::sim
