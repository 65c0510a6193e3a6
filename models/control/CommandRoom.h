#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QtGlobal>

namespace sitroom::models {

class SituationStore;

// The room in command as this console sees it (docs/controls.md, "The room
// in command"): the gateway decides every command; these mirror its rules
// so nobody is offered what will be refused. A gateway from before the room
// in command sends none (ControlState.command_site 0): then no room rule
// applies here, as none applies there.

bool knowsCommandRoom(const sitroom::v1::ControlState &control);
// The room in command (Seoul when the gateway does not say).
sitroom::v1::Site commandRoom(const sitroom::v1::ControlState &control);
// Whether a user of `site` steers without the room in command's approval.
bool isInCommand(const sitroom::v1::ControlState &control, quint32 site);
// Whether this request waits for the room in command because of where it
// came from, rather than because it is hazardous.
bool waitsForCommandRoom(const sitroom::v1::PendingApproval &request);

// What this console's user may do about command, as the gateway would allow.
struct HandoverRights
{
    bool request = false;    // offer command, or ask for it (no handover waiting)
    bool answer = false;     // accept or decline the waiting handover
    bool withdraw = false;   // withdraw the waiting handover (the room that asked)
    bool take = false;       // take command without an answer (the room not in command)
};
HandoverRights handoverRights(const SituationStore &store);

} // namespace sitroom::models
