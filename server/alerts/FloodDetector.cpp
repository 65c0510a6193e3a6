#include "server/alerts/FloodDetector.h"

#include <algorithm>

namespace sitroom::alerts {

void FloodDetector::noteStart(std::int64_t timeMs, const QString &alertId)
{
    // Kept in time order (restored alerts may come in any order).
    const auto at = std::upper_bound(m_starts.begin(), m_starts.end(), timeMs,
                                     [](std::int64_t t, const Start &s) { return t < s.timeMs; });
    m_starts.insert(at, {timeMs, alertId});
}

void FloodDetector::update(std::int64_t nowMs)
{
    const std::int64_t windowStart = nowMs - m_settings.windowS * 1000;
    while (!m_starts.empty() && m_starts.front().timeMs <= windowStart)
        m_starts.pop_front();
    const std::uint32_t count = startedInWindow();
    if (!m_flood && count > m_settings.startAbove) {
        m_flood = true;
        m_firstOut = m_starts.front().alertId;
    } else if (m_flood && count <= m_settings.endAtOrBelow) {
        m_flood = false;
        m_firstOut.clear();
    }
}

} // namespace sitroom::alerts
