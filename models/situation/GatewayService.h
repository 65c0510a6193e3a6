#pragma once

#include "models/telemetry/TelemetryBatch.h"

#include "sitroom/v1/envelope.pb.h"

#include <QtGlobal>

namespace sitroom::models {

// What the gateway in use says of how well it can serve, read from its
// service level (docs/protocol.md, "Service level"): the level itself, and
// whether its state store is out of reach, in which case it refuses every
// command at once while telemetry keeps flowing (docs/controls.md,
// "PostgreSQL down").
//
// The level is one number made of several causes, so the store is read from
// it only where the scale leaves no doubt: above kStoreDownCeiling the store
// answers; at or below it, on fresh data (a Tick, or a Heartbeat of an idle
// source), only the store can have taken it there (the data's lateness cannot,
// and load or overload stay above it). A level at or below it on late data
// says nothing new about the store: what was known is kept.
class GatewayService final
{
public:
    // The scale's band for a gateway whose state store cannot be reached
    // (server/gateway/ServiceLevel's kStoreDownCeiling).
    static constexpr quint32 kStoreDownCeiling = 100;
    // 0: the gateway is shutting down.
    static constexpr quint32 kDoNotUse = 0;

    // A new session: what its Welcome says (no level: a gateway that does not
    // say, taken as healthy).
    void welcome(const sitroom::v1::Welcome &welcome);
    // A broadcast's level. True when what this says moved.
    bool hear(const ServiceLevelNews &news);

    quint32 level() const { return m_level; }
    // Known to be out of reach: the gateway will refuse any command.
    bool storeUnreachable() const { return m_storeUnreachable; }

    friend bool operator==(const GatewayService &, const GatewayService &) = default;

private:
    quint32 m_level = 255;
    bool m_storeUnreachable = false;
};

} // namespace sitroom::models
