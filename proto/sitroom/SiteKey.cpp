#include "proto/sitroom/SiteKey.h"

#include <array>
#include <utility>

namespace sitroom {

namespace {

constexpr std::array<std::pair<sitroom::v1::Site, const char *>, 3> kSites{{
    {sitroom::v1::SITE_SEOUL, "seoul"},
    {sitroom::v1::SITE_OSONG, "osong"},
    {sitroom::v1::SITE_MINISTRY, "ministry"},
}};

} // namespace

QString siteKey(sitroom::v1::Site site)
{
    for (const auto &[value, key] : kSites) {
        if (value == site)
            return QString::fromLatin1(key);
    }
    return {};
}

QString siteKey(quint32 site)
{
    return sitroom::v1::Site_IsValid(int(site)) ? siteKey(sitroom::v1::Site(site)) : QString();
}

std::optional<sitroom::v1::Site> siteFromKey(const QString &key)
{
    for (const auto &[value, name] : kSites) {
        if (key == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

QStringList siteKeys()
{
    QStringList keys;
    for (const auto &site : kSites)
        keys << QString::fromLatin1(site.second);
    return keys;
}

QString siteKeyChoices()
{
    QStringList keys = siteKeys();
    const QString last = keys.takeLast();
    return keys.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

} // namespace sitroom
