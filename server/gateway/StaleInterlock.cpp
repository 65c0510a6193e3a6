#include "server/gateway/StaleInterlock.h"

#include "proto/sitroom/PhraseBook.h"

#include <QStringList>

namespace sitroom::gateway {

namespace {

sitroom::v1::Phrase reasonWords(sitroom::v1::StaleReason reason)
{
    switch (reason) {
    case sitroom::v1::STALE_SOURCE_UNREACHABLE: return phrase::make("stale.source_unreachable");
    case sitroom::v1::STALE_QUERY_FAILED: return phrase::make("stale.query_failed");
    case sitroom::v1::STALE_NO_DATA: return phrase::make("stale.no_data");
    case sitroom::v1::STALE_TARGET_DOWN: return phrase::make("stale.target_down");
    default: return phrase::make("stale.not_fresh");
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

sitroom::v1::Phrase staleInterlock(const sitroom::v1::Command &command, const std::vector<sitroom::v1::StaleFigure> &stale)
{
    if (command.stale_override())
        return {};
    QStringList figures;
    sitroom::v1::Phrase why;
    for (const sitroom::v1::StaleFigure &f : stale) {
        if (!dependsOn(command, f.figure()))
            continue;
        figures << QString::fromStdString(f.figure());
        if (why.code().empty())
            why = reasonWords(f.reason());
    }
    if (figures.isEmpty())
        return {};
    return phrase::make("refused.stale", {{"figures", figures.join(QStringLiteral(", "))}}, {{"cause", why}});
}

sitroom::v1::Phrase clockInterlock(const sitroom::v1::Command &command, qint64 sourceNowMs)
{
    const bool timed = command.action_case() == sitroom::v1::Command::kSetProviderEnabled
        && !command.set_provider_enabled().enabled() && command.set_provider_enabled().disable_for_s() > 0;
    if (!timed || sourceNowMs > 0)
        return {};
    return phrase::make("refused.clock_unknown");
}

} // namespace sitroom::gateway
