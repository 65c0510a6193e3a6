#pragma once

#include "sitroom/v1/control.pb.h"

#include <string>

namespace sitroom::models {

// A command the console could not send (no link, or the handshake not done)
// is answered by the console itself, so nothing waits for an answer that
// cannot come: a refusal without a control state. Every answer a gateway
// gives carries the control state, so the two never mix.
sitroom::v1::CommandResult notSentResult(const std::string &commandId);
// True for that answer: nobody decided anything, the command never left.
bool wasNotSent(const sitroom::v1::CommandResult &result);

} // namespace sitroom::models
