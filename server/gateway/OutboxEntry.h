#pragma once

#include "server/gateway/ControlDelivery.h"

#include "sitroom/v1/control.pb.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace sitroom::gateway {

// Where a change on its way to the live system stands.
enum class DeliveryStatus
{
    Pending = 0,   // decided and in force; the live system has not answered yet
    Answered = 1,  // the live system took it (or, for a restore, any answer)
    Failed = 2,    // refused, or unanswered past the deadline: the state was restored
};

// One row of the delivery outbox (ControlOutbox): a change the gateway has
// applied and must deliver to the live system, written in the transaction
// that applied it. Its command_id is the Idempotency-Key of every attempt,
// from whichever gateway; `request` (with its sent_at_ms) makes every
// attempt the same bytes. Whoever delivers it holds a lease on it until
// leaseUntilMs (the store's clock), so that the other gateway takes it over
// only once that gateway is gone.
struct OutboxEntry
{
    QString commandId;
    std::uint64_t revision = 0;            // of the control state it delivers
    DeliveryStatus status = DeliveryStatus::Pending;
    int attempts = 0;                      // deliveries started, by any gateway
    qint64 decidedAtMs = 0;                // wall clock: its deadline counts from here
    QString leaseHolder;                   // a gateway's server id; empty: nobody yet
    qint64 leaseUntilMs = 0;
    QString answer;                        // the live system's words, or why it ended failed

    // What goes out, and what it was decided as.
    ControlDeliveryRequest request;
    sitroom::v1::ControlState restore;     // the state before the change, put back on failure
    sitroom::v1::Phrase summary;           // what it does ("set admission rate to 500/s")
    // Puts back the change of a failed delivery (whose command_id it
    // names): it is delivered like any change, but never restored in turn.
    QString restoresCommandId;

    bool isRestore() const { return !restoresCommandId.isEmpty(); }

    // Everything but the columns above: the payload column's bytes (JSON).
    QByteArray payload() const;
    // Fills the payload's fields from its bytes; false when they cannot be read.
    bool readPayload(const QByteArray &bytes);
};

} // namespace sitroom::gateway
