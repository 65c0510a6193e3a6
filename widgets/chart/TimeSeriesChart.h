#pragma once

#include "domain/LiveClock.h"
#include "models/history/SlidingDecimation.h"

#include <QColor>
#include <QString>
#include <QWidget>

#include <memory>
#include <utility>

namespace sitroom::widgets {

// The console's time-series chart. Qt Charts is deprecated from Qt 6.10, so it
// stays behind this class: nothing else includes QtCharts, and a replacement
// backend only has to honour this interface.
//
// Data in, pixels out, at a steady pace: feeding samples only marks a series
// dirty; one single-shot 40 ms timer decimates every dirty series to the plot's
// pixel width (MinMaxDecimator, through a SlidingDecimation that re-decimates
// in full only once the window has moved a pixel column), so a burst of
// updates costs one redraw and no line holds much more than two points per
// pixel column. Times are plotted in
// seconds relative to the origin (the session start: floats hold seconds, not
// epoch milliseconds); the time axis is labelled at round clock times (20:00,
// 20:15) on the live system's clock, in its zone, and its title names that
// clock and zone ("운영 시스템 시각 (KST)").
//
// The lines themselves are painted by our TraceLayer over the plot area; Qt
// Charts keeps the axes, grid, legend, bands and thresholds. Its line series
// stroke every replace() twice over, which cost 60-90 ms a redraw of a
// 12-hour, 8-series chart. Gaps (NaN samples) break the line; past
// kMaxSegments runs in one window, later gaps are bridged.
class TimeSeriesChart final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kFrameIntervalMs = 40; // ≤ 25 rebuilds a second
    static constexpr int kMaxSegments = 32;

    explicit TimeSeriesChart(QWidget *parent = nullptr);
    ~TimeSeriesChart() override;

    // Series: returns the index used by the other calls. `name` is shown in
    // the legend and must already be translated.
    int addSeries(const QString &name, const QColor &color, qreal width = 1.5,
                  Qt::PenStyle style = Qt::SolidLine);
    int seriesCount() const;
    void setSeriesVisible(int series, bool visible);

    // Copies the samples (time-ordered, NaN = gap); cheap for short histories.
    void setSamples(int series, const sitroom::models::SampleSpan &samples);
    // Zero-copy: the source is asked for a view at rebuild time. Call
    // samplesChanged() when the data behind it has changed.
    void setSource(int series, sitroom::models::SampleSource source);
    void samplesChanged(int series);
    void samplesChanged();

    // A shaded band between two curves (an expected envelope); drawn with
    // the fill's alpha so lines beneath stay visible. NaN samples are skipped.
    int addBand(const QString &name, const QColor &fill);
    void setBandSamples(int band, const sitroom::models::SampleSpan &lower,
                        const sitroom::models::SampleSpan &upper);

    // A horizontal line across the window; `label` (translated) goes in the
    // legend, none if empty. Thresholds count in the y auto-range.
    int addThreshold(qreal value, const QColor &color, const QString &label = {},
                     Qt::PenStyle style = Qt::DashLine);
    void setThresholdValue(int threshold, qreal value);

    // A projection: where a series would go from now under a change not yet
    // made (the throttle preview). Drawn dashed in the series' colour over a
    // tinted span titled "예측" (with `note` beneath, e.g. the figures at its
    // end), with a "예측" legend entry; the time window stretches to its end.
    // Counts in the value range like data. Never decimated: keep it short.
    void setProjection(int series, const sitroom::models::SampleSpan &samples);
    void setProjectionNote(const QString &note);
    void clearProjections();
    bool hasProjection() const;
    int projectionPointCount(int series) const;
    QString projectionNote() const;

    // The window shown, in the samples' clock. Without one, the chart follows
    // the extent of its series' data.
    void setTimeWindow(qint64 fromMs, qint64 toMs);
    void clearTimeWindow();
    void setOrigin(qint64 originMs);
    qint64 origin() const;
    // The clock the time axis reads (the live system's zone; KST until set).
    void setClock(const sitroom::domain::LiveClock &clock);
    const sitroom::domain::LiveClock &clock() const;
    // The labels under the time axis, left to right, for tests.
    QStringList timeAxisLabels() const;
    QString timeAxisTitle() const;

    // Replaces the time axis' title (by default it names the clock and zone).
    void setTimeTitle(const QString &title);
    void setValueTitle(const QString &title);
    // printf-style, as QValueAxis takes it, e.g. "%.0f" or "%.1f %%".
    void setValueLabelFormat(const QString &format);
    // Keep 0 as the bottom of the value axis unless data goes below it.
    void setZeroBased(bool zeroBased);
    void setLegendVisible(bool visible);

    // What is on screen, for tests and diagnostics.
    int pointCount(int series) const;
    int plotPixelWidth() const;
    int rebuildCount() const;
    bool rebuildPending() const;
    std::pair<qint64, qint64> displayedTimeWindow() const;
    std::pair<qreal, qreal> displayedValueRange() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Parts;

    void scheduleRebuild();
    void rebuild();
    // Tells the trace and projection layers where the plot area is and what its edges stand for.
    void placeTraces();
    void applyFonts();
    // labelled false: no time labels (nothing places the axis in time).
    void updateTimeAxis(qint64 fromMs, qint64 toMs, bool labelled);
    QString timeLabel(qint64 timeMs, qint64 stepMs) const;
    QString clockTitle() const;
    QString projectionTitle() const;
    // The projections as dashed lines and their span; extends `to` to their end.
    void placeProjections(qint64 &to);

    std::unique_ptr<Parts> m_parts;
};

} // namespace sitroom::widgets
