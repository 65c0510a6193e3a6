#pragma once

#include "server/gateway/DeliveryFailure.h"

#include "sitroom/v1/control.pb.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <utility>

namespace sitroom::gateway {

// One applied change on its way to the live system (docs/control-webhook.md).
struct ControlDeliveryRequest
{
    QString commandId;                 // the Idempotency-Key
    std::uint64_t revision = 0;        // of the control state after the change
    QJsonObject change;                // what moved, for the live system's logs
    sitroom::v1::ControlState control; // the whole state after the change
    sitroom::v1::Actor actor;
    // When it was first sent (the body's sent_at_ms; 0: now). Kept with the
    // change, so that every attempt, by whichever gateway, sends the same
    // bytes under the same key.
    qint64 sentAtMs = 0;
};

struct ControlDeliveryOutcome
{
    bool accepted = false;
    // Why not, when not: the live system's refusal (a 4xx, final), or no
    // answer at all (it could not be reached, timed out, or said 5xx): the
    // live system may or may not have applied it, and it is tried again
    // with the same key.
    DeliveryFailure failure;

    bool unanswered() const { return !accepted && !failure.isRefusal(); }

    static ControlDeliveryOutcome taken() { return ControlDeliveryOutcome{true, {}}; }
    static ControlDeliveryOutcome failed(DeliveryFailure why) { return ControlDeliveryOutcome{false, std::move(why)}; }
};

// A live system that must accept a change before it counts (the control
// webhook). deliver() answers through done exactly once, later, on the
// caller's thread; retries with the same key are the implementation's job.
class ControlDelivery
{
public:
    virtual ~ControlDelivery() = default;
    virtual void deliver(const ControlDeliveryRequest &request, std::function<void(const ControlDeliveryOutcome &)> done) = 0;
};

} // namespace sitroom::gateway
