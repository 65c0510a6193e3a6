#include "server/gateway/AlertStore.h"

#include "server/gateway/StateDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sitroom::gateway {

AlertStore::AlertStore(StateDatabase &database)
    : m_db(database)
{
}

std::vector<sitroom::v1::Alert> AlertStore::loadOpen() const
{
    std::vector<sitroom::v1::Alert> alerts;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT alert FROM alerts WHERE state != ? ORDER BY rowid"));
    q.addBindValue(int(sitroom::v1::ALERT_CLEARED));
    if (!q.exec())
        return alerts;
    while (q.next()) {
        const QByteArray blob = q.value(0).toByteArray();
        sitroom::v1::Alert alert;
        if (alert.ParseFromArray(blob.constData(), int(blob.size())))
            alerts.push_back(std::move(alert));
    }
    return alerts;
}

std::uint64_t AlertStore::loadNextId() const
{
    QSqlQuery q(m_db.database());
    if (!q.exec(QStringLiteral("SELECT next_id FROM alert_meta WHERE k = 1")) || !q.next())
        return 1;
    return std::max<std::uint64_t>(1, q.value(0).toULongLong());
}

bool AlertStore::save(const sitroom::v1::Alert &alert, QString *error)
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT INTO alerts (id, key, state, alert) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT(id) DO UPDATE SET key = excluded.key, state = excluded.state, "
                             "alert = excluded.alert"));
    q.addBindValue(QString::fromStdString(alert.id()));
    q.addBindValue(QString::fromStdString(alert.key()));
    q.addBindValue(int(alert.state()));
    q.addBindValue(QByteArray::fromStdString(alert.SerializeAsString()));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool AlertStore::saveNextId(std::uint64_t nextId, QString *error)
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO alert_meta (k, next_id) VALUES (1, ?)"));
    q.addBindValue(QVariant::fromValue<qulonglong>(nextId));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace sitroom::gateway
