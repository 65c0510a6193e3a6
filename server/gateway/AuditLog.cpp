#include "server/gateway/AuditLog.h"

#include "server/gateway/StateDatabase.h"

#include "proto/sitroom/PhraseBook.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sitroom::gateway {

namespace {

const QByteArray kGenesis(32, '\0');

void addField(QByteArray &out, const QByteArray &value)
{
    out += QByteArray::number(value.size());
    out += ':';
    out += value;
    out += ';';
}

sitroom::v1::AuditEntry entryFrom(const QSqlQuery &q)
{
    sitroom::v1::AuditEntry e;
    e.set_id(q.value(0).toULongLong());
    e.set_time_ms(q.value(1).toLongLong());
    e.set_user(q.value(2).toString().toStdString());
    e.set_site(q.value(3).toUInt());
    e.set_action(q.value(4).toString().toStdString());
    e.set_reason(q.value(5).toString().toStdString());
    e.set_before(q.value(6).toString().toStdString());
    e.set_after(q.value(7).toString().toStdString());
    e.set_outcome(q.value(8).toString().toStdString());
    const QByteArray hash = q.value(9).toByteArray();
    e.set_hash(hash.constData(), size_t(hash.size()));
    e.set_command_id(q.value(10).toString().toStdString());
    e.set_source_time_ms(q.value(11).toLongLong());
    const QByteArray words = q.value(12).toByteArray();
    sitroom::v1::AuditEntry said;
    if (!words.isEmpty() && said.ParseFromArray(words.constData(), int(words.size()))) {
        *e.mutable_action_words() = said.action_words();
        *e.mutable_reason_words() = said.reason_words();
        *e.mutable_outcome_words() = said.outcome_words();
    }
    return e;
}

bool hasWords(const sitroom::v1::AuditEntry &e)
{
    return e.has_action_words() || e.has_reason_words() || e.has_outcome_words();
}

// The entry's Phrases alone, serialised with map keys in order, so the bytes
// stored and the bytes hashed are the same however the entry was read.
QByteArray wordsOf(const sitroom::v1::AuditEntry &e)
{
    if (!hasWords(e))
        return {};
    sitroom::v1::AuditEntry said;
    *said.mutable_action_words() = e.action_words();
    *said.mutable_reason_words() = e.reason_words();
    *said.mutable_outcome_words() = e.outcome_words();
    std::string bytes;
    {
        google::protobuf::io::StringOutputStream stream(&bytes);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        said.SerializeToCodedStream(&coded);
    }
    return QByteArray::fromStdString(bytes);
}

// SQLite stores a null QString as NULL; the columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

const char kColumns[] = "id, time_ms, user, site, action, reason, before, after, outcome, hash, command_id, source_time_ms, words";

} // namespace

void AuditRecord::sayAction(const sitroom::v1::Phrase &words)
{
    actionWords = words;
    action = phrase::english(words);
}

void AuditRecord::sayReason(const sitroom::v1::Phrase &words)
{
    reasonWords = words;
    reason = phrase::english(words);
}

void AuditRecord::sayOutcome(const sitroom::v1::Phrase &words)
{
    outcomeWords = words;
    outcome = phrase::english(words);
}

AuditLog::AuditLog(StateDatabase &database)
    : m_db(database)
{
}

QByteArray AuditLog::canonical(const sitroom::v1::AuditEntry &e)
{
    QByteArray out;
    addField(out, QByteArray::number(qulonglong(e.id())));
    addField(out, QByteArray::number(qlonglong(e.time_ms())));
    addField(out, QByteArray::fromStdString(e.user()));
    addField(out, QByteArray::number(e.site()));
    addField(out, QByteArray::fromStdString(e.action()));
    addField(out, QByteArray::fromStdString(e.reason()));
    addField(out, QByteArray::fromStdString(e.before()));
    addField(out, QByteArray::fromStdString(e.after()));
    addField(out, QByteArray::fromStdString(e.outcome()));
    // Fields added later take part only when set, so rows written before
    // them verify as they were written.
    if (!e.command_id().empty() || e.source_time_ms() != 0 || hasWords(e)) {
        addField(out, QByteArray::fromStdString(e.command_id()));
        addField(out, QByteArray::number(qlonglong(e.source_time_ms())));
    }
    if (hasWords(e))
        addField(out, wordsOf(e));
    return out;
}

QByteArray AuditLog::chainHash(const QByteArray &previous, const sitroom::v1::AuditEntry &entry)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(previous);
    h.addData(canonical(entry));
    return h.result();
}

sitroom::v1::AuditEntry AuditLog::append(const AuditRecord &r, QString *error)
{
    QSqlDatabase db = m_db.database();
    QSqlQuery q(db);
    QByteArray previous = kGenesis;
    std::uint64_t lastId = 0;
    if (!q.exec(QStringLiteral("SELECT last_id, last_hash FROM audit_head WHERE k = 1"))) {
        *error = q.lastError().text();
        return {};
    }
    if (q.next()) {
        lastId = q.value(0).toULongLong();
        previous = q.value(1).toByteArray();
    }
    // AUTOINCREMENT never reuses an id; the row's id is part of its hash, so
    // it is chosen here and written explicitly.
    q.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'audit'"));
    std::uint64_t id = lastId + 1;
    if (q.next())
        id = std::max<std::uint64_t>(id, q.value(0).toULongLong() + 1);

    sitroom::v1::AuditEntry e;
    e.set_id(id);
    e.set_time_ms(r.timeMs);
    e.set_user(r.user.toStdString());
    e.set_site(r.site);
    e.set_action(r.action.toStdString());
    e.set_reason(r.reason.toStdString());
    e.set_before(r.before.toStdString());
    e.set_after(r.after.toStdString());
    e.set_outcome(r.outcome.toStdString());
    e.set_command_id(r.commandId.toStdString());
    e.set_source_time_ms(r.sourceTimeMs);
    if (!r.actionWords.code().empty())
        *e.mutable_action_words() = r.actionWords;
    if (!r.reasonWords.code().empty())
        *e.mutable_reason_words() = r.reasonWords;
    if (!r.outcomeWords.code().empty())
        *e.mutable_outcome_words() = r.outcomeWords;
    const QByteArray hash = chainHash(previous, e);
    e.set_hash(hash.constData(), size_t(hash.size()));

    q.prepare(QStringLiteral("INSERT INTO audit (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(QLatin1String(kColumns)));
    q.addBindValue(qulonglong(id));
    q.addBindValue(qlonglong(r.timeMs));
    q.addBindValue(text(r.user));
    q.addBindValue(r.site);
    q.addBindValue(text(r.action));
    q.addBindValue(text(r.reason));
    q.addBindValue(text(r.before));
    q.addBindValue(text(r.after));
    q.addBindValue(text(r.outcome));
    q.addBindValue(hash);
    q.addBindValue(text(r.commandId));
    q.addBindValue(qlonglong(r.sourceTimeMs));
    // Never a null QByteArray: the column is NOT NULL.
    const QByteArray words = wordsOf(e);
    q.addBindValue(words.isNull() ? QByteArray("") : words);
    if (!q.exec()) {
        *error = q.lastError().text();
        return {};
    }
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO audit_head (k, last_id, last_hash) VALUES (1, ?, ?)"));
    q.addBindValue(qulonglong(id));
    q.addBindValue(hash);
    if (!q.exec()) {
        *error = q.lastError().text();
        return {};
    }
    return e;
}

std::vector<sitroom::v1::AuditEntry> AuditLog::recent(int n) const
{
    std::vector<sitroom::v1::AuditEntry> out;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT %1 FROM audit ORDER BY id DESC LIMIT ?").arg(QLatin1String(kColumns)));
    q.addBindValue(n);
    if (q.exec())
        while (q.next())
            out.push_back(entryFrom(q));
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<sitroom::v1::AuditEntry> AuditLog::page(std::uint64_t afterId, int limit, bool *more) const
{
    std::vector<sitroom::v1::AuditEntry> out;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT %1 FROM audit WHERE id > ? ORDER BY id LIMIT ?").arg(QLatin1String(kColumns)));
    q.addBindValue(qulonglong(afterId));
    q.addBindValue(limit + 1);
    if (q.exec())
        while (q.next())
            out.push_back(entryFrom(q));
    const bool hasMore = int(out.size()) > limit;
    if (hasMore)
        out.pop_back();
    if (more)
        *more = hasMore;
    return out;
}

AuditVerification AuditLog::verify() const
{
    AuditVerification v;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM audit ORDER BY id").arg(QLatin1String(kColumns)))) {
        v.ok = false;
        v.detail = QStringLiteral("cannot read the audit log: ") + q.lastError().text();
        return v;
    }
    QByteArray previous = kGenesis;
    std::uint64_t previousId = 0;
    const auto broken = [&v](std::uint64_t id, const QString &detail) {
        v.ok = false;
        v.firstBrokenId = id;
        v.detail = detail;
        return v;
    };
    while (q.next()) {
        const sitroom::v1::AuditEntry e = entryFrom(q);
        ++v.rowsChecked;
        if (e.id() != previousId + 1)
            return broken(previousId + 1, e.id() == previousId + 2
                                              ? QStringLiteral("row %1 is missing (the chain goes from row %2 to row %3)")
                                                    .arg(previousId + 1).arg(previousId).arg(e.id())
                                              : QStringLiteral("rows %1 to %2 are missing (the chain goes from row %3 to row %4)")
                                                    .arg(previousId + 1).arg(e.id() - 1).arg(previousId).arg(e.id()));
        const QByteArray expected = chainHash(previous, e);
        const QByteArray stored = QByteArray::fromStdString(e.hash());
        if (expected != stored)
            return broken(e.id(), QStringLiteral("row %1 does not match its hash: it was changed after it was written, "
                                                 "or the row before it was").arg(e.id()));
        previous = stored;
        previousId = e.id();
    }
    q.finish();
    if (q.exec(QStringLiteral("SELECT last_id, last_hash FROM audit_head WHERE k = 1")) && q.next()) {
        const std::uint64_t headId = q.value(0).toULongLong();
        if (headId != previousId || q.value(1).toByteArray() != previous)
            return broken(previousId + 1, headId > previousId
                                              ? QStringLiteral("the last %1 row(s) are missing (the log ends at row %2, it had reached row %3)")
                                                    .arg(headId - previousId).arg(previousId).arg(headId)
                                              : QStringLiteral("the chain's head does not match row %1").arg(previousId));
    } else if (previousId != 0) {
        return broken(previousId, QStringLiteral("the chain's head is missing"));
    }
    return v;
}

} // namespace sitroom::gateway
