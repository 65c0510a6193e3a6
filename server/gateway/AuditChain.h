#pragma once

#include "sitroom/v1/alerts.pb.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace sitroom::gateway {

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
    // sourceTimeMs is the row's own, 0 too: not stamped with the clock of the
    // moment it is written (a row written late, AuditBacklog).
    bool sourceTimeFixed = false;
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
    // False when the rows could not be read (the store out of reach): the
    // chain was not checked, and nothing is known of it; ok is false too,
    // and detail says why. Never to be read as a broken chain.
    bool checked = true;
    std::uint64_t firstBrokenId = 0;   // 0 when the chain is whole
    QString detail;
    std::uint64_t rowsChecked = 0;
};

// The last row written to the chain, kept apart from the rows so that a
// deleted last row shows too.
struct AuditHead
{
    std::uint64_t lastId = 0;
    QByteArray lastHash;
};

// The append-only, hash-chained audit trail, whatever keeps it:
// hash = SHA-256(previous row's hash || canonical(row)), the first row chaining
// to 32 zero bytes. canonical(row) is, for id, time_ms, user, site, action,
// reason, before, after, outcome in that order, each value's UTF-8 bytes
// (numbers in decimal) written as "<byte length>:<bytes>;", then, in rows that
// have them, command_id and source_time_ms, and in rows with Phrases, the
// Phrases (an AuditEntry holding only them, serialised deterministically).
namespace auditchain {

QByteArray genesis();
QByteArray canonical(const sitroom::v1::AuditEntry &entry);
QByteArray chainHash(const QByteArray &previous, const sitroom::v1::AuditEntry &entry);
// The entry the record becomes as row `id` after a row hashed `previousHash`, hash set.
sitroom::v1::AuditEntry seal(const AuditRecord &record, std::uint64_t id, const QByteArray &previousHash);
// A row's Phrases as they are kept beside it (the bytes under the hash);
// empty when it has none. setWords reads them back into an entry.
QByteArray wordsOf(const sitroom::v1::AuditEntry &entry);
void setWords(sitroom::v1::AuditEntry &entry, const QByteArray &words);

} // namespace auditchain

// Walks the stored rows in id order and names the first that breaks the
// chain: a changed row by its id, a missing one (or several) between two
// that are there, and, against the stored head, missing last rows.
class AuditChainCheck final
{
public:
    // False once the chain is broken: the caller stops reading.
    bool add(const sitroom::v1::AuditEntry &entry);
    AuditVerification finish(const std::optional<AuditHead> &head);
    // The rows could not be read at all, or not to their end: not checked.
    static AuditVerification unreadable(const QString &why);

private:
    bool broken(std::uint64_t id, const QString &detail);

    AuditVerification m_result;
    QByteArray m_previous = auditchain::genesis();
    std::uint64_t m_previousId = 0;
};

} // namespace sitroom::gateway
