#include "gateway/StaleInterlock.h"

#include <QStringList>

namespace sitroom::gateway {

namespace {

QString reasonWords(sitroom::v1::StaleReason reason)
{
    switch (reason) {
    case sitroom::v1::STALE_SOURCE_UNREACHABLE: return QStringLiteral("the monitoring source does not answer");
    case sitroom::v1::STALE_QUERY_FAILED: return QStringLiteral("its query fails");
    case sitroom::v1::STALE_NO_DATA: return QStringLiteral("no data");
    case sitroom::v1::STALE_TARGET_DOWN: return QStringLiteral("the live system's scrape target is down");
    default: return QStringLiteral("not fresh");
    }
}

bool dependsOn(const sitroom::v1::Command &c, const std::string &figure)
{
    switch (c.action_case()) {
    case sitroom::v1::Command::kSetAdmissionRate:
    case sitroom::v1::Command::kPauseAdmission:
    case sitroom::v1::Command::kResumeAdmission:
        return figure == "queue_depth" || figure == "arrivals_per_s" || figure == "admitted_per_s"
            || figure == "rate_limit_per_s" || figure == "paused";
    case sitroom::v1::Command::kSetProviderEnabled:
        return figure.rfind("provider." + c.set_provider_enabled().provider_id() + '.', 0) == 0;
    default:
        return false;
    }
}

} // namespace

QString staleInterlock(const sitroom::v1::Command &command, const std::vector<sitroom::v1::StaleFigure> &stale)
{
    if (command.stale_override())
        return {};
    QStringList figures;
    QString why;
    for (const sitroom::v1::StaleFigure &f : stale) {
        if (!dependsOn(command, f.figure()))
            continue;
        figures << QString::fromStdString(f.figure());
        if (why.isEmpty())
            why = reasonWords(f.reason());
    }
    if (figures.isEmpty())
        return {};
    return QStringLiteral("the figures this control depends on are stale (%1: %2); look again when they are fresh, "
                          "or send it with the stale-data override")
        .arg(figures.join(QStringLiteral(", ")), why);
}

} // namespace sitroom::gateway
