#pragma once

#include <QLoggingCategory>

namespace sitroom::gateway {

// "sitroom.gateway": sessions opening and closing, refusals, slow clients.
Q_DECLARE_LOGGING_CATEGORY(lcGateway)

} // namespace sitroom::gateway
