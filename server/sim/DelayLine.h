#pragma once

#include <array>
#include <cstdint>

namespace sitroom::sim {

// People on their way to the next step, counted per future second. Adding n
// people with a mean delay spreads them evenly over half to one and a half
// times that delay, so a crowd does not move in lockstep.
class DelayLine final
{
public:
    static constexpr int kHorizonS = 512;

    void add(std::uint64_t count, double meanDelayS);
    // The people due now; the line then moves on by one second.
    std::uint64_t take();
    std::uint64_t pending() const { return m_pending; }

private:
    std::array<std::uint64_t, kHorizonS> m_slots{};
    int m_now = 0;
    std::uint64_t m_pending = 0;
};

} // namespace sitroom::sim
