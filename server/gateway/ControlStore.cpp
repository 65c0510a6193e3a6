#include "server/gateway/ControlStore.h"

#include "server/gateway/StateDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sitroom::gateway {

ControlStore::ControlStore(StateDatabase &database)
    : m_db(database)
{
}

std::optional<sitroom::v1::ControlState> ControlStore::loadControl() const
{
    QSqlQuery q(m_db.database());
    if (!q.exec(QStringLiteral("SELECT state FROM control_state WHERE k = 1")) || !q.next())
        return std::nullopt;
    const QByteArray blob = q.value(0).toByteArray();
    sitroom::v1::ControlState state;
    if (!state.ParseFromArray(blob.constData(), int(blob.size())))
        return std::nullopt;
    return state;
}

bool ControlStore::saveControl(const sitroom::v1::ControlState &control, QString *error)
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO control_state (k, state) VALUES (1, ?)"));
    q.addBindValue(QByteArray::fromStdString(control.SerializeAsString()));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

std::optional<sitroom::v1::CommandResult> ControlStore::findResult(const QString &commandId) const
{
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT result FROM command_results WHERE command_id = ?"));
    q.addBindValue(commandId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const QByteArray blob = q.value(0).toByteArray();
    sitroom::v1::CommandResult result;
    if (!result.ParseFromArray(blob.constData(), int(blob.size())))
        return std::nullopt;
    return result;
}

bool ControlStore::saveResult(const sitroom::v1::CommandResult &result, QString *error)
{
    QSqlQuery q(m_db.database());
    // The first result stays: a repeated command_id never replaces it.
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO command_results (command_id, result) VALUES (?, ?)"));
    q.addBindValue(QString::fromStdString(result.command_id()));
    q.addBindValue(QByteArray::fromStdString(result.SerializeAsString()));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace sitroom::gateway
