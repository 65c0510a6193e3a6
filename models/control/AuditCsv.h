#pragma once

#include "sitroom/v1/alerts.pb.h"

#include <QByteArray>
#include <QString>

#include <deque>

namespace sitroom::models {

// One CSV field, RFC 4180: quoted when it holds a comma, a double quote, CR or
// LF (or starts or ends with a space), double quotes doubled.
QString csvField(const QString &value);

// The audit as CSV (RFC 4180, UTF-8, CRLF line ends, a header line), oldest
// first: id, time (UTC, ISO 8601), user, site, action, reason, before, after,
// outcome, hash (hex). Values are written as recorded, never altered.
QByteArray auditCsv(const std::deque<sitroom::v1::AuditEntry> &entries);

} // namespace sitroom::models
