#pragma once

#include <QtGlobal>

#include <cstdint>

namespace sitroom::gateway {

// What a gateway's service level is made of: how fresh its data is, whether
// its state store answers, and how loaded it is (docs/protocol.md, "Service
// level").
struct ServiceInputs
{
    static constexpr int kDefaultSessionCapacity = 200;

    bool closing = false;           // the gateway is shutting down
    qint64 dataAgeMs = -1;          // since the source's last tick; -1: none yet
    quint32 tickHz = 1;             // the rate the source ticks at
    bool sourceIdle = false;        // the live system's clock has stopped: no tick is due
    bool storeReachable = true;     // the gateway's state store answers (controls can be decided)
    int sessions = 0;               // open connections
    int laggingSessions = 0;        // of those, how many are too far behind to be fed
    int sessionCapacity = kDefaultSessionCapacity;
};

// The scale, in the spirit of OPC UA's ServiceLevel: clients pick the
// gateway with the highest level and leave one that falls below kHealthy.
namespace service_level {
inline constexpr std::uint32_t kDoNotUse = 0;   // shutting down: go elsewhere now
inline constexpr std::uint32_t kNoData = 1;     // serving, but with nothing current to serve
inline constexpr std::uint32_t kHealthy = 200;  // 200 and above: healthy; 2..199: degraded
inline constexpr std::uint32_t kFull = 255;
// Degraded bands' ceilings.
inline constexpr std::uint32_t kLateCeiling = 150;       // the data is late: 150 falling to 50
inline constexpr std::uint32_t kLateFloor = 50;
inline constexpr std::uint32_t kStoreDownCeiling = 100;  // telemetry flows, controls are refused
inline constexpr std::uint32_t kOverloadedCeiling = 180; // more sessions than it is sized for
} // namespace service_level

// The data counts as late after three missed ticks (at least 1 s), and as
// gone after ten (at least 5 s).
qint64 lateAfterMs(quint32 tickHz);
qint64 noDataAfterMs(quint32 tickHz);

// 0..255 from the inputs; pure.
std::uint32_t serviceLevel(const ServiceInputs &inputs);

// The level a gateway advertises, and what it has seen of its source. The
// gateway recomputes it on a short timer and on each tick, and tells its
// sessions at once when it moves (a Heartbeat out of turn).
class ServiceLevelWatch final
{
public:
    void noteTick(qint64 monotonicMs) { m_lastTickMs = monotonicMs; }
    // Age of the newest tick at monotonicMs; -1 before the first.
    qint64 dataAgeMs(qint64 monotonicMs) const { return m_lastTickMs < 0 ? -1 : monotonicMs - m_lastTickMs; }
    // True when the level moved.
    bool update(const ServiceInputs &inputs);
    std::uint32_t level() const { return m_level; }

private:
    qint64 m_lastTickMs = -1;
    std::uint32_t m_level = service_level::kNoData;
};

} // namespace sitroom::gateway
