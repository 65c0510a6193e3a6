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

// A disable for a set time ends on the live system's clock: while that clock
// is not known (sourceNowMs 0, before Prometheus has its first sample) it
// cannot be timed and is refused ("refused.clock_unknown"), override or not;
// a disable until re-enabled by hand goes on.
sitroom::v1::Phrase clockInterlock(const sitroom::v1::Command &command, qint64 sourceNowMs);

} // namespace sitroom::gateway
