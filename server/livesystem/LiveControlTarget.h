#pragma once

#include "server/livesystem/ControlCommand.h"

#include <QString>

namespace sitroom::livesystem {

// What the control endpoint steers: the live system's own controls. The
// endpoint checks signature, idempotency and revision; the target judges and
// applies the values.
class LiveControlTarget
{
public:
    virtual ~LiveControlTarget() = default;

    // Empty when the live system accepts the desired state; otherwise a
    // plain-English reason (an admission rate out of bounds, an unknown
    // provider), answered 422 with nothing applied.
    virtual QString refusal(const ControlCommand &command) const = 0;
    // Makes the live system's controls those of command (the whole state).
    virtual void apply(const ControlCommand &command) = 0;
};

} // namespace sitroom::livesystem
