#pragma once

#include "sitroom/v1/alerts.pb.h"
#include "sitroom/v1/control.pb.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

class QSqlQuery;

// Rows of the shared state's tables as the gateway's messages, for the
// PostgreSQL store and its transactions.
namespace sitroom::gateway::pgrows {

// The audit table's columns in the order staterows::auditEntryFrom() reads them.
inline constexpr char kAuditColumns[] =
    "id, time_ms, user_name, site, action, reason, before, after, outcome, hash, command_id, source_time_ms, words";

// The first result stored for a command_id; failed() when it could not be read.
std::optional<sitroom::v1::CommandResult> findResult(QSqlQuery &q, const QString &commandId,
                                                     const std::function<void()> &failed);

} // namespace sitroom::gateway::pgrows
