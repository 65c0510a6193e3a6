#pragma once

#include "server/gateway/GatewayStore.h"

#include <QSqlDatabase>

class QSqlError;
class QSqlQuery;

namespace sitroom::gateway {

class PostgresGatewayStore;

// A transaction on the shared PostgreSQL (PostgresGatewayStore::begin). It
// starts by locking the control row (SELECT ... FOR UPDATE), which every
// writer takes first: until it ends, the other gateway's transactions wait
// (5 s at most, then fail), so the revision read here cannot move, a
// command_id answered elsewhere is seen, and the audit chain's head is the
// true one. Its commit announces what it wrote on postgres::kChangeChannel;
// PostgreSQL delivers the notice only if the commit succeeds.
class PostgresGatewayTransaction final : public GatewayTransaction
{
public:
    // nullptr, with error, when the transaction cannot start or the lock
    // cannot be had.
    static std::unique_ptr<PostgresGatewayTransaction> begin(const PostgresGatewayStore &store, QString *error);
    ~PostgresGatewayTransaction() override;
    PostgresGatewayTransaction(const PostgresGatewayTransaction &) = delete;
    PostgresGatewayTransaction &operator=(const PostgresGatewayTransaction &) = delete;

    bool readControlRevision(std::uint64_t *revision, QString *error) override;
    std::optional<sitroom::v1::CommandResult> findResult(const QString &commandId) override;
    bool saveControl(const sitroom::v1::ControlState &control, QString *error) override;
    bool saveResult(const sitroom::v1::CommandResult &result, QString *error) override;
    bool replaceResult(const sitroom::v1::CommandResult &result, QString *error) override;
    std::optional<sitroom::v1::Alert> findAlert(const QString &alertId) override;
    bool saveAlert(const sitroom::v1::Alert &alert, QString *error) override;
    bool saveNextAlertId(std::uint64_t nextId, QString *error) override;
    sitroom::v1::AuditEntry appendAudit(const AuditRecord &record, QString *error) override;
    bool saveDelivery(const OutboxEntry &entry, QString *error) override;
    std::optional<OutboxEntry> findDelivery(const QString &commandId) override;
    bool commit(QString *error) override;

private:
    explicit PostgresGatewayTransaction(const PostgresGatewayStore &store);
    // The driver's words; said as unreachable when the link went with it.
    QString failure(const QSqlError &error) const;
    bool run(QSqlQuery &q, QString *error) const;
    // The notice's words (PostgresGatewayStore::changesFrom reads them).
    QString notice() const;

    const PostgresGatewayStore &m_store;
    QSqlDatabase m_db;
    bool m_open = false;
    StoreChanges m_wrote;
};

} // namespace sitroom::gateway
