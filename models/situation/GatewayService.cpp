#include "models/situation/GatewayService.h"

namespace sitroom::models {

void GatewayService::welcome(const sitroom::v1::Welcome &welcome)
{
    // A Welcome is not a broadcast: the gateway's data may be late, so a low
    // level there says nothing of its store until the first tick.
    m_level = welcome.has_service_level() ? welcome.service_level() : 255u;
    m_storeUnreachable = false;
}

bool GatewayService::hear(const ServiceLevelNews &news)
{
    const GatewayService before = *this;
    m_level = news.level;
    if (news.level > kStoreDownCeiling)
        m_storeUnreachable = false;
    else if (news.onFreshData && news.level != kDoNotUse)
        m_storeUnreachable = true;
    return !(before == *this);
}

} // namespace sitroom::models
