#include "widgets/chart/TimeSeriesChartParts.h"

#include <QLegend>
#include <QLegendMarker>

namespace sitroom::widgets {

using namespace chartparts;

QString TimeSeriesChart::projectionTitle() const
{
    return tr("Projection", "a what-if drawn on a chart, not measured data");
}

void TimeSeriesChart::setProjection(int series, const SampleSpan &samples)
{
    if (series < 0 || series >= seriesCount())
        return;
    Parts &p = *m_parts;
    if (!p.projectionLegend) {
        // Made on first use, so that the entry comes after the series' own.
        p.projectionLegend = new QLineSeries(p.chart);
        p.projectionLegend->setName(projectionTitle());
        p.projectionLegend->setPen(ProjectionLayer::projectionPen(QPen(QColor(0x42, 0x42, 0x42), 2.0)));
        p.chart->addSeries(p.projectionLegend);
        p.projectionLegend->attachAxis(p.timeAxis);
        p.projectionLegend->attachAxis(p.valueAxis);
    }
    if (p.projections.size() < p.series.size())
        p.projections.resize(p.series.size());
    copyInto(p.projections[size_t(series)], samples);
    p.projectionLegend->setVisible(p.hasProjection());
    scheduleRebuild();
}

void TimeSeriesChart::setProjectionNote(const QString &note)
{
    m_parts->projectionNote = note;
    m_parts->projection->setTitle(projectionTitle(), note);
}

void TimeSeriesChart::clearProjections()
{
    Parts &p = *m_parts;
    if (!p.hasProjection() && p.projectionNote.isEmpty())
        return;
    for (auto &samples : p.projections)
        samples.clear();
    p.projectionNote.clear();
    if (p.projectionLegend)
        p.projectionLegend->setVisible(false);
    p.projection->clear();
    scheduleRebuild();
}

bool TimeSeriesChart::hasProjection() const
{
    return m_parts->hasProjection();
}

int TimeSeriesChart::projectionPointCount(int series) const
{
    const Parts &p = *m_parts;
    if (series < 0 || size_t(series) >= p.projections.size())
        return 0;
    return int(p.projections[size_t(series)].size());
}

QString TimeSeriesChart::projectionNote() const
{
    return m_parts->projectionNote;
}

void TimeSeriesChart::placeProjections(qint64 &to)
{
    Parts &p = *m_parts;
    p.projectionExtent = {};
    std::vector<ProjectionLayer::Line> lines;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (size_t i = 0; i < p.projections.size(); ++i) {
        const SeriesState &s = *p.series[i];
        if (p.projections[i].empty() || !s.visible)
            continue;
        ProjectionLayer::Line line{ProjectionLayer::projectionPen(s.pen), {}};
        for (const TimeSample &point : p.projections[i]) {
            if (!std::isfinite(point.value))
                continue; // no figure there (no wait while paused): the line stops
            line.points.append(QPointF(p.x(point.timeMs), qreal(point.value)));
            p.projectionExtent.add(point.value);
        }
        first = std::min(first, p.projections[i].front().timeMs);
        last = std::max(last, p.projections[i].back().timeMs);
        if (!line.points.isEmpty())
            lines.push_back(std::move(line));
    }
    if (first > last) {
        p.projection->clear();
        return;
    }
    to = std::max(to, last);
    p.projection->setLines(std::move(lines));
    p.projection->setSpan(p.x(first), p.x(last));
    p.projection->setTitle(projectionTitle(), p.projectionNote);
}

} // namespace sitroom::widgets
