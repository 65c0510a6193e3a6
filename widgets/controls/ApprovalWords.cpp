#include "widgets/controls/ApprovalWords.h"

#include "widgets/common/LiveClockLabel.h"
#include "models/situation/SituationStore.h"

#include "domain/LiveClock.h"
#include "models/words/SiteNames.h"

namespace sitroom::widgets {

using sitroom::domain::LiveClock;
using sitroom::models::RequestEffect;
using sitroom::models::SituationStore;

namespace {
LiveClock clockOf(const SituationStore &store)
{
    return LiveClock(QString::fromStdString(store.configuration().timezone()));
}
} // namespace

QString ApprovalWords::deadlineText(const SituationStore &store, qint64 expiresMs)
{
    return LiveClockLabel::gatewayTimeText(store, expiresMs);
}

QString ApprovalWords::leftText(qint64 msLeft)
{
    if (msLeft < 0)
        return QStringLiteral("–");
    if (msLeft == 0)
        return tr("deadline passed", "approval countdown");
    const qint64 s = (msLeft + 999) / 1000;  // never "0 s left" while time is left
    if (s < 60)
        return tr("%1 s left", "approval countdown").arg(s);
    return tr("%1 min %2 s left", "approval countdown").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString ApprovalWords::countdownText(const sitroom::v1::PendingApproval &request, const SituationStore &store)
{
    return tr("Deadline %1 · %2", "approval countdown")
        .arg(deadlineText(store, request.expires_ms()), leftText(sitroom::models::msLeft(request, store)));
}

QString ApprovalWords::requestText(const sitroom::v1::PendingApproval &request, const ProviderNamer &name)
{
    return tr("%1 (%2): %3", "who asks for what")
        .arg(QString::fromStdString(request.requested_by().user()), sitroom::models::SiteNames::name(request.requested_by().site()),
             ControlWords::actionText(request.command(), name));
}

QString ApprovalWords::effectText(const RequestEffect &effect, bool atRequest, const ProviderNamer &name)
{
    if (atRequest && !effect.hasThen)
        return tr("The request carries no figures from its time (a gateway older than this console).");
    switch (effect.kind) {
    case RequestEffect::Kind::Disable:
        return ControlWords::disableEffectText(atRequest ? effect.disableThen : effect.disableNow, name);
    case RequestEffect::Kind::Throttle:
        return ControlWords::throttleEffectText(atRequest ? effect.throttleThen : effect.throttleNow);
    case RequestEffect::Kind::Other:
        break;
    }
    return tr("Once approved, the requested change applies as requested.");
}

bool ApprovalWords::effectWarns(const RequestEffect &effect, bool atRequest)
{
    if (effect.kind != RequestEffect::Kind::Disable || (atRequest && !effect.hasThen))
        return false;
    const auto &e = atRequest ? effect.disableThen : effect.disableNow;
    return e.anyOverWarning || e.noneLeft;
}

QString ApprovalWords::atRequestCaption(const SituationStore &store, qint64 liveMs)
{
    if (liveMs <= 0)
        return tr("At the request", "approval effect column");
    return tr("At the request (%1)", "approval effect column").arg(clockOf(store).labelled(liveMs));
}

QString ApprovalWords::nowCaption(const SituationStore &store)
{
    const qint64 liveMs = store.state().sim_time_ms();
    if (liveMs <= 0)
        return tr("Now", "approval effect column");
    return tr("Now (%1)", "approval effect column").arg(clockOf(store).labelled(liveMs));
}

} // namespace sitroom::widgets
