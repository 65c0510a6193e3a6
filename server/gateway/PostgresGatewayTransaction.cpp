#include "server/gateway/PostgresGatewayTransaction.h"

#include "server/gateway/OutboxRows.h"
#include "server/gateway/PostgresGatewayStore.h"
#include "server/gateway/PostgresRows.h"
#include "server/gateway/StateRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace sitroom::gateway {

namespace {

// A null QString or QByteArray is bound as NULL; the columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QByteArray bytes(const QByteArray &value)
{
    return value.isNull() ? QByteArray("") : value;
}

} // namespace

PostgresGatewayTransaction::PostgresGatewayTransaction(const PostgresGatewayStore &store)
    : m_store(store)
    , m_db(store.database())
{
}

std::unique_ptr<PostgresGatewayTransaction> PostgresGatewayTransaction::begin(const PostgresGatewayStore &store,
                                                                              QString *error)
{
    std::unique_ptr<PostgresGatewayTransaction> tx(new PostgresGatewayTransaction(store));
    if (!tx->m_db.transaction()) {
        *error = tx->failure(tx->m_db.lastError());
        return nullptr;
    }
    tx->m_open = true;
    // Not prepared: a statement that fails here leaves nothing to deallocate
    // in an aborted transaction.
    QSqlQuery q(tx->m_db);
    if (!q.exec(QStringLiteral("SELECT revision FROM control_state WHERE k = 1 FOR UPDATE"))) {
        *error = tx->failure(q.lastError());
        return nullptr;
    }
    if (!q.next()) {
        *error = QStringLiteral("the shared state store %1 has no control row: its schema is damaged").arg(store.location());
        return nullptr;
    }
    return tx;
}

PostgresGatewayTransaction::~PostgresGatewayTransaction()
{
    // A connection that is gone took its transaction with it.
    if (m_open && m_db.isOpen())
        m_db.rollback();
}

QString PostgresGatewayTransaction::failure(const QSqlError &error) const
{
    const QString why = postgres::said(error);
    m_store.noteFailure();
    return m_store.isReachable() ? why : PostgresGatewayStore::unreachable(why);
}

bool PostgresGatewayTransaction::run(QSqlQuery &q, QString *error) const
{
    if (q.exec())
        return true;
    *error = failure(q.lastError());
    return false;
}

bool PostgresGatewayTransaction::readControlRevision(std::uint64_t *revision, QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT revision FROM control_state WHERE k = 1"))) {
        *error = failure(q.lastError());
        return false;
    }
    *revision = q.next() ? q.value(0).toULongLong() : 0;
    return true;
}

std::optional<sitroom::v1::CommandResult> PostgresGatewayTransaction::findResult(const QString &commandId)
{
    QSqlQuery q(m_db);
    return pgrows::findResult(q, commandId, [this] { m_store.noteFailure(); });
}

bool PostgresGatewayTransaction::saveControl(const sitroom::v1::ControlState &control, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE control_state SET revision = ?, state = ? WHERE k = 1"));
    q.addBindValue(qlonglong(control.revision()));
    q.addBindValue(bytes(QByteArray::fromStdString(control.SerializeAsString())));
    if (!run(q, error))
        return false;
    m_wrote.control = true;
    m_wrote.controlRevision = control.revision();
    return true;
}

bool PostgresGatewayTransaction::saveResult(const sitroom::v1::CommandResult &result, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO command_results (command_id, result) VALUES (?, ?) "
                             "ON CONFLICT (command_id) DO NOTHING"));
    q.addBindValue(text(QString::fromStdString(result.command_id())));
    q.addBindValue(bytes(QByteArray::fromStdString(result.SerializeAsString())));
    return run(q, error);
}

bool PostgresGatewayTransaction::replaceResult(const sitroom::v1::CommandResult &result, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO command_results (command_id, result) VALUES (?, ?) "
                             "ON CONFLICT (command_id) DO UPDATE SET result = excluded.result, stored_at = now()"));
    q.addBindValue(text(QString::fromStdString(result.command_id())));
    q.addBindValue(bytes(QByteArray::fromStdString(result.SerializeAsString())));
    return run(q, error);
}

std::optional<sitroom::v1::Alert> PostgresGatewayTransaction::findAlert(const QString &alertId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT alert FROM alerts WHERE id = ?"));
    q.addBindValue(text(alertId));
    if (!q.exec()) {
        m_store.noteFailure();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return staterows::parsed<sitroom::v1::Alert>(q.value(0).toByteArray());
}

bool PostgresGatewayTransaction::saveDelivery(const OutboxEntry &entry, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO control_outbox (%1) VALUES (%2) ON CONFLICT (command_id) DO UPDATE SET "
                             "revision = excluded.revision, status = excluded.status, attempts = excluded.attempts, "
                             "decided_at_ms = excluded.decided_at_ms, lease_holder = excluded.lease_holder, "
                             "lease_until_ms = excluded.lease_until_ms, answer = excluded.answer, payload = excluded.payload")
                  .arg(QLatin1String(outboxrows::kColumns), QLatin1String(outboxrows::kPlaceholders)));
    outboxrows::bindAll(q, entry);
    if (!run(q, error))
        return false;
    m_wrote.deliveries = true;
    return true;
}

std::optional<OutboxEntry> PostgresGatewayTransaction::findDelivery(const QString &commandId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM control_outbox WHERE command_id = ?").arg(QLatin1String(outboxrows::kColumns)));
    q.addBindValue(text(commandId));
    if (!q.exec()) {
        m_store.noteFailure();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return outboxrows::entryFrom(q);
}

bool PostgresGatewayTransaction::saveAlert(const sitroom::v1::Alert &alert, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO alerts (id, key, state, alert) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (id) DO UPDATE SET key = excluded.key, state = excluded.state, "
                             "alert = excluded.alert"));
    q.addBindValue(text(QString::fromStdString(alert.id())));
    q.addBindValue(text(QString::fromStdString(alert.key())));
    q.addBindValue(int(alert.state()));
    q.addBindValue(bytes(QByteArray::fromStdString(alert.SerializeAsString())));
    if (!run(q, error))
        return false;
    m_wrote.alerts = true;
    return true;
}

bool PostgresGatewayTransaction::saveNextAlertId(std::uint64_t nextId, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO alert_meta (k, next_id) VALUES (1, ?) "
                             "ON CONFLICT (k) DO UPDATE SET next_id = excluded.next_id"));
    q.addBindValue(qlonglong(nextId));
    if (!run(q, error))
        return false;
    m_wrote.alerts = true;
    return true;
}

sitroom::v1::AuditEntry PostgresGatewayTransaction::appendAudit(const AuditRecord &r, QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT last_id, last_hash FROM audit_head WHERE k = 1 FOR UPDATE"))) {
        *error = failure(q.lastError());
        return {};
    }
    if (!q.next()) {
        *error = QStringLiteral("the shared state store %1 has no audit chain head: its schema is damaged").arg(m_store.location());
        return {};
    }
    // Ids follow the head without gaps: a transaction rolled back takes its
    // id back with it, and the row's id is part of its hash.
    const std::uint64_t id = q.value(0).toULongLong() + 1;
    const sitroom::v1::AuditEntry e = auditchain::seal(r, id, q.value(1).toByteArray());
    const QByteArray hash = QByteArray::fromStdString(e.hash());
    q.prepare(QStringLiteral("INSERT INTO audit (id, time_ms, user_name, site, action, reason, before, after, outcome, hash, "
                             "command_id, source_time_ms, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qlonglong(id));
    q.addBindValue(qlonglong(r.timeMs));
    q.addBindValue(text(r.user));
    q.addBindValue(int(r.site));
    q.addBindValue(text(r.action));
    q.addBindValue(text(r.reason));
    q.addBindValue(text(r.before));
    q.addBindValue(text(r.after));
    q.addBindValue(text(r.outcome));
    q.addBindValue(hash);
    q.addBindValue(text(r.commandId));
    q.addBindValue(qlonglong(r.sourceTimeMs));
    q.addBindValue(bytes(auditchain::wordsOf(e)));
    if (!run(q, error))
        return {};
    q.prepare(QStringLiteral("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE k = 1"));
    q.addBindValue(qlonglong(id));
    q.addBindValue(hash);
    if (!run(q, error))
        return {};
    m_wrote.audit = true;
    m_wrote.lastAuditId = id;
    return e;
}

QString PostgresGatewayTransaction::notice() const
{
    QStringList words;
    if (m_wrote.control)
        words << QStringLiteral("control=%1").arg(m_wrote.controlRevision);
    if (m_wrote.alerts)
        words << QStringLiteral("alerts");
    if (m_wrote.audit)
        words << QStringLiteral("audit=%1").arg(m_wrote.lastAuditId);
    if (m_wrote.deliveries)
        words << QStringLiteral("outbox");
    return words.join(QLatin1Char(' '));
}

bool PostgresGatewayTransaction::commit(QString *error)
{
    if (m_wrote.control || m_wrote.alerts || m_wrote.audit || m_wrote.deliveries) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
        q.addBindValue(QString::fromLatin1(postgres::kChangeChannel));
        q.addBindValue(notice());
        if (!run(q, error))
            return false;   // rolled back by the destructor
    }
    m_open = false;
    if (m_db.commit())
        return true;
    *error = failure(m_db.lastError());
    if (m_db.isOpen())
        m_db.rollback();
    return false;
}

} // namespace sitroom::gateway
