#pragma once

// A GatewayStore that refuses to commit when told to, as a full disk or a
// lost database link would: the transaction rolls back and its writer hears
// why; or that cannot be reached at all, as a stopped PostgreSQL. Everything
// else goes to the store it wraps.
#include "server/gateway/GatewayStore.h"

#include <memory>
#include <utility>

namespace sitroom::gateway::testing {

class FlakyStore final : public GatewayStore
{
public:
    explicit FlakyStore(GatewayStore &inner)
        : m_inner(inner)
    {
    }

    // How many of the next commits fail.
    int failCommits = 0;
    // Out of reach, as a stopped PostgreSQL: no transaction begins, and the
    // store says why in libpq's words.
    bool unreachable = false;
    static QString unreachableWords()
    {
        return QStringLiteral("the shared state store cannot be reached: connection to server at \"127.0.0.1\", port 5432 "
                              "failed: Connection refused Is the server running on that host and accepting TCP/IP connections?");
    }

    QString location() const override { return m_inner.location(); }
    bool isPersistent() const override { return m_inner.isPersistent(); }
    bool isReachable() const override { return !unreachable && m_inner.isReachable(); }
    std::unique_ptr<GatewayTransaction> begin(QString *error) override
    {
        if (unreachable) {
            *error = unreachableWords();
            return nullptr;
        }
        std::unique_ptr<GatewayTransaction> inner = m_inner.begin(error);
        if (!inner)
            return nullptr;
        return std::make_unique<Transaction>(std::move(inner), failCommits);
    }
    void setChangeListener(std::function<void(const StoreChanges &)> listener) override
    {
        m_inner.setChangeListener(std::move(listener));
    }
    std::optional<sitroom::v1::ControlState> loadControl() const override { return m_inner.loadControl(); }
    std::optional<sitroom::v1::CommandResult> findResult(const QString &commandId) const override
    {
        return m_inner.findResult(commandId);
    }
    std::vector<sitroom::v1::Alert> loadOpenAlerts() const override { return m_inner.loadOpenAlerts(); }
    std::uint64_t loadNextAlertId() const override { return m_inner.loadNextAlertId(); }
    std::vector<sitroom::v1::AuditEntry> recentAudit(int n) const override { return m_inner.recentAudit(n); }
    std::vector<sitroom::v1::AuditEntry> auditPage(std::uint64_t afterId, int limit, bool *more) const override
    {
        return m_inner.auditPage(afterId, limit, more);
    }
    AuditVerification verifyAudit() const override { return m_inner.verifyAudit(); }
    bool recordPresence(const GatewayPresence &presence, QString *error) override
    {
        return m_inner.recordPresence(presence, error);
    }
    std::vector<GatewayPresence> loadPresence() const override { return m_inner.loadPresence(); }
    std::vector<OutboxEntry> pendingDeliveries() const override { return m_inner.pendingDeliveries(); }
    bool takeDelivery(const QString &commandId, const QString &holder, qint64 leaseMs, bool attempt, QString *error) override
    {
        return m_inner.takeDelivery(commandId, holder, leaseMs, attempt, error);
    }
    bool holdAlertEvaluator() override { return m_inner.holdAlertEvaluator(); }

private:
    class Transaction final : public GatewayTransaction
    {
    public:
        Transaction(std::unique_ptr<GatewayTransaction> inner, int &failCommits)
            : m_inner(std::move(inner))
            , m_failCommits(failCommits)
        {
        }
        bool readControlRevision(std::uint64_t *revision, QString *error) override
        {
            return m_inner->readControlRevision(revision, error);
        }
        std::optional<sitroom::v1::CommandResult> findResult(const QString &commandId) override
        {
            return m_inner->findResult(commandId);
        }
        bool saveControl(const sitroom::v1::ControlState &control, QString *error) override
        {
            return m_inner->saveControl(control, error);
        }
        bool saveResult(const sitroom::v1::CommandResult &result, QString *error) override
        {
            return m_inner->saveResult(result, error);
        }
        bool replaceResult(const sitroom::v1::CommandResult &result, QString *error) override
        {
            return m_inner->replaceResult(result, error);
        }
        std::optional<sitroom::v1::Alert> findAlert(const QString &alertId) override { return m_inner->findAlert(alertId); }
        bool saveAlert(const sitroom::v1::Alert &alert, QString *error) override { return m_inner->saveAlert(alert, error); }
        bool saveDelivery(const OutboxEntry &entry, QString *error) override { return m_inner->saveDelivery(entry, error); }
        std::optional<OutboxEntry> findDelivery(const QString &commandId) override { return m_inner->findDelivery(commandId); }
        bool saveNextAlertId(std::uint64_t nextId, QString *error) override { return m_inner->saveNextAlertId(nextId, error); }
        sitroom::v1::AuditEntry appendAudit(const AuditRecord &record, QString *error) override
        {
            return m_inner->appendAudit(record, error);
        }
        bool commit(QString *error) override
        {
            if (m_failCommits > 0) {
                --m_failCommits;
                *error = QStringLiteral("disk I/O error");
                return false;   // m_inner goes uncommitted: rolled back
            }
            return m_inner->commit(error);
        }

    private:
        std::unique_ptr<GatewayTransaction> m_inner;
        int &m_failCommits;
    };

    GatewayStore &m_inner;
};

} // namespace sitroom::gateway::testing
