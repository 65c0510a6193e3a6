#include "proto/sitroom/SeverityKey.h"

#include <array>
#include <utility>

namespace sitroom {

namespace {

constexpr std::array<std::pair<sitroom::v1::Severity, const char *>, 4> kSeverities{{
    {sitroom::v1::SEVERITY_CRITICAL, "critical"},
    {sitroom::v1::SEVERITY_MAJOR, "major"},
    {sitroom::v1::SEVERITY_MINOR, "minor"},
    {sitroom::v1::SEVERITY_INFO, "info"},
}};

} // namespace

QString severityKey(sitroom::v1::Severity severity)
{
    for (const auto &[value, key] : kSeverities) {
        if (value == severity)
            return QString::fromLatin1(key);
    }
    return {};
}

std::optional<sitroom::v1::Severity> severityFromKey(const QString &key)
{
    for (const auto &[value, name] : kSeverities) {
        if (key == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

} // namespace sitroom
