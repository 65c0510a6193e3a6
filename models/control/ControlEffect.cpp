#include "models/control/ControlEffect.h"

#include <algorithm>
#include <vector>

namespace sitroom::models {

namespace {

const sitroom::v1::ProviderState *findState(const sitroom::v1::SystemState &state, const std::string &id)
{
    for (const auto &p : state.providers()) {
        if (p.id() == id)
            return &p;
    }
    return nullptr;
}

double shownWait(quint64 queue, double rate, bool paused)
{
    if (paused)
        return -1.0;
    if (queue == 0)
        return 0.0;
    return rate > 0.0 ? double(queue) / rate : -1.0;
}

} // namespace

DisableEffect disableEffect(const sitroom::v1::Configuration &configuration, const sitroom::v1::SystemState &state,
                            const QString &providerId)
{
    DisableEffect effect;
    effect.providerId = providerId;
    const std::string target = providerId.toStdString();
    if (const auto *p = findState(state, target)) {
        effect.movedShare = p->share();
        effect.movedRequestsPerS = p->requests_per_s();
    }

    double sharesLeft = 0.0;
    double popularityLeft = 0.0;
    std::vector<double> popularity;
    for (const auto &config : configuration.providers()) {
        if (config.id() == target)
            continue;
        const auto *p = findState(state, config.id());
        if (p && !p->enabled())
            continue;
        ProviderShift shift;
        shift.id = QString::fromStdString(config.id());
        shift.capacityPerS = config.capacity_per_s();
        if (p) {
            shift.share = p->share();
            shift.requestsPerS = p->requests_per_s();
        }
        sharesLeft += shift.share;
        popularityLeft += config.popularity();
        popularity.push_back(config.popularity());
        effect.receivers.push_back(shift);
    }
    effect.noneLeft = effect.receivers.empty();

    // Weights: today's shares; with none (no traffic yet), the configured
    // popularity; failing that, evenly.
    for (std::size_t i = 0; i < effect.receivers.size(); ++i) {
        ProviderShift &shift = effect.receivers[i];
        double weight = 1.0 / double(effect.receivers.size());
        if (sharesLeft > 0.0)
            weight = shift.share / sharesLeft;
        else if (popularityLeft > 0.0)
            weight = popularity[i] / popularityLeft;
        shift.newShare = shift.share + effect.movedShare * weight;
        shift.newRequestsPerS = shift.requestsPerS + effect.movedRequestsPerS * weight;
        shift.newLoad = shift.capacityPerS > 0.0 ? shift.newRequestsPerS / shift.capacityPerS : 0.0;
        shift.overWarning = shift.capacityPerS > 0.0 && shift.newLoad > kCapacityWarningFraction;
        effect.anyOverWarning = effect.anyOverWarning || shift.overWarning;
    }
    return effect;
}

ThrottleEffect throttleEffect(const sitroom::v1::SystemState &state, const sitroom::v1::ControlState &control,
                              double newRatePerS, bool pause)
{
    const auto &a = state.admission();
    ThrottleEffect effect;
    effect.currentRatePerS = control.admission_rate_per_s() > 0.0 ? control.admission_rate_per_s()
                                                                   : a.rate_limit_per_s();
    effect.paused = pause;
    effect.newRatePerS = pause ? 0.0 : newRatePerS;
    effect.arrivalsPerS = a.arrivals_per_s();
    effect.queueDepth = a.queue_depth();
    // With a queue, admission runs at the rate; without one it admits what arrives.
    const double admitted = effect.queueDepth > 0 ? effect.newRatePerS
                                                  : std::min(effect.newRatePerS, effect.arrivalsPerS);
    effect.queueChangePerMin = (effect.arrivalsPerS - admitted) * 60.0;
    if (effect.queueDepth == 0 && effect.queueChangePerMin < 0.0)
        effect.queueChangePerMin = 0.0;
    effect.shownWaitS = shownWait(effect.queueDepth, effect.newRatePerS, pause);
    effect.currentShownWaitS = shownWait(effect.queueDepth, effect.currentRatePerS, control.admission_paused());
    return effect;
}

bool isHazardous(const sitroom::v1::Command &command, const sitroom::v1::Configuration &configuration,
                 const sitroom::v1::ControlState &control)
{
    using Action = sitroom::v1::Command::ActionCase;
    switch (command.action_case()) {
    case Action::kSetAdmissionRate:
        return command.set_admission_rate().rate_per_s()
            < control.admission_rate_per_s() * (1.0 - configuration.hazardous_rate_cut_fraction());
    case Action::kPauseAdmission:
        return true;
    case Action::kSetProviderEnabled:
        return !command.set_provider_enabled().enabled();
    default:
        return false;
    }
}

} // namespace sitroom::models
