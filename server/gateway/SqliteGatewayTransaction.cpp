#include "server/gateway/SqliteGatewayTransaction.h"

#include "server/gateway/OutboxRows.h"
#include "server/gateway/SqliteGatewayStore.h"
#include "server/gateway/StateRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace sitroom::gateway {

namespace {

// SQLite stores a null QString as NULL; the columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

bool run(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace

SqliteGatewayTransaction::SqliteGatewayTransaction(const SqliteGatewayStore &store)
    : m_store(store)
{
}

SqliteGatewayTransaction::~SqliteGatewayTransaction()
{
    if (m_open)
        m_store.database().rollback();
}

bool SqliteGatewayTransaction::readControlRevision(std::uint64_t *revision, QString *error)
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT state FROM control_state WHERE k = 1"))) {
        *error = q.lastError().text();
        return false;
    }
    *revision = 0;
    if (q.next()) {
        const QByteArray blob = q.value(0).toByteArray();
        sitroom::v1::ControlState state;
        if (!state.ParseFromArray(blob.constData(), int(blob.size()))) {
            *error = QStringLiteral("the stored control state cannot be read");
            return false;
        }
        *revision = state.revision();
    }
    return true;
}

std::optional<sitroom::v1::CommandResult> SqliteGatewayTransaction::findResult(const QString &commandId)
{
    return m_store.findResult(commandId);
}

bool SqliteGatewayTransaction::saveControl(const sitroom::v1::ControlState &control, QString *error)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO control_state (k, state) VALUES (1, ?)"));
    q.addBindValue(QByteArray::fromStdString(control.SerializeAsString()));
    return run(q, error);
}

bool SqliteGatewayTransaction::saveResult(const sitroom::v1::CommandResult &result, QString *error)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO command_results (command_id, result) VALUES (?, ?)"));
    q.addBindValue(QString::fromStdString(result.command_id()));
    q.addBindValue(QByteArray::fromStdString(result.SerializeAsString()));
    return run(q, error);
}

bool SqliteGatewayTransaction::replaceResult(const sitroom::v1::CommandResult &result, QString *error)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO command_results (command_id, result) VALUES (?, ?)"));
    q.addBindValue(QString::fromStdString(result.command_id()));
    q.addBindValue(QByteArray::fromStdString(result.SerializeAsString()));
    return run(q, error);
}

std::optional<sitroom::v1::Alert> SqliteGatewayTransaction::findAlert(const QString &alertId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT alert FROM alerts WHERE id = ?"));
    q.addBindValue(alertId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return staterows::parsed<sitroom::v1::Alert>(q.value(0).toByteArray());
}

bool SqliteGatewayTransaction::saveDelivery(const OutboxEntry &entry, QString *error)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO control_outbox (%1) VALUES (%2)")
                  .arg(QLatin1String(outboxrows::kColumns), QLatin1String(outboxrows::kPlaceholders)));
    outboxrows::bindAll(q, entry);
    return run(q, error);
}

std::optional<OutboxEntry> SqliteGatewayTransaction::findDelivery(const QString &commandId)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT %1 FROM control_outbox WHERE command_id = ?").arg(QLatin1String(outboxrows::kColumns)));
    q.addBindValue(commandId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return outboxrows::entryFrom(q);
}

bool SqliteGatewayTransaction::saveAlert(const sitroom::v1::Alert &alert, QString *error)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT INTO alerts (id, key, state, alert) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT(id) DO UPDATE SET key = excluded.key, state = excluded.state, "
                             "alert = excluded.alert"));
    q.addBindValue(QString::fromStdString(alert.id()));
    q.addBindValue(QString::fromStdString(alert.key()));
    q.addBindValue(int(alert.state()));
    q.addBindValue(QByteArray::fromStdString(alert.SerializeAsString()));
    return run(q, error);
}

bool SqliteGatewayTransaction::saveNextAlertId(std::uint64_t nextId, QString *error)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO alert_meta (k, next_id) VALUES (1, ?)"));
    q.addBindValue(QVariant::fromValue<qulonglong>(nextId));
    return run(q, error);
}

sitroom::v1::AuditEntry SqliteGatewayTransaction::appendAudit(const AuditRecord &r, QString *error)
{
    QSqlQuery q(m_store.database());
    QByteArray previous = auditchain::genesis();
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
    std::uint64_t id = lastId + 1;
    if (q.exec(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'audit'")) && q.next())
        id = std::max<std::uint64_t>(id, q.value(0).toULongLong() + 1);

    const sitroom::v1::AuditEntry e = auditchain::seal(r, id, previous);
    const QByteArray hash = QByteArray::fromStdString(e.hash());
    q.prepare(QStringLiteral("INSERT INTO audit (id, time_ms, user, site, action, reason, before, after, outcome, hash, "
                             "command_id, source_time_ms, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
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
    const QByteArray words = auditchain::wordsOf(e);
    q.addBindValue(words.isNull() ? QByteArray("") : words);
    if (!run(q, error))
        return {};
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO audit_head (k, last_id, last_hash) VALUES (1, ?, ?)"));
    q.addBindValue(qulonglong(id));
    q.addBindValue(hash);
    if (!run(q, error))
        return {};
    return e;
}

bool SqliteGatewayTransaction::commit(QString *error)
{
    QSqlDatabase db = m_store.database();
    m_open = false;
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

} // namespace sitroom::gateway
