#pragma once

#include "server/gateway/GatewayStore.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

class QLockFile;

namespace sitroom::gateway {

// The embedded backend of the gateway's state: one SQLite database
// (DIR/sitroom.db, PRAGMA synchronous=FULL, journal WAL), or an in-memory one
// when there is no state folder. One connection per store, under a unique
// name; the tables are created, and those of older versions completed, on
// open. The state folder is locked (DIR/sitroom.lock) while it is open, since
// a second writer would fork the audit chain; a lock left by a killed process
// is taken over.
class SqliteGatewayStore final : public GatewayStore
{
public:
    SqliteGatewayStore();
    ~SqliteGatewayStore() override;
    SqliteGatewayStore(const SqliteGatewayStore &) = delete;
    SqliteGatewayStore &operator=(const SqliteGatewayStore &) = delete;

    // stateDir empty: in memory. False with a plain-language message that
    // names the folder or file (never a program's option: the caller knows
    // what its users call it).
    bool open(const QString &stateDir, QString *error);
    bool isOpen() const;
    // The database file; empty in memory.
    QString path() const { return m_path; }
    // The connection, for tests that read or tamper with the rows themselves.
    QSqlDatabase database() const;
    static QString fileName() { return QStringLiteral("sitroom.db"); }

    QString location() const override;
    bool isPersistent() const override { return !m_path.isEmpty(); }
    bool isReachable() const override { return true; }
    std::unique_ptr<GatewayTransaction> begin(QString *error) override;
    // The only writer of its file: nothing changes elsewhere.
    void setChangeListener(std::function<void(const StoreChanges &)>) override {}

    std::optional<sitroom::v1::ControlState> loadControl() const override;
    std::optional<sitroom::v1::CommandResult> findResult(const QString &commandId) const override;
    std::vector<sitroom::v1::Alert> loadOpenAlerts() const override;
    std::uint64_t loadNextAlertId() const override;

    std::vector<sitroom::v1::AuditEntry> recentAudit(int n) const override;
    std::vector<sitroom::v1::AuditEntry> auditPage(std::uint64_t afterId, int limit, bool *more = nullptr) const override;
    AuditVerification verifyAudit() const override;

    bool recordPresence(const GatewayPresence &presence, QString *error) override;
    std::vector<GatewayPresence> loadPresence() const override;

    // Table control_outbox (SqliteOutbox.cpp); leases on this machine's clock.
    std::vector<OutboxEntry> pendingDeliveries() const override;
    bool takeDelivery(const QString &commandId, const QString &holder, qint64 leaseMs, bool attempt,
                      QString *error) override;
    // The file's only gateway evaluates the alerts.
    bool holdAlertEvaluator() override { return true; }

private:
    bool lockFolder(const QString &stateDir, QString *error);
    bool prepareTables(QString *error);

    QString m_connection;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace sitroom::gateway
