#include "proto/sitroom/CommandRoom.h"

namespace sitroom {

sitroom::v1::Site commandSiteOf(const sitroom::v1::ControlState &control)
{
    return mayHoldCommand(control.command_site()) ? sitroom::v1::Site(control.command_site()) : sitroom::v1::SITE_SEOUL;
}

bool mayHoldCommand(quint32 site)
{
    return site == sitroom::v1::SITE_SEOUL || site == sitroom::v1::SITE_OSONG;
}

sitroom::v1::Site otherRoom(quint32 site)
{
    switch (site) {
    case sitroom::v1::SITE_SEOUL: return sitroom::v1::SITE_OSONG;
    case sitroom::v1::SITE_OSONG: return sitroom::v1::SITE_SEOUL;
    default: return sitroom::v1::SITE_UNSPECIFIED;
    }
}

bool handoverWaits(const sitroom::v1::ControlState &control)
{
    return control.has_handover() && !control.handover().request_id().empty();
}

} // namespace sitroom
