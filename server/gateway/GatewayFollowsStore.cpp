// What another gateway on a shared store changed (issue 13): heard through
// the store's change listener (a PostgreSQL notice, or everything after the
// store was out of reach), read back from the store and told to this
// gateway's consoles the way its own changes are (flushEvents), so the two
// rooms show one state. And which of the two evaluates the alerts: the one
// holding the store's evaluator role; the other follows the stored alerts.
#include "server/gateway/GatewayPrivate.h"

#include "server/gateway/GatewayLog.h"

#include "domain/MonotonicClock.h"

namespace sitroom::gateway {

namespace {

// How long a gateway that lost the alert evaluator's role waits before it
// asks for it again: the other gateway, checking every second, takes it first.
constexpr qint64 kRetakeAlertRoleAfterMs = 3000;

} // namespace

void Gateway::followStore(const StoreChanges &changes)
{
    if (!d->pipeline)
        return;
    // Back after it could not be reached: the audit rows that waited for it
    // (sign-ins meanwhile) go into the chain first.
    d->auditBacklog.writeWaiting(*d->pipeline, wallNowMs());
    // The control state as stored wins over ours, as when a write of ours
    // finds it moved on (CommandPipeline's conflict): one path for both.
    if (changes.control)
        d->controls->storeMovedOn();
    if (changes.audit) {
        // Every row after the last one told, once; ours among them are skipped.
        for (bool more = true; more;) {
            const std::uint64_t after = d->auditFeed.readAfter();
            const std::vector<sitroom::v1::AuditEntry> rows = d->store->auditPage(after, 500, &more);
            for (const sitroom::v1::AuditEntry &entry : rows)
                publishAudit(entry);
            if (rows.empty() || d->auditFeed.readAfter() == after)
                break;
        }
    }
    // A delivery the other gateway wrote or ended: replies waiting for it,
    // commands waiting behind it, a row to take over.
    if (changes.deliveries && d->outbox)
        d->outbox->lookAgain();
    // Alerts the other gateway wrote (the evaluator's transitions, or an
    // operator's action there): taken as stored, told to the consoles.
    if (changes.alerts)
        d->alerts->followStore();
    flushEvents();
}

void Gateway::refreshAlertRole()
{
    if (!d->alerts)
        return;
    // Having lost the role with its connection, a gateway leaves it to the
    // other for a while rather than take it back the moment it reconnects.
    const qint64 now = domain::monotonicNowMs();
    if (!d->alerts->isEvaluating() && d->alertRoleLostMs >= 0 && now - d->alertRoleLostMs < kRetakeAlertRoleAfterMs)
        return;
    const bool holds = d->store->holdAlertEvaluator();
    if (holds == d->alerts->isEvaluating() && d->alertRoleKnown)
        return;
    if (!holds && d->alertRoleKnown)
        d->alertRoleLostMs = now;
    d->alertRoleKnown = true;
    d->alerts->setEvaluating(holds);
    if (holds) {
        qCInfo(lcGateway).noquote() << "gateway" << d->options.serverId << "evaluates the alerts of the state in"
                                    << d->store->location();
    } else {
        qCInfo(lcGateway).noquote() << "gateway" << d->options.serverId
                                    << "does not evaluate the alerts: another gateway on" << d->store->location()
                                    << "does (or it cannot be reached); this one serves them as stored";
    }
    flushEvents();
    emit alertEvaluatorChanged(holds);
}

bool Gateway::evaluatesAlerts() const
{
    return d->alerts && d->alerts->isEvaluating();
}

} // namespace sitroom::gateway
