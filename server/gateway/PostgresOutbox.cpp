// The delivery outbox in the shared state (ControlOutbox), with leases on the
// server's clock so two gateways' clocks never disagree about one; and the
// alert evaluator's advisory lock, held by one gateway's connection at a time.
#include "server/gateway/OutboxRows.h"
#include "server/gateway/PostgresGatewayStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sitroom::gateway {

namespace {

// The server's wall clock in milliseconds since 1970.
constexpr char kServerNowMs[] = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

} // namespace

std::vector<OutboxEntry> PostgresGatewayStore::pendingDeliveries() const
{
    std::vector<OutboxEntry> out;
    QString why;
    if (!connected(&why))
        return out;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT %1 FROM control_outbox WHERE status = 0 ORDER BY revision, command_id")
                    .arg(QLatin1String(outboxrows::kColumns)))) {
        noteFailure();
        return out;
    }
    while (q.next())
        if (auto entry = outboxrows::entryFrom(q))
            out.push_back(std::move(*entry));
    return out;
}

bool PostgresGatewayStore::takeDelivery(const QString &commandId, const QString &holder, qint64 leaseMs, bool attempt,
                                        QString *error)
{
    QString why;
    if (!connected(&why)) {
        *error = unreachable(why);
        return false;
    }
    // One statement: of two gateways asking at once, the second waits for the
    // first's row lock, then finds the lease taken.
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE control_outbox SET lease_holder = ?, lease_until_ms = %1 + ?, attempts = attempts + ? "
                             "WHERE command_id = ? AND status = 0 AND (lease_holder = ? OR lease_until_ms < %1)")
                  .arg(QLatin1String(kServerNowMs)));
    q.addBindValue(holder);
    q.addBindValue(leaseMs);
    q.addBindValue(attempt ? 1 : 0);
    q.addBindValue(commandId);
    q.addBindValue(holder);
    if (!q.exec()) {
        noteFailure();
        *error = isReachable() ? postgres::said(q.lastError()) : unreachable(postgres::said(q.lastError()));
        return false;
    }
    return q.numRowsAffected() == 1;
}

bool PostgresGatewayStore::holdAlertEvaluator()
{
    QString why;
    if (!connected(&why))
        return false;
    QSqlQuery q(database());
    if (m_evaluatorLink >= 0 && m_evaluatorLink != m_link) {
        // The session it was held on has gone, and the lock with it: said
        // once, so that the gateway can leave it to the other for a while.
        m_evaluatorLink = -1;
        return false;
    }
    if (m_evaluatorLink == m_link) {
        // Taken on this session: held as long as the session answers.
        if (q.exec(QStringLiteral("SELECT 1")))
            return true;
        noteFailure();
        m_evaluatorLink = -1;
        return false;
    }
    if (!q.exec(QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(postgres::kAlertEvaluatorLock)) || !q.next()) {
        noteFailure();
        return false;
    }
    if (!q.value(0).toBool())
        return false;
    m_evaluatorLink = m_link;
    return true;
}

} // namespace sitroom::gateway
