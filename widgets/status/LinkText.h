#pragma once

#include "models/telemetry/TelemetryBatch.h"

#include <QString>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// The connection and freshness in plain words for the banner, the overlays
// and the status bar.
QString linkDescription(const sitroom::models::LinkEvent &link);
// REFUSAL_TOO_MANY_ATTEMPTS: whom the lock-out holds back and for how long.
QString lockoutText(const sitroom::models::LinkEvent &link);
QString ageText(qint64 ageMs);
// Empty while the data is fresh.
QString staleCaption(const sitroom::models::SituationStore &store);

} // namespace sitroom::widgets
