#include "models/control/CommandRoom.h"

#include "models/situation/SituationStore.h"

#include "proto/sitroom/CommandRoom.h"

namespace sitroom::models {

namespace v1 = sitroom::v1;

bool knowsCommandRoom(const v1::ControlState &control)
{
    return control.command_site() != 0;
}

v1::Site commandRoom(const v1::ControlState &control)
{
    return sitroom::commandSiteOf(control);
}

bool isInCommand(const v1::ControlState &control, quint32 site)
{
    return !knowsCommandRoom(control) || site == quint32(commandRoom(control));
}

bool waitsForCommandRoom(const v1::PendingApproval &request)
{
    return request.from_room_not_in_command();
}

HandoverRights handoverRights(const SituationStore &store)
{
    HandoverRights rights;
    const v1::ControlState &control = store.control();
    const quint32 site = store.welcome().site();
    if (!store.isLive() || store.role() != v1::ROLE_SUPERVISOR || !knowsCommandRoom(control) || !sitroom::mayHoldCommand(site))
        return rights;
    if (sitroom::handoverWaits(control)) {
        const quint32 asking = control.handover().requested_by().site();
        rights.withdraw = site == asking;
        rights.answer = site == quint32(sitroom::otherRoom(asking));
        return rights;
    }
    rights.request = true;
    rights.take = site != quint32(commandRoom(control));
    return rights;
}

} // namespace sitroom::models
