// The delivery outbox in the SQLite state (ControlOutbox): one gateway
// writes the file, so a lease only matters across its restarts.
#include "server/gateway/OutboxRows.h"
#include "server/gateway/SqliteGatewayStore.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sitroom::gateway {

std::vector<OutboxEntry> SqliteGatewayStore::pendingDeliveries() const
{
    std::vector<OutboxEntry> out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM control_outbox WHERE status = 0 ORDER BY revision, command_id")
                  .arg(QLatin1String(outboxrows::kColumns)));
    if (!q.exec())
        return out;
    while (q.next())
        if (auto entry = outboxrows::entryFrom(q))
            out.push_back(std::move(*entry));
    return out;
}

bool SqliteGatewayStore::takeDelivery(const QString &commandId, const QString &holder, qint64 leaseMs, bool attempt,
                                      QString *error)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE control_outbox SET lease_holder = ?, lease_until_ms = ?, attempts = attempts + ? "
                             "WHERE command_id = ? AND status = 0 AND (lease_holder = ? OR lease_until_ms < ?)"));
    q.addBindValue(holder);
    q.addBindValue(now + leaseMs);
    q.addBindValue(attempt ? 1 : 0);
    q.addBindValue(commandId);
    q.addBindValue(holder);
    q.addBindValue(now);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() == 1;
}

} // namespace sitroom::gateway
