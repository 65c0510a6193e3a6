#pragma once

#include "sitroom/v1/control.pb.h"

#include <QJsonObject>

namespace sitroom::gateway {

// What moved in the live system's controls between two control states, as
// the control webhook's "change" object says it (docs/control-webhook.md);
// timedEnd: the end of a timed disable. Two states that liveControlsDiffer
// always give an action the live system knows; "none" only when they do not.
QJsonObject webhookChange(const sitroom::v1::ControlState &before, const sitroom::v1::ControlState &after, bool timedEnd);

// `current` with the live controls a change (before -> after) moved put back
// as they were before it: each of them that still holds the change's value,
// so a later change of the same control stays. Revision, pending requests,
// the room in command and who changed it last are left to the caller.
sitroom::v1::ControlState undoLiveChange(const sitroom::v1::ControlState &current, const sitroom::v1::ControlState &before,
                                         const sitroom::v1::ControlState &after);

} // namespace sitroom::gateway
