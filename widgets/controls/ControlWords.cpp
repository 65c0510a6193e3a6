#include "widgets/controls/ControlWords.h"

#include "widgets/controls/CommandRoomWords.h"

#include "widgets/common/Formatting.h"
#include "widgets/common/LiveClockLabel.h"
#include "models/control/CommandRoom.h"
#include "models/situation/SituationStore.h"
#include "models/words/SiteNames.h"

#include "proto/sitroom/CommandRoom.h"

#include "domain/LiveClock.h"

#include <QStringList>

#include <cmath>

namespace sitroom::widgets {

QString ControlWords::notSentText(const QString &action)
{
    return tr("Not sent: not connected to the server (%1).").arg(action);
}

sitroom::models::PhraseWords ControlWords::phraseWords(const sitroom::models::SituationStore &store,
                                                      const ProviderNamer &name)
{
    return sitroom::models::PhraseWords(sitroom::domain::LiveClock(QString::fromStdString(store.configuration().timezone())),
                                        name);
}

QString ControlWords::actorText(const sitroom::v1::Actor &actor, const sitroom::models::SituationStore &store,
                                qint64 liveTimeMs)
{
    using sitroom::domain::LiveClock;
    const QString user = QString::fromStdString(actor.user());
    if (user.isEmpty())
        return tr("nobody yet");
    const LiveClock clock(QString::fromStdString(store.configuration().timezone()));
    QString when = tr("an unknown time");
    if (liveTimeMs > 0)
        when = clock.labelled(LiveClock::Stamp{liveTimeMs, LiveClock::Source::LiveSystem});
    else if (actor.time_ms() > 0)
        when = clock.labelled(LiveClock::Stamp{actor.time_ms(), LiveClockLabel::clocksDiffer(store)
                                                                    ? LiveClock::Source::GatewayWall
                                                                    : LiveClock::Source::LiveSystem});
    const QString reason = phraseWords(store).reason(actor);
    if (reason.isEmpty())
        return tr("%1 (%2) at %3").arg(user, sitroom::models::SiteNames::name(actor.site()), when);
    return tr("%1 (%2) at %3: “%4”").arg(user, sitroom::models::SiteNames::name(actor.site()), when, reason);
}

QString ControlWords::controlText(const sitroom::v1::ControlState &control, const ProviderNamer &name)
{
    QString text = control.admission_paused() ? tr("admission paused")
                                              : tr("admission rate %1").arg(formatRate(control.admission_rate_per_s()));
    QStringList off;
    for (const auto &p : control.providers()) {
        if (!p.enabled())
            off << (name ? name(QString::fromStdString(p.id())) : QString::fromStdString(p.id()));
    }
    if (!off.isEmpty())
        text += tr(", disabled: %1").arg(off.join(QStringLiteral(", ")));
    return text;
}

QString ControlWords::actionText(const sitroom::v1::Command &command, const ProviderNamer &name)
{
    using Action = sitroom::v1::Command::ActionCase;
    switch (command.action_case()) {
    case Action::kSetAdmissionRate:
        return tr("Admission rate to %1").arg(formatRate(command.set_admission_rate().rate_per_s()));
    case Action::kPauseAdmission:
        return tr("Pause admission");
    case Action::kResumeAdmission:
        return tr("Resume admission");
    case Action::kSetProviderEnabled: {
        const QString provider = name(QString::fromStdString(command.set_provider_enabled().provider_id()));
        if (command.set_provider_enabled().enabled())
            return tr("Enable %1").arg(provider);
        const quint32 s = command.set_provider_enabled().disable_for_s();
        return s > 0 ? tr("Disable %1 for %2").arg(provider, formatDuration(s)) : tr("Disable %1").arg(provider);
    }
    case Action::kApprove:
        return tr("Approve request %1").arg(QString::fromStdString(command.approve().request_id()));
    case Action::kRequestHandover:
        return tr("Request a handover of command");
    case Action::kAnswerHandover:
        switch (command.answer_handover().answer()) {
        case sitroom::v1::HANDOVER_ACCEPT: return tr("Accept the handover");
        case sitroom::v1::HANDOVER_DECLINE: return tr("Decline the handover");
        case sitroom::v1::HANDOVER_WITHDRAW: return tr("Withdraw the handover");
        default: return tr("Answer the handover");
        }
    case Action::kTakeCommand:
        return tr("Take command");
    default:
        return tr("Control change");
    }
}

QString ControlWords::disableEffectText(const sitroom::models::DisableEffect &effect, const ProviderNamer &name)
{
    QStringList lines;
    lines << tr("%1 carries %2 of verification requests now (%3). Citizens who would choose it choose among "
                "the other providers, in proportion to their shares:")
                 .arg(name(effect.providerId), formatPercent(effect.movedShare), formatRate(effect.movedRequestsPerS));
    if (effect.noneLeft)
        lines << tr("⚠ No other provider is enabled: these citizens cannot verify at all.");
    for (const auto &r : effect.receivers) {
        QString line = tr("• %1: share %2 → %3, %4 of %5 capacity (%6)")
                           .arg(name(r.id), formatPercent(r.share), formatPercent(r.newShare),
                                formatRate(r.newRequestsPerS), formatRate(r.capacityPerS), formatPercent(r.newLoad, 0));
        if (r.overWarning)
            line += tr(" ⚠ above 90 % of capacity");
        lines << line;
    }
    return lines.join(u'\n');
}

QString ControlWords::throttleEffectText(const sitroom::models::ThrottleEffect &e)
{
    QStringList lines;
    if (e.paused)
        lines << tr("No one is admitted while paused; citizens are shown no wait.");
    else
        lines << tr("Admitting up to %1 against %2 arriving now.").arg(formatRate(e.newRatePerS), formatRate(e.arrivalsPerS));
    const double perMin = e.queueChangePerMin;
    if (std::abs(perMin) < 1.0)
        lines << tr("The queue (%1 people) holds steady.").arg(formatCount(double(e.queueDepth)));
    else if (perMin > 0)
        lines << tr("The queue (%1 people) grows by about %2 people a minute.")
                     .arg(formatCount(double(e.queueDepth)), formatCount(perMin));
    else
        lines << tr("The queue (%1 people) drains by about %2 people a minute.")
                     .arg(formatCount(double(e.queueDepth)), formatCount(-perMin));
    if (!e.paused) {
        const QString now = e.currentShownWaitS < 0 ? tr("none (paused)") : formatDuration(e.currentShownWaitS);
        lines << tr("Shown wait: %1 now, %2 at the new rate.").arg(now, formatDuration(e.shownWaitS));
    }
    return lines.join(u'\n');
}

QString ControlWords::resultText(const sitroom::v1::CommandResult &result, const QString &action,
                                 const sitroom::models::SituationStore &store, const ProviderNamer &name)
{
    const sitroom::v1::Actor &lastChange = store.controlActor();
    const QString message = phraseWords(store).text(result.message_words(), result.message());
    switch (result.status()) {
    case sitroom::v1::COMMAND_APPLIED:
        return tr("Applied: %1.").arg(action);
    case sitroom::v1::COMMAND_PENDING_APPROVAL:
        if (sitroom::handoverWaits(result.control()) && result.control().handover().request_id() == result.request_id())
            return tr("Handover requested: %1 (request %2).")
                .arg(CommandRoomWords::handoverAnswerText(result.control().handover()), QString::fromStdString(result.request_id()));
        for (const sitroom::v1::PendingApproval &p : result.control().pending()) {
            if (p.request_id() == result.request_id() && sitroom::models::waitsForCommandRoom(p))
                return tr("Waiting: %1. %2 (request %3).")
                    .arg(CommandRoomWords::waitsForRoomText(result.control()), action, QString::fromStdString(result.request_id()));
        }
        return tr("Waiting for approval by another supervisor: %1 (request %2).")
            .arg(action, QString::fromStdString(result.request_id()));
    case sitroom::v1::COMMAND_CONFLICT: {
        const sitroom::v1::Actor &who = result.control().has_last_changed_by() ? result.control().last_changed_by()
                                                                              : lastChange;
        return tr("Not applied: the controls changed before yours arrived. Now: %1. Last changed by %2. "
                  "Look again and decide anew.")
            .arg(controlText(result.control(), name), actorText(who, store));
    }
    case sitroom::v1::COMMAND_REFUSED:
        return tr("Refused: %1. %2").arg(action, message);
    case sitroom::v1::COMMAND_INVALID:
        return tr("Not valid: %1. %2").arg(action, message);
    case sitroom::v1::COMMAND_EXPIRED:
        return tr("Expired: %1. %2").arg(action, message);
    default:
        return tr("No clear answer for: %1. %2").arg(action, message);
    }
}

QString ControlWords::stageText(sitroom::v1::CommandStage stage, quint32 afterMs, const QString &reason)
{
    switch (stage) {
    case sitroom::v1::COMMAND_STAGE_SENT:
        return tr("sent", "command stage");
    case sitroom::v1::COMMAND_STAGE_ACCEPTED:
        return tr("checking the effect", "command stage");
    case sitroom::v1::COMMAND_STAGE_EFFECT_SEEN:
        return tr("effect seen (%1 s)", "command stage").arg(QString::number(double(afterMs) / 1000.0, 'f', 1));
    case sitroom::v1::COMMAND_STAGE_EFFECT_NOT_SEEN:
        return tr("effect not seen", "command stage");
    case sitroom::v1::COMMAND_STAGE_DELIVERY_FAILED:
        return reason.isEmpty() ? tr("delivery failed", "command stage")
                                : tr("delivery failed: %1", "command stage").arg(reason);
    default:
        return {};
    }
}

bool ControlWords::isFinalStage(sitroom::v1::CommandStage stage)
{
    return stage == sitroom::v1::COMMAND_STAGE_EFFECT_SEEN || stage == sitroom::v1::COMMAND_STAGE_EFFECT_NOT_SEEN
        || stage == sitroom::v1::COMMAND_STAGE_DELIVERY_FAILED;
}

bool ControlWords::isProblemStage(sitroom::v1::CommandStage stage)
{
    return stage == sitroom::v1::COMMAND_STAGE_EFFECT_NOT_SEEN || stage == sitroom::v1::COMMAND_STAGE_DELIVERY_FAILED;
}

} // namespace sitroom::widgets
