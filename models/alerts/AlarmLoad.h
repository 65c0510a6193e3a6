#pragma once

#include <QtGlobal>

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

constexpr AlarmLoadBand alarmLoadBand(quint32 alertsPer10Min)
{
    if (alertsPer10Min <= kAlarmLoadCalmMax)
        return AlarmLoadBand::Calm;
    if (alertsPer10Min <= kAlarmLoadFloodAbove)
        return AlarmLoadBand::Busy;
    return AlarmLoadBand::Flood;
}

} // namespace sitroom::models
