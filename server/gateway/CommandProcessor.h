#pragma once

#include "server/gateway/AuditLog.h"
#include "server/gateway/ControlDiff.h"
#include "server/gateway/ControlStore.h"

#include "sitroom/v1/envelope.pb.h"

#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace sitroom::gateway {

class ControlTarget;
class StateDatabase;

// Who sent a command, as the gateway established at sign-in.
struct Identity
{
    QString user;
    sitroom::v1::Role role = sitroom::v1::ROLE_VIEWER;
    sitroom::v1::Site site = sitroom::v1::SITE_UNSPECIFIED;
};

// One applied change of the control state, for a ControlEvent.
struct ControlChange
{
    sitroom::v1::ControlState control;
    sitroom::v1::Actor actor;
    QString summary;
    sitroom::v1::Phrase summaryWords;

    // Sets the summary and its English text.
    void saySummary(const sitroom::v1::Phrase &words);
};

// A decided command, before it is written: its result, audit rows and (when
// the state changes) the new control state. A change that moves the live
// system's controls is delivered to it before it is committed when the
// gateway steers a live system through a webhook (ControlDispatcher).
struct CommandDecision
{
    sitroom::v1::CommandResult result;
    std::vector<AuditRecord> audit;
    std::optional<ControlChange> change;   // the new state when it changed
    bool storeResult = true;
    sitroom::v1::ControlState before;      // the state it was decided on
    bool endsTimedDisable = false;         // the system re-enabling a provider on time

    bool changesLiveControls() const;
};

struct CommandProcessorOptions
{
    qint64 approvalTimeoutMs = 5 * 60 * 1000;  // wall clock
    std::uint32_t rampS = 300;                 // a re-enabled provider's ramp
};

// The rules of docs/controls.md, without sockets: roles, validation against
// the configuration's bounds, revision conflicts, two-person approval of
// hazardous commands, expiries, idempotency by command_id, and the audit row,
// stored control state and stored result of every decision, written in one
// transaction before anything is applied or answered. Changes are handed to
// the ControlTarget at once and queued as events for the gateway to broadcast.
class CommandProcessor final
{
public:
    CommandProcessor(StateDatabase &database, CommandProcessorOptions options = {});

    void setConfiguration(const sitroom::v1::Configuration &configuration);
    void setTarget(ControlTarget *target) { m_target = target; }
    // The figures the source could not read fresh this tick (StaleInterlock).
    void setStaleFigures(std::vector<sitroom::v1::StaleFigure> stale) { m_stale = std::move(stale); }
    // The live system's clock, for the audit rows that do not bring their own.
    void setSourceClock(std::function<qint64()> clock) { m_sourceClock = std::move(clock); }
    // The figures published now, kept on each hazardous request for its approver.
    void setFigures(std::function<sitroom::v1::SystemState()> figures) { m_figures = std::move(figures); }

    // The state restored from the database, if it had one.
    bool hasStoredControl() const { return m_restored; }
    // The data source's own starting state. Ignored in favour of a stored one
    // (a restart never lifts a throttle or re-enables a provider), except that
    // providers the store does not know are added; so are later calls. Either
    // way the winner goes to the target.
    void initialize(const sitroom::v1::ControlState &sourceInitial);
    const sitroom::v1::ControlState &control() const { return m_control; }

    // wallNowMs: the wall clock (approval expiry); sourceNowMs: the live
    // system's clock (timed disables).
    sitroom::v1::CommandResult handle(const sitroom::v1::Command &command, const Identity &who,
                                      qint64 wallNowMs, qint64 sourceNowMs);
    // Expires unapproved requests and ends timed disables that are due.
    void tick(qint64 wallNowMs, qint64 sourceNowMs);
    // The live system reports it has applied this revision: a higher one
    // than ours becomes ours (audited), so later changes follow it.
    void followRevision(std::uint64_t liveRevision, qint64 wallNowMs);

    // handle() in steps, for a live system that must accept a change before
    // it counts (ControlDispatcher): the first result of a repeated
    // command_id; the decision; then either committing it (false result: the
    // database refused, nothing changed) or recording that the live system
    // did not take it (audit row only; state, revision and result unchanged).
    std::optional<sitroom::v1::CommandResult> storedResult(const sitroom::v1::Command &command) const;
    CommandDecision decide(const sitroom::v1::Command &command, const Identity &who, qint64 wallNowMs, qint64 sourceNowMs);
    sitroom::v1::CommandResult commitDecision(CommandDecision &decision);
    sitroom::v1::CommandResult refuseUndelivered(CommandDecision &decision, const QString &reason);
    // tick() in steps: expiring requests changes nothing in the live system;
    // the end of a timed disable does, so it comes out as a decision.
    void expireRequests(qint64 wallNowMs);
    std::optional<CommandDecision> dueTimedDisable(qint64 wallNowMs, qint64 sourceNowMs) const;

    // An audit row outside commands (sign-ins); queued as an event. Id 0 on failure.
    sitroom::v1::AuditEntry record(const AuditRecord &record, QString *error = nullptr);

    AuditLog &audit() { return m_audit; }
    const AuditLog &audit() const { return m_audit; }

    // What happened since the last call, in order.
    std::vector<sitroom::v1::AuditEntry> takeAuditEvents();
    std::vector<ControlChange> takeControlChanges();

    // Exposed for tests and messages.
    static QString describe(const sitroom::v1::Command &command);

private:
    CommandDecision decideApproval(const sitroom::v1::Command &command, const Identity &who, qint64 wallNowMs,
                            qint64 sourceNowMs, AuditRecord base);
    sitroom::v1::Phrase validate(const sitroom::v1::Command &command) const;
    bool isHazardous(const sitroom::v1::Command &command) const;
    void applyAction(sitroom::v1::ControlState &state, const sitroom::v1::Command &command, qint64 sourceNowMs) const;
    // Writes the decision; false (nothing changed) when the database refused.
    bool commit(CommandDecision &decision, QString *error);
    static sitroom::v1::Actor actorOf(const Identity &who, qint64 wallNowMs, const QString &reason)
    {
        return gateway::actorOf(who.user, who.site, wallNowMs, reason);
    }
    // An actor whose reason is the server's own words.
    static sitroom::v1::Actor actorSaying(const Identity &who, qint64 wallNowMs, const sitroom::v1::Phrase &reason);

    StateDatabase &m_db;
    AuditLog m_audit;
    ControlStore m_store;
    CommandProcessorOptions m_options;
    sitroom::v1::Configuration m_configuration;
    sitroom::v1::ControlState m_control;
    ControlTarget *m_target = nullptr;
    bool m_restored = false;
    bool m_initialized = false;
    std::vector<sitroom::v1::AuditEntry> m_auditEvents;
    std::vector<ControlChange> m_changes;
    std::vector<sitroom::v1::StaleFigure> m_stale;
    std::function<qint64()> m_sourceClock;
    std::function<sitroom::v1::SystemState()> m_figures;
};

} // namespace sitroom::gateway
