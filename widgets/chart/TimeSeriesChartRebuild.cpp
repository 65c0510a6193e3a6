#include "widgets/chart/TimeSeriesChartParts.h"

#include "widgets/chart/ChartScales.h"

namespace sitroom::widgets {

using namespace chartparts;

void TimeSeriesChart::scheduleRebuild()
{
    // Not restarted while running: a steady stream of updates still redraws every frame.
    if (!m_parts->frame.isActive())
        m_parts->frame.start();
}

void TimeSeriesChart::rebuild()
{
    Parts &p = *m_parts;
    ++p.rebuilds;

    // The window: given, or the extent of the data.
    qint64 from = p.fromMs;
    qint64 to = p.toMs;
    // No window and no data: nothing says which times the axis spans (the
    // live system's clock not known yet), so it is drawn without labels
    // rather than from 1970.
    bool untimed = false;
    if (!p.hasWindow) {
        from = std::numeric_limits<qint64>::max();
        to = std::numeric_limits<qint64>::min();
        for (const auto &s : p.series) {
            const SampleSpan span = s->source ? s->source() : SampleSpan(s->owned);
            if (!span.isEmpty()) {
                from = std::min(from, span[0].timeMs);
                to = std::max(to, span[span.size() - 1].timeMs);
            }
        }
        if (from > to) {
            from = to = p.originMs;
            untimed = true;
        }
    }
    placeProjections(to);
    if (to == from)
        to = from + 60'000; // a single instant still gets a readable axis

    const int width = plotPixelWidth();
    // A new width or origin redoes every series; a window that moved redoes
    // them too, but a series' SlidingDecimation only re-decimates in full once
    // the window has moved a pixel column.
    const bool relayout = width != p.decimatedWidth || p.originMs != p.drawnOriginMs;
    const bool all = relayout || from != p.drawnFromMs || to != p.drawnToMs;
    p.decimatedWidth = width;
    p.drawnFromMs = from;
    p.drawnToMs = to;
    p.drawnOriginMs = p.originMs;

    for (auto &sp : p.series) {
        SeriesState &s = *sp;
        if (!s.dirty && !all)
            continue;
        s.dirty = false;
        const SampleSpan span = s.source ? s.source() : SampleSpan(s.owned);
        if (relayout)
            s.decimation.invalidate();
        const auto &points = s.decimation.update(span, from, to, width);
        s.extent = {};
        TraceLayer::Trace &trace = p.traces->trace(s.trace);
        // Runs are reused between rebuilds: a steady redraw does not allocate.
        size_t run = 0;
        trace.points = 0;
        const auto nextRun = [&]() -> QPolygonF & {
            if (run == trace.runs.size())
                trace.runs.emplace_back();
            QPolygonF &r = trace.runs[run++];
            r.clear();
            return r;
        };
        QPolygonF *current = nullptr;
        for (const TimeSample &point : points) {
            if (MinMaxDecimator::isGap(point)) {
                if (current && !current->isEmpty() && int(run) < kMaxSegments)
                    current = nullptr; // the next point starts a new run
                continue;
            }
            if (!current)
                current = &nextRun();
            s.extent.add(point.value);
            current->append(QPointF(p.x(point.timeMs), qreal(point.value)));
            ++trace.points;
        }
        trace.runs.resize(run);
    }

    for (auto &bp : p.bands) {
        BandState &b = *bp;
        if (!b.dirty && !all)
            continue;
        b.dirty = false;
        b.extent = {};
        const auto fill = [&](const std::vector<TimeSample> &samples, QLineSeries *line) {
            p.scratch.clear();
            for (const TimeSample &point : b.decimator.decimate(samples, from, to, width)) {
                if (!MinMaxDecimator::isGap(point)) {
                    b.extent.add(point.value);
                    p.scratch.append(QPointF(p.x(point.timeMs), qreal(point.value)));
                }
            }
            line->replace(p.scratch);
        };
        fill(b.lowerSamples, b.lower);
        fill(b.upperSamples, b.upper);
    }

    Extent values;
    for (const auto &s : p.series) {
        if (s->visible)
            values.add(s->extent);
    }
    for (const auto &b : p.bands)
        values.add(b->extent);
    values.add(p.projectionExtent);
    for (ThresholdState &t : p.thresholds) {
        values.add(t.value);
        t.line->replace(QList<QPointF>{{p.x(from), t.value}, {p.x(to), t.value}});
    }
    if (values.isEmpty()) {
        values.add(0.0);
        values.add(1.0);
    }
    if (p.zeroBased && values.min >= 0.0) {
        values.min = 0.0;
        // A flat line at zero still gets a positive axis, not one centred on 0.
        if (values.max <= 0.0)
            values.max = 1.0;
    }
    const ValueScale scale = niceValueScale(values.min, values.max);
    p.valueAxis->setRange(scale.min, scale.max);
    p.valueAxis->setTickCount(scale.tickCount);

    updateTimeAxis(from, to, !untimed);
    placeTraces();
}

void TimeSeriesChart::placeTraces()
{
    const Parts &p = *m_parts;
    p.traces->setFrame(p.chart->plotArea(), p.timeAxis->min(), p.timeAxis->max(), p.valueAxis->min(),
                       p.valueAxis->max());
    p.projection->setFrame(p.chart->plotArea(), p.timeAxis->min(), p.timeAxis->max(), p.valueAxis->min(),
                           p.valueAxis->max());
}

} // namespace sitroom::widgets
