#pragma once

#include "models/control/ControlEffect.h"

#include "sitroom/v1/envelope.pb.h"

#include <QString>

#include <vector>

namespace sitroom::models {

class SituationStore;

// A pending request's expected effect twice: on the figures it was requested
// on (PendingApproval.figures_at_request) and on the figures now, so that the
// approver decides on today's numbers and sees how they moved.
struct RequestEffect
{
    enum class Kind { Disable, Throttle, Other };
    Kind kind = Kind::Other;
    bool hasThen = false;     // the request carries its figures (gateways before them do not)
    qint64 thenLiveMs = 0;    // the live system's clock of those figures
    DisableEffect disableThen;
    DisableEffect disableNow;
    ThrottleEffect throttleThen;
    ThrottleEffect throttleNow;
};

RequestEffect requestEffect(const sitroom::v1::PendingApproval &request, const sitroom::v1::Configuration &configuration,
                            const sitroom::v1::SystemState &stateNow, const sitroom::v1::ControlState &controlNow);

// The requests this user may approve: a supervisor's of the room in command
// (models/control/CommandRoom), of anyone but themselves (the gateway's
// two-person rule). Empty for other roles and rooms.
std::vector<const sitroom::v1::PendingApproval *> approvableBy(const sitroom::v1::ControlState &control,
                                                               sitroom::v1::Role role, const QString &user,
                                                               quint32 site);

// The signed-in user's name: Welcome.user, else the name the console asked with.
QString signedInUser(const SituationStore &store, const QString &askedAs);

// The gateway's wall clock now, as near as this console can tell without its
// own: the server time of the newest message plus that message's age. A
// request's deadline (expires_ms) is on that clock. -1 before any message.
qint64 gatewayNowMs(const SituationStore &store);

// Milliseconds until the gateway's deadline (0 once passed); -1 when unknown.
qint64 msLeft(const sitroom::v1::PendingApproval &request, const SituationStore &store);

} // namespace sitroom::models
