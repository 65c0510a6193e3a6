#pragma once

#include "server/alerts/AlertEngine.h"
#include "server/gateway/AuditChain.h"
#include "server/gateway/OutboxEntry.h"

#include "sitroom/v1/control.pb.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sitroom::gateway {

class DecisionOwner;

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

// A decision before it is written: its result, its audit rows and what it
// changes, all written in one transaction (CommandPipeline::write) before
// anything is put in force, answered or broadcast. A decision comes from a
// command or from the gateway itself (an expiry, the end of a timed disable,
// an alert the engine raised).
struct CommandDecision
{
    sitroom::v1::CommandResult result;
    std::vector<AuditRecord> audit;
    // Kept by command_id, so that a repeat is answered and not decided again.
    bool storeResult = true;

    // A control change (ControlCommands): the state it was decided on, whose
    // revision must still be the stored one when it is written, and the new
    // state. A change that moves the live system's controls, when the
    // gateway steers a live system through a webhook, is written with its
    // delivery outbox row and delivered after (ControlDispatcher, ControlOutbox).
    sitroom::v1::ControlState before;
    std::optional<ControlChange> change;
    bool endsTimedDisable = false;         // the system re-enabling a provider on time

    // Delivery outbox rows: a new one, written with the change it delivers;
    // or the end of one (answered, failed), written only while the stored row
    // is still pending, since the other gateway may have ended it first.
    std::vector<OutboxEntry> deliveries;
    // The result replaces the one stored for its command_id (a delivery's
    // end) instead of being kept only when there is none.
    bool replacesResult = false;

    // Alert transitions (AlertWatch): each alert as it stands after them, and
    // the engine's next alert number, kept with their audit rows.
    std::vector<alerts::AlertTransitionRecord> transitions;
    std::uint64_t nextAlertId = 0;
    // Each alert they move as the engine had it before (none: a new one).
    // Another gateway's write to one of them since (an operator's action
    // there, or an evaluator's) makes the decision one on a past state,
    // refused like a stale revision.
    struct AlertFound
    {
        QString alertId;
        bool existed = false;
        sitroom::v1::AlertState state = sitroom::v1::ALERT_STATE_UNSPECIFIED;
        qint64 changedMs = 0;
    };
    std::vector<AlertFound> alertsFound;

    // Who puts the decision in force once it is written, and takes back what
    // deciding it moved when it is not; none for a decision that does nothing.
    DecisionOwner *owner = nullptr;

    bool changesLiveControls() const;

    // Ends the decision with `status`: the result says `message` and carries
    // `control`, and `row`, the command's audit row, records it as its outcome.
    void conclude(sitroom::v1::CommandStatus status, const sitroom::v1::Phrase &message, AuditRecord row,
                  const sitroom::v1::ControlState &control);
    // The same command with nothing done: `status` and `message` in the
    // result and in each of its audit rows, which lose their before and after.
    CommandDecision nothingDone(sitroom::v1::CommandStatus status, const sitroom::v1::Phrase &message,
                                const sitroom::v1::ControlState &control, bool keepResult) const;
};

// Why a session's command is refused whatever it asks: it has the viewer role.
sitroom::v1::Phrase viewerRefusal();
// An answer that changes nothing and is not audited (the gateway takes no
// commands, or none of this kind): refused, saying why, with the control
// state in force, which every CommandResult carries.
sitroom::v1::CommandResult refusedResult(const std::string &commandId, const sitroom::v1::Phrase &why,
                                         const sitroom::v1::ControlState &control);

} // namespace sitroom::gateway
