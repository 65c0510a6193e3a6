#pragma once

#include "server/gateway/GatewayStore.h"
#include "server/gateway/PostgresAddress.h"
#include "server/gateway/PostgresSchema.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>

#include <optional>

class QTimer;

namespace sitroom::gateway {

// The gateway's state in a PostgreSQL that two gateways share (issue 13),
// through Qt's QPSQL driver: one connection per store, under a unique name,
// used only on the thread that opened it (the gateway's). open() creates or
// migrates the schema (PostgresSchema) and refuses a newer one.
//
// Every transaction begins by locking the control row, so decisions made
// through either gateway take turns: the revision a transaction reads stays
// until it ends, a command_id answered by the other gateway is found, and
// the audit chain grows from its true head. A committed transaction
// announces what it changed (NOTIFY on postgres::kChangeChannel); the store
// listens on the same connection and tells its change listener of the other
// gateway's changes.
//
// When the server cannot be reached, begin() fails at once with "the shared
// state store cannot be reached: …" (never the password), reads find
// nothing, and nothing is half written (an open transaction dies with its
// connection). The store tries again every retry interval by itself; once
// back, it listens again and tells its listener that anything may have
// changed (StoreChanges::everything()).
class PostgresGatewayStore final : public QObject, public GatewayStore
{
    Q_OBJECT

public:
    explicit PostgresGatewayStore(QObject *parent = nullptr);
    ~PostgresGatewayStore() override;

    // address: a libpq URL or key=value string (PostgresAddress). Connects
    // and brings the schema to the version this build knows (or to the last
    // of steps, for tests). False with a message naming the server (never a
    // program's option, nor the password) and why.
    bool open(const QString &address, QString *error);
    bool open(const QString &address, const std::vector<postgres::SchemaStep> &steps, QString *error);

    // How long after a failed attempt the server is tried again (1 s).
    void setRetryIntervalMs(int ms);
    // How long a transaction waits for the other gateway's to end before it
    // fails (5 s).
    void setLockWaitMs(int ms);
    // The connection, for tests that read or tamper with the rows themselves.
    QSqlDatabase database() const;

    QString location() const override;
    bool isPersistent() const override { return true; }
    bool isReachable() const override;
    std::unique_ptr<GatewayTransaction> begin(QString *error) override;
    void setChangeListener(std::function<void(const StoreChanges &)> listener) override;

    std::optional<sitroom::v1::ControlState> loadControl() const override;
    std::optional<sitroom::v1::CommandResult> findResult(const QString &commandId) const override;
    std::vector<sitroom::v1::Alert> loadOpenAlerts() const override;
    std::uint64_t loadNextAlertId() const override;

    std::vector<sitroom::v1::AuditEntry> recentAudit(int n) const override;
    std::vector<sitroom::v1::AuditEntry> auditPage(std::uint64_t afterId, int limit, bool *more = nullptr) const override;
    AuditVerification verifyAudit() const override;

    // Table gateway_presence (PostgresPresence.cpp).
    bool recordPresence(const GatewayPresence &presence, QString *error) override;
    std::vector<GatewayPresence> loadPresence() const override;

    // Table control_outbox, its leases on the server's clock; the alert
    // evaluator's advisory lock, held on this store's connection
    // (PostgresOutbox.cpp).
    std::vector<OutboxEntry> pendingDeliveries() const override;
    bool takeDelivery(const QString &commandId, const QString &holder, qint64 leaseMs, bool attempt,
                      QString *error) override;
    bool holdAlertEvaluator() override;

    // "the shared state store cannot be reached: why".
    static QString unreachable(const QString &why);
    // The words of a notice (postgres::kChangeChannel's payload) as changes.
    static StoreChanges changesFrom(const QString &payload);

private:
    friend class PostgresGatewayTransaction;

    // Whether the connection is up, trying it again first if it is not and
    // the retry interval has passed. False with the reason.
    bool connected(QString *error) const;
    bool tryConnect(QString *error) const;
    void checkLink();
    // A statement failed: if the link has gone with it, the store knows.
    void noteFailure() const;
    void heard(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    QString m_connection;
    std::optional<PostgresAddress> m_address;
    QTimer *m_watch = nullptr;
    int m_retryMs = 1000;
    int m_lockWaitMs = 5000;
    std::function<void(const StoreChanges &)> m_listener;
    // The link's state, kept by the const reads too.
    mutable bool m_reachable = false;
    mutable bool m_everConnected = false;
    mutable QString m_lastError;
    mutable QElapsedTimer m_sinceAttempt;
    // Sessions opened so far; the one the evaluator lock was taken on (-1: none).
    mutable qint64 m_link = 0;
    qint64 m_evaluatorLink = -1;
};

} // namespace sitroom::gateway
