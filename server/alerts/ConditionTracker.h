#pragma once

#include "server/alerts/AlertRules.h"

#include <cstdint>
#include <optional>

namespace sitroom::alerts {

// One rule's condition on one subject: which of the rule's levels the figure
// is at, with the on-delay (a level must hold that long before the condition
// reaches it), the off-delay (and be left that long before the condition
// drops) and hysteresis (a level is left only when the figure gets back past
// threshold * (1 -/+ h), so a signal wobbling around a threshold does not
// flap). No value (a disabled provider, a paused queue, too few bookings)
// counts as normal.
class ConditionTracker final
{
public:
    ConditionTracker() = default;
    // A condition known to be at this level already (restored alerts), so
    // that it returns to normal only after its off-delay.
    explicit ConditionTracker(int level) : m_level(level), m_target(level) {}

    // A new figure at nowMs.
    void observe(const AlertRule &rule, std::optional<double> value, std::int64_t nowMs);
    // Time passes without a new figure: delays may run out.
    void advance(const AlertRule &rule, std::int64_t nowMs);

    int level() const { return m_level; }          // -1 when the condition does not hold
    bool holds() const { return m_level >= 0; }
    std::optional<double> value() const { return m_value; }

private:
    int targetFor(const AlertRule &rule, double value) const;

    int m_level = -1;          // the level the condition is at, after the delays
    int m_target = -1;         // the level the figure is at now
    std::int64_t m_since = 0;  // when the figure went to a level other than m_level
    bool m_pending = false;
    std::optional<double> m_value;
};

} // namespace sitroom::alerts
