#include "widgets/status/StaleFigureWords.h"

#include <QDateTime>

#include <algorithm>
#include <map>

namespace sitroom::widgets {

using sitroom::models::StaleFigure;
using sitroom::models::StaleFigureReason;

QString StaleFigureWords::reasonText(StaleFigureReason reason)
{
    switch (reason) {
    case StaleFigureReason::SourceUnreachable: return tr("Prometheus not answering");
    case StaleFigureReason::QueryFailed: return tr("query failed");
    case StaleFigureReason::NoData: return tr("no data");
    case StaleFigureReason::TargetDown: return tr("scrape target down (up = 0)");
    case StaleFigureReason::Unknown: break;
    }
    return tr("reason unknown");
}

QString StaleFigureWords::reasonsText(const std::vector<StaleFigure> &figures)
{
    std::map<StaleFigureReason, int> counts;
    for (const StaleFigure &f : figures)
        ++counts[f.reason];
    if (counts.size() == 1)
        return reasonText(counts.begin()->first);
    std::vector<std::pair<StaleFigureReason, int>> byCount(counts.begin(), counts.end());
    std::stable_sort(byCount.begin(), byCount.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    QStringList parts;
    for (const auto &[reason, count] : byCount)
        parts << tr("%1 %2", "stale reason, then how many figures").arg(reasonText(reason)).arg(count);
    return parts.join(QStringLiteral(", "));
}

QString StaleFigureWords::bannerLine(const std::vector<StaleFigure> &figures)
{
    if (figures.empty())
        return {};
    return tr("%1 figures frozen: %2").arg(figures.size()).arg(reasonsText(figures));
}

QString StaleFigureWords::noteText(const std::vector<StaleFigure> &figures)
{
    if (figures.empty())
        return {};
    return tr("Frozen: %1").arg(reasonsText(figures));
}

QString StaleFigureWords::details(const std::vector<StaleFigure> &figures)
{
    QStringList lines;
    for (const StaleFigure &f : figures) {
        QString line = tr("%1: %2").arg(f.figure, reasonText(f.reason));
        if (f.sinceMs > 0)
            line += tr(", since %1").arg(QDateTime::fromMSecsSinceEpoch(f.sinceMs).toString(QStringLiteral("HH:mm:ss")));
        if (!f.detail.isEmpty())
            line += QStringLiteral(" (") + f.detail + u')';
        lines << line;
    }
    return lines.join(u'\n');
}

} // namespace sitroom::widgets
