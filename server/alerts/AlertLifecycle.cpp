#include "server/alerts/AlertLifecycle.h"
#include "server/alerts/AlertEngine.h"

namespace sitroom::alerts::lifecycle {

namespace v1 = sitroom::v1;

namespace {

QString idOf(const v1::Alert &alert)
{
    return QString::fromStdString(alert.id());
}

AlertActionResult refused(const QString &message)
{
    return {v1::COMMAND_REFUSED, message};
}

AlertActionResult applied(const QString &message)
{
    return {v1::COMMAND_APPLIED, message};
}

void clear(v1::Alert &alert, std::int64_t nowMs)
{
    alert.set_state(v1::ALERT_CLEARED);
    alert.set_cleared_ms(nowMs);
}

void forgetAcknowledgement(v1::Alert &alert)
{
    alert.clear_acknowledged_by();
    alert.clear_comment();
    alert.clear_runbook_step();
}

QString stateWords(v1::AlertState state)
{
    switch (state) {
    case v1::ALERT_ACTIVE_UNACKED: return QStringLiteral("active and unacknowledged");
    case v1::ALERT_ACTIVE_ACKED: return QStringLiteral("already acknowledged");
    case v1::ALERT_RTN_UNACKED: return QStringLiteral("returned to normal, unacknowledged");
    case v1::ALERT_SHELVED: return QStringLiteral("shelved");
    case v1::ALERT_CLEARED: return QStringLiteral("cleared");
    default: break;
    }
    return QStringLiteral("in an unknown state");
}

} // namespace

v1::AlertTransition followCondition(v1::Alert &alert, v1::Severity severity, std::int64_t nowMs)
{
    const bool holds = severity != v1::SEVERITY_UNSPECIFIED;
    alert.set_condition_active(holds);
    alert.set_active_severity(severity);
    v1::AlertTransition made = v1::ALERT_TRANSITION_UNSPECIFIED;
    switch (alert.state()) {
    case v1::ALERT_ACTIVE_UNACKED:
        if (!holds) {
            alert.set_state(v1::ALERT_RTN_UNACKED);
            made = v1::TRANSITION_RETURNED;
        } else if (severity > alert.severity()) {
            alert.set_severity(severity);   // latched: it never drops until acknowledged
            made = v1::TRANSITION_ESCALATED;
        }
        break;
    case v1::ALERT_ACTIVE_ACKED:
        if (!holds) {
            clear(alert, nowMs);
            made = v1::TRANSITION_CLEARED;
        } else if (severity > alert.severity()) {
            // Worse than what the operator acknowledged: theirs to see again.
            alert.set_severity(severity);
            alert.set_state(v1::ALERT_ACTIVE_UNACKED);
            forgetAcknowledgement(alert);
            made = v1::TRANSITION_ESCALATED;
        }
        break;
    case v1::ALERT_RTN_UNACKED:
        if (holds) {
            alert.set_state(v1::ALERT_ACTIVE_UNACKED);
            alert.set_severity(std::max(alert.severity(), severity));
            alert.set_occurrences(alert.occurrences() + 1);
            made = v1::TRANSITION_REACTIVATED;
        }
        break;
    default:
        break;   // shelved: tracked, silent; cleared: done
    }
    if (made != v1::ALERT_TRANSITION_UNSPECIFIED)
        alert.set_changed_ms(nowMs);
    return made;
}

v1::AlertTransition expireShelf(v1::Alert &alert, std::int64_t nowMs)
{
    if (alert.state() != v1::ALERT_SHELVED || nowMs < alert.shelved_until_ms())
        return v1::ALERT_TRANSITION_UNSPECIFIED;
    if (alert.condition_active()) {
        alert.set_state(v1::ALERT_ACTIVE_UNACKED);
        alert.set_severity(std::max(alert.severity(), alert.active_severity()));
    } else {
        alert.set_state(v1::ALERT_RTN_UNACKED);
    }
    forgetAcknowledgement(alert);
    alert.set_shelved_until_ms(0);
    alert.set_changed_ms(nowMs);
    return v1::TRANSITION_SHELF_EXPIRED;
}

AlertActionResult acknowledge(v1::Alert &alert, const v1::Actor &actor, const QString &comment,
                              const QString &runbookStep, std::int64_t nowMs, v1::AlertTransition *made)
{
    const v1::AlertState state = alert.state();
    if (state != v1::ALERT_ACTIVE_UNACKED && state != v1::ALERT_RTN_UNACKED)
        return refused(QStringLiteral("Alert %1 is %2; only an unacknowledged alert can be acknowledged.")
                           .arg(idOf(alert), stateWords(state)));
    *alert.mutable_acknowledged_by() = actor;
    alert.set_comment(comment.toStdString());
    alert.set_runbook_step(runbookStep.toStdString());
    alert.set_changed_ms(nowMs);
    if (state == v1::ALERT_ACTIVE_UNACKED) {
        alert.set_state(v1::ALERT_ACTIVE_ACKED);
    } else {
        clear(alert, nowMs);   // it had returned to normal: acknowledging it is the end
    }
    *made = v1::TRANSITION_ACKNOWLEDGED;
    return applied(QStringLiteral("Alert %1 acknowledged.").arg(idOf(alert)));
}

AlertActionResult shelve(v1::Alert &alert, const v1::Actor &actor, std::int64_t durationS, std::int64_t nowMs,
                         v1::AlertTransition *made)
{
    if (durationS < AlertEngine::kMinShelveS || durationS > AlertEngine::kMaxShelveS)
        return {v1::COMMAND_INVALID, QStringLiteral("An alert is shelved for 15 minutes to 12 hours, not %1 seconds.")
                                         .arg(durationS)};
    if (QString::fromStdString(actor.reason()).trimmed().isEmpty())
        return {v1::COMMAND_INVALID, QStringLiteral("Shelving an alert needs a reason.")};
    const v1::AlertState state = alert.state();
    if (state == v1::ALERT_SHELVED || state == v1::ALERT_CLEARED)
        return refused(QStringLiteral("Alert %1 is %2 and cannot be shelved.").arg(idOf(alert), stateWords(state)));
    *alert.mutable_shelved_by() = actor;
    alert.set_shelved_until_ms(nowMs + durationS * 1000);
    alert.set_state(v1::ALERT_SHELVED);
    alert.set_changed_ms(nowMs);
    *made = v1::TRANSITION_SHELVED_BY_HAND;
    return applied(QStringLiteral("Alert %1 shelved for %2 minutes.").arg(idOf(alert)).arg(durationS / 60));
}

AlertActionResult unshelve(v1::Alert &alert, const v1::Actor &actor, std::int64_t nowMs, v1::AlertTransition *made)
{
    if (alert.state() != v1::ALERT_SHELVED)
        return refused(QStringLiteral("Alert %1 is %2, not shelved.").arg(idOf(alert), stateWords(alert.state())));
    // By hand: the operator has seen it, so it comes back acknowledged.
    *alert.mutable_acknowledged_by() = actor;
    alert.set_shelved_until_ms(0);
    alert.set_changed_ms(nowMs);
    if (alert.condition_active()) {
        alert.set_state(v1::ALERT_ACTIVE_ACKED);
        alert.set_severity(std::max(alert.severity(), alert.active_severity()));
    } else {
        clear(alert, nowMs);
    }
    *made = v1::TRANSITION_UNSHELVED_BY_HAND;
    return applied(QStringLiteral("Alert %1 unshelved.").arg(idOf(alert)));
}

} // namespace sitroom::alerts::lifecycle
