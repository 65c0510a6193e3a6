#pragma once

#include "server/sim/Scenario.h"

#include <cstdint>

namespace sitroom::sim {

// When the people who mean to book in one window come to the site: a rush at
// the opening minute that decays within minutes, a follow-through over the
// first hours, and the rest spread over the window by hour of day (few at
// 3 a.m., more in the morning and after work).
class ArrivalProfile final
{
public:
    ArrivalProfile(const CohortWindow &window, const ArrivalShape &shape, int utcOffsetS);

    // Expected first arrivals in the second that starts at timeMs.
    double expectedArrivals(std::int64_t timeMs) const;
    // Relative weight of the hour of day at timeMs, 1 on average over a day.
    double hourWeight(std::int64_t timeMs) const;
    bool isOpen(std::int64_t timeMs) const { return timeMs >= m_openMs && timeMs < m_closeMs; }
    double intending() const { return m_intending; }

private:
    int localHour(std::int64_t timeMs) const;

    ArrivalShape m_shape;
    std::int64_t m_openMs;
    std::int64_t m_closeMs;
    int m_utcOffsetS;
    double m_intending;
    double m_restPerWeight = 0.0;  // rest of the crowd per unit of hourly weight per second
    double m_meanWeight = 1.0;
};

} // namespace sitroom::sim
