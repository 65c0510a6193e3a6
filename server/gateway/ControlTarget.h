#pragma once

#include "sitroom/v1/control.pb.h"

namespace sitroom::gateway {

// What the live system (the simulator, or a real system's adapter) implements
// to take the operators' controls. Called with the whole state on every
// applied change and once at start with the state that wins (the stored one
// after a restart). A provider that goes from disabled to enabled ramps its
// share of new citizens back in over its ramp_s.
class ControlTarget
{
public:
    virtual ~ControlTarget() = default;
    virtual void applyControl(const sitroom::v1::ControlState &control) = 0;
};

} // namespace sitroom::gateway
