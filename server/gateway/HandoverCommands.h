#pragma once

#include "server/gateway/CommandDecision.h"
#include "server/gateway/CommandHandler.h"

#include "sitroom/v1/envelope.pb.h"

#include <QString>

namespace sitroom::gateway {

class CommandPipeline;
class ControlCommands;

struct HandoverOptions
{
    // A takeover needs every gateway of the room in command unseen this long.
    qint64 takeoverAfterMs = 120 * 1000;
    // Whether a takeover may go ahead when no gateway of the room in command
    // has ever recorded its presence (one gateway alone: nobody can tell the
    // other room's is down, so it is refused unless set).
    bool allowUnseenTakeover = false;
    // The room this gateway serves: a supervisor signed in through the room
    // in command's own gateway sees that it is running.
    sitroom::v1::Site gatewaySite = sitroom::v1::SITE_UNSPECIFIED;
};

// Which room is in command, and how it changes (docs/controls.md, "The room
// in command"), plugged into the CommandPipeline before ControlCommands:
// a supervisor of either room asks for a handover with a reason (the room in
// command offers it, the other room asks for it), a supervisor of the other
// room accepts or declines it, a supervisor of the room that asked
// withdraws it, and it expires unanswered like an approval (ControlCommands'
// tick). A supervisor takes command without an answer only when every
// gateway of the room in command has been unseen for the set time (their
// GatewayPresence in the store). Each step is a control change of its own:
// expected revision, one transaction with its audit row, broadcast;
// ControlCommands puts it in force.
class HandoverCommands final : public CommandHandler
{
public:
    HandoverCommands(CommandPipeline &pipeline, ControlCommands &controls, HandoverOptions options = {});

    bool accepts(const sitroom::v1::Command &command) const override;
    CommandDecision decide(const sitroom::v1::Command &command, const CommandContext &context) override;
    void committed(CommandDecision &decision) override;
    void storeMovedOn() override;

private:
    CommandDecision decideRequest(const sitroom::v1::Command &command, const CommandContext &context);
    CommandDecision decideAnswer(const sitroom::v1::Command &command, const CommandContext &context);
    CommandDecision decideTakeover(const sitroom::v1::Command &command, const CommandContext &context);
    // Why this supervisor may not take command now; empty when they may.
    // *lastSeenMs: the newest presence of the room in command's gateways
    // (0: none has been seen).
    sitroom::v1::Phrase takeoverRefusal(sitroom::v1::Site inCommand, qint64 wallNowMs, qint64 *lastSeenMs) const;

    CommandPipeline &m_pipeline;
    ControlCommands &m_controls;
    HandoverOptions m_options;
};

} // namespace sitroom::gateway
