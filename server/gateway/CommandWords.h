#pragma once

#include "sitroom/v1/control.pb.h"

#include <QString>

namespace sitroom::gateway {

// The word an audit row's outcome starts with: "applied", "refused", ...
QString commandStatusWord(sitroom::v1::CommandStatus status);

// What a command does, in the audit's words: "set admission rate to 500/s".
QString describeCommand(const sitroom::v1::Command &command);

} // namespace sitroom::gateway
