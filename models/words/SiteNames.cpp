#include "models/words/SiteNames.h"

#include "sitroom/v1/envelope.pb.h"

namespace sitroom::models {

QString SiteNames::name(quint32 site)
{
    switch (site) {
    case sitroom::v1::SITE_SEOUL: return tr("Seoul");
    case sitroom::v1::SITE_OSONG: return tr("Osong");
    case sitroom::v1::SITE_MINISTRY: return tr("Ministry");
    default: return tr("unknown site");
    }
}

} // namespace sitroom::models
