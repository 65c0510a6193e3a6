#include "models/control/AdmissionProjection.h"

#include <algorithm>
#include <cmath>

namespace sitroom::models {

namespace {

double nonNegative(double v)
{
    return std::isfinite(v) && v > 0.0 ? v : 0.0;
}

// Below this many admissions a second the backend's requests per admitted
// citizen are mostly noise (the tail of earlier admissions): take one.
constexpr double kMinAdmittedForRatio = 1.0;

} // namespace

AdmissionProjection projectAdmission(const ProjectionInputs &inputs, double horizonS, double stepS)
{
    if (!(horizonS > 0.0) || !std::isfinite(horizonS))
        horizonS = kProjectionHorizonS;
    if (!(stepS > 0.0) || !std::isfinite(stepS))
        stepS = kProjectionStepS;
    const double q0 = nonNegative(inputs.queueDepth);
    const double arrivals = nonNegative(inputs.arrivalsPerS);
    const double rate = inputs.paused ? 0.0 : nonNegative(inputs.admissionRatePerS);
    const double capacity = nonNegative(inputs.backendCapacityPerS);
    const double perAdmitted = nonNegative(inputs.backendRequestsPerAdmitted);

    AdmissionProjection out;
    out.arrivalsPerS = arrivals;
    out.queueChangePerS = arrivals - rate;
    if (rate > arrivals)
        out.drainsAtS = q0 / (rate - arrivals);
    if (out.drainsAtS > horizonS)
        out.drainsAtS = -1.0;

    const int steps = std::max(1, int(std::ceil(horizonS / stepS - 1e-9)));
    out.points.reserve(size_t(steps) + 1);
    for (int i = 0; i <= steps; ++i) {
        ProjectionPoint p;
        p.atS = std::min(horizonS, double(i) * stepS);
        p.queueDepth = std::max(0.0, q0 + out.queueChangePerS * p.atS);
        p.admittedPerS = p.queueDepth > 0.0 ? rate : std::min(rate, arrivals);
        if (rate > 0.0)
            p.waitS = p.queueDepth / rate;
        else if (p.queueDepth == 0.0)
            p.waitS = 0.0;
        if (capacity > 0.0) {
            p.backendLoad = perAdmitted * p.admittedPerS / capacity;
            out.peakBackendLoad = std::isnan(out.peakBackendLoad) ? p.backendLoad
                                                                  : std::max(out.peakBackendLoad, p.backendLoad);
        }
        out.points.push_back(p);
    }
    return out;
}

ProjectionInputs projectionInputs(const sitroom::v1::Configuration &configuration,
                                  const sitroom::v1::SystemState &state, double newRatePerS, bool paused)
{
    const auto &a = state.admission();
    const auto &b = state.backend();
    ProjectionInputs in;
    in.queueDepth = double(a.queue_depth());
    in.arrivalsPerS = a.arrivals_per_s();
    in.admissionRatePerS = newRatePerS;
    in.paused = paused;
    in.backendCapacityPerS = b.capacity_per_s() > 0.0 ? b.capacity_per_s() : configuration.backend_capacity_per_s();
    if (a.admitted_per_s() >= kMinAdmittedForRatio && std::isfinite(b.requests_per_s()) && b.requests_per_s() >= 0.0)
        in.backendRequestsPerAdmitted = b.requests_per_s() / a.admitted_per_s();
    return in;
}

} // namespace sitroom::models
