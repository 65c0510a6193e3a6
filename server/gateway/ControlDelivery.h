#pragma once

#include "sitroom/v1/control.pb.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace sitroom::gateway {

// One applied change on its way to the live system (docs/control-webhook.md).
struct ControlDeliveryRequest
{
    QString commandId;                 // the Idempotency-Key
    std::uint64_t revision = 0;        // of the control state after the change
    QJsonObject change;                // what moved, for the live system's logs
    sitroom::v1::ControlState control; // the whole state after the change
    sitroom::v1::Actor actor;
};

struct ControlDeliveryOutcome
{
    bool accepted = false;
    QString reason;                    // the live system's own words, or why it could not be reached
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
