#include "server/gateway/LiveChange.h"

#include "server/gateway/ControlDiff.h"

#include <QString>

namespace sitroom::gateway {

QJsonObject webhookChange(const sitroom::v1::ControlState &before, const sitroom::v1::ControlState &after, bool timedEnd)
{
    if (before.admission_rate_per_s() != after.admission_rate_per_s())
        return {{QStringLiteral("action"), QStringLiteral("set_admission_rate")},
                {QStringLiteral("admission_rate_per_s"), after.admission_rate_per_s()}};
    if (before.admission_paused() != after.admission_paused())
        return {{QStringLiteral("action"), after.admission_paused() ? QStringLiteral("pause_admission")
                                                                    : QStringLiteral("resume_admission")}};
    for (const auto &p : after.providers()) {
        const sitroom::v1::ProviderControl *q = findProvider(before, p.id());
        // Whatever liveControlsDiffer sees of a provider is its change: an
        // enable that finds it enabled still gives it its first ramp, a timed
        // disable of a disabled one a new end; never an action the live
        // system does not know.
        if (q && q->enabled() == p.enabled() && q->ramp_s() == p.ramp_s() && q->disabled_until_ms() == p.disabled_until_ms())
            continue;
        const QString id = QString::fromStdString(p.id());
        if (timedEnd)
            return {{QStringLiteral("action"), QStringLiteral("expire_timed_disable")}, {QStringLiteral("provider_id"), id}};
        return {{QStringLiteral("action"), QStringLiteral("set_provider_enabled")},
                {QStringLiteral("provider_id"), id},
                {QStringLiteral("enabled"), p.enabled()}};
    }
    return {{QStringLiteral("action"), QStringLiteral("none")}};
}

sitroom::v1::ControlState undoLiveChange(const sitroom::v1::ControlState &current, const sitroom::v1::ControlState &before,
                                         const sitroom::v1::ControlState &after)
{
    sitroom::v1::ControlState undone = current;
    if (before.admission_rate_per_s() != after.admission_rate_per_s()
        && current.admission_rate_per_s() == after.admission_rate_per_s())
        undone.set_admission_rate_per_s(before.admission_rate_per_s());
    if (before.admission_paused() != after.admission_paused() && current.admission_paused() == after.admission_paused())
        undone.set_admission_paused(before.admission_paused());
    for (auto &p : *undone.mutable_providers()) {
        const sitroom::v1::ProviderControl *was = findProvider(before, p.id());
        const sitroom::v1::ProviderControl *made = findProvider(after, p.id());
        if (!was || !made || (was->enabled() == made->enabled() && was->disabled_until_ms() == made->disabled_until_ms()))
            continue;
        if (p.enabled() == made->enabled() && p.disabled_until_ms() == made->disabled_until_ms())
            p = *was;
    }
    return undone;
}

} // namespace sitroom::gateway
