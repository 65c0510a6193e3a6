// Each gateway's sign of life in the shared state (GatewayPresence): written
// by its own gateway every few seconds, read when a supervisor would take
// command from a room whose gateways may be gone.
#include "server/gateway/PostgresGatewayStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sitroom::gateway {

bool PostgresGatewayStore::recordPresence(const GatewayPresence &presence, QString *error)
{
    QString why;
    if (!connected(&why)) {
        *error = unreachable(why);
        return false;
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO gateway_presence (server_id, site, last_seen_ms) VALUES (?, ?, ?) "
                             "ON CONFLICT (server_id) DO UPDATE SET site = EXCLUDED.site, last_seen_ms = EXCLUDED.last_seen_ms"));
    q.addBindValue(presence.serverId);
    q.addBindValue(int(presence.site));
    q.addBindValue(presence.lastSeenMs);
    if (q.exec())
        return true;
    noteFailure();
    *error = q.lastError().text().simplified();
    return false;
}

std::vector<GatewayPresence> PostgresGatewayStore::loadPresence() const
{
    std::vector<GatewayPresence> out;
    QString why;
    if (!connected(&why))
        return out;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT server_id, site, last_seen_ms FROM gateway_presence ORDER BY server_id"))) {
        noteFailure();
        return out;
    }
    while (q.next()) {
        const int site = q.value(1).toInt();
        out.push_back({q.value(0).toString(),
                       sitroom::v1::Site_IsValid(site) ? sitroom::v1::Site(site) : sitroom::v1::SITE_UNSPECIFIED,
                       q.value(2).toLongLong()});
    }
    return out;
}

} // namespace sitroom::gateway
