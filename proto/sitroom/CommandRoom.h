#pragma once

#include "sitroom/v1/control.pb.h"
#include "sitroom/v1/envelope.pb.h"

#include <QtGlobal>

namespace sitroom {

// Which situation room is in command (ControlState.command_site), as the
// gateway decides it and every console shows it (docs/controls.md, "The room
// in command"). Written once for both sides.

// The room in command; Seoul for a state from before it was kept (0).
sitroom::v1::Site commandSiteOf(const sitroom::v1::ControlState &control);
// Seoul and Osong may hold command; the ministry never does.
bool mayHoldCommand(quint32 site);
// The other commanding room: Seoul for Osong and Osong for Seoul;
// SITE_UNSPECIFIED for any other.
sitroom::v1::Site otherRoom(quint32 site);
// Whether a handover is waiting in this state.
bool handoverWaits(const sitroom::v1::ControlState &control);

} // namespace sitroom
