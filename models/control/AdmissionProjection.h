#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <limits>
#include <vector>

namespace sitroom::models {

// What the next half hour looks like if the admission rate changes now: the
// throttle preview draws it as a dashed continuation of the charts before the
// operator confirms (docs/controls.md, Projection). Pure arithmetic, no Qt.
//
// The model is the waiting room as a fluid queue, the same reading of the
// figures as ThrottleEffect (the confirmation's numbers):
//   - arrivals λ hold at today's rate for the whole horizon;
//   - while people wait, admission runs at the proposed rate μ (0 when
//     paused); with nobody waiting it admits what arrives, min(μ, λ);
//   - so the queue moves by λ − μ a second: q(t) = q0 + (λ − μ)·t, and never
//     below zero (it empties at t = q0 / (μ − λ) when μ > λ);
//   - the wait a citizen is shown is q(t) / μ, as the live system shows it;
//     with μ = 0 and people waiting no wait can be given (NaN);
//   - the booking backend sees a fixed number of requests per admitted
//     citizen, read from today's figures (backend requests / admitted, 1
//     when nobody is admitted now), so its load is that × admitted / capacity.
// What it leaves out, and which way that errs: people who give up waiting
// (a growing queue is overstated), the opening surge's decay (arrivals are
// overstated once the rush passes) and the seconds between admission and
// booking (the backend's change is shown at once). It is a what-if for the
// next minutes, not a forecast of the evening.

inline constexpr double kProjectionHorizonS = 30.0 * 60.0;
inline constexpr double kProjectionStepS = 30.0;

struct ProjectionInputs
{
    double queueDepth = 0.0;              // people waiting now
    double arrivalsPerS = 0.0;            // people joining the queue a second now
    double admissionRatePerS = 0.0;       // the proposed rate
    bool paused = false;                  // the proposal is a pause: μ = 0
    double backendCapacityPerS = 0.0;     // booking requests served a second; 0 = unknown
    double backendRequestsPerAdmitted = 1.0;
};

struct ProjectionPoint
{
    double atS = 0.0;                     // seconds from now
    double queueDepth = 0.0;
    double admittedPerS = 0.0;
    double waitS = std::numeric_limits<double>::quiet_NaN();
    double backendLoad = std::numeric_limits<double>::quiet_NaN(); // fraction of capacity; NaN when unknown
};

struct AdmissionProjection
{
    std::vector<ProjectionPoint> points;  // from 0 to the horizon, every step
    double arrivalsPerS = 0.0;            // λ, as held
    double queueChangePerS = 0.0;         // λ − μ while people wait (> 0 grows)
    double drainsAtS = -1.0;              // when the queue empties within the horizon; -1 if it does not
    double peakBackendLoad = std::numeric_limits<double>::quiet_NaN();

    const ProjectionPoint &last() const { return points.back(); }
};

// Negative or non-finite inputs count as zero; a non-positive step or
// horizon is taken as the defaults. Always at least two points.
AdmissionProjection projectAdmission(const ProjectionInputs &inputs, double horizonS = kProjectionHorizonS,
                                     double stepS = kProjectionStepS);

// The inputs from the picture on screen and the proposed rate.
ProjectionInputs projectionInputs(const sitroom::v1::Configuration &configuration,
                                  const sitroom::v1::SystemState &state, double newRatePerS, bool paused);

} // namespace sitroom::models
