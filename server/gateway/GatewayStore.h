#pragma once

#include "server/gateway/AuditChain.h"
#include "server/gateway/OutboxEntry.h"

#include "sitroom/v1/alerts.pb.h"
#include "sitroom/v1/control.pb.h"
#include "sitroom/v1/envelope.pb.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace sitroom::gateway {

// One transaction on the gateway's state: a decision's audit rows, the state
// it changes and its result are written together or not at all. Destroyed
// without commit(), it rolls back. A store has at most one open at a time.
//
// It is also where a decision meets the state as stored, not as this gateway
// remembers it: with more than one gateway on a shared store (issue 13), the
// revision read here is held against other writers until the transaction
// ends, so a decision made on another revision is caught before it is
// written, and so is a command another gateway has answered already.
class GatewayTransaction
{
public:
    virtual ~GatewayTransaction() = default;

    // The control revision stored now; 0 when no control state is stored.
    virtual bool readControlRevision(std::uint64_t *revision, QString *error) = 0;
    // The first result stored for a command_id.
    virtual std::optional<sitroom::v1::CommandResult> findResult(const QString &commandId) = 0;

    virtual bool saveControl(const sitroom::v1::ControlState &control, QString *error) = 0;
    // The first result stays: a repeated command_id never replaces it.
    virtual bool saveResult(const sitroom::v1::CommandResult &result, QString *error) = 0;
    // ...but for the end of its delivery to the live system, which replaces
    // the result its decision stored (accepted, or failed and restored).
    virtual bool replaceResult(const sitroom::v1::CommandResult &result, QString *error) = 0;
    // An alert as stored now, as this transaction holds the state.
    virtual std::optional<sitroom::v1::Alert> findAlert(const QString &alertId) = 0;
    // An alert as it stands after its last transition (cleared ones too).
    virtual bool saveAlert(const sitroom::v1::Alert &alert, QString *error) = 0;
    virtual bool saveNextAlertId(std::uint64_t nextId, QString *error) = 0;
    // Appends the record to the audit chain as its next row: the entry as
    // written, or one with id 0 (and error set) on failure.
    virtual sitroom::v1::AuditEntry appendAudit(const AuditRecord &record, QString *error) = 0;
    // A delivery outbox row (ControlOutbox), as written with the decision
    // that applied its change, or as it ends; by command_id.
    virtual bool saveDelivery(const OutboxEntry &entry, QString *error) = 0;
    virtual std::optional<OutboxEntry> findDelivery(const QString &commandId) = 0;

    virtual bool commit(QString *error) = 0;
};

// What another writer has changed in a shared store, as far as its notice
// says. After the store could not be reached, anything may have changed.
struct StoreChanges
{
    bool control = false;   // the control state, its pending approvals
    bool alerts = false;    // alert lifecycles, the alert counter
    bool audit = false;     // rows appended to the audit chain
    std::uint64_t controlRevision = 0;   // the revision written; 0: not said
    std::uint64_t lastAuditId = 0;       // the last row appended; 0: not said
    bool deliveries = false; // the delivery outbox: a change to deliver, or a delivery ended

    static StoreChanges everything() { return {true, true, true, 0, 0, true}; }
};

// A gateway's sign of life in the store: the room it serves, its server id,
// and when it last said so (its wall clock). Each gateway records its own
// every few seconds, so another can tell whether it is reachable (a
// takeover of command needs the room in command's gateways unseen for a while).
struct GatewayPresence
{
    QString serverId;
    sitroom::v1::Site site = sitroom::v1::SITE_UNSPECIFIED;
    qint64 lastSeenMs = 0;
};

// Where the gateway keeps what must outlive it: the control state with its
// pending approvals, every command's first result (idempotency by
// command_id), the alerts and the alert id counter, and the audit chain.
// Nothing above this interface knows which backend is in use:
// SqliteGatewayStore is the embedded default (a file under --state-dir, or
// memory); PostgresGatewayStore is the state two gateways share (issue 13).
// Reads outside a transaction see what is committed.
class GatewayStore
{
public:
    virtual ~GatewayStore() = default;

    // Where the state is, for logs: a file, a server, "(in memory)".
    virtual QString location() const = 0;
    // False when nothing outlives the process.
    virtual bool isPersistent() const = 0;
    // Whether the backend can be reached now: false once an attempt to reach
    // it has failed and until one succeeds again, so a gateway can say so in
    // its service level before a command finds out. Cheap, never blocks: the
    // store itself tries again. An embedded backend is always reachable.
    virtual bool isReachable() const = 0;

    // nullptr, with error set, when no transaction can be started.
    virtual std::unique_ptr<GatewayTransaction> begin(QString *error) = 0;
    // Called, on the store's thread and from its event loop (never inside a
    // call to the store), when another writer on a shared store has
    // committed a change, and with StoreChanges::everything() when the store
    // can be reached again after it could not: what it says may have been
    // missed. Never for this store's own writes. An embedded store has no
    // other writer and never calls it.
    virtual void setChangeListener(std::function<void(const StoreChanges &)> listener) = 0;

    virtual std::optional<sitroom::v1::ControlState> loadControl() const = 0;
    virtual std::optional<sitroom::v1::CommandResult> findResult(const QString &commandId) const = 0;
    // Every alert not cleared, oldest first.
    virtual std::vector<sitroom::v1::Alert> loadOpenAlerts() const = 0;
    // 1 when nothing was stored.
    virtual std::uint64_t loadNextAlertId() const = 0;

    // The newest n audit entries, oldest first.
    virtual std::vector<sitroom::v1::AuditEntry> recentAudit(int n) const = 0;
    // Entries with id > afterId, oldest first, at most limit; *more when others follow.
    virtual std::vector<sitroom::v1::AuditEntry> auditPage(std::uint64_t afterId, int limit, bool *more = nullptr) const = 0;
    // Recomputes every hash of the chain (AuditChainCheck).
    virtual AuditVerification verifyAudit() const = 0;

    // Records a gateway's presence, replacing what its server id recorded
    // before; outside any transaction, not audited, never notified. False,
    // with error, when it could not be written.
    virtual bool recordPresence(const GatewayPresence &presence, QString *error) = 0;
    // Every gateway that has recorded its presence, as it last did.
    virtual std::vector<GatewayPresence> loadPresence() const = 0;

    // The delivery outbox (ControlOutbox): every delivery still pending,
    // lowest revision first, whoever holds it.
    virtual std::vector<OutboxEntry> pendingDeliveries() const = 0;
    // Takes the lease on a pending delivery for leaseMs from now (the store's
    // clock) when its lease has run out or is holder's already, counting one
    // more attempt when attempt is set; outside any transaction, one statement,
    // so two gateways never both take it. False when it is not pending, or
    // another holds it; error set only when the store could not be asked.
    virtual bool takeDelivery(const QString &commandId, const QString &holder, qint64 leaseMs, bool attempt,
                              QString *error) = 0;

    // Whether this store's gateway is the one that evaluates the alerts
    // (docs/alerts.md): taking the role when nobody holds it, and saying
    // whether it still does. A shared store gives it to one connection at a
    // time (a PostgreSQL advisory lock, postgres::kAlertEvaluatorLock), which
    // loses it when its connection goes; an embedded store's only gateway
    // always has it. Cheap enough to ask every second.
    virtual bool holdAlertEvaluator() = 0;
};

} // namespace sitroom::gateway
