#include "models/control/PendingRequests.h"

#include "models/control/CommandRoom.h"
#include "models/situation/SituationStore.h"

#include <algorithm>

namespace sitroom::models {

namespace v1 = sitroom::v1;

RequestEffect requestEffect(const v1::PendingApproval &request, const v1::Configuration &configuration,
                            const v1::SystemState &stateNow, const v1::ControlState &controlNow)
{
    RequestEffect effect;
    const v1::Command &c = request.command();
    const v1::RequestFigures &figures = request.figures_at_request();
    effect.hasThen = request.has_figures_at_request() && figures.has_state();
    effect.thenLiveMs = figures.state().sim_time_ms();
    v1::ControlState controlThen;
    controlThen.set_admission_rate_per_s(figures.admission_rate_per_s());
    controlThen.set_admission_paused(figures.admission_paused());
    switch (c.action_case()) {
    case v1::Command::kSetProviderEnabled: {
        if (c.set_provider_enabled().enabled())
            break;
        const QString id = QString::fromStdString(c.set_provider_enabled().provider_id());
        effect.kind = RequestEffect::Kind::Disable;
        effect.disableNow = disableEffect(configuration, stateNow, id);
        if (effect.hasThen)
            effect.disableThen = disableEffect(configuration, figures.state(), id);
        break;
    }
    case v1::Command::kSetAdmissionRate:
    case v1::Command::kPauseAdmission: {
        const bool pause = c.action_case() == v1::Command::kPauseAdmission;
        const double rate = pause ? 0.0 : c.set_admission_rate().rate_per_s();
        effect.kind = RequestEffect::Kind::Throttle;
        effect.throttleNow = throttleEffect(stateNow, controlNow, rate, pause);
        if (effect.hasThen)
            effect.throttleThen = throttleEffect(figures.state(), controlThen, rate, pause);
        break;
    }
    default:
        break;
    }
    return effect;
}

std::vector<const v1::PendingApproval *> approvableBy(const v1::ControlState &control, v1::Role role,
                                                      const QString &user, quint32 site)
{
    std::vector<const v1::PendingApproval *> mine;
    if (role != v1::ROLE_SUPERVISOR || !isInCommand(control, site))
        return mine;
    const std::string self = user.toStdString();
    for (const v1::PendingApproval &p : control.pending()) {
        if (p.requested_by().user() != self)
            mine.push_back(&p);
    }
    return mine;
}

QString signedInUser(const SituationStore &store, const QString &askedAs)
{
    const std::string &user = store.welcome().user();
    return user.empty() ? askedAs : QString::fromStdString(user);
}

qint64 gatewayNowMs(const SituationStore &store)
{
    const qint64 age = store.ageMs();
    if (store.lastServerTimeMs() <= 0 || age < 0)
        return -1;
    return store.lastServerTimeMs() + age;
}

qint64 msLeft(const v1::PendingApproval &request, const SituationStore &store)
{
    const qint64 now = gatewayNowMs(store);
    if (now < 0 || request.expires_ms() <= 0)
        return -1;
    return std::max<qint64>(0, request.expires_ms() - now);
}

} // namespace sitroom::models
