#include "server/sim/AdmissionQueue.h"

#include "server/sim/Rng.h"

#include <algorithm>
#include <cmath>

namespace sitroom::sim {

AdmissionQueue::AdmissionQueue(double ratePerS, double patienceS)
    : m_rate(ratePerS)
    , m_patienceS(std::max(1.0, patienceS))
{
}

double AdmissionQueue::estimatedWaitS() const
{
    if (m_paused)
        return -1.0;
    if (m_depth == 0)
        return 0.0;
    return double(m_depth) / std::max(m_rate, 0.01);
}

AdmissionSecond AdmissionQueue::step(std::uint64_t arrivals, Rng &rng)
{
    AdmissionSecond s;
    s.arrivals = arrivals;
    m_depth += arrivals;

    if (!m_paused) {
        m_carry += m_rate;
        const auto openings = static_cast<std::uint64_t>(std::floor(m_carry));
        s.admitted = std::min(m_depth, openings);
        m_carry -= double(s.admitted);
        if (m_depth < openings)
            m_carry -= std::floor(m_carry); // an empty room does not bank admissions
        m_depth -= s.admitted;
    }

    // A paused room shows no estimate; people judge it as a full patience's wait.
    const double shownWait = m_paused ? m_patienceS : estimatedWaitS();
    const double hazard = std::min(0.05, shownWait / m_patienceS / m_patienceS);
    s.abandoned = rng.binomial(m_depth, hazard);
    m_depth -= s.abandoned;
    s.depth = m_depth;
    s.estimatedWaitS = estimatedWaitS();
    return s;
}

} // namespace sitroom::sim
