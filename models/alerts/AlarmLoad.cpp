#include "models/alerts/AlarmLoad.h"

#include "sitroom/v1/alerts.pb.h"

namespace sitroom::models {

bool isUnacknowledged(int alertState)
{
    return alertState == sitroom::v1::ALERT_ACTIVE_UNACKED || alertState == sitroom::v1::ALERT_RTN_UNACKED;
}

AlarmVerdict AlarmPicture::verdict() const
{
    if (rateBand() == AlarmLoadBand::Flood)
        return AlarmVerdict::Flood;
    if (unacknowledgedCritical > 0)
        return AlarmVerdict::CriticalUnacknowledged;
    if (rateBand() == AlarmLoadBand::Busy)
        return AlarmVerdict::Busy;
    if (unacknowledged > 0 || standing >= kStandingCalmBelow)
        return AlarmVerdict::Waiting;
    return AlarmVerdict::Calm;
}

AlarmPicture alarmPicture(const std::vector<sitroom::v1::Alert> &alerts, quint32 startedLast10min, bool flood)
{
    AlarmPicture p;
    p.startedLast10min = startedLast10min;
    p.flood = flood;
    for (const sitroom::v1::Alert &a : alerts) {
        switch (a.state()) {
        case sitroom::v1::ALERT_ACTIVE_UNACKED:
        case sitroom::v1::ALERT_ACTIVE_ACKED:
            ++p.standing;
            break;
        case sitroom::v1::ALERT_SHELVED:
            ++p.shelved;
            break;
        default:
            break;
        }
        if (isUnacknowledged(a.state())) {
            ++p.unacknowledged;
            // The latched severity: an alert that reached critical stays so until acknowledged.
            if (a.severity() == sitroom::v1::SEVERITY_CRITICAL)
                ++p.unacknowledgedCritical;
        }
    }
    return p;
}

} // namespace sitroom::models
