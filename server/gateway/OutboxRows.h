#pragma once

#include "server/gateway/OutboxEntry.h"

#include <optional>

class QSqlQuery;

// The delivery outbox's rows as OutboxEntry, for both backends: one table,
// control_outbox, with the same columns in SQLite and PostgreSQL.
namespace sitroom::gateway::outboxrows {

// The columns in the order entryFrom() reads them and bindAll() binds them.
inline constexpr char kColumns[] =
    "command_id, revision, status, attempts, decided_at_ms, lease_holder, lease_until_ms, answer, payload";
// The column list's placeholders.
inline constexpr char kPlaceholders[] = "?, ?, ?, ?, ?, ?, ?, ?, ?";

// The row the query stands on; nothing when its payload cannot be read.
std::optional<OutboxEntry> entryFrom(const QSqlQuery &q);
// Binds every column of kColumns, in order.
void bindAll(QSqlQuery &q, const OutboxEntry &entry);

} // namespace sitroom::gateway::outboxrows
