#pragma once

#include "server/alerts/AlertRules.h"

#include <QString>

#include <cstdint>
#include <deque>

namespace sitroom::alerts {

// Counts alert starts (raised or reactivated) in the ISA-18.2 window and
// decides whether that is a flood: it begins when the count goes above
// startAbove and ends when it falls to endAtOrBelow. The first-out is the
// earliest start still in the window when the flood began: in a cascade, the
// alert nearest the cause.
class FloodDetector final
{
public:
    explicit FloodDetector(FloodSettings settings = {}) : m_settings(settings) {}

    // An alert started (raised, or active again) at timeMs; the same start
    // told again is not counted again.
    void noteStart(std::int64_t timeMs, const QString &alertId);
    // The window now ends at nowMs; the flood may begin or end.
    void update(std::int64_t nowMs);

    std::uint32_t startedInWindow() const { return std::uint32_t(m_starts.size()); }
    bool flood() const { return m_flood; }
    const QString &firstOutId() const { return m_firstOut; }

private:
    struct Start
    {
        std::int64_t timeMs;
        QString alertId;
    };

    FloodSettings m_settings;
    std::deque<Start> m_starts;
    bool m_flood = false;
    QString m_firstOut;
};

} // namespace sitroom::alerts
