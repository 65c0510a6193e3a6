#include "server/sim/DelayLine.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace sitroom::sim {

void DelayLine::add(std::uint64_t count, double meanDelayS)
{
    if (count == 0)
        return;
    const double mean = std::clamp(meanDelayS, 1.0, double(kHorizonS - 1) / 1.5);
    // Short delays are not spread: a second is the line's resolution.
    const bool spread = mean >= 2.0;
    const int first = spread ? std::max(1, int(std::lround(mean * 0.5))) : int(std::lround(mean));
    const int last = spread ? std::max(first, int(std::lround(mean * 1.5))) : first;
    const auto slotCount = std::uint64_t(last - first + 1);
    const std::uint64_t each = count / slotCount;
    std::uint64_t remainder = count % slotCount;
    for (int d = first; d <= last; ++d) {
        // The remainder goes to the middle slots first, keeping the mean.
        std::uint64_t extra = 0;
        if (remainder > 0 && (d - first) >= int(slotCount - remainder) / 2) {
            extra = 1;
            --remainder;
        }
        m_slots[std::size_t((m_now + d) % kHorizonS)] += each + extra;
    }
    m_pending += count;
}

std::uint64_t DelayLine::take()
{
    m_now = (m_now + 1) % kHorizonS;
    const std::uint64_t due = std::exchange(m_slots[std::size_t(m_now)], 0);
    m_pending -= due;
    return due;
}

} // namespace sitroom::sim
