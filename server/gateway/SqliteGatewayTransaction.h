#pragma once

#include "server/gateway/GatewayStore.h"

namespace sitroom::gateway {

class SqliteGatewayStore;

// A transaction on the SQLite store's one connection (SqliteGatewayStore::begin).
// Reads inside it see its own writes; one gateway writes the file, so the
// revision it reads cannot move before the commit.
class SqliteGatewayTransaction final : public GatewayTransaction
{
public:
    explicit SqliteGatewayTransaction(const SqliteGatewayStore &store);
    ~SqliteGatewayTransaction() override;
    SqliteGatewayTransaction(const SqliteGatewayTransaction &) = delete;
    SqliteGatewayTransaction &operator=(const SqliteGatewayTransaction &) = delete;

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
    const SqliteGatewayStore &m_store;
    bool m_open = true;
};

} // namespace sitroom::gateway
