#pragma once

#include "server/sim/AdmissionQueue.h"
#include "server/sim/ArrivalProfile.h"
#include "server/sim/DelayLine.h"
#include "server/sim/Rng.h"
#include "server/sim/Scenario.h"
#include "server/sim/ServiceStage.h"
#include "server/sim/SimulationState.h"
#include "server/sim/SimulationTotals.h"

#include <cstdint>
#include <vector>

namespace sitroom::sim {

// The vaccine-reservation system, one simulated second at a time. Citizens
// arrive per the cohort schedule, wait in the admission queue, are admitted at
// the operators' rate, pick a verification provider by popularity and by the
// public light (never a disabled one), retry after failures (sometimes
// elsewhere), and book against a backend of finite capacity. Everything is
// counted in whole people and drawn from one seeded random source, so a seed
// gives the same run.
class Simulation final
{
public:
    Simulation(const Scenario &scenario, std::uint64_t seed);

    void step();
    bool finished() const { return m_state.elapsedS >= m_scenario.durationS; }

    const Scenario &scenario() const { return m_scenario; }
    std::uint64_t seed() const { return m_seed; }
    const SimulationState &state() const { return m_state; }
    const SimulationTotals &totals() const { return m_totals; }

    // Controls, in effect from the next step.
    void setAdmissionRate(double ratePerS);
    void setAdmissionPaused(bool paused);
    // False when there is no such provider. A re-enabled provider's share of
    // new citizens ramps back in over rampS seconds.
    bool setProviderEnabled(const QString &providerId, bool enabled, int rampS = 0);

    // The operators' whole control state, as the gateway or the control
    // webhook hands it over: only what differs is changed (so a provider's
    // ramp is not restarted), providers not listed keep their switch.
    // Returns the providers switched, as asked.
    struct ProviderSwitch
    {
        QString id;
        bool enabled = true;
        int rampS = 0;
    };
    std::vector<ProviderSwitch> applyControls(double ratePerS, bool paused, const std::vector<ProviderSwitch> &providers);

private:
    struct Provider
    {
        ServiceStage stage;
        ProviderLight light;
        DelayLine retries;         // failed here, coming back
        bool enabled = true;
        std::int64_t rampStartS = 0;
        int rampS = 0;
    };

    std::int64_t nowMs() const { return m_scenario.startMs + m_state.elapsedS * 1000; }
    StageFault faultFor(const QString &providerId, std::int64_t timeMs) const;
    std::uint64_t arrive(std::int64_t timeMs);
    std::vector<double> choiceWeights(int excluded) const;
    void distribute(std::uint64_t people, const std::vector<double> &weights, std::vector<std::uint64_t> &out);
    void verify(std::uint64_t fresh, std::int64_t timeMs);
    void book(std::int64_t timeMs);
    void attributeBookings(std::uint64_t booked);
    void record(std::int64_t timeMs);

    Scenario m_scenario;
    std::uint64_t m_seed;
    Rng m_rng;
    AdmissionQueue m_queue;
    ServiceStage m_backend;
    std::vector<Provider> m_providers;
    std::vector<ArrivalProfile> m_arrivals;
    std::vector<double> m_arrivalCarry;
    std::vector<std::uint64_t> m_arrived;       // per cohort window
    std::vector<double> m_returning;            // gave up in the queue, will come back
    DelayLine m_toVerify;                       // re-verification and retries after a failed booking
    DelayLine m_toBook;                         // verified, filling in the form
    std::vector<std::vector<std::uint64_t>> m_lastMinute; // bookings per cohort, per second
    SimulationState m_state;
    SimulationTotals m_totals;
};

} // namespace sitroom::sim
