// What another gateway on a shared store changed (issue 13): heard through
// the store's change listener (a PostgreSQL notice, or everything after the
// store was out of reach), read back from the store and told to this
// gateway's consoles the way its own changes are (flushEvents), so the two
// rooms show one state.
#include "server/gateway/GatewayPrivate.h"

#include "server/gateway/GatewayLog.h"

namespace sitroom::gateway {

void Gateway::followStore(const StoreChanges &changes)
{
    if (!d->pipeline)
        return;
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
    if (changes.alerts) {
        // The alert engine runs in every gateway until one is chosen to
        // evaluate (the evaluator lock, to come): its alerts are its own.
        qCDebug(lcGateway) << "alerts changed in the shared state store";
    }
    flushEvents();
}

} // namespace sitroom::gateway
