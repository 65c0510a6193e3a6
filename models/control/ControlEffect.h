#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QString>

#include <vector>

namespace sitroom::models {

// The expected effect of a control change, computed from the current picture
// before the operator confirms it. Pure arithmetic; the words are the
// dialog's job.

// Above this fraction of its capacity a provider is warned about.
inline constexpr double kCapacityWarningFraction = 0.9;

struct ProviderShift
{
    QString id;
    double share = 0.0;            // now, 0..1
    double newShare = 0.0;         // after the change
    double requestsPerS = 0.0;
    double newRequestsPerS = 0.0;
    double capacityPerS = 0.0;     // 0 when unknown
    double newLoad = 0.0;          // newRequestsPerS / capacityPerS; 0 when capacity unknown
    bool overWarning = false;      // newLoad > kCapacityWarningFraction
};

// Disabling a provider: citizens who would have chosen it choose among the
// other enabled providers in proportion to those providers' current shares.
struct DisableEffect
{
    QString providerId;
    double movedShare = 0.0;
    double movedRequestsPerS = 0.0;
    std::vector<ProviderShift> receivers;  // the other enabled providers, in configuration order
    bool anyOverWarning = false;
    bool noneLeft = false;                 // no other provider is enabled: the traffic has nowhere to go
};

DisableEffect disableEffect(const sitroom::v1::Configuration &configuration, const sitroom::v1::SystemState &state,
                            const QString &providerId);

// A new admission rate (or a pause: newRatePerS 0, paused true).
struct ThrottleEffect
{
    double currentRatePerS = 0.0;
    double newRatePerS = 0.0;
    bool paused = false;
    double arrivalsPerS = 0.0;
    quint64 queueDepth = 0;
    // People per minute the queue grows (> 0) or drains (< 0) at the new rate,
    // ignoring abandonment; draining stops at an empty queue.
    double queueChangePerMin = 0.0;
    // The wait a citizen is shown at the new rate with today's queue; -1 while paused.
    double shownWaitS = -1.0;
    double currentShownWaitS = -1.0;
};

ThrottleEffect throttleEffect(const sitroom::v1::SystemState &state, const sitroom::v1::ControlState &control,
                              double newRatePerS, bool pause = false);

// Whether the server will hold this command for a second supervisor's
// approval (docs/controls.md, Commands).
bool isHazardous(const sitroom::v1::Command &command, const sitroom::v1::Configuration &configuration,
                 const sitroom::v1::ControlState &control);

} // namespace sitroom::models
