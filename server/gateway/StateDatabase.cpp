#include "server/gateway/StateDatabase.h"

#include <QDir>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace sitroom::gateway {

StateDatabase::StateDatabase()
    : m_connection(QStringLiteral("sitroom-state-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

StateDatabase::~StateDatabase()
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

bool StateDatabase::open(const QString &stateDir, QString *error)
{
    if (!stateDir.isEmpty()) {
        if (!QDir().mkpath(stateDir)) {
            *error = QStringLiteral("--state-dir: cannot create %1").arg(stateDir);
            return false;
        }
        m_lock = std::make_unique<QLockFile>(QDir(stateDir).absoluteFilePath(QStringLiteral("sitroom.lock")));
        if (!m_lock->tryLock(0)) {
            qint64 pid = 0;
            QString host, app;
            m_lock->getLockInfo(&pid, &host, &app);
            *error = m_lock->error() == QLockFile::LockFailedError
                ? QStringLiteral("--state-dir: %1 is in use by another process (%2, pid %3)").arg(stateDir, app).arg(pid)
                : QStringLiteral("--state-dir: cannot lock %1").arg(stateDir);
            m_lock.reset();
            return false;
        }
        m_path = QDir(stateDir).absoluteFilePath(fileName());
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path.isEmpty() ? QStringLiteral(":memory:") : m_path);
    if (!db.open()) {
        *error = QStringLiteral("cannot open the state database %1: %2")
                     .arg(m_path.isEmpty() ? QStringLiteral("(in memory)") : m_path, db.lastError().text());
        return false;
    }
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
    };
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            *error = QStringLiteral("cannot prepare the state database %1: %2").arg(m_path, q.lastError().text());
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
            *error = QStringLiteral("cannot upgrade the state database %1: %2").arg(m_path, q.lastError().text());
            return false;
        }
    }
    return true;
}

bool StateDatabase::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && database().isOpen();
}

QSqlDatabase StateDatabase::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool StateDatabase::begin(QString *error)
{
    QSqlDatabase db = database();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

bool StateDatabase::commit(QString *error)
{
    QSqlDatabase db = database();
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

void StateDatabase::rollback()
{
    database().rollback();
}

} // namespace sitroom::gateway
