#include "server/gateway/AlertWatch.h"

#include "server/gateway/AlertWords.h"
#include "server/gateway/CommandPipeline.h"
#include "server/gateway/GatewayLog.h"
#include "server/gateway/GatewayStore.h"

#include <algorithm>
#include <utility>

namespace sitroom::gateway {

namespace v1 = sitroom::v1;

AlertWatch::AlertWatch(CommandPipeline &pipeline, alerts::AlertRuleSet rules)
    : m_pipeline(pipeline)
    , m_engine(std::move(rules))
{
}

void AlertWatch::restore()
{
    m_engine.restore(m_pipeline.store().loadOpenAlerts(), m_pipeline.store().loadNextAlertId());
}

void AlertWatch::setConfiguration(const v1::Configuration &configuration)
{
    m_engine.setConfiguration(configuration);
}

qint64 AlertWatch::engineNowMs(qint64 wallNowMs) const
{
    if (m_lastTickWallMs == 0)
        return m_engineMs;
    m_engineMs = std::max(m_engineMs, m_lastSourceMs + std::max<qint64>(0, wallNowMs - m_lastTickWallMs));
    return m_engineMs;
}

template<typename Step>
void AlertWatch::advance(Step step, qint64 wallNowMs)
{
    m_before = m_engine;
    step(m_engine);
    CommandDecision decision = transitionsDecision(wallNowMs);
    if (decision.transitions.empty()) {
        m_before.reset();
        return;
    }
    QString error;
    if (!m_pipeline.write(decision, &error)) {
        // Nobody hears of a transition the audit log does not hold: the
        // engine has stepped back (abandoned) and meets the same conditions next time.
        qCWarning(lcGateway).noquote() << "alert transitions could not be written; retrying next tick:" << error;
    }
}

void AlertWatch::observe(const v1::SystemState &state, qint64 wallNowMs)
{
    qint64 source = state.sim_time_ms();
    if (source <= 0) {
        // The live system's clock is not known (yet): nothing is timed on
        // the wall clock instead, which may be years from it (a simulation
        // replays 2021). Before it ever was, the rules wait; after, the
        // engine's clock carries on from the last time the source gave.
        if (m_lastTickWallMs == 0) {
            if (!std::exchange(m_waitingForClock, true))
                qCWarning(lcGateway) << "the alerts wait for the live system's clock: the telemetry carries no time yet";
            return;
        }
        source = engineNowMs(wallNowMs);
    } else if (m_lastSourceMs > 0 && source < m_lastSourceMs - kClockBackWarnMs) {
        qCWarning(lcGateway).noquote() << "the live system's clock went back by" << (m_lastSourceMs - source) / 1000
                                       << "s; the alert engine's clock holds at the latest time it saw until the live clock passes it";
    }
    if (std::exchange(m_waitingForClock, false))
        qCInfo(lcGateway) << "the live system's clock is known: the alerts run on it";
    m_engineMs = std::max(m_engineMs, source);
    m_lastSourceMs = source;
    m_lastTickWallMs = wallNowMs;
    const qint64 now = m_engineMs;
    if (!m_evaluating) {
        m_engine.learn(state, now);
        return;
    }
    advance([&](alerts::AlertEngine &engine) { engine.observe(state, now); }, wallNowMs);
}

void AlertWatch::setEvaluating(bool evaluating)
{
    if (evaluating == m_evaluating)
        return;
    if (evaluating) {
        // From the alerts as the last evaluator left them, their conditions
        // with them: what still holds is not raised again.
        followStore();
        m_engine.relearnConditions();
    }
    m_evaluating = evaluating;
}

void AlertWatch::followStore()
{
    const GatewayStore &store = m_pipeline.store();
    // An unreachable store reads as no alerts: nothing is taken from it then.
    if (!store.isReachable())
        return;
    tell(m_engine.adopt(store.loadOpenAlerts(), store.loadNextAlertId(), !m_evaluating));
}

void AlertWatch::storeMovedOn()
{
    followStore();
}

void AlertWatch::tick(qint64 wallNowMs)
{
    if (!m_evaluating)
        return;   // the evaluating gateway's engine keeps the clock going
    if (m_lastTickWallMs == 0)
        return;   // nothing has been heard yet, so nothing has gone silent
    const qint64 now = engineNowMs(wallNowMs);
    const double silenceS = double(std::max<qint64>(0, wallNowMs - m_lastTickWallMs)) / 1000.0;
    advance([&](alerts::AlertEngine &engine) { engine.tick(now, silenceS); }, wallNowMs);
}

alerts::AlertActionResult AlertWatch::act(const std::function<alerts::AlertActionResult(alerts::AlertEngine &)> &action)
{
    m_before = m_engine;
    alerts::AlertActionResult outcome = action(m_engine);
    if (!outcome.ok()) {
        m_engine = std::move(*m_before);
        m_before.reset();
    }
    return outcome;
}

CommandDecision AlertWatch::transitionsDecision(qint64 wallNowMs)
{
    CommandDecision d;
    d.owner = this;
    d.storeResult = false;
    d.transitions = m_engine.takeTransitions();
    d.nextAlertId = m_engine.nextId();
    const qint64 engineNow = engineNowMs(wallNowMs);
    for (const alerts::AlertTransitionRecord &t : d.transitions) {
        // A regrouping is not a transition of the alert: stored, told, not audited.
        if (t.transition != v1::TRANSITION_FLOOD_CHANGED)
            d.audit.push_back(alertTransitionRow(t, wallNowMs, engineNow));
        // Each alert as the step found it, for the store to hold against
        // what another gateway may have written since.
        const QString id = QString::fromStdString(t.alert.id());
        if (std::any_of(d.alertsFound.begin(), d.alertsFound.end(),
                        [&](const CommandDecision::AlertFound &f) { return f.alertId == id; }))
            continue;
        const v1::Alert *was = m_before ? m_before->find(id) : nullptr;
        d.alertsFound.push_back({id, was != nullptr, was ? was->state() : v1::ALERT_STATE_UNSPECIFIED,
                                 was ? qint64(was->changed_ms()) : 0});
    }
    return d;
}

void AlertWatch::committed(CommandDecision &decision)
{
    m_before.reset();
    tell(decision.transitions);
}

void AlertWatch::tell(const std::vector<alerts::AlertTransitionRecord> &records)
{
    const std::uint32_t started = m_engine.startedInWindow();
    const bool flood = m_engine.flood();
    for (const alerts::AlertTransitionRecord &t : records) {
        v1::AlertEvent event;
        *event.mutable_alert() = t.alert;
        *event.mutable_actor() = t.actor;
        if (isSystemActor(t.actor))
            event.mutable_actor()->set_user("system");
        event.set_flood(flood);
        event.set_transition(t.transition);
        event.set_previous_state(t.previousState);
        event.set_alerts_last_10min(started);
        m_events.push_back(std::move(event));
    }
}

void AlertWatch::abandoned(CommandDecision &decision)
{
    (void)decision;
    if (!m_before)
        return;
    m_engine = std::move(*m_before);
    m_before.reset();
}

std::vector<v1::AlertEvent> AlertWatch::takeAlertEvents()
{
    return std::exchange(m_events, {});
}

} // namespace sitroom::gateway
