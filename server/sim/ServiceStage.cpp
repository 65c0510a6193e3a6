#include "server/sim/ServiceStage.h"

#include "server/sim/Rng.h"

#include <algorithm>
#include <cmath>

namespace sitroom::sim {

namespace {
// Errors start to climb when a pool runs this hot ...
constexpr double kOverloadKnee = 0.9;
// ... and overload alone never fails more than this share: a saturated system
// still answers some requests (the rest time out in its line).
constexpr double kMaxOverloadErrorRate = 0.6;
}

ServiceStage::ServiceStage(const StageSpec &spec)
    : m_spec(spec)
{
}

StageSecond ServiceStage::step(std::uint64_t offered, const StageFault &fault, Rng &rng)
{
    StageSecond s;
    s.offered = offered;
    const double capacity = std::max(0.0, m_spec.capacityPerS * fault.capacityFactor);

    // Whole requests served this second; the fraction carries over.
    m_capacityCarry += capacity;
    const auto servable = static_cast<std::uint64_t>(std::floor(m_capacityCarry));
    const std::uint64_t waiting = m_backlog + offered;
    s.served = std::min(waiting, servable);
    m_capacityCarry -= double(std::min(waiting, servable));
    if (waiting < servable)
        m_capacityCarry -= std::floor(m_capacityCarry); // idle capacity is not banked

    std::uint64_t backlog = waiting - s.served;
    const double timeoutS = m_spec.timeoutMs / 1000.0;
    const auto maxBacklog = static_cast<std::uint64_t>(capacity * timeoutS);
    if (backlog > maxBacklog) {
        s.timeouts = backlog - maxBacklog;
        backlog = maxBacklog;
    }
    m_backlog = backlog;
    s.backlog = backlog;

    s.utilization = capacity > 0 ? double(offered) / capacity : (offered > 0 ? 10.0 : 0.0);
    s.waitS = capacity > 0 ? double(backlog) / capacity : timeoutS;

    const double load = std::min(1.0, s.utilization);
    const double serviceP95 = m_spec.baseP95Ms * (1.0 + m_spec.loadLatencyFactor * std::pow(load, 4));
    const double noise = std::clamp(1.0 + 0.04 * rng.normal(), 0.85, 1.15);
    s.p95Ms = std::min(m_spec.timeoutMs, (serviceP95 + fault.addedLatencyMs) * noise + s.waitS * 1000.0);

    const double errorRate = std::clamp(m_spec.baseErrorRate + fault.addedErrorRate
                                            + std::min(kMaxOverloadErrorRate,
                                                       m_spec.overloadErrorSlope * std::max(0.0, s.utilization - kOverloadKnee)),
                                        0.0, 1.0);
    s.errors = rng.binomial(s.served, errorRate);
    const std::uint64_t finished = s.served + s.timeouts;
    s.errorRate = finished > 0 ? double(s.errors + s.timeouts) / double(finished) : errorRate;
    return s;
}

} // namespace sitroom::sim
