#include "models/telemetry/TelemetryLog.h"

namespace sitroom::models {
Q_LOGGING_CATEGORY(lcNet, "sitroom.net")
}
