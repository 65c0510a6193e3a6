#pragma once

#include <QSqlDatabase>
#include <QString>

#include <memory>

class QLockFile;

namespace sitroom::gateway {

// The SQLite database the audit log and the control store share
// (DIR/sitroom.db, PRAGMA synchronous=FULL, journal WAL), or an in-memory one
// when there is no state directory. One connection per object, under a unique
// name; the tables are created on open. A state directory is locked
// (DIR/sitroom.lock) while open; a lock left by a killed process is taken over.
class StateDatabase final
{
public:
    StateDatabase();
    ~StateDatabase();
    StateDatabase(const StateDatabase &) = delete;
    StateDatabase &operator=(const StateDatabase &) = delete;

    // stateDir empty: in memory. False with a plain-language message.
    bool open(const QString &stateDir, QString *error);
    bool isOpen() const;
    bool isPersistent() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    QSqlDatabase database() const;

    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();

    static QString fileName() { return QStringLiteral("sitroom.db"); }

private:
    QString m_connection;
    QString m_path;
    // One live system per state directory: a second one would fork the chain.
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace sitroom::gateway
