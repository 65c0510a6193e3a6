#pragma once

#include "models/history/MinMaxDecimator.h"

#include <QColor>
#include <QWidget>

#include <optional>
#include <vector>

namespace sitroom::widgets {

// A tile-sized trend line: the last few minutes of one series, painted with
// QPainter because a board holds dozens of them and a Qt Charts scene each
// would cost far more than the line. Grey while normal (ISA-101); the abnormal
// colour is for the caller to switch on alongside shape and text.
//
// Feeding only calls update(), so Qt coalesces repaints with the rest of the
// window; decimation to the pixel width happens in paintEvent.
class Sparkline final : public QWidget
{
    Q_OBJECT

public:
    explicit Sparkline(QWidget *parent = nullptr);
    ~Sparkline() override;

    // Same feeding as TimeSeriesChart: a copy, or a zero-copy source read at paint time.
    void setSamples(const sitroom::models::SampleSpan &samples);
    void setSource(sitroom::models::SampleSource source);
    void samplesChanged();

    // Shown: the last `lengthMs` up to the window's end, which is the newest
    // sample unless setWindowEnd() pins it (so a stalled feed visibly stops
    // short of the right edge instead of looking current).
    void setWindowLength(qint64 lengthMs);
    qint64 windowLength() const { return m_lengthMs; }
    void setWindowEnd(qint64 endMs);
    void clearWindowEnd();

    void setThreshold(qreal value);
    void clearThreshold();
    void setZeroBased(bool zeroBased);

    void setAbnormal(bool abnormal);
    bool isAbnormal() const { return m_abnormal; }
    void setNormalColor(const QColor &color);
    void setAbnormalColor(const QColor &color);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Points in the last painted line (gap markers excluded) and the pixel
    // width they were decimated to; for tests.
    int pointCount() const { return m_pointCount; }
    int plotPixelWidth() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    sitroom::models::SampleSpan currentSpan() const;

    sitroom::models::SampleSource m_source;
    std::vector<sitroom::models::TimeSample> m_owned;
    sitroom::models::MinMaxDecimator m_decimator;
    std::vector<QPointF> m_polyline;

    qint64 m_lengthMs = 10 * 60 * 1000;
    std::optional<qint64> m_endMs;
    std::optional<qreal> m_threshold;
    bool m_zeroBased = false;
    bool m_abnormal = false;
    QColor m_normalColor{0x5a, 0x5a, 0x5a};   // dark grey: ≥ 3:1 on #e6e6e6
    QColor m_abnormalColor{0xc0, 0x3a, 0x00}; // ISA-101 alarm orange-red
    int m_pointCount = 0;
};

} // namespace sitroom::widgets
