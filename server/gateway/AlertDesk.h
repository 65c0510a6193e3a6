#pragma once

#include "server/alerts/AlertEngine.h"
#include "server/gateway/AlertStore.h"
#include "server/gateway/AuditLog.h"
#include "server/gateway/ControlStore.h"

#include "sitroom/v1/envelope.pb.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace sitroom::gateway {

class StateDatabase;
struct Identity;

// The gateway's side of the alerts (docs/alerts.md): runs the engine on the
// telemetry the data source publishes, keeps its clock going through a
// silence, takes the operators' acknowledge/shelve/unshelve commands (roles,
// idempotency by command_id), and writes every transition's audit row and
// the alert itself in one transaction before anyone is told. What happened
// comes out as AlertEvents and AuditEntries for the gateway to broadcast.
class AlertDesk final
{
public:
    AlertDesk(StateDatabase &database, alerts::AlertRuleSet rules);

    // The alerts and the id counter from the state database.
    void restore();
    void setConfiguration(const sitroom::v1::Configuration &configuration);

    // A tick from the data source. The engine's clock follows the source's.
    void observe(const sitroom::v1::SystemState &state, qint64 wallNowMs);
    // Every second of wall time: silence, shelf expiry, delays running out.
    void tick(qint64 wallNowMs);

    static bool isAlertCommand(const sitroom::v1::Command &command);
    // control: the current control state, which every CommandResult carries.
    sitroom::v1::CommandResult handle(const sitroom::v1::Command &command, const Identity &who, qint64 wallNowMs,
                                      const sitroom::v1::ControlState &control);

    std::vector<sitroom::v1::Alert> activeAlerts() const { return m_engine.activeAlerts(); }
    std::uint32_t startedInWindow() const { return m_engine.startedInWindow(); }
    bool flood() const { return m_engine.flood(); }
    // The engine's clock: the source's, carried on by the wall clock through a silence.
    qint64 engineNowMs(qint64 wallNowMs) const;

    std::vector<sitroom::v1::AlertEvent> takeAlertEvents();
    std::vector<sitroom::v1::AuditEntry> takeAuditEvents();

private:
    // Writes the transitions (audit row + alert each), the id counter and the
    // command's result in one transaction; queues the events when it held.
    bool commit(const std::vector<alerts::AlertTransitionRecord> &transitions, const std::vector<AuditRecord> &extra,
                const sitroom::v1::CommandResult *result, qint64 wallNowMs, QString *error);
    // Runs a step of the engine and commits what it did; when the database
    // refuses, the engine goes back to where it was and tries again next time.
    template<typename Step>
    void advance(Step step, qint64 wallNowMs);

    StateDatabase &m_db;
    AuditLog m_audit;
    AlertStore m_store;
    ControlStore m_results;
    alerts::AlertEngine m_engine;
    qint64 m_lastSourceMs = 0;      // the source's clock at its last tick
    qint64 m_lastTickWallMs = 0;    // the wall clock then
    mutable qint64 m_engineMs = 0;  // never goes back
    std::vector<sitroom::v1::AlertEvent> m_events;
    std::vector<sitroom::v1::AuditEntry> m_auditEvents;
};

} // namespace sitroom::gateway
