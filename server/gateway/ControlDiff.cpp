#include "server/gateway/ControlDiff.h"

#include "proto/sitroom/CommandRoom.h"
#include "proto/sitroom/SiteKey.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sitroom::gateway {

namespace {

QString json(const QJsonObject &o)
{
    return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

std::pair<QString, QString> controlDiff(const sitroom::v1::ControlState &a, const sitroom::v1::ControlState &b)
{
    QJsonObject before, after;
    if (a.admission_rate_per_s() != b.admission_rate_per_s()) {
        before[QStringLiteral("admission_rate_per_s")] = a.admission_rate_per_s();
        after[QStringLiteral("admission_rate_per_s")] = b.admission_rate_per_s();
    }
    if (a.admission_paused() != b.admission_paused()) {
        before[QStringLiteral("admission_paused")] = a.admission_paused();
        after[QStringLiteral("admission_paused")] = b.admission_paused();
    }
    for (const auto &pb : b.providers()) {
        const sitroom::v1::ProviderControl *pa = findProvider(a, pb.id());
        if (!pa || (pa->enabled() == pb.enabled() && pa->disabled_until_ms() == pb.disabled_until_ms()))
            continue;
        const QString key = QStringLiteral("provider.") + QString::fromStdString(pb.id());
        QJsonObject x, y;
        x[QStringLiteral("enabled")] = pa->enabled();
        y[QStringLiteral("enabled")] = pb.enabled();
        if (pa->disabled_until_ms())
            x[QStringLiteral("disabled_until_ms")] = double(pa->disabled_until_ms());
        if (pb.disabled_until_ms())
            y[QStringLiteral("disabled_until_ms")] = double(pb.disabled_until_ms());
        before[key] = x;
        after[key] = y;
    }
    if (a.pending_size() != b.pending_size()) {
        before[QStringLiteral("pending")] = a.pending_size();
        after[QStringLiteral("pending")] = b.pending_size();
    }
    // The room in command, and the room a waiting handover would give it to
    // ("" when none waits), as site keys.
    if (commandSiteOf(a) != commandSiteOf(b)) {
        before[QStringLiteral("command_site")] = siteKey(commandSiteOf(a));
        after[QStringLiteral("command_site")] = siteKey(commandSiteOf(b));
    }
    const auto handoverTo = [](const sitroom::v1::ControlState &s) {
        return handoverWaits(s) ? siteKey(s.handover().to_site()) : QString();
    };
    if (handoverWaits(a) != handoverWaits(b) || a.handover().request_id() != b.handover().request_id()) {
        before[QStringLiteral("handover_to")] = handoverTo(a);
        after[QStringLiteral("handover_to")] = handoverTo(b);
    }
    return {json(before), json(after)};
}

sitroom::v1::ProviderControl *findProvider(sitroom::v1::ControlState &state, const std::string &id)
{
    for (auto &p : *state.mutable_providers())
        if (p.id() == id)
            return &p;
    return nullptr;
}

const sitroom::v1::ProviderControl *findProvider(const sitroom::v1::ControlState &state, const std::string &id)
{
    for (const auto &p : state.providers())
        if (p.id() == id)
            return &p;
    return nullptr;
}

sitroom::v1::Actor actorOf(const QString &user, std::uint32_t site, qint64 wallNowMs, const QString &reason)
{
    sitroom::v1::Actor actor;
    actor.set_user(user.toStdString());
    actor.set_site(site);
    actor.set_time_ms(wallNowMs);
    actor.set_reason(reason.toStdString());
    return actor;
}

void stampProviderSwitch(sitroom::v1::ControlState &state, const sitroom::v1::Command &command,
                         const sitroom::v1::Actor &requester, const sitroom::v1::Actor &approver, qint64 sourceNowMs)
{
    if (command.action_case() != sitroom::v1::Command::kSetProviderEnabled)
        return;
    sitroom::v1::ProviderControl *p = findProvider(state, command.set_provider_enabled().provider_id());
    if (!p)
        return;
    *p->mutable_switched_by() = requester;
    if (approver.user().empty())
        p->clear_approved_by();
    else
        *p->mutable_approved_by() = approver;
    p->set_switched_at_ms(sourceNowMs);
}

bool liveControlsDiffer(const sitroom::v1::ControlState &a, const sitroom::v1::ControlState &b)
{
    if (a.admission_rate_per_s() != b.admission_rate_per_s() || a.admission_paused() != b.admission_paused()
        || a.providers_size() != b.providers_size())
        return true;
    for (const auto &pb : b.providers()) {
        const sitroom::v1::ProviderControl *pa = findProvider(a, pb.id());
        if (!pa || pa->enabled() != pb.enabled() || pa->ramp_s() != pb.ramp_s()
            || pa->disabled_until_ms() != pb.disabled_until_ms())
            return true;
    }
    return false;
}

QJsonObject liveControlJson(const sitroom::v1::ControlState &state)
{
    QJsonArray providers;
    for (const auto &p : state.providers()) {
        providers.append(QJsonObject{
            {QStringLiteral("id"), QString::fromStdString(p.id())},
            {QStringLiteral("enabled"), p.enabled()},
            {QStringLiteral("ramp_s"), double(p.ramp_s())},
            {QStringLiteral("disabled_until_ms"), double(p.disabled_until_ms())},
        });
    }
    return QJsonObject{
        {QStringLiteral("admission_rate_per_s"), state.admission_rate_per_s()},
        {QStringLiteral("admission_paused"), state.admission_paused()},
        {QStringLiteral("providers"), providers},
    };
}

} // namespace sitroom::gateway
