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
// A gateway as the console names it: "오송 게이트웨이" for one that says
// which room it serves (Welcome.server_site), else "osong-gw:7600 게이트웨이".
QString gatewayName(const QString &address, sitroom::v1::Site room = sitroom::v1::SITE_UNSPECIFIED);
// Empty while the data is fresh.
QString staleCaption(const sitroom::models::SituationStore &store);

} // namespace sitroom::widgets
