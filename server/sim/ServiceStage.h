#pragma once

#include "server/sim/Scenario.h"

#include <cstdint>

namespace sitroom::sim {

class Rng;

// What a stage with finite capacity did with one second's requests.
struct StageSecond
{
    std::uint64_t offered = 0;     // new requests this second
    std::uint64_t served = 0;      // answered this second (ok or error)
    std::uint64_t errors = 0;      // answered with an error
    std::uint64_t timeouts = 0;    // waited past the timeout and were dropped
    std::uint64_t backlog = 0;     // still waiting
    double utilization = 0.0;      // offered / capacity
    double waitS = 0.0;            // how long a request arriving now waits in line
    double p95Ms = 0.0;            // of the requests answered this second
    double errorRate = 0.0;        // (errors + timeouts) / (served + timeouts)
};

// The faults a scenario event lays on a stage.
struct StageFault
{
    double capacityFactor = 1.0;
    double addedErrorRate = 0.0;
    double addedLatencyMs = 0.0;
};

// Shape of a stage: a server pool of finite capacity with a line in front of
// it. Latency grows with load (slowly, then steeply near capacity) plus the
// time spent in line; past capacity the line grows, and requests that would
// wait past the timeout are dropped. Used for verification providers and for
// the booking backend.
class ServiceStage final
{
public:
    explicit ServiceStage(const StageSpec &spec);

    StageSecond step(std::uint64_t offered, const StageFault &fault, Rng &rng);
    std::uint64_t backlog() const { return m_backlog; }
    const StageSpec &spec() const { return m_spec; }

private:
    StageSpec m_spec;
    std::uint64_t m_backlog = 0;
    double m_capacityCarry = 0.0;
};

} // namespace sitroom::sim
