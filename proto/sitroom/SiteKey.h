#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace sitroom {

// A situation room as files, options and outputs write it ("seoul", "osong",
// "ministry"): the users file, --site, sitroomctl's and the audit CSV's
// columns, the control webhook's actor. Written once, beside the enum; how a
// console shows the site to people is its own, translated, business.

// Empty for SITE_UNSPECIFIED and any value this build does not know.
QString siteKey(sitroom::v1::Site site);
// As Actor.site and AuditEntry.site carry it.
QString siteKey(quint32 site);
// Exactly as written above (callers that forgive case lower it first).
std::optional<sitroom::v1::Site> siteFromKey(const QString &key);
// Every site's key, in the enum's order.
QStringList siteKeys();
// The keys as an error message lists them: "seoul, osong or ministry".
QString siteKeyChoices();

} // namespace sitroom
