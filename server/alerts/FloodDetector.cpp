#include "server/alerts/FloodDetector.h"

#include <algorithm>

namespace sitroom::alerts {

void FloodDetector::noteStart(std::int64_t timeMs, const QString &alertId)
{
    // One start is counted once, however often it is told (an alert restored
    // or followed again).
    const auto same = std::equal_range(m_starts.begin(), m_starts.end(), Start{timeMs, QString()},
                                       [](const Start &a, const Start &b) { return a.timeMs < b.timeMs; });
    if (std::any_of(same.first, same.second, [&](const Start &s) { return s.alertId == alertId; }))
        return;
    // Kept in time order (restored alerts may come in any order).
    m_starts.insert(same.second, {timeMs, alertId});
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
