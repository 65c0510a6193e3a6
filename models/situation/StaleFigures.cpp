#include "models/situation/StaleFigures.h"

#include <algorithm>

namespace sitroom::models {

namespace figure {

QString provider(const QString &providerId, const char *what)
{
    return providerPrefix(providerId) + QLatin1String(what);
}

QString providerPrefix(const QString &providerId)
{
    return QStringLiteral("provider.") + providerId + u'.';
}

QString cohortBooked(const QString &cohortId)
{
    return QStringLiteral("cohort.") + cohortId + QStringLiteral(".booked");
}

const std::vector<QString> &admissionFigures()
{
    static const std::vector<QString> figures{queueDepth, arrivals, admitted, abandoned, rateLimit, paused};
    return figures;
}

} // namespace figure

StaleFigureReason staleReasonFrom(sitroom::v1::StaleReason reason)
{
    switch (reason) {
    case sitroom::v1::STALE_SOURCE_UNREACHABLE: return StaleFigureReason::SourceUnreachable;
    case sitroom::v1::STALE_QUERY_FAILED: return StaleFigureReason::QueryFailed;
    case sitroom::v1::STALE_NO_DATA: return StaleFigureReason::NoData;
    case sitroom::v1::STALE_TARGET_DOWN: return StaleFigureReason::TargetDown;
    default: return StaleFigureReason::Unknown;
    }
}

std::vector<StaleFigure> staleFiguresOf(const sitroom::v1::SystemState &state)
{
    std::vector<StaleFigure> figures;
    figures.reserve(std::size_t(state.stale_size()));
    for (const sitroom::v1::StaleFigure &f : state.stale()) {
        figures.push_back({QString::fromStdString(f.figure()), staleReasonFrom(f.reason()),
                           QString::fromStdString(f.detail()), f.since_ms()});
    }
    std::sort(figures.begin(), figures.end(),
              [](const StaleFigure &a, const StaleFigure &b) { return a.figure < b.figure; });
    return figures;
}

} // namespace sitroom::models
