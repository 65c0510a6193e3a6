#include "server/gateway/GatewayLog.h"

namespace sitroom::gateway {

Q_LOGGING_CATEGORY(lcGateway, "sitroom.gateway")

} // namespace sitroom::gateway
