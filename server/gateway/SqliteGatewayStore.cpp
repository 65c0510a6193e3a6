#include "server/gateway/SqliteGatewayStore.h"

#include "server/gateway/SqliteGatewayTransaction.h"
#include "server/gateway/StateRows.h"

#include <QDir>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace sitroom::gateway {

namespace {

const char kAuditColumns[] =
    "id, time_ms, user, site, action, reason, before, after, outcome, hash, command_id, source_time_ms, words";

} // namespace

SqliteGatewayStore::SqliteGatewayStore()
    : m_connection(QStringLiteral("sitroom-state-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

SqliteGatewayStore::~SqliteGatewayStore()
{
    // The connection goes first, the lock last (m_lock's own destructor).
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    }
    if (QSqlDatabase::contains(m_connection))
        QSqlDatabase::removeDatabase(m_connection);
}

bool SqliteGatewayStore::lockFolder(const QString &stateDir, QString *error)
{
    if (!QDir().mkpath(stateDir)) {
        *error = QStringLiteral("cannot create the state folder %1").arg(stateDir);
        return false;
    }
    m_lock = std::make_unique<QLockFile>(QDir(stateDir).absoluteFilePath(QStringLiteral("sitroom.lock")));
    if (m_lock->tryLock(0))
        return true;
    qint64 pid = 0;
    QString host, app;
    m_lock->getLockInfo(&pid, &host, &app);
    *error = m_lock->error() == QLockFile::LockFailedError
        ? QStringLiteral("the state folder %1 is in use by another process (%2, pid %3)").arg(stateDir, app).arg(pid)
        : QStringLiteral("cannot lock the state folder %1").arg(stateDir);
    m_lock.reset();
    return false;
}

bool SqliteGatewayStore::open(const QString &stateDir, QString *error)
{
    if (!stateDir.isEmpty()) {
        if (!lockFolder(stateDir, error))
            return false;
        m_path = QDir(stateDir).absoluteFilePath(fileName());
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path.isEmpty() ? QStringLiteral(":memory:") : m_path);
    if (!db.open()) {
        *error = QStringLiteral("cannot open the state database %1: %2").arg(location(), db.lastError().text());
        return false;
    }
    return prepareTables(error);
}

bool SqliteGatewayStore::prepareTables(QString *error)
{
    const QStringList statements{
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER NOT NULL, "
                       "user TEXT NOT NULL, site INTEGER NOT NULL, action TEXT NOT NULL, reason TEXT NOT NULL, "
                       "before TEXT NOT NULL, after TEXT NOT NULL, outcome TEXT NOT NULL, hash BLOB NOT NULL, "
                       "command_id TEXT NOT NULL DEFAULT '', source_time_ms INTEGER NOT NULL DEFAULT 0, "
                       "words BLOB NOT NULL DEFAULT x'')"),
        // The chain's head, written with every row: a deleted last row shows.
        QStringLiteral("CREATE TABLE IF NOT EXISTS audit_head (k INTEGER PRIMARY KEY CHECK (k = 1), "
                       "last_id INTEGER NOT NULL, last_hash BLOB NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS control_state (k INTEGER PRIMARY KEY CHECK (k = 1), state BLOB NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS command_results (command_id TEXT PRIMARY KEY, result BLOB NOT NULL)"),
        // Every alert the engine ever raised, as it stands now (cleared ones too).
        QStringLiteral("CREATE TABLE IF NOT EXISTS alerts (id TEXT PRIMARY KEY, key TEXT NOT NULL, state INTEGER NOT NULL, "
                       "alert BLOB NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS alert_meta (k INTEGER PRIMARY KEY CHECK (k = 1), next_id INTEGER NOT NULL)"),
        // Each gateway's last sign of life (one here: the file is locked to one).
        QStringLiteral("CREATE TABLE IF NOT EXISTS gateway_presence (server_id TEXT PRIMARY KEY, site INTEGER NOT NULL, "
                       "last_seen_ms INTEGER NOT NULL)"),
        // Applied changes on their way to the live system (ControlOutbox).
        QStringLiteral("CREATE TABLE IF NOT EXISTS control_outbox (command_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, "
                       "status INTEGER NOT NULL, attempts INTEGER NOT NULL, decided_at_ms INTEGER NOT NULL, "
                       "lease_holder TEXT NOT NULL, lease_until_ms INTEGER NOT NULL, answer TEXT NOT NULL, "
                       "payload BLOB NOT NULL)"),
    };
    QSqlQuery q(database());
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            *error = QStringLiteral("cannot prepare the state database %1: %2").arg(location(), q.lastError().text());
            return false;
        }
    }
    // A database from before the audit kept the command, the live clock and the Phrases.
    QStringList columns;
    if (q.exec(QStringLiteral("PRAGMA table_info(audit)")))
        while (q.next())
            columns << q.value(1).toString();
    const std::pair<const char *, const char *> added[] = {
        {"command_id", "ALTER TABLE audit ADD COLUMN command_id TEXT NOT NULL DEFAULT ''"},
        {"source_time_ms", "ALTER TABLE audit ADD COLUMN source_time_ms INTEGER NOT NULL DEFAULT 0"},
        // The rows' Phrases (AuditEntry action_words, reason_words, outcome_words).
        {"words", "ALTER TABLE audit ADD COLUMN words BLOB NOT NULL DEFAULT x''"},
    };
    for (const auto &[column, sql] : added) {
        if (!columns.contains(QLatin1String(column)) && !q.exec(QLatin1String(sql))) {
            *error = QStringLiteral("cannot upgrade the state database %1: %2").arg(location(), q.lastError().text());
            return false;
        }
    }
    return true;
}

bool SqliteGatewayStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && database().isOpen();
}

QSqlDatabase SqliteGatewayStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

QString SqliteGatewayStore::location() const
{
    return m_path.isEmpty() ? QStringLiteral("(in memory)") : m_path;
}

std::unique_ptr<GatewayTransaction> SqliteGatewayStore::begin(QString *error)
{
    QSqlDatabase db = database();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return nullptr;
    }
    return std::make_unique<SqliteGatewayTransaction>(*this);
}

std::optional<sitroom::v1::ControlState> SqliteGatewayStore::loadControl() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT state FROM control_state WHERE k = 1")) || !q.next())
        return std::nullopt;
    return staterows::parsed<sitroom::v1::ControlState>(q.value(0).toByteArray());
}

std::optional<sitroom::v1::CommandResult> SqliteGatewayStore::findResult(const QString &commandId) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT result FROM command_results WHERE command_id = ?"));
    q.addBindValue(commandId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return staterows::parsed<sitroom::v1::CommandResult>(q.value(0).toByteArray());
}

std::vector<sitroom::v1::Alert> SqliteGatewayStore::loadOpenAlerts() const
{
    std::vector<sitroom::v1::Alert> alerts;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT alert FROM alerts WHERE state != ? ORDER BY rowid"));
    q.addBindValue(int(sitroom::v1::ALERT_CLEARED));
    if (!q.exec())
        return alerts;
    while (q.next())
        if (auto alert = staterows::parsed<sitroom::v1::Alert>(q.value(0).toByteArray()))
            alerts.push_back(std::move(*alert));
    return alerts;
}

std::uint64_t SqliteGatewayStore::loadNextAlertId() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT next_id FROM alert_meta WHERE k = 1")) || !q.next())
        return 1;
    return std::max<std::uint64_t>(1, q.value(0).toULongLong());
}

std::vector<sitroom::v1::AuditEntry> SqliteGatewayStore::recentAudit(int n) const
{
    std::vector<sitroom::v1::AuditEntry> out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM audit ORDER BY id DESC LIMIT ?").arg(QLatin1String(kAuditColumns)));
    q.addBindValue(n);
    if (q.exec())
        while (q.next())
            out.push_back(staterows::auditEntryFrom(q));
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<sitroom::v1::AuditEntry> SqliteGatewayStore::auditPage(std::uint64_t afterId, int limit, bool *more) const
{
    std::vector<sitroom::v1::AuditEntry> out;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM audit WHERE id > ? ORDER BY id LIMIT ?").arg(QLatin1String(kAuditColumns)));
    q.addBindValue(qulonglong(afterId));
    q.addBindValue(limit + 1);
    if (q.exec())
        while (q.next())
            out.push_back(staterows::auditEntryFrom(q));
    const bool hasMore = int(out.size()) > limit;
    if (hasMore)
        out.pop_back();
    if (more)
        *more = hasMore;
    return out;
}

bool SqliteGatewayStore::recordPresence(const GatewayPresence &presence, QString *error)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO gateway_presence (server_id, site, last_seen_ms) VALUES (?, ?, ?) "
                             "ON CONFLICT (server_id) DO UPDATE SET site = excluded.site, last_seen_ms = excluded.last_seen_ms"));
    q.addBindValue(presence.serverId);
    q.addBindValue(int(presence.site));
    q.addBindValue(presence.lastSeenMs);
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

std::vector<GatewayPresence> SqliteGatewayStore::loadPresence() const
{
    std::vector<GatewayPresence> out;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT server_id, site, last_seen_ms FROM gateway_presence ORDER BY server_id")))
        return out;
    while (q.next()) {
        const int site = q.value(1).toInt();
        out.push_back({q.value(0).toString(),
                       sitroom::v1::Site_IsValid(site) ? sitroom::v1::Site(site) : sitroom::v1::SITE_UNSPECIFIED,
                       q.value(2).toLongLong()});
    }
    return out;
}

AuditVerification SqliteGatewayStore::verifyAudit() const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM audit ORDER BY id").arg(QLatin1String(kAuditColumns))))
        return AuditChainCheck::unreadable(q.lastError().text());
    AuditChainCheck check;
    bool more = false;
    while ((more = q.next()) && check.add(staterows::auditEntryFrom(q))) {
    }
    // A read that stopped short (a damaged file, say) is rows not read, not
    // rows missing from the chain.
    if (!more && q.lastError().isValid())
        return AuditChainCheck::unreadable(q.lastError().text());
    q.finish();
    std::optional<AuditHead> head;
    if (!q.exec(QStringLiteral("SELECT last_id, last_hash FROM audit_head WHERE k = 1")))
        return AuditChainCheck::unreadable(q.lastError().text());
    if (q.next())
        head = AuditHead{q.value(0).toULongLong(), q.value(1).toByteArray()};
    return check.finish(head);
}

} // namespace sitroom::gateway
