#include "server/gateway/AuditChain.h"

#include "proto/sitroom/PhraseBook.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <QCryptographicHash>

namespace sitroom::gateway {

namespace {

void addField(QByteArray &out, const QByteArray &value)
{
    out += QByteArray::number(value.size());
    out += ':';
    out += value;
    out += ';';
}

bool hasWords(const sitroom::v1::AuditEntry &e)
{
    return e.has_action_words() || e.has_reason_words() || e.has_outcome_words();
}

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

namespace auditchain {

QByteArray genesis()
{
    return QByteArray(32, '\0');
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

void setWords(sitroom::v1::AuditEntry &e, const QByteArray &words)
{
    sitroom::v1::AuditEntry said;
    if (words.isEmpty() || !said.ParseFromArray(words.constData(), int(words.size())))
        return;
    *e.mutable_action_words() = said.action_words();
    *e.mutable_reason_words() = said.reason_words();
    *e.mutable_outcome_words() = said.outcome_words();
}

QByteArray canonical(const sitroom::v1::AuditEntry &e)
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

QByteArray chainHash(const QByteArray &previous, const sitroom::v1::AuditEntry &entry)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(previous);
    h.addData(canonical(entry));
    return h.result();
}

sitroom::v1::AuditEntry seal(const AuditRecord &r, std::uint64_t id, const QByteArray &previousHash)
{
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
    const QByteArray hash = chainHash(previousHash, e);
    e.set_hash(hash.constData(), size_t(hash.size()));
    return e;
}

} // namespace auditchain

bool AuditChainCheck::broken(std::uint64_t id, const QString &detail)
{
    m_result.ok = false;
    m_result.firstBrokenId = id;
    m_result.detail = detail;
    return false;
}

bool AuditChainCheck::add(const sitroom::v1::AuditEntry &e)
{
    if (!m_result.ok)
        return false;
    ++m_result.rowsChecked;
    if (e.id() != m_previousId + 1)
        return broken(m_previousId + 1,
                      e.id() == m_previousId + 2
                          ? QStringLiteral("row %1 is missing (the chain goes from row %2 to row %3)")
                                .arg(m_previousId + 1).arg(m_previousId).arg(e.id())
                          : QStringLiteral("rows %1 to %2 are missing (the chain goes from row %3 to row %4)")
                                .arg(m_previousId + 1).arg(e.id() - 1).arg(m_previousId).arg(e.id()));
    const QByteArray stored = QByteArray::fromStdString(e.hash());
    if (auditchain::chainHash(m_previous, e) != stored)
        return broken(e.id(), QStringLiteral("row %1 does not match its hash: it was changed after it was written, "
                                             "or the row before it was").arg(e.id()));
    m_previous = stored;
    m_previousId = e.id();
    return true;
}

AuditVerification AuditChainCheck::finish(const std::optional<AuditHead> &head)
{
    if (!m_result.ok)
        return m_result;
    if (head) {
        if (head->lastId != m_previousId || head->lastHash != m_previous)
            broken(m_previousId + 1, head->lastId > m_previousId
                                         ? QStringLiteral("the last %1 row(s) are missing (the log ends at row %2, it had reached row %3)")
                                               .arg(head->lastId - m_previousId).arg(m_previousId).arg(head->lastId)
                                         : QStringLiteral("the chain's head does not match row %1").arg(m_previousId));
    } else if (m_previousId != 0) {
        broken(m_previousId, QStringLiteral("the chain's head is missing"));
    }
    return m_result;
}

AuditVerification AuditChainCheck::unreadable(const QString &why)
{
    AuditVerification v;
    v.ok = false;
    v.checked = false;
    v.detail = QStringLiteral("cannot read the audit log: ") + why;
    return v;
}

} // namespace sitroom::gateway
