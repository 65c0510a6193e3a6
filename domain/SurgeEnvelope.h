#pragma once

namespace sitroom::domain {

// The expected shape of a booking window's day (PRODUCT.md §1): 40 % of the
// bookings in the first 30 minutes, front-loaded (decaying over about ten
// minutes), the other 60 % spread over the rest of the window. Scaled by the
// planners' forecast for the window, it is the envelope the cohort panel draws
// bookings per minute against.
class SurgeEnvelope final
{
public:
    static constexpr double kFirstHalfHourShare = 0.40;
    static constexpr double kDecayMinutes = 10.0;

    SurgeEnvelope(double expectedBookings, double windowMinutes);

    double perMinute(double minutesSinceOpen) const;
    double cumulative(double minutesSinceOpen) const;
    // The forecast, corrected by how far ahead or behind the window runs now.
    double projectedTotal(double bookedSoFar, double minutesSinceOpen) const;
    double expectedTotal() const { return m_total; }

private:
    double m_total;
    double m_windowMinutes;
    double m_surgeScale;   // so that the first 30 minutes hold 40 %
};

} // namespace sitroom::domain
