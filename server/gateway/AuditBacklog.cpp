#include "server/gateway/AuditBacklog.h"

#include "server/gateway/CommandPipeline.h"
#include "server/gateway/GatewayLog.h"
#include "server/gateway/GatewayStore.h"

#include "proto/sitroom/PhraseBook.h"

#include <QDateTime>

#include <algorithm>
#include <utility>

namespace sitroom::gateway {

namespace {

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODateWithMs);
}

// The row as written late: its reason says so, and when.
AuditRecord late(AuditRecord row, qint64 wallNowMs)
{
    const sitroom::v1::Phrase note = phrase::make("audit.recorded_late", {{"recorded_wall_ms", QString::number(wallNowMs)}});
    if (!row.reasonWords.code().empty())
        row.sayReason(phrase::joined(note, row.reasonWords));
    else if (!row.reason.isEmpty())
        row.sayReason(phrase::joined(note, phrase::bilingual(row.reason, row.reason)));
    else
        row.sayReason(note);
    return row;
}

} // namespace

AuditBacklog::AuditBacklog(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(1, capacity))
{
}

AuditBacklog::~AuditBacklog()
{
    if (isEmpty())
        return;
    qCCritical(lcGateway).noquote()
        << QStringLiteral("this gateway stops with %1 audit rows never written%2 (its state store did not take them): "
                          "they are lost; the log above names each, from %3")
               .arg(m_rows.size())
               .arg(m_dropped.count ? QStringLiteral(" and %1 dropped").arg(m_dropped.count) : QString())
               .arg(timeText(m_rows.empty() ? m_dropped.firstMs : m_rows.front().row.timeMs));
}

bool AuditBacklog::record(CommandPipeline &pipeline, AuditRecord row, const QString &what, qint64 wallNowMs)
{
    // In the order they happened: nothing goes before a row that waits.
    if (!isEmpty())
        writeWaiting(pipeline, wallNowMs);
    if (!isEmpty()) {
        keep(pipeline, std::move(row), what, QStringLiteral("audit rows from before wait to be written"));
        return false;
    }
    QString error;
    if (pipeline.record(row, &error).id() != 0)
        return true;
    keep(pipeline, std::move(row), what, error);
    return false;
}

void AuditBacklog::keep(const CommandPipeline &pipeline, AuditRecord row, const QString &what, const QString &why)
{
    if (m_rows.size() >= m_capacity) {
        if (m_dropped.count++ == 0)
            m_dropped.firstMs = row.timeMs;
        m_dropped.lastMs = row.timeMs;
        qCWarning(lcGateway).noquote()
            << QStringLiteral("%1 at %2 is not in the audit log and cannot wait for it: %3 rows wait already, so it is "
                              "dropped and said here only (%4 dropped so far; %5)")
                   .arg(what, timeText(row.timeMs), QString::number(m_capacity), QString::number(m_dropped.count), why);
        return;
    }
    // The live system's clock as it was when it happened, not when it is written.
    if (row.sourceTimeMs == 0)
        row.sourceTimeMs = pipeline.sourceNowMs();
    row.sourceTimeFixed = true;
    m_rows.push_back({std::move(row), what});
    qCWarning(lcGateway).noquote()
        << QStringLiteral("%1 at %2 could not be written to the audit log (%3): it waits in memory (%4 waiting) and is "
                          "written, marked late, once the store takes writes again; it is lost if this gateway stops "
                          "before then")
               .arg(what, timeText(m_rows.back().row.timeMs), why, QString::number(m_rows.size()));
}

int AuditBacklog::writeWaiting(CommandPipeline &pipeline, qint64 wallNowMs)
{
    if (isEmpty() || !pipeline.store().isReachable())
        return 0;
    int written = 0;
    QString error;
    const auto stopped = [&] {
        if (error != m_lastFailure) {
            qCWarning(lcGateway).noquote() << QStringLiteral("the audit rows waiting still cannot be written (%1 waiting, "
                                                             "%2 dropped): %3")
                                                  .arg(QString::number(m_rows.size()), QString::number(m_dropped.count), error);
            m_lastFailure = error;
        }
        return written;
    };
    const auto said = [&] {
        if (written > 0)
            qCInfo(lcGateway).noquote() << QStringLiteral("%1 audit rows that waited are in the audit log now, marked "
                                                          "late; %2 still wait").arg(written).arg(m_rows.size());
    };
    while (!m_rows.empty()) {
        if (pipeline.record(late(m_rows.front().row, wallNowMs), &error).id() == 0) {
            said();
            return stopped();
        }
        m_rows.pop_front();
        ++written;
    }
    said();
    if (m_dropped.count > 0) {
        AuditRecord lost;
        lost.timeMs = wallNowMs;
        lost.user = QStringLiteral("system");
        lost.sayAction(phrase::make("action.audit_rows_lost", {{"count", QString::number(m_dropped.count)},
                                                               {"first_wall_ms", QString::number(m_dropped.firstMs)},
                                                               {"last_wall_ms", QString::number(m_dropped.lastMs)}}));
        lost.sayReason(phrase::make("reason.audit_backlog_full", {{"capacity", QString::number(m_capacity)}}));
        if (pipeline.record(lost, &error).id() == 0)
            return stopped();
        qCWarning(lcGateway).noquote() << QStringLiteral("%1 audit rows dropped from %2 to %3 are counted in the audit log now")
                                              .arg(m_dropped.count).arg(timeText(m_dropped.firstMs), timeText(m_dropped.lastMs));
        m_dropped = {};
        ++written;
    }
    m_lastFailure.clear();
    return written;
}

} // namespace sitroom::gateway
