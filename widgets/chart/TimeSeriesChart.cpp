#include "widgets/chart/TimeSeriesChartParts.h"

#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QVBoxLayout>

namespace sitroom::widgets {

using namespace chartparts;

namespace {

void styleAxis(QAbstractAxis *axis)
{
    axis->setLabelsColor(kText);
    axis->setTitleBrush(kText);
    axis->setGridLineColor(kGrid);
    axis->setLinePenColor(kAxisLine);
    axis->setShadesVisible(false);
    axis->setMinorGridLineVisible(false);
}

} // namespace

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
    p.projection = new ProjectionLayer(p.chart);
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
    p.projection->setFont(labels);
}

} // namespace sitroom::widgets
