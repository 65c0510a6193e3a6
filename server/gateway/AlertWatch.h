#pragma once

#include "server/alerts/AlertEngine.h"
#include "server/gateway/CommandHandler.h"

#include "sitroom/v1/alerts.pb.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace sitroom::gateway {

class CommandPipeline;

// The gateway's watch over the alerts (docs/alerts.md): runs the engine on
// the telemetry the data source publishes, keeps its clock going through a
// silence, and writes every transition, its audit row and the alert's new
// state, through the CommandPipeline in one transaction before anyone is
// told. When the store refuses, the engine goes back to where it was and
// meets the same conditions next time. What was written comes out as
// AlertEvents for the gateway to broadcast. Operators' actions on the alerts
// come through AlertCommands.
//
// With two gateways on one shared store, one evaluates (the one holding the
// evaluator's role, GatewayStore::holdAlertEvaluator) and the other follows:
// its engine judges nothing, it learns the figures and takes the alerts as
// stored whenever they change (followStore), telling its consoles what
// happened to each. Either one writes operators' actions; a write decided on
// an alert the other has changed since is refused (conflict.alert_changed).
class AlertWatch final : public DecisionOwner
{
public:
    AlertWatch(CommandPipeline &pipeline, alerts::AlertRuleSet rules);

    // The alerts and the id counter from the store.
    void restore();
    // Whether this watch evaluates the rules (the default) or follows the
    // store. Taking it over, the alerts are read as stored first and the
    // conditions taken from them, so it carries on without raising again.
    void setEvaluating(bool evaluating);
    bool isEvaluating() const { return m_evaluating; }
    // The alerts changed in the store (another gateway wrote): take them as
    // they are there, and queue their events for the consoles.
    void followStore();
    void setConfiguration(const sitroom::v1::Configuration &configuration);

    // A tick from the data source. The engine's clock follows the source's
    // (state.sim_time_ms); a tick without one (the live clock not known yet)
    // is not judged on the wall clock: it waits.
    void observe(const sitroom::v1::SystemState &state, qint64 wallNowMs);
    // Every second of wall time: silence, shelf expiry, delays running out.
    void tick(qint64 wallNowMs);

    std::vector<sitroom::v1::Alert> activeAlerts() const { return m_engine.activeAlerts(); }
    const sitroom::v1::Alert *find(const QString &alertId) const { return m_engine.find(alertId); }
    std::uint32_t startedInWindow() const { return m_engine.startedInWindow(); }
    bool flood() const { return m_engine.flood(); }
    // The engine's clock: the source's, carried on by the wall clock through a silence.
    qint64 engineNowMs(qint64 wallNowMs) const;

    // An operator's action on the engine. Refused, it leaves the engine as it
    // was; done, the engine is kept as it was until transitionsDecision()'s
    // decision is written or abandoned.
    alerts::AlertActionResult act(const std::function<alerts::AlertActionResult(alerts::AlertEngine &)> &action);
    // The engine's transitions since the last call as a decision: their audit
    // rows, each alert's new state and the next alert number. Its owner is
    // this watch, which tells of them once they are written.
    CommandDecision transitionsDecision(qint64 wallNowMs);

    void committed(CommandDecision &decision) override;
    void abandoned(CommandDecision &decision) override;
    // A write found an alert changed elsewhere: read them again.
    void storeMovedOn() override;

    std::vector<sitroom::v1::AlertEvent> takeAlertEvents();

private:
    // Runs a step of the engine and writes what it did.
    template<typename Step>
    void advance(Step step, qint64 wallNowMs);
    // Queues an AlertEvent for each record.
    void tell(const std::vector<alerts::AlertTransitionRecord> &records);

    CommandPipeline &m_pipeline;
    alerts::AlertEngine m_engine;
    std::optional<alerts::AlertEngine> m_before;  // the engine before a step not yet written
    qint64 m_lastSourceMs = 0;      // the source's clock at its last tick
    qint64 m_lastTickWallMs = 0;    // the wall clock then
    mutable qint64 m_engineMs = 0;  // never goes back
    std::vector<sitroom::v1::AlertEvent> m_events;
    bool m_evaluating = true;
    bool m_waitingForClock = false;   // a tick without time came before any with one
    static constexpr qint64 kClockBackWarnMs = 60'000;
};

} // namespace sitroom::gateway
