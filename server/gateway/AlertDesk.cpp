#include "server/gateway/AlertDesk.h"

#include "server/gateway/CommandProcessor.h"
#include "server/gateway/CommandWords.h"
#include "server/gateway/GatewayLog.h"
#include "server/gateway/StateDatabase.h"

#include "proto/sitroom/PhraseBook.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <utility>

namespace sitroom::gateway {

namespace v1 = sitroom::v1;

namespace {

QString s(const std::string &text)
{
    return QString::fromStdString(text);
}

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

// The engine's refusal, in words the console can say: the engine's own
// English stays in CommandResult.message.
v1::Phrase refusalPhrase(const v1::Command &command, const QString &alertId, const v1::Alert *alert)
{
    if (!alert)
        return phrase::make("alert.missing", {{"alert", alertId}});
    const v1::Phrase state = statePhrase(alert->state());
    switch (command.action_case()) {
    case v1::Command::kAcknowledgeAlert:
        return phrase::make("alert.cannot_acknowledge", {{"alert", alertId}}, {{"state", state}});
    case v1::Command::kShelveAlert: {
        const std::uint32_t s = command.shelve_alert().duration_s();
        if (s < alerts::AlertEngine::kMinShelveS || s > alerts::AlertEngine::kMaxShelveS)
            return phrase::make("alert.shelve_duration", {{"seconds", QString::number(s)}});
        if (QString::fromStdString(command.reason()).trimmed().isEmpty())
            return phrase::make("alert.shelve_reason");
        return phrase::make("alert.cannot_shelve", {{"alert", alertId}}, {{"state", state}});
    }
    default:
        return phrase::make("alert.not_shelved", {{"alert", alertId}}, {{"state", state}});
    }
}

QString stateJson(v1::AlertState state, v1::Severity severity)
{
    QJsonObject o;
    o[QStringLiteral("state")] = stateWord(state);
    o[QStringLiteral("severity")] = severityWord(severity);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString alertIdOf(const v1::Command &command)
{
    switch (command.action_case()) {
    case v1::Command::kAcknowledgeAlert: return s(command.acknowledge_alert().alert_id());
    case v1::Command::kShelveAlert: return s(command.shelve_alert().alert_id());
    case v1::Command::kUnshelveAlert: return s(command.unshelve_alert().alert_id());
    default: return {};
    }
}

bool isSystem(const v1::Actor &actor)
{
    return actor.user().empty() || actor.user() == "system";
}

} // namespace

AlertDesk::AlertDesk(StateDatabase &database, alerts::AlertRuleSet rules)
    : m_db(database)
    , m_audit(database)
    , m_store(database)
    , m_results(database)
    , m_engine(std::move(rules))
{
}

void AlertDesk::restore()
{
    m_engine.restore(m_store.loadOpen(), m_store.loadNextId());
}

void AlertDesk::setConfiguration(const v1::Configuration &configuration)
{
    m_engine.setConfiguration(configuration);
}

qint64 AlertDesk::engineNowMs(qint64 wallNowMs) const
{
    if (m_lastTickWallMs == 0)
        return m_engineMs;
    m_engineMs = std::max(m_engineMs, m_lastSourceMs + std::max<qint64>(0, wallNowMs - m_lastTickWallMs));
    return m_engineMs;
}

template<typename Step>
void AlertDesk::advance(Step step, qint64 wallNowMs)
{
    alerts::AlertEngine before = m_engine;
    step(m_engine);
    const std::vector<alerts::AlertTransitionRecord> transitions = m_engine.takeTransitions();
    if (transitions.empty())
        return;
    QString error;
    if (!commit(transitions, {}, nullptr, wallNowMs, &error)) {
        // Nobody hears of a transition the audit log does not hold: the
        // engine steps back and meets the same conditions next time.
        qCWarning(lcGateway).noquote() << "alert transitions could not be written; retrying next tick:" << error;
        m_engine = std::move(before);
    }
}

void AlertDesk::observe(const v1::SystemState &state, qint64 wallNowMs)
{
    const qint64 source = state.sim_time_ms() > 0 ? state.sim_time_ms() : wallNowMs;
    m_engineMs = std::max(m_engineMs, source);
    m_lastSourceMs = source;
    m_lastTickWallMs = wallNowMs;
    const qint64 now = m_engineMs;
    advance([&](alerts::AlertEngine &engine) { engine.observe(state, now); }, wallNowMs);
}

void AlertDesk::tick(qint64 wallNowMs)
{
    if (m_lastTickWallMs == 0)
        return;   // nothing has been heard yet, so nothing has gone silent
    const qint64 now = engineNowMs(wallNowMs);
    const double silenceS = double(std::max<qint64>(0, wallNowMs - m_lastTickWallMs)) / 1000.0;
    advance([&](alerts::AlertEngine &engine) { engine.tick(now, silenceS); }, wallNowMs);
}

bool AlertDesk::isAlertCommand(const v1::Command &command)
{
    switch (command.action_case()) {
    case v1::Command::kAcknowledgeAlert:
    case v1::Command::kShelveAlert:
    case v1::Command::kUnshelveAlert:
        return true;
    default:
        return false;
    }
}

v1::CommandResult AlertDesk::handle(const v1::Command &command, const Identity &who, qint64 wallNowMs,
                                    const v1::ControlState &control)
{
    if (!command.command_id().empty()) {
        if (auto first = m_results.findResult(s(command.command_id())))
            return *first;
    }
    v1::CommandResult result;
    result.set_command_id(command.command_id());
    *result.mutable_control() = control;

    AuditRecord base;
    base.timeMs = wallNowMs;
    base.sourceTimeMs = engineNowMs(wallNowMs);
    base.commandId = s(command.command_id());
    base.user = who.user;
    base.site = who.site;
    base.sayAction(commandPhrase(command));
    base.reason = s(command.reason());

    // message: the English text when it is not the phrase's (the engine's own).
    const auto decline = [&](v1::CommandStatus status, const v1::Phrase &words, const QString &message = {}) {
        result.set_status(status);
        *result.mutable_message_words() = words;
        result.set_message((message.isEmpty() ? phrase::english(words) : message).toStdString());
        AuditRecord r = base;
        r.sayOutcome(outcomePhrase(status, words));
        if (!message.isEmpty())
            r.outcome = commandStatusWord(status) + QStringLiteral(": ") + message;
        QString error;
        // A command without an id cannot be repeated, so its result is not kept.
        if (!commit({}, {r}, command.command_id().empty() ? nullptr : &result, wallNowMs, &error))
            qCWarning(lcGateway).noquote() << "a refused alert command could not be audited:" << error;
        return result;
    };

    if (command.command_id().empty())
        return decline(v1::COMMAND_INVALID, phrase::make("invalid.no_command_id"));
    if (who.role != v1::ROLE_OPERATOR && who.role != v1::ROLE_SUPERVISOR)
        return decline(v1::COMMAND_REFUSED, phrase::make("refused.viewer_role"));
    const QString alertId = alertIdOf(command);
    if (alertId.isEmpty())
        return decline(v1::COMMAND_INVALID, phrase::make("invalid.no_alert"));
    const v1::Alert *alert = m_engine.find(alertId);
    if (!alert)
        return decline(v1::COMMAND_INVALID, phrase::make("invalid.no_open_alert", {{"alert", alertId}}));
    if (command.action_case() == v1::Command::kShelveAlert && alert->severity() == v1::SEVERITY_CRITICAL
        && who.role != v1::ROLE_SUPERVISOR)
        return decline(v1::COMMAND_REFUSED, phrase::make("refused.shelve_critical"));
    const v1::Alert alertBefore = *alert;

    v1::Actor actor;
    actor.set_user(who.user.toStdString());
    actor.set_site(who.site);
    actor.set_time_ms(wallNowMs);
    actor.set_reason(command.reason());

    const alerts::AlertEngine before = m_engine;
    const qint64 now = std::max<qint64>(engineNowMs(wallNowMs), alert->changed_ms());
    alerts::AlertActionResult outcome;
    switch (command.action_case()) {
    case v1::Command::kAcknowledgeAlert: {
        const auto &a = command.acknowledge_alert();
        QString comment = s(a.comment()).trimmed();
        if (comment.isEmpty())
            comment = s(command.reason()).trimmed();
        actor.set_reason(comment.toStdString());
        outcome = m_engine.acknowledge(alertId, actor, comment, s(a.runbook_step()).trimmed(), now);
        break;
    }
    case v1::Command::kShelveAlert:
        outcome = m_engine.shelve(alertId, actor, std::int64_t(command.shelve_alert().duration_s()), now);
        break;
    case v1::Command::kUnshelveAlert:
        outcome = m_engine.unshelve(alertId, actor, now);
        break;
    default:
        break;
    }
    if (!outcome.ok()) {
        (void)m_engine.takeTransitions();
        m_engine = before;
        return decline(outcome.status == v1::COMMAND_STATUS_UNSPECIFIED ? v1::COMMAND_REFUSED : outcome.status,
                       refusalPhrase(command, alertId, &alertBefore), outcome.message);
    }
    result.set_status(v1::COMMAND_APPLIED);
    result.set_message((outcome.message.isEmpty() ? base.action : outcome.message).toStdString());
    *result.mutable_message_words() = base.actionWords;
    QString error;
    if (!commit(m_engine.takeTransitions(), {}, &result, wallNowMs, &error)) {
        m_engine = before;
        result.set_status(v1::COMMAND_REFUSED);
        *result.mutable_message_words() = phrase::make("audit.write_failed", {{"error", error}});
        result.set_message(phrase::english(result.message_words()).toStdString());
        return result;
    }
    return result;
}

bool AlertDesk::commit(const std::vector<alerts::AlertTransitionRecord> &transitions,
                       const std::vector<AuditRecord> &extra, const v1::CommandResult *result, qint64 wallNowMs,
                       QString *error)
{
    if (!m_db.begin(error))
        return false;
    std::vector<v1::AuditEntry> written;
    const auto append = [&](const AuditRecord &r) {
        v1::AuditEntry e = m_audit.append(r, error);
        if (e.id() == 0)
            return false;
        written.push_back(std::move(e));
        return true;
    };
    for (const alerts::AlertTransitionRecord &t : transitions) {
        const v1::Alert &a = t.alert;
        if (!m_store.save(a, error)) {
            m_db.rollback();
            return false;
        }
        if (t.transition == v1::TRANSITION_FLOOD_CHANGED)
            continue;   // a regrouping is not a transition of the alert: stored, told, not audited
        AuditRecord r;
        r.timeMs = wallNowMs;
        r.sourceTimeMs = engineNowMs(wallNowMs);
        r.user = isSystem(t.actor) ? QStringLiteral("system") : s(t.actor.user());
        r.site = t.actor.site();
        r.sayAction(phrase::make("action.alert", {{"alert", s(a.id())}, {"key", s(a.key())}},
                                 {{"transition", transitionPhrase(t.transition)}}));
        r.reason = s(t.actor.reason());
        if (t.actor.has_reason_words())
            r.reasonWords = t.actor.reason_words();
        r.before = stateJson(t.previousState, t.previousState == v1::ALERT_STATE_UNSPECIFIED ? v1::SEVERITY_UNSPECIFIED : a.severity());
        r.after = stateJson(a.state(), a.severity());
        if (isSystem(t.actor)) {
            r.sayOutcome(phrase::make("alert.condition",
                                      {{"value", QString::number(a.value(), 'g', 4)},
                                       {"threshold", QString::number(a.threshold(), 'g', 4)},
                                       {"unit", s(a.unit())}},
                                      {{"severity", severityPhrase(a.active_severity() ? a.active_severity() : a.severity())},
                                       {"message", phrase::bilingual(s(a.message().ko()), s(a.message().en()))}}));
        } else {
            v1::Phrase outcome = commandStatusPhrase(v1::COMMAND_APPLIED);
            if (t.transition == v1::TRANSITION_ACKNOWLEDGED && !a.runbook_step().empty())
                outcome = phrase::joined(outcome, phrase::make("alert.step_taken", {{"step", s(a.runbook_step())}}));
            if (t.transition == v1::TRANSITION_SHELVED_BY_HAND)
                outcome = phrase::joined(outcome, phrase::make("alert.shelved_until",
                                                               {{"until_ms", QString::number(a.shelved_until_ms())}}));
            r.sayOutcome(outcome);
        }
        if (!append(r)) {
            m_db.rollback();
            return false;
        }
    }
    for (const AuditRecord &r : extra) {
        if (!append(r)) {
            m_db.rollback();
            return false;
        }
    }
    if (!transitions.empty() && !m_store.saveNextId(m_engine.nextId(), error)) {
        m_db.rollback();
        return false;
    }
    if (result && !m_results.saveResult(*result, error)) {
        m_db.rollback();
        return false;
    }
    if (!m_db.commit(error))
        return false;

    const std::uint32_t started = m_engine.startedInWindow();
    const bool flood = m_engine.flood();
    for (const alerts::AlertTransitionRecord &t : transitions) {
        v1::AlertEvent event;
        *event.mutable_alert() = t.alert;
        *event.mutable_actor() = t.actor;
        if (isSystem(t.actor))
            event.mutable_actor()->set_user("system");
        event.set_flood(flood);
        event.set_transition(t.transition);
        event.set_previous_state(t.previousState);
        event.set_alerts_last_10min(started);
        m_events.push_back(std::move(event));
    }
    m_auditEvents.insert(m_auditEvents.end(), written.begin(), written.end());
    return true;
}

std::vector<v1::AlertEvent> AlertDesk::takeAlertEvents()
{
    return std::exchange(m_events, {});
}

std::vector<v1::AuditEntry> AlertDesk::takeAuditEvents()
{
    return std::exchange(m_auditEvents, {});
}

} // namespace sitroom::gateway
