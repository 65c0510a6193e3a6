#pragma once

#include <QtGlobal>

#include <vector>

namespace sitroom::v1 {
class Alert;
}

namespace sitroom::models {

// Alarm load against ISA-18.2 / EEMUA 191: about 1–2 new alerts per 10
// minutes per operator is manageable; more than 10 in 10 minutes is a flood,
// which the console summarises instead of listing.
enum class AlarmLoadBand {
    Calm,     // ≤ 2 per 10 min
    Busy,     // 3 … 10
    Flood,    // > 10
};

inline constexpr quint32 kAlarmLoadCalmMax = 2;
inline constexpr quint32 kAlarmLoadFloodAbove = 10;
// EEMUA 191: fewer than 10 standing alarms in steady operation.
inline constexpr int kStandingCalmBelow = 10;

constexpr AlarmLoadBand alarmLoadBand(quint32 alertsPer10Min)
{
    if (alertsPer10Min <= kAlarmLoadCalmMax)
        return AlarmLoadBand::Calm;
    if (alertsPer10Min <= kAlarmLoadFloodAbove)
        return AlarmLoadBand::Busy;
    return AlarmLoadBand::Flood;
}

// What the room's alarm situation is, worst first in the order a word is
// chosen: a flood; a critical alert nobody acknowledged (never calm, however
// quiet the rate); a rate above target; alerts waiting (unacknowledged, or
// too many standing); calm.
enum class AlarmVerdict {
    Calm,
    Waiting,                  // rate at target, but unacknowledged or ≥ 10 standing alerts
    Busy,                     // 3 … 10 starts per 10 min
    CriticalUnacknowledged,   // a critical alert stands unacknowledged
    Flood,                    // the engine's flood, or > 10 starts per 10 min
};

// ISA-18.2 watches the rate and what stands: the starts of the last 10
// minutes (the engine's count) beside the alerts still in force.
struct AlarmPicture
{
    quint32 startedLast10min = 0;
    bool flood = false;              // the engine's word; the count alone may lag
    int standing = 0;                // condition in force: active, acknowledged or not (shelved ones apart)
    int unacknowledged = 0;          // active or returned to normal, not yet acknowledged
    int unacknowledgedCritical = 0;  // of which latched critical
    int shelved = 0;

    AlarmLoadBand rateBand() const { return flood ? AlarmLoadBand::Flood : alarmLoadBand(startedLast10min); }
    AlarmVerdict verdict() const;
    bool operator==(const AlarmPicture &) const = default;
};

// Counts the store's alerts (every alert not cleared) into a picture.
AlarmPicture alarmPicture(const std::vector<sitroom::v1::Alert> &alerts, quint32 startedLast10min, bool flood);

// The lifecycle states that still wait for an operator's acknowledgement.
bool isUnacknowledged(int alertState);

} // namespace sitroom::models
