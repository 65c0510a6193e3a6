#include "server/alerts/ConditionTracker.h"

#include <cmath>

namespace sitroom::alerts {

int ConditionTracker::targetFor(const AlertRule &rule, double value) const
{
    int target = -1;
    for (std::size_t i = 0; i < rule.levels.size(); ++i) {
        const double threshold = rule.levels[i].threshold;
        // A level the condition is at (or past) already is held until the
        // figure gets back past the hysteresis band; a new one needs the
        // threshold itself.
        const bool held = int(i) <= m_level;
        bool reached = false;
        if (rule.direction == Direction::Above) {
            const double limit = held ? threshold - std::abs(threshold) * rule.hysteresis : threshold;
            reached = held ? value > limit : value >= limit;
        } else {
            const double limit = held ? threshold + std::abs(threshold) * rule.hysteresis : threshold;
            reached = held ? value < limit : value <= limit;
        }
        if (reached)
            target = int(i);
    }
    return target;
}

void ConditionTracker::observe(const AlertRule &rule, std::optional<double> value, std::int64_t nowMs)
{
    m_value = value;
    const int target = value ? targetFor(rule, *value) : -1;
    if (target != m_target) {
        // The figure moved to another level: the delay starts again, unless it
        // is only moving further the same way it already was.
        const bool sameWay = m_pending && ((target > m_level) == (m_target > m_level));
        if (!sameWay || target == m_level)
            m_since = nowMs;
        m_target = target;
        m_pending = target != m_level;
    }
    advance(rule, nowMs);
}

void ConditionTracker::advance(const AlertRule &rule, std::int64_t nowMs)
{
    if (!m_pending)
        return;
    const double delayS = m_target > m_level ? rule.onDelayS : rule.offDelayS;
    if (double(nowMs - m_since) >= delayS * 1000.0) {
        m_level = m_target;
        m_pending = false;
    }
}

} // namespace sitroom::alerts
