#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QJsonObject>
#include <QString>

namespace sitroom::ctl {

// `sitroomctl alerts`: the open alerts of a Snapshot, most severe first, and
// the alarm load (starts in the last 10 minutes, flood).
QString alertsText(const sitroom::v1::Snapshot &snapshot);
QJsonObject alertsJson(const sitroom::v1::Snapshot &snapshot);

QString severityName(sitroom::v1::Severity severity);   // "critical", …
QString alertStateName(sitroom::v1::AlertState state);  // "active-unacked", …

} // namespace sitroom::ctl
