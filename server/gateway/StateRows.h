#pragma once

#include "sitroom/v1/alerts.pb.h"

#include <QByteArray>

#include <optional>

class QSqlQuery;

// The gateway's state rows as its messages, for both SQL backends (SQLite and
// PostgreSQL keep the same columns in the same order; OutboxRows does the same
// for the delivery outbox).
namespace sitroom::gateway::staterows {

// The audit row the query stands on, its columns in the order of each
// backend's audit column list: id, time_ms, user, site, action, reason,
// before, after, outcome, hash, command_id, source_time_ms, words.
sitroom::v1::AuditEntry auditEntryFrom(const QSqlQuery &q);

// A stored message; nothing when the blob does not parse.
template<typename Message>
std::optional<Message> parsed(const QByteArray &blob)
{
    Message message;
    if (!message.ParseFromArray(blob.constData(), int(blob.size())))
        return std::nullopt;
    return message;
}

} // namespace sitroom::gateway::staterows
