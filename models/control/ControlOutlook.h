#pragma once

namespace sitroom::models {

class SituationStore;

// What a command of this console is asking, for what the gateway will do with it.
enum class ControlAsk {
    Change,            // a throttle, pause, resume or provider switch that is not hazardous
    HazardousChange,   // one that needs a second supervisor (docs/controls.md, "Commands")
    Approval,          // approving a waiting request
    CommandRoom,       // a handover asked for, answered or withdrawn; command taken
};

// What the gateway will do with it if it were sent now, as far as this
// console knows (docs/controls.md): the gateway decides every command; this
// mirrors its rules so that a confirmation never promises what it is about to
// refuse. In the order the console finds them.
enum class ControlOutlook {
    NotSent,               // not connected: nothing leaves this console
    RefusedStoreDown,      // the gateway cannot reach its state store: it refuses every command
    RefusedNotInCommand,   // an approval from a room not in command: only the room in command approves
    WaitsForCommandRoom,   // a change from a room not in command: a supervisor of the room in command approves
    WaitsForSupervisor,    // hazardous: a second supervisor approves
    OwnRules,              // a handover or takeover: its own rules decide (said with it)
    Applies,               // applied once the gateway has it
};

ControlOutlook controlOutlook(const SituationStore &store, ControlAsk ask);

// The gateway will refuse it, or it cannot be sent: nothing will change.
bool changesNothing(ControlOutlook outlook);

} // namespace sitroom::models
