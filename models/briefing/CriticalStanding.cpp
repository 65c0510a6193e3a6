#include "models/briefing/CriticalStanding.h"

#include "models/alerts/AlarmLoad.h"

#include "sitroom/v1/alerts.pb.h"

#include <tuple>

namespace sitroom::models {

namespace {

// Smaller is worse.
auto rank(const sitroom::v1::Alert &a)
{
    return std::tuple(isUnacknowledged(a.state()) ? 0 : 1, a.first_out() ? 0 : 1, a.raised_ms());
}

} // namespace

CriticalStanding criticalStanding(const std::vector<sitroom::v1::Alert> &alerts)
{
    CriticalStanding c;
    for (const sitroom::v1::Alert &a : alerts) {
        const bool standing = a.state() == sitroom::v1::ALERT_ACTIVE_UNACKED || a.state() == sitroom::v1::ALERT_ACTIVE_ACKED;
        if (!standing || a.severity() != sitroom::v1::SEVERITY_CRITICAL)
            continue;
        ++c.count;
        if (isUnacknowledged(a.state()))
            ++c.unacknowledged;
        if (!c.worst || rank(a) < rank(*c.worst))
            c.worst = &a;
    }
    return c;
}

} // namespace sitroom::models
