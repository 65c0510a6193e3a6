#include "server/gateway/ServiceLevel.h"

#include <algorithm>

namespace sitroom::gateway {

namespace {

qint64 tickIntervalMs(quint32 tickHz)
{
    return 1000 / std::max<quint32>(1, tickHz);
}

// The freshness ceiling: full while ticks come on time, falling through the
// degraded band while they are late, no data once they have stopped.
std::uint32_t freshnessCeiling(const ServiceInputs &in)
{
    using namespace service_level;
    if (in.sourceIdle)
        return kFull;   // nothing is due: the heartbeats prove the gateway is alive
    if (in.dataAgeMs < 0)
        return kNoData;
    const qint64 late = lateAfterMs(in.tickHz);
    const qint64 gone = noDataAfterMs(in.tickHz);
    if (in.dataAgeMs <= late)
        return kFull;
    if (in.dataAgeMs >= gone)
        return kNoData;
    const qint64 span = kLateCeiling - kLateFloor;
    const qint64 fallen = span * (in.dataAgeMs - late) / (gone - late);
    return std::uint32_t(kLateCeiling - fallen);
}

// Up to 40 for sessions against the capacity, up to 15 for the share of
// them that lag: a busy gateway stays healthy, but ranks below an idle one.
// One stalled console is its own problem (a laptop on a bad link), not the
// gateway's: lag counts from two sessions on.
std::uint32_t loadPenalty(const ServiceInputs &in)
{
    const int capacity = std::max(1, in.sessionCapacity);
    const int sessions = std::clamp(in.sessions, 0, capacity);
    const int lagging = std::clamp(in.laggingSessions, 0, std::max(0, in.sessions));
    const int sessionPart = sessions * 40 / capacity;
    const int lagPart = lagging >= 2 ? lagging * 15 / in.sessions : 0;
    return std::uint32_t(sessionPart + lagPart);
}

} // namespace

qint64 lateAfterMs(quint32 tickHz)
{
    return std::max<qint64>(3 * tickIntervalMs(tickHz), 1000);
}

qint64 noDataAfterMs(quint32 tickHz)
{
    return std::max<qint64>(10 * tickIntervalMs(tickHz), 5000);
}

std::uint32_t serviceLevel(const ServiceInputs &in)
{
    using namespace service_level;
    if (in.closing)
        return kDoNotUse;
    const std::uint32_t fresh = freshnessCeiling(in);
    if (fresh == kNoData)
        return kNoData;
    std::uint32_t level = std::min(fresh, kFull - loadPenalty(in));
    if (!in.storeReachable)
        level = std::min(level, kStoreDownCeiling);
    if (in.sessions > in.sessionCapacity)
        level = std::min(level, kOverloadedCeiling);
    // 0 and 1 say something specific; a degraded gateway is at least 2.
    return std::max<std::uint32_t>(level, 2);
}

bool ServiceLevelWatch::update(const ServiceInputs &inputs)
{
    const std::uint32_t level = serviceLevel(inputs);
    if (level == m_level)
        return false;
    m_level = level;
    return true;
}

} // namespace sitroom::gateway
