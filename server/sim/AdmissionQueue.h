#pragma once

#include <cstdint>

namespace sitroom::sim {

class Rng;

struct AdmissionSecond
{
    std::uint64_t arrivals = 0;
    std::uint64_t admitted = 0;
    std::uint64_t abandoned = 0;
    std::uint64_t depth = 0;
    double estimatedWaitS = 0.0;   // -1 while paused
};

// The waiting room (대기열) in front of verification. People join, are let
// through at the operators' rate, and give up when the wait they are shown is
// long: each waiting person leaves at (shown wait / patience) / patience per
// second, so a 30-minute wait with a 30-minute patience loses most of a crowd.
class AdmissionQueue final
{
public:
    AdmissionQueue(double ratePerS, double patienceS);

    AdmissionSecond step(std::uint64_t arrivals, Rng &rng);

    void setRate(double ratePerS) { m_rate = ratePerS; }
    void setPaused(bool paused) { m_paused = paused; }
    double rate() const { return m_rate; }
    bool paused() const { return m_paused; }
    std::uint64_t depth() const { return m_depth; }
    double estimatedWaitS() const;

private:
    double m_rate;
    double m_patienceS;
    bool m_paused = false;
    std::uint64_t m_depth = 0;
    double m_carry = 0.0;
};

} // namespace sitroom::sim
