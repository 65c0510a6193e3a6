#include "widgets/controls/ControlRouteWords.h"

#include "widgets/controls/CommandRoomWords.h"

#include "models/control/CommandRoom.h"
#include "models/situation/SituationStore.h"
#include "models/words/SiteNames.h"

namespace sitroom::widgets {

using sitroom::models::ControlOutlook;

ControlRoute ControlRouteWords::route(const ControlProposal &proposal, ControlOutlook outlook,
                                      const sitroom::models::SituationStore &store)
{
    const sitroom::v1::ControlState &control = store.control();
    const QString anyway = tr("Send anyway", "a command the gateway is expected to refuse");
    switch (outlook) {
    case ControlOutlook::NotSent:
        return {tr("■ Not connected to a gateway: nothing can be sent now. Send it from here once the console is "
                   "connected again."),
                RouteTone::CannotSend, {}};
    case ControlOutlook::RefusedStoreDown:
        return {tr("■ The gateway will refuse this: it cannot reach its shared state store, so it decides no command "
                   "until the store is back. Nothing will change."),
                RouteTone::Refused, anyway};
    case ControlOutlook::RefusedNotInCommand: {
        const quint32 room = sitroom::models::commandRoom(control);
        return {tr("■ The gateway will refuse this: %1 is in command, and only a supervisor of %2 may approve.")
                    .arg(CommandRoomWords::roomName(room), sitroom::models::SiteNames::name(room)),
                RouteTone::Refused, anyway};
    }
    case ControlOutlook::WaitsForCommandRoom:
        return {tr("■ %1. It takes effect once approved, by the deadline the server sets when it receives the request.")
                    .arg(CommandRoomWords::waitsForRoomText(control)),
                RouteTone::Waits, tr("Request approval")};
    case ControlOutlook::WaitsForSupervisor:
        return {tr("■ Hazardous: a second supervisor must approve this before it takes effect, by the deadline the "
                   "server sets when it receives the request."),
                RouteTone::Waits, tr("Request approval")};
    case ControlOutlook::OwnRules:
        return {proposal.approvalNote, proposal.needsApproval ? RouteTone::Waits : RouteTone::Plain, proposal.okText};
    case ControlOutlook::Applies:
        break;
    }
    return {tr("Takes effect at once; no second approval needed."), RouteTone::Plain, proposal.okText};
}

} // namespace sitroom::widgets
