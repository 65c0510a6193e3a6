#pragma once

// Inside TimeSeriesChart: its parts, shared by the files it is split into
// (TimeSeriesChart.cpp: series and settings; TimeSeriesChartAxis.cpp: the
// window and the clock-time axis; TimeSeriesChartRebuild.cpp: decimation into
// traces and the value range; TimeSeriesChartProjection.cpp: the what-if).
// Not for other widgets: include TimeSeriesChart.h.

#include "widgets/chart/ProjectionLayer.h"
#include "widgets/chart/TimeSeriesChart.h"
#include "widgets/chart/TraceLayer.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

namespace sitroom::widgets::chartparts {

using models::MinMaxDecimator;
using models::SampleSource;
using models::SampleSpan;
using models::SlidingDecimation;
using models::TimeSample;

// ISA-101: a calm grey surface, dark text, thin grid; colour is for the data.
inline const QColor kBackground(0xe6, 0xe6, 0xe6);
inline const QColor kText(0x1f, 0x1f, 0x1f);
inline const QColor kGrid(0xc6, 0xc6, 0xc6);
inline const QColor kAxisLine(0x80, 0x80, 0x80);

inline void copyInto(std::vector<TimeSample> &owned, const SampleSpan &samples)
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


} // namespace sitroom::widgets::chartparts

namespace sitroom::widgets {

struct TimeSeriesChart::Parts
{
    QChartView *view = nullptr;
    QChart *chart = nullptr;
    QCategoryAxis *timeAxis = nullptr;
    QValueAxis *valueAxis = nullptr;
    TraceLayer *traces = nullptr; // child of the chart, drawn over its plot area
    QTimer frame;

    std::vector<std::unique_ptr<chartparts::SeriesState>> series;
    std::vector<std::unique_ptr<chartparts::BandState>> bands;
    std::vector<chartparts::ThresholdState> thresholds;

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

    // The what-if (setProjection): samples per series, empty for none; the
    // legend's "예측" entry and the layer that draws it.
    std::vector<std::vector<chartparts::TimeSample>> projections;
    QLineSeries *projectionLegend = nullptr;
    ProjectionLayer *projection = nullptr;
    QString projectionNote;
    chartparts::Extent projectionExtent; // of the visible series' projections, at the last rebuild

    double x(qint64 timeMs) const { return double(timeMs - originMs) / 1000.0; }
    bool hasProjection() const
    {
        return std::any_of(projections.begin(), projections.end(), [](const auto &s) { return !s.empty(); });
    }
};

} // namespace sitroom::widgets
