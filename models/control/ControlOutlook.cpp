#include "models/control/ControlOutlook.h"

#include "models/control/CommandRoom.h"
#include "models/situation/SituationStore.h"

namespace sitroom::models {

ControlOutlook controlOutlook(const SituationStore &store, ControlAsk ask)
{
    if (!store.isLive())
        return ControlOutlook::NotSent;
    // The gateway's store decides before anything else can be decided.
    if (store.gatewayService().storeUnreachable())
        return ControlOutlook::RefusedStoreDown;
    const bool inCommand = isInCommand(store.control(), store.welcome().site());
    switch (ask) {
    case ControlAsk::CommandRoom:
        return ControlOutlook::OwnRules;
    case ControlAsk::Approval:
        return inCommand ? ControlOutlook::Applies : ControlOutlook::RefusedNotInCommand;
    case ControlAsk::HazardousChange:
        return inCommand ? ControlOutlook::WaitsForSupervisor : ControlOutlook::WaitsForCommandRoom;
    case ControlAsk::Change:
        break;
    }
    return inCommand ? ControlOutlook::Applies : ControlOutlook::WaitsForCommandRoom;
}

bool changesNothing(ControlOutlook outlook)
{
    return outlook == ControlOutlook::NotSent || outlook == ControlOutlook::RefusedStoreDown
        || outlook == ControlOutlook::RefusedNotInCommand;
}

} // namespace sitroom::models
