#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QString>

#include <vector>

namespace sitroom::gateway {

// The stale-data interlock, on the gateway's side: a control decided on
// figures the gateway could not read fresh from the live system is refused
// unless the operator overrode explicitly (Command.stale_override, audited).
// Returns the refusal's Phrase ("refused.stale"), or one with no code when the
// command may go on. A
// throttle, pause or resume depends on the waiting room's figures; a
// provider switch on that provider's.
sitroom::v1::Phrase staleInterlock(const sitroom::v1::Command &command, const std::vector<sitroom::v1::StaleFigure> &stale);

} // namespace sitroom::gateway
