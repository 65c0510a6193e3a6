#pragma once

#include "sitroom/v1/alerts.pb.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace sitroom::gateway {

class StateDatabase;

// One audit row before it is written.
struct AuditRecord
{
    qint64 timeMs = 0;
    QString user;
    std::uint32_t site = 0;
    QString action;
    QString reason;
    QString before;
    QString after;
    QString outcome;
    QString commandId;            // the command decided or followed up, if any
    qint64 sourceTimeMs = 0;      // the live system's clock (0: not known)
    // action, reason and outcome as Phrases for the clients to word; the say*
    // setters write the English text fields from them.
    sitroom::v1::Phrase actionWords;
    sitroom::v1::Phrase reasonWords;   // only for the server's own reasons
    sitroom::v1::Phrase outcomeWords;

    void sayAction(const sitroom::v1::Phrase &words);
    void sayReason(const sitroom::v1::Phrase &words);
    void sayOutcome(const sitroom::v1::Phrase &words);
};

struct AuditVerification
{
    bool ok = true;
    std::uint64_t firstBrokenId = 0;   // 0 when the chain is whole
    QString detail;
    std::uint64_t rowsChecked = 0;
};

// The append-only, hash-chained audit trail in the state database:
// hash = SHA-256(previous row's hash || canonical(row)), the first row chaining
// to 32 zero bytes. canonical(row) is, for id, time_ms, user, site, action,
// reason, before, after, outcome in that order, each value's UTF-8 bytes (numbers
// in decimal) written as "<byte length>:<bytes>;", then, in rows that have
// them, command_id and source_time_ms, and in rows with Phrases, the Phrases
// (an AuditEntry holding only them, serialised deterministically). The head of the chain (last
// id and hash) is kept in a table of its own, so a deleted last row shows too.
class AuditLog final
{
public:
    explicit AuditLog(StateDatabase &database);

    // Appends inside the caller's transaction when there is one. An entry with
    // id 0 on failure (with error set).
    sitroom::v1::AuditEntry append(const AuditRecord &record, QString *error);
    // The newest n entries, oldest first.
    std::vector<sitroom::v1::AuditEntry> recent(int n) const;
    // Entries with id > afterId, oldest first, at most limit; *more when others follow.
    std::vector<sitroom::v1::AuditEntry> page(std::uint64_t afterId, int limit, bool *more = nullptr) const;
    AuditVerification verify() const;

    static QByteArray canonical(const sitroom::v1::AuditEntry &entry);
    static QByteArray chainHash(const QByteArray &previous, const sitroom::v1::AuditEntry &entry);

private:
    StateDatabase &m_db;
};

} // namespace sitroom::gateway
