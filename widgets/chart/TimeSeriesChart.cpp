#include "chart/TimeSeriesChart.h"

#include "chart/ChartScales.h"
#include "chart/TraceLayer.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sitroom::widgets {

using models::MinMaxDecimator;
using models::SampleSource;
using models::SampleSpan;
using models::SlidingDecimation;
using models::TimeSample;

namespace {

// ISA-101: a calm grey surface, dark text, thin grid; colour is for the data.
const QColor kBackground(0xe6, 0xe6, 0xe6);
const QColor kText(0x1f, 0x1f, 0x1f);
const QColor kGrid(0xc6, 0xc6, 0xc6);
const QColor kAxisLine(0x80, 0x80, 0x80);

void copyInto(std::vector<TimeSample> &owned, const SampleSpan &samples)
{
    owned.clear();
    owned.reserve(size_t(samples.size()));
    owned.insert(owned.end(), samples.first().begin(), samples.first().end());
    owned.insert(owned.end(), samples.second().begin(), samples.second().end());
}

struct Extent
{
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    void add(double v)
    {
        if (std::isfinite(v)) {
            min = std::min(min, v);
            max = std::max(max, v);
        }
    }
    void add(const Extent &other)
    {
        add(other.min);
        add(other.max);
    }
    bool isEmpty() const { return min > max; }
};

void styleAxis(QAbstractAxis *axis)
{
    axis->setLabelsColor(kText);
    axis->setTitleBrush(kText);
    axis->setGridLineColor(kGrid);
    axis->setLinePenColor(kAxisLine);
    axis->setShadesVisible(false);
    axis->setMinorGridLineVisible(false);
}

struct SeriesState
{
    QPen pen;
    bool visible = true;
    QLineSeries *legend = nullptr; // no points: its marker is the legend entry; the line is the TraceLayer's
    int trace = -1;
    SampleSource source;
    std::vector<TimeSample> owned;
    SlidingDecimation decimation;
    bool dirty = true;
    Extent extent;
};

struct BandState
{
    QAreaSeries *area = nullptr;
    QLineSeries *lower = nullptr;
    QLineSeries *upper = nullptr;
    std::vector<TimeSample> lowerSamples;
    std::vector<TimeSample> upperSamples;
    MinMaxDecimator decimator;
    bool dirty = true;
    Extent extent;
};

struct ThresholdState
{
    QLineSeries *line = nullptr;
    qreal value = 0;
};

} // namespace

struct TimeSeriesChart::Parts
{
    QChartView *view = nullptr;
    QChart *chart = nullptr;
    QCategoryAxis *timeAxis = nullptr;
    QValueAxis *valueAxis = nullptr;
    TraceLayer *traces = nullptr; // child of the chart, drawn over its plot area
    QTimer frame;

    std::vector<std::unique_ptr<SeriesState>> series;
    std::vector<std::unique_ptr<BandState>> bands;
    std::vector<ThresholdState> thresholds;

    bool hasWindow = false;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 originMs = 0;
    sitroom::domain::LiveClock clock;
    bool customTimeTitle = false;
    bool zeroBased = false;

    // What the last rebuild drew with: when any of it changes, every series is redone.
    int decimatedWidth = -1;
    qint64 drawnFromMs = 0;
    qint64 drawnToMs = -1;
    qint64 drawnOriginMs = 0;
    QString tickKey;

    int rebuilds = 0;
    QList<QPointF> scratch;

    double x(qint64 timeMs) const { return double(timeMs - originMs) / 1000.0; }
};

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QWidget(parent), m_parts(std::make_unique<Parts>())
{
    Parts &p = *m_parts;
    p.chart = new QChart;
    p.chart->setAnimationOptions(QChart::NoAnimation);
    // The view paints the grey once; a chart background over it would fill
    // the same pixels again every redraw (a full-size fill is ~15 % of one).
    p.chart->setBackgroundVisible(false);
    p.chart->setBackgroundRoundness(0);
    p.chart->setDropShadowEnabled(false);
    p.chart->setPlotAreaBackgroundVisible(false);
    p.chart->setMargins(QMargins(4, 4, 8, 4));
    p.chart->legend()->setAlignment(Qt::AlignTop);
    p.chart->legend()->setLabelColor(kText);
    p.chart->legend()->setBackgroundVisible(false);

    p.timeAxis = new QCategoryAxis;
    p.timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    p.valueAxis = new QValueAxis;
    p.valueAxis->setLabelFormat(QStringLiteral("%.6g"));
    styleAxis(p.timeAxis);
    styleAxis(p.valueAxis);
    p.timeAxis->setTitleText(clockTitle());
    p.chart->addAxis(p.timeAxis, Qt::AlignBottom);
    p.chart->addAxis(p.valueAxis, Qt::AlignLeft);

    p.traces = new TraceLayer(p.chart);
    p.view = new QChartView(p.chart, this); // the view owns the chart
    p.view->setRenderHint(QPainter::Antialiasing);
    p.view->setFrameShape(QFrame::NoFrame);
    p.view->setBackgroundBrush(kBackground);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(p.view);

    p.frame.setSingleShot(true);
    p.frame.setInterval(kFrameIntervalMs);
    connect(&p.frame, &QTimer::timeout, this, &TimeSeriesChart::rebuild);
    // The plot area settles after layout (axis label widths); a new width means
    // a new column count for the decimator.
    connect(p.chart, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        if (int(area.width()) != m_parts->decimatedWidth)
            scheduleRebuild();
        placeTraces();
    });

    setMinimumSize(160, 120);
    applyFonts();
}

TimeSeriesChart::~TimeSeriesChart() = default;

int TimeSeriesChart::addSeries(const QString &name, const QColor &color, qreal width,
                               Qt::PenStyle style)
{
    auto state = std::make_unique<SeriesState>();
    // Bevel joins and flat caps: round ones stroke a curve at every vertex of
    // a sparse trace (dense ones are drawn with a cosmetic pen; TraceLayer),
    // and at 1 to 2 px nobody sees the difference.
    state->pen = QPen(color, width, style, Qt::FlatCap, Qt::BevelJoin);
    Parts &p = *m_parts;
    state->legend = new QLineSeries(p.chart);
    state->legend->setName(name);
    state->legend->setPen(state->pen);
    p.chart->addSeries(state->legend);
    state->legend->attachAxis(p.timeAxis);
    state->legend->attachAxis(p.valueAxis);
    state->trace = p.traces->addTrace(state->pen);
    m_parts->series.push_back(std::move(state));
    const int index = int(m_parts->series.size()) - 1;
    samplesChanged(index);
    return index;
}

int TimeSeriesChart::seriesCount() const
{
    return int(m_parts->series.size());
}

void TimeSeriesChart::setSeriesVisible(int series, bool visible)
{
    if (series < 0 || series >= seriesCount())
        return;
    SeriesState &s = *m_parts->series[size_t(series)];
    s.visible = visible;
    s.legend->setVisible(visible);
    m_parts->traces->trace(s.trace).visible = visible;
    scheduleRebuild(); // the value range follows visible series only
}

void TimeSeriesChart::setSamples(int series, const SampleSpan &samples)
{
    if (series < 0 || series >= seriesCount())
        return;
    SeriesState &s = *m_parts->series[size_t(series)];
    s.source = {};
    copyInto(s.owned, samples);
    s.decimation.invalidate(); // new data, not more of the same
    samplesChanged(series);
}

void TimeSeriesChart::setSource(int series, SampleSource source)
{
    if (series < 0 || series >= seriesCount())
        return;
    SeriesState &s = *m_parts->series[size_t(series)];
    s.source = std::move(source);
    s.owned.clear();
    s.decimation.invalidate();
    s.owned.shrink_to_fit();
    samplesChanged(series);
}

void TimeSeriesChart::samplesChanged(int series)
{
    if (series < 0 || series >= seriesCount())
        return;
    m_parts->series[size_t(series)]->dirty = true;
    scheduleRebuild();
}

void TimeSeriesChart::samplesChanged()
{
    for (auto &s : m_parts->series)
        s->dirty = true;
    scheduleRebuild();
}

int TimeSeriesChart::addBand(const QString &name, const QColor &fill)
{
    Parts &p = *m_parts;
    auto band = std::make_unique<BandState>();
    band->lower = new QLineSeries(p.chart);
    band->upper = new QLineSeries(p.chart);
    band->area = new QAreaSeries(band->upper, band->lower);
    band->area->setName(name);
    QColor translucent = fill;
    if (translucent.alpha() == 255)
        translucent.setAlpha(90);
    band->area->setBrush(translucent);
    band->area->setPen(Qt::NoPen);
    p.chart->addSeries(band->area);
    band->area->attachAxis(p.timeAxis);
    band->area->attachAxis(p.valueAxis);
    p.bands.push_back(std::move(band));
    scheduleRebuild();
    return int(p.bands.size()) - 1;
}

void TimeSeriesChart::setBandSamples(int band, const SampleSpan &lower, const SampleSpan &upper)
{
    if (band < 0 || band >= int(m_parts->bands.size()))
        return;
    BandState &b = *m_parts->bands[size_t(band)];
    copyInto(b.lowerSamples, lower);
    copyInto(b.upperSamples, upper);
    b.dirty = true;
    scheduleRebuild();
}

int TimeSeriesChart::addThreshold(qreal value, const QColor &color, const QString &label,
                                  Qt::PenStyle style)
{
    Parts &p = *m_parts;
    ThresholdState t;
    t.value = value;
    t.line = new QLineSeries(p.chart);
    t.line->setName(label);
    t.line->setPen(QPen(color, 1.0, style));
    p.chart->addSeries(t.line);
    t.line->attachAxis(p.timeAxis);
    t.line->attachAxis(p.valueAxis);
    if (label.isEmpty()) {
        for (QLegendMarker *marker : p.chart->legend()->markers(t.line))
            marker->setVisible(false);
    }
    p.thresholds.push_back(t);
    scheduleRebuild();
    return int(p.thresholds.size()) - 1;
}

void TimeSeriesChart::setThresholdValue(int threshold, qreal value)
{
    if (threshold < 0 || threshold >= int(m_parts->thresholds.size()))
        return;
    m_parts->thresholds[size_t(threshold)].value = value;
    scheduleRebuild();
}

void TimeSeriesChart::setTimeWindow(qint64 fromMs, qint64 toMs)
{
    Parts &p = *m_parts;
    if (toMs < fromMs)
        std::swap(fromMs, toMs);
    if (p.hasWindow && p.fromMs == fromMs && p.toMs == toMs)
        return;
    p.hasWindow = true;
    p.fromMs = fromMs;
    p.toMs = toMs;
    scheduleRebuild();
}

void TimeSeriesChart::clearTimeWindow()
{
    m_parts->hasWindow = false;
    scheduleRebuild();
}

void TimeSeriesChart::setOrigin(qint64 originMs)
{
    if (m_parts->originMs == originMs)
        return;
    m_parts->originMs = originMs;
    scheduleRebuild();
}

qint64 TimeSeriesChart::origin() const
{
    return m_parts->originMs;
}

void TimeSeriesChart::setClock(const sitroom::domain::LiveClock &clock)
{
    Parts &p = *m_parts;
    if (p.clock.zoneId() == clock.zoneId())
        return;
    p.clock = clock;
    p.tickKey.clear();
    if (!p.customTimeTitle)
        p.timeAxis->setTitleText(clockTitle());
    scheduleRebuild();
}

const sitroom::domain::LiveClock &TimeSeriesChart::clock() const
{
    return m_parts->clock;
}

QString TimeSeriesChart::clockTitle() const
{
    return tr("Live system's clock (%1)", "time axis title").arg(m_parts->clock.zoneLabel());
}

QStringList TimeSeriesChart::timeAxisLabels() const
{
    return m_parts->timeAxis->categoriesLabels();
}

QString TimeSeriesChart::timeAxisTitle() const
{
    return m_parts->timeAxis->titleText();
}

void TimeSeriesChart::setTimeTitle(const QString &title)
{
    m_parts->customTimeTitle = true;
    m_parts->timeAxis->setTitleText(title);
}

void TimeSeriesChart::setValueTitle(const QString &title)
{
    m_parts->valueAxis->setTitleText(title);
}

void TimeSeriesChart::setValueLabelFormat(const QString &format)
{
    m_parts->valueAxis->setLabelFormat(format);
}

void TimeSeriesChart::setZeroBased(bool zeroBased)
{
    m_parts->zeroBased = zeroBased;
    scheduleRebuild();
}

void TimeSeriesChart::setLegendVisible(bool visible)
{
    m_parts->chart->legend()->setVisible(visible);
}

int TimeSeriesChart::pointCount(int series) const
{
    if (series < 0 || series >= seriesCount())
        return 0;
    const Parts &p = *m_parts;
    return p.traces->trace(p.series[size_t(series)]->trace).points;
}

int TimeSeriesChart::plotPixelWidth() const
{
    const int w = int(m_parts->chart->plotArea().width());
    // Before the first layout the plot area is empty; the widget bounds it from above.
    return w > 0 ? w : std::max(1, width());
}

int TimeSeriesChart::rebuildCount() const
{
    return m_parts->rebuilds;
}

bool TimeSeriesChart::rebuildPending() const
{
    return m_parts->frame.isActive();
}

std::pair<qint64, qint64> TimeSeriesChart::displayedTimeWindow() const
{
    const Parts &p = *m_parts;
    return {p.originMs + qint64(std::llround(p.timeAxis->min() * 1000.0)),
            p.originMs + qint64(std::llround(p.timeAxis->max() * 1000.0))};
}

std::pair<qreal, qreal> TimeSeriesChart::displayedValueRange() const
{
    return {m_parts->valueAxis->min(), m_parts->valueAxis->max()};
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scheduleRebuild();
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

void TimeSeriesChart::applyFonts()
{
    // The application font (Noto Sans CJK KR) renders Korean; Qt Charts would
    // otherwise use its theme's font for labels.
    Parts &p = *m_parts;
    QFont labels = font();
    QFont titles = font();
    titles.setBold(false);
    p.timeAxis->setLabelsFont(labels);
    p.valueAxis->setLabelsFont(labels);
    p.timeAxis->setTitleFont(titles);
    p.valueAxis->setTitleFont(titles);
    p.chart->legend()->setFont(labels);
    p.chart->setTitleFont(titles);
}

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
        if (from > to)
            from = to = p.originMs;
    }
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

    updateTimeAxis(from, to);
    placeTraces();
}

void TimeSeriesChart::placeTraces()
{
    const Parts &p = *m_parts;
    p.traces->setFrame(p.chart->plotArea(), p.timeAxis->min(), p.timeAxis->max(), p.valueAxis->min(),
                       p.valueAxis->max());
}

QString TimeSeriesChart::timeLabel(qint64 timeMs, qint64 stepMs) const
{
    return m_parts->clock.time(timeMs, stepMs < 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
}

void TimeSeriesChart::updateTimeAxis(qint64 from, qint64 to)
{
    Parts &p = *m_parts;
    const qint64 span = to - from;
    // About one label per 110 px keeps "-1 h 30 min" from colliding; the widget
    // width (not the plot's) avoids a feedback loop with label sizes.
    const int maxTicks = std::clamp(width() / 110, 2, 12);
    const qint64 step = niceTimeStep(span, maxTicks);
    // Ticks on round times of the live system's clock (20:00, 20:15), not on
    // steps from the session start: count steps from midnight in its zone.
    const qint64 zoneMs = qint64(p.clock.at(from).offsetFromUtc()) * 1000;
    const qint64 first = floorDiv(from + zoneMs + step - 1, step);
    const qint64 last = floorDiv(to + zoneMs, step);

    const QString key = QString::number(step) + QLatin1Char('/') + QString::number(first)
                        + QLatin1Char('/') + QString::number(last) + QLatin1Char('/')
                        + QString::number(p.originMs) + QLatin1Char('/') + p.clock.zoneId();
    if (key != p.tickKey) {
        p.tickKey = key;
        const QStringList old = p.timeAxis->categoriesLabels();
        for (const QString &label : old)
            p.timeAxis->remove(label);
        // Categories must start before their first boundary; labels sit on the boundaries.
        p.timeAxis->setStartValue(p.x(first * step - step - zoneMs));
        for (qint64 k = first; k <= last; ++k) {
            const qint64 tickMs = k * step - zoneMs;
            const QString label = timeLabel(tickMs, step);
            if (!p.timeAxis->categoriesLabels().contains(label))
                p.timeAxis->append(label, p.x(tickMs));
        }
    }
    p.timeAxis->setRange(p.x(from), p.x(to));
}

} // namespace sitroom::widgets
