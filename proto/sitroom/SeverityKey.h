#pragma once

#include "sitroom/v1/alerts.pb.h"

#include <QString>

#include <optional>

namespace sitroom {

// An alert's severity as the gateway's records, sitroomctl's output and the
// server's phrases ("severity.critical") write it: "critical", "major",
// "minor", "info". Written once, beside the enum; the console's words for
// people come from the phrase book's translations.

// Empty for SEVERITY_UNSPECIFIED and any value this build does not know.
QString severityKey(sitroom::v1::Severity severity);
std::optional<sitroom::v1::Severity> severityFromKey(const QString &key);

} // namespace sitroom
