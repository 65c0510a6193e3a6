#pragma once

#include "server/gateway/CommandDecision.h"
#include "server/gateway/CommandHandler.h"
#include "server/gateway/DeliveryFailure.h"

#include "sitroom/v1/envelope.pb.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace sitroom::gateway {

class CommandPipeline;
class ControlTarget;

struct ControlCommandsOptions
{
    qint64 approvalTimeoutMs = 5 * 60 * 1000;  // wall clock
    std::uint32_t rampS = 300;                 // a re-enabled provider's ramp
    // The room in command of a state stored without one (a fresh one, or one
    // kept before there was a room in command); a stored room wins.
    sitroom::v1::Site commandSite = sitroom::v1::SITE_SEOUL;
};

// The control commands' rules of docs/controls.md, plugged into the
// CommandPipeline: validation against the configuration's bounds, what an
// operator may not do, the stale-data interlock, revision conflicts,
// two-person approval of hazardous commands, the room in command (a control
// from the other room waits for one of its supervisors, and only they
// approve), and the control state in force.
// It is the pipeline's last handler and takes every command the ones before
// it did not (an alert command that gets here has no alert engine behind it).
// A written change goes to the ControlTarget at once and is queued for the
// gateway to broadcast; the gateway's own changes (expiries, the end of a
// timed disable, following the live system's revision) go the same way.
class ControlCommands final : public CommandHandler
{
public:
    // The control state stored in the pipeline's store, if any, is the one in force.
    explicit ControlCommands(CommandPipeline &pipeline, ControlCommandsOptions options = {});

    void setConfiguration(const sitroom::v1::Configuration &configuration);
    void setTarget(ControlTarget *target) { m_target = target; }
    // The figures the source could not read fresh this tick (StaleInterlock).
    void setStaleFigures(std::vector<sitroom::v1::StaleFigure> stale) { m_stale = std::move(stale); }
    // The figures published now, kept on each hazardous request for its approver.
    void setFigures(std::function<sitroom::v1::SystemState()> figures) { m_figures = std::move(figures); }

    // The state restored from the store, if it had one.
    bool hasStoredControl() const { return m_restored; }
    // The data source's own starting state. Ignored in favour of a stored one
    // (a restart never lifts a throttle or re-enables a provider), except that
    // providers the store does not know are added; so are later calls. Either
    // way the winner goes to the target.
    void initialize(const sitroom::v1::ControlState &sourceInitial);
    const sitroom::v1::ControlState &control() const { return m_control; }

    bool accepts(const sitroom::v1::Command &command) const override;
    CommandDecision decide(const sitroom::v1::Command &command, const CommandContext &context) override;
    void committed(CommandDecision &decision) override;
    void storeMovedOn() override;

    // The changes the gateway makes by itself (SystemChanges.cpp), each
    // written through the pipeline. tick() expires unapproved requests on
    // the wall clock and ends timed disables that are due on the live
    // system's; the ControlDispatcher takes it in steps, since the end of a
    // timed disable moves the live system and is delivered first.
    void tick(qint64 wallNowMs, qint64 sourceNowMs);
    void expireRequests(qint64 wallNowMs);
    std::optional<CommandDecision> dueTimedDisable(qint64 wallNowMs, qint64 sourceNowMs);
    // The live system reports it has applied this revision: a higher one
    // than ours becomes ours (audited), so later changes follow it.
    void followRevision(std::uint64_t liveRevision, qint64 wallNowMs);
    // A change whose delivery failed (ControlOutbox): the live system refused
    // it, or it was unanswered past deadlineMs (DeliveryFailure). Decides putting back what it moved that is still in force,
    // at a new revision, with an audit row saying why (a restore's own
    // failure is only audited), and the command's result as the failure;
    // whether that result is stored is the caller's.
    CommandDecision restoreUndelivered(const OutboxEntry &entry, const DeliveryFailure &failure, qint64 deadlineMs,
                                       qint64 wallNowMs);

    // The changes written since the last call, in order.
    std::vector<ControlChange> takeControlChanges();

    // A conflict phrase when a command decided on `expected` meets another
    // revision in force (who changed it last, when and why); empty otherwise.
    sitroom::v1::Phrase revisionConflict(std::uint64_t expected) const;
    // An actor whose reason is the server's own words.
    static sitroom::v1::Actor actorSaying(const Identity &who, qint64 wallNowMs, const sitroom::v1::Phrase &reason);
    qint64 approvalTimeoutMs() const { return m_options.approvalTimeoutMs; }

private:
    CommandDecision decideApproval(const sitroom::v1::Command &command, const CommandContext &context);
    sitroom::v1::Phrase validate(const sitroom::v1::Command &command) const;
    bool isHazardous(const sitroom::v1::Command &command) const;
    void applyAction(sitroom::v1::ControlState &state, const sitroom::v1::Command &command, qint64 sourceNowMs) const;
    // A waiting handover past its deadline goes (SystemChanges.cpp).
    void expireHandover(qint64 wallNowMs);

    CommandPipeline &m_pipeline;
    ControlCommandsOptions m_options;
    sitroom::v1::Configuration m_configuration;
    sitroom::v1::ControlState m_control;
    ControlTarget *m_target = nullptr;
    bool m_restored = false;
    bool m_initialized = false;
    std::vector<ControlChange> m_changes;
    std::vector<sitroom::v1::StaleFigure> m_stale;
    std::function<sitroom::v1::SystemState()> m_figures;
};

} // namespace sitroom::gateway
