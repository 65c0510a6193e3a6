#pragma once

#include "sitroom/v1/control.pb.h"

#include <QString>

namespace sitroom::gateway {

// The word an audit row's outcome starts with: "applied", "refused", ...
QString commandStatusWord(sitroom::v1::CommandStatus status);

} // namespace sitroom::gateway
