#pragma once

#include "server/sim/AdmissionQueue.h"
#include "server/sim/LatencyHistogram.h"
#include "server/sim/Scenario.h"
#include "server/sim/ServiceStage.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace sitroom::sim {

struct ProviderStatus
{
    QString id;
    Light light = Light::Green;
    bool enabled = true;
    std::int64_t lightSinceMs = 0;
    StageSecond second;            // what the provider did in the last second
    double smoothedP95Ms = 0.0;    // the figures the light is judged on
    double smoothedErrorRate = 0.0;
    std::uint64_t verified = 0;    // verifications completed in the last second
    double share = 0.0;            // of all requests in the last second
    // Since the start, as the live system's instrumentation counts them:
    std::uint64_t attemptsTotal = 0;   // requests offered to the provider
    std::uint64_t successesTotal = 0;  // verifications completed (the citizen got through)
    std::uint64_t okTotal = 0;         // requests the provider answered without error
    std::uint64_t errorTotal = 0;      // ... answered with an error
    std::uint64_t timeoutTotal = 0;    // ... that waited past the timeout
    LatencyHistogram durations;        // of the finished ones
};

struct CohortStatus
{
    QString id;
    std::int64_t eligible = 0;
    std::int64_t booked = 0;
    bool open = false;
    double bookingsPerMin = 0.0;   // over the last minute
    std::uint64_t bookingsTotal = 0; // booked since the start (booked includes those before it)
};

// The live system after the last simulated second.
struct SimulationState
{
    std::int64_t timeMs = 0;       // end of the last simulated second
    std::int64_t elapsedS = 0;
    AdmissionSecond admission;
    double admissionRate = 0.0;
    bool admissionPaused = false;
    std::vector<ProviderStatus> providers;
    StageSecond backend;
    double backendCapacityPerS = 0.0;
    std::uint64_t bookedThisSecond = 0;
    std::uint64_t attemptsThisSecond = 0;
    std::vector<CohortStatus> cohorts;
    std::uint64_t bookingsTotal = 0;
    std::uint64_t authAttemptsTotal = 0;
    // Since the start: the waiting room ...
    std::uint64_t arrivalsTotal = 0;
    std::uint64_t admittedTotal = 0;
    std::uint64_t abandonedTotal = 0;
    // ... and the booking backend.
    std::uint64_t backendRequestsTotal = 0;
    std::uint64_t backendFailuresTotal = 0;
    LatencyHistogram backendDurations;
};

} // namespace sitroom::sim
