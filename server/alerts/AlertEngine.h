#pragma once

#include "server/alerts/AlertRules.h"
#include "server/alerts/ConditionTracker.h"
#include "server/alerts/FloodDetector.h"
#include "server/alerts/MetricExtractor.h"

#include "sitroom/v1/alerts.pb.h"
#include "sitroom/v1/control.pb.h"
#include "sitroom/v1/telemetry.pb.h"

#include <QString>

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <vector>

namespace sitroom::alerts {

// One transition of one alert, for the audit row, the state database and the
// AlertEvent that tells every console.
struct AlertTransitionRecord
{
    sitroom::v1::Alert alert;                  // after the transition
    sitroom::v1::AlertState previousState = sitroom::v1::ALERT_STATE_UNSPECIFIED;
    sitroom::v1::AlertTransition transition = sitroom::v1::ALERT_TRANSITION_UNSPECIFIED;
    sitroom::v1::Actor actor;                  // user "system" for the engine's own
};

// The outcome of an operator's action on an alert.
struct AlertActionResult
{
    sitroom::v1::CommandStatus status = sitroom::v1::COMMAND_STATUS_UNSPECIFIED;
    QString message;                           // plain English, for CommandResult.message
    bool ok() const { return status == sitroom::v1::COMMAND_APPLIED; }
};

// The alert engine (ISA-18.2 / EEMUA 191 practice, docs/alerts.md): evaluates
// the rules against each SystemState, runs every alert's lifecycle (on/off
// delays, hysteresis, latching, shelving, acknowledgement) and detects floods.
// No Qt event loop, no clock of its own and no I/O: time comes in as the
// engine clock (the live system's clock, which the gateway carries on through
// a silence), and everything that happened comes out through
// takeTransitions(). A plain value type: the gateway copies it before an
// operator's action and puts the copy back if the database refuses the write.
class AlertEngine final
{
public:
    // Shelving bounds.
    static constexpr std::int64_t kMinShelveS = 15 * 60;
    static constexpr std::int64_t kMaxShelveS = 12 * 3600;

    explicit AlertEngine(AlertRuleSet rules = {});

    const AlertRuleSet &rules() const { return m_rules; }
    // Provider names for messages, cohorts and their forecasts for the
    // bookings-envelope rule.
    void setConfiguration(const sitroom::v1::Configuration &configuration);

    // Alerts restored from the state database (every one not cleared) and the
    // next id to hand out, in place of the open alerts and the flood window
    // the engine had (restoring twice counts each start once). Their
    // conditions are re-learnt from the next observations: an alert whose
    // condition no longer holds returns to normal after its off-delay, as it
    // would have.
    void restore(const std::vector<sitroom::v1::Alert> &alerts, std::uint64_t nextId);

    // An engine that does not evaluate (another gateway does, docs/alerts.md)
    // follows the alerts as they are stored (AlertAdoption.cpp).
    // The open alerts as stored now, written by another engine or an
    // operator through another gateway: each that differs from the engine's
    // is taken as it is, one no longer stored open is cleared, and what
    // happened is inferred from the difference, for the consoles; nothing
    // is recorded as a transition of this engine (takeTransitions() does not
    // see them). A start (raised, active again) enters the flood window.
    // takeConditions: the conditions follow the alerts too (an engine that
    // only follows), else they stay the engine's own (one that evaluates).
    std::vector<AlertTransitionRecord> adopt(const std::vector<sitroom::v1::Alert> &stored, std::uint64_t nextId,
                                             bool takeConditions);
    // A figure seen without judging it: the windows that rates are read over
    // and the flood window move on, so an engine that takes over evaluating
    // has its history.
    void learn(const sitroom::v1::SystemState &state, std::int64_t nowMs);
    // The conditions as the open alerts say, every other one unknown until
    // observed: for an engine about to take over evaluating.
    void relearnConditions();

    // One observation of the live system at engine time nowMs (normally
    // state.sim_time_ms()). Evaluates every rule; telemetry-silence rules see
    // silence 0.
    void observe(const sitroom::v1::SystemState &state, std::int64_t nowMs);
    // Between observations (the gateway calls it every second of wall time):
    // silenceS is how long no telemetry has come. Evaluates the silence rules,
    // expires shelves and lets on/off delays run out.
    void tick(std::int64_t nowMs, double silenceS);

    // Operators' actions. actor.time_ms is set by the caller; the engine stamps
    // changed_ms with nowMs. Refusals (unknown id, wrong state, duration out of
    // bounds, empty reason) change nothing.
    AlertActionResult acknowledge(const QString &alertId, const sitroom::v1::Actor &actor, const QString &comment,
                                  const QString &runbookStep, std::int64_t nowMs);
    AlertActionResult shelve(const QString &alertId, const sitroom::v1::Actor &actor, std::int64_t durationS,
                             std::int64_t nowMs);
    AlertActionResult unshelve(const QString &alertId, const sitroom::v1::Actor &actor, std::int64_t nowMs);

    // What happened since the last call, in order.
    std::vector<AlertTransitionRecord> takeTransitions();

    // Every alert not cleared (shelved ones too), most severe first, then
    // newest first.
    std::vector<sitroom::v1::Alert> activeAlerts() const;
    const sitroom::v1::Alert *find(const QString &alertId) const;

    // Alert starts in the 10 minutes up to the last time seen, and whether
    // that is a flood (more than AlertRuleSet::flood.startAbove; the flood ends
    // at or below flood.endAtOrBelow).
    std::uint32_t startedInWindow() const;
    bool flood() const;
    std::uint64_t nextId() const;

private:
    // One rule watching one subject: its condition, and the key of the alert
    // it raises.
    struct Watch
    {
        std::size_t rule = 0;
        QString subject;
        ConditionTracker condition;
    };

    Watch &watchFor(std::size_t rule, const QString &subject);
    // The alert's watch holds its condition as the alert says it.
    void conditionFrom(const sitroom::v1::Alert &alert);
    // The alert follows its watch's condition: raised, escalated, returned...
    void follow(const QString &key, Watch &watch, std::int64_t nowMs);
    void raise(const QString &key, const Watch &watch, std::int64_t nowMs);
    void describe(sitroom::v1::Alert &alert, const AlertRule &rule, double value) const;
    // Alerts with no watch (their rule left the rules file) return to normal.
    void followOrphans(std::int64_t nowMs);
    void expireShelves(std::int64_t nowMs);
    void updateFlood(std::int64_t nowMs);
    void syncFloodMarks(std::int64_t nowMs);
    void record(const sitroom::v1::Alert &alert, sitroom::v1::AlertState previous,
                sitroom::v1::AlertTransition transition, const sitroom::v1::Actor &actor);
    void recordSystem(const sitroom::v1::Alert &alert, sitroom::v1::AlertState previous,
                      sitroom::v1::AlertTransition transition, std::int64_t nowMs);
    // Moves a cleared alert out of the open ones.
    void retire(const QString &alertId);
    sitroom::v1::Alert *open(const QString &alertId);
    const AlertRule *ruleOf(const sitroom::v1::Alert &alert) const;

    AlertRuleSet m_rules;
    MetricExtractor m_metrics;
    FloodDetector m_flood;
    std::map<QString, Watch> m_watches;                 // by key
    std::map<QString, sitroom::v1::Alert> m_open;       // every alert not cleared, by id
    std::map<QString, QString> m_openByKey;             // key -> id
    std::deque<sitroom::v1::Alert> m_recentlyCleared;   // so a late action on one is refused, not "unknown"
    std::vector<AlertTransitionRecord> m_transitions;
    std::uint64_t m_nextId = 1;
    std::int64_t m_lastMs = 0;
};

} // namespace sitroom::alerts
