// An engine that follows the alerts another engine evaluates (two gateways on
// one shared state, docs/alerts.md "One evaluator"): the alerts as stored,
// what happened to each told from the difference, the metric windows kept
// moving, and the conditions taken again from the alerts when it takes over.
#include "server/alerts/AlertEngine.h"

#include "proto/sitroom/ProtoText.h"

#include <set>

namespace sitroom::alerts {

namespace v1 = sitroom::v1;

namespace {

// What took an alert from `before` to `now`, as far as the two tell.
v1::AlertTransition inferred(const v1::Alert *before, const v1::Alert &now)
{
    if (!before)
        return v1::TRANSITION_RAISED;
    const v1::AlertState was = before->state();
    switch (now.state()) {
    case v1::ALERT_ACTIVE_UNACKED:
        if (was == v1::ALERT_SHELVED)
            return v1::TRANSITION_SHELF_EXPIRED;
        if (was == v1::ALERT_RTN_UNACKED || now.occurrences() > before->occurrences())
            return v1::TRANSITION_REACTIVATED;
        if (was == v1::ALERT_ACTIVE_ACKED || now.severity() > before->severity())
            return v1::TRANSITION_ESCALATED;
        break;
    case v1::ALERT_ACTIVE_ACKED:
        if (was == v1::ALERT_SHELVED)
            return v1::TRANSITION_UNSHELVED_BY_HAND;
        if (was != v1::ALERT_ACTIVE_ACKED)
            return v1::TRANSITION_ACKNOWLEDGED;
        break;
    case v1::ALERT_RTN_UNACKED:
        if (was == v1::ALERT_SHELVED)
            return v1::TRANSITION_SHELF_EXPIRED;
        if (was != v1::ALERT_RTN_UNACKED)
            return v1::TRANSITION_RETURNED;
        break;
    case v1::ALERT_SHELVED:
        if (was != v1::ALERT_SHELVED)
            return v1::TRANSITION_SHELVED_BY_HAND;
        break;
    case v1::ALERT_CLEARED:
        return v1::TRANSITION_CLEARED;
    default:
        break;
    }
    // The same state: regrouped for a flood, or a later figure.
    return v1::TRANSITION_FLOOD_CHANGED;
}

// Who made it: the operator the alert names for their own actions, else the engine.
v1::Actor actorOf(const v1::Alert &alert, v1::AlertTransition transition)
{
    switch (transition) {
    case v1::TRANSITION_ACKNOWLEDGED:
        return alert.acknowledged_by();
    case v1::TRANSITION_SHELVED_BY_HAND:
    case v1::TRANSITION_UNSHELVED_BY_HAND:
        return alert.shelved_by();
    default: {
        v1::Actor system;
        system.set_user("system");
        system.set_time_ms(alert.changed_ms());
        return system;
    }
    }
}

// Whether the stored alert says anything the engine's does not.
bool differs(const v1::Alert &mine, const v1::Alert &stored)
{
    return mine.state() != stored.state() || mine.changed_ms() != stored.changed_ms()
        || mine.severity() != stored.severity() || mine.flood_group() != stored.flood_group()
        || mine.first_out() != stored.first_out() || mine.occurrences() != stored.occurrences();
}

} // namespace

std::vector<AlertTransitionRecord> AlertEngine::adopt(const std::vector<v1::Alert> &stored, std::uint64_t nextId,
                                                      bool takeConditions)
{
    std::vector<AlertTransitionRecord> told;
    m_nextId = std::max(m_nextId, nextId);
    std::set<QString> open;
    for (const v1::Alert &alert : stored) {
        if (alert.state() == v1::ALERT_CLEARED)
            continue;
        const QString id = fromProto(alert.id());
        open.insert(id);
        const auto mine = m_open.find(id);
        if (mine != m_open.end() && !differs(mine->second, alert))
            continue;
        const std::optional<v1::Alert> before = mine != m_open.end() ? std::optional<v1::Alert>(mine->second) : std::nullopt;
        const v1::AlertTransition transition = inferred(before ? &*before : nullptr, alert);
        m_open[id] = alert;
        m_openByKey[fromProto(alert.key())] = id;
        if (transition == v1::TRANSITION_RAISED)
            m_flood.noteStart(alert.raised_ms(), id);
        else if (transition == v1::TRANSITION_REACTIVATED)
            m_flood.noteStart(alert.changed_ms(), id);
        if (takeConditions)
            conditionFrom(alert);
        told.push_back({alert, before ? before->state() : v1::ALERT_STATE_UNSPECIFIED, transition, actorOf(alert, transition)});
    }
    // Open here but no longer stored open: cleared elsewhere (an
    // acknowledgement of one that had returned to normal, say).
    std::vector<QString> gone;
    for (const auto &[id, alert] : m_open)
        if (!open.count(id))
            gone.push_back(id);
    for (const QString &id : gone) {
        v1::Alert alert = m_open.at(id);
        const v1::AlertState previous = alert.state();
        alert.set_state(v1::ALERT_CLEARED);
        alert.set_condition_active(false);
        if (takeConditions)
            conditionFrom(alert);
        told.push_back({alert, previous, v1::TRANSITION_CLEARED, actorOf(alert, v1::TRANSITION_CLEARED)});
        m_open.at(id) = alert;
        retire(id);
    }
    return told;
}

void AlertEngine::learn(const v1::SystemState &state, std::int64_t nowMs)
{
    m_lastMs = std::max(m_lastMs, nowMs);
    m_metrics.record(state, nowMs);
    m_flood.update(nowMs);
}

void AlertEngine::relearnConditions()
{
    for (auto &[key, watch] : m_watches)
        watch.condition = ConditionTracker();
    for (const auto &[id, alert] : m_open)
        conditionFrom(alert);
}

} // namespace sitroom::alerts
