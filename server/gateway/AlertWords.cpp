#include "server/gateway/AlertWords.h"

#include "server/gateway/CommandWords.h"

#include "server/alerts/AlertMessage.h"

#include "proto/sitroom/PhraseBook.h"
#include "proto/sitroom/ProtoText.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sitroom::gateway {

namespace v1 = sitroom::v1;

namespace {

QString stateWord(v1::AlertState state)
{
    switch (state) {
    case v1::ALERT_ACTIVE_UNACKED: return QStringLiteral("active, unacknowledged");
    case v1::ALERT_ACTIVE_ACKED: return QStringLiteral("active, acknowledged");
    case v1::ALERT_RTN_UNACKED: return QStringLiteral("returned to normal, unacknowledged");
    case v1::ALERT_SHELVED: return QStringLiteral("shelved");
    case v1::ALERT_CLEARED: return QStringLiteral("cleared");
    default: return QStringLiteral("none");
    }
}

QString severityWord(v1::Severity severity)
{
    switch (severity) {
    case v1::SEVERITY_CRITICAL: return QStringLiteral("critical");
    case v1::SEVERITY_MAJOR: return QStringLiteral("major");
    case v1::SEVERITY_MINOR: return QStringLiteral("minor");
    case v1::SEVERITY_INFO: return QStringLiteral("info");
    default: return QStringLiteral("none");
    }
}

v1::Phrase transitionPhrase(v1::AlertTransition transition)
{
    switch (transition) {
    case v1::TRANSITION_RAISED: return phrase::make("transition.raised");
    case v1::TRANSITION_ESCALATED: return phrase::make("transition.escalated");
    case v1::TRANSITION_ACKNOWLEDGED: return phrase::make("transition.acknowledged");
    case v1::TRANSITION_RETURNED: return phrase::make("transition.returned");
    case v1::TRANSITION_REACTIVATED: return phrase::make("transition.reactivated");
    case v1::TRANSITION_CLEARED: return phrase::make("transition.cleared");
    case v1::TRANSITION_SHELVED_BY_HAND: return phrase::make("transition.shelved");
    case v1::TRANSITION_UNSHELVED_BY_HAND: return phrase::make("transition.unshelved");
    case v1::TRANSITION_SHELF_EXPIRED: return phrase::make("transition.shelf_expired");
    case v1::TRANSITION_FLOOD_CHANGED: return phrase::make("transition.flood_changed");
    default: return phrase::make("transition.changed");
    }
}

v1::Phrase statePhrase(v1::AlertState state)
{
    switch (state) {
    case v1::ALERT_ACTIVE_UNACKED: return phrase::make("state.active_unacked");
    case v1::ALERT_ACTIVE_ACKED: return phrase::make("state.active_acked");
    case v1::ALERT_RTN_UNACKED: return phrase::make("state.rtn_unacked");
    case v1::ALERT_SHELVED: return phrase::make("state.shelved");
    case v1::ALERT_CLEARED: return phrase::make("state.cleared");
    default: return phrase::make("state.none");
    }
}

v1::Phrase severityPhrase(v1::Severity severity)
{
    switch (severity) {
    case v1::SEVERITY_CRITICAL: return phrase::make("severity.critical");
    case v1::SEVERITY_MAJOR: return phrase::make("severity.major");
    case v1::SEVERITY_MINOR: return phrase::make("severity.minor");
    case v1::SEVERITY_INFO: return phrase::make("severity.info");
    default: return phrase::make("severity.none");
    }
}

QString stateJson(v1::AlertState state, v1::Severity severity)
{
    QJsonObject o;
    o[QStringLiteral("state")] = stateWord(state);
    o[QStringLiteral("severity")] = severityWord(severity);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

bool isSystemActor(const v1::Actor &actor)
{
    return actor.user().empty() || actor.user() == "system";
}

AuditRecord alertTransitionRow(const alerts::AlertTransitionRecord &t, qint64 wallNowMs, qint64 engineNowMs)
{
    const v1::Alert &a = t.alert;
    AuditRecord r;
    r.timeMs = wallNowMs;
    r.sourceTimeMs = engineNowMs;
    r.user = isSystemActor(t.actor) ? QStringLiteral("system") : fromProto(t.actor.user());
    r.site = t.actor.site();
    r.sayAction(phrase::make("action.alert", {{"alert", fromProto(a.id())}, {"key", fromProto(a.key())}},
                             {{"transition", transitionPhrase(t.transition)}}));
    r.reason = fromProto(t.actor.reason());
    if (t.actor.has_reason_words())
        r.reasonWords = t.actor.reason_words();
    r.before = stateJson(t.previousState, t.previousState == v1::ALERT_STATE_UNSPECIFIED ? v1::SEVERITY_UNSPECIFIED : a.severity());
    r.after = stateJson(a.state(), a.severity());
    if (isSystemActor(t.actor)) {
        r.sayOutcome(phrase::make("alert.condition",
                                  {{"value", alerts::plainFigure(a.value())},
                                   {"threshold", alerts::plainFigure(a.threshold())},
                                   {"unit", fromProto(a.unit())}},
                                  {{"severity", severityPhrase(a.active_severity() ? a.active_severity() : a.severity())},
                                   {"message", phrase::bilingual(fromProto(a.message().ko()), fromProto(a.message().en()))}}));
        return r;
    }
    v1::Phrase outcome = commandStatusPhrase(v1::COMMAND_APPLIED);
    if (t.transition == v1::TRANSITION_ACKNOWLEDGED && !a.runbook_step().empty())
        outcome = phrase::joined(outcome, phrase::make("alert.step_taken", {{"step", fromProto(a.runbook_step())}}));
    if (t.transition == v1::TRANSITION_SHELVED_BY_HAND)
        outcome = phrase::joined(outcome, phrase::make("alert.shelved_until",
                                                       {{"until_ms", QString::number(a.shelved_until_ms())}}));
    r.sayOutcome(outcome);
    return r;
}

v1::Phrase alertRefusalPhrase(const v1::Command &command, const QString &alertId, const v1::Alert *alert)
{
    if (!alert)
        return phrase::make("alert.missing", {{"alert", alertId}});
    const v1::Phrase state = statePhrase(alert->state());
    switch (command.action_case()) {
    case v1::Command::kAcknowledgeAlert:
        return phrase::make("alert.cannot_acknowledge", {{"alert", alertId}}, {{"state", state}});
    case v1::Command::kShelveAlert: {
        const std::uint32_t seconds = command.shelve_alert().duration_s();
        if (seconds < alerts::AlertEngine::kMinShelveS || seconds > alerts::AlertEngine::kMaxShelveS)
            return phrase::make("alert.shelve_duration", {{"seconds", QString::number(seconds)}});
        if (fromProto(command.reason()).trimmed().isEmpty())
            return phrase::make("alert.shelve_reason");
        return phrase::make("alert.cannot_shelve", {{"alert", alertId}}, {{"state", state}});
    }
    default:
        return phrase::make("alert.not_shelved", {{"alert", alertId}}, {{"state", state}});
    }
}

} // namespace sitroom::gateway
