#pragma once

#include "domain/LiveClock.h"

#include "sitroom/v1/alerts.pb.h"

#include <QByteArray>
#include <QString>

#include <deque>

namespace sitroom::models {

// One CSV field, RFC 4180: quoted when it holds a comma, a double quote, CR or
// LF (or starts or ends with a space), double quotes doubled.
QString csvField(const QString &value);

// The audit as CSV (RFC 4180, UTF-8, CRLF line ends, a header line), oldest
// first: id, time, clock, user, site, action, reason, before, after, outcome,
// hash (hex), command_id. The time is on the live system's clock in its zone,
// ISO 8601 with the offset; the header names clock and zone ("time (live
// system, KST)"). A row written before the gateway kept the live system's
// clock has the gateway's wall clock instead, and its clock column says
// "gateway" (else "live system"). Values are written as recorded, never altered.
QByteArray auditCsv(const std::deque<sitroom::v1::AuditEntry> &entries,
                    const sitroom::domain::LiveClock &clock = {});

} // namespace sitroom::models
