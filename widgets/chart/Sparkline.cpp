#include "widgets/chart/Sparkline.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sitroom::widgets {

using models::MinMaxDecimator;
using models::SampleSpan;
using models::TimeSample;

namespace {
constexpr int kMargin = 2; // keeps a 1.5 px line and its round caps inside the widget
const QColor kThreshold(0x80, 0x80, 0x80);
} // namespace

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
{
    // Clamping an outside neighbour to the edge would bend the line; a tile starts at its first sample.
    m_decimator.setIncludeNeighbours(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

Sparkline::~Sparkline() = default;

void Sparkline::setSamples(const SampleSpan &samples)
{
    m_source = {};
    m_owned.clear();
    m_owned.insert(m_owned.end(), samples.first().begin(), samples.first().end());
    m_owned.insert(m_owned.end(), samples.second().begin(), samples.second().end());
    update();
}

void Sparkline::setSource(models::SampleSource source)
{
    m_source = std::move(source);
    m_owned.clear();
    update();
}

void Sparkline::samplesChanged()
{
    update();
}

void Sparkline::setWindowLength(qint64 lengthMs)
{
    m_lengthMs = std::max<qint64>(lengthMs, 1);
    update();
}

void Sparkline::setWindowEnd(qint64 endMs)
{
    m_endMs = endMs;
    update();
}

void Sparkline::clearWindowEnd()
{
    m_endMs.reset();
    update();
}

void Sparkline::setThreshold(qreal value)
{
    m_threshold = value;
    update();
}

void Sparkline::clearThreshold()
{
    m_threshold.reset();
    update();
}

void Sparkline::setZeroBased(bool zeroBased)
{
    m_zeroBased = zeroBased;
    update();
}

void Sparkline::setAbnormal(bool abnormal)
{
    if (m_abnormal == abnormal)
        return;
    m_abnormal = abnormal;
    update();
}

void Sparkline::setNormalColor(const QColor &color)
{
    m_normalColor = color;
    update();
}

void Sparkline::setAbnormalColor(const QColor &color)
{
    m_abnormalColor = color;
    update();
}

QSize Sparkline::sizeHint() const
{
    return {120, 32};
}

QSize Sparkline::minimumSizeHint() const
{
    return {80, 24};
}

int Sparkline::plotPixelWidth() const
{
    return std::max(1, width() - 2 * kMargin);
}

SampleSpan Sparkline::currentSpan() const
{
    return m_source ? m_source() : SampleSpan(m_owned);
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_pointCount = 0;
    const SampleSpan span = currentSpan();
    if (span.isEmpty())
        return;

    const qint64 to = m_endMs.value_or(span[span.size() - 1].timeMs);
    const qint64 from = to - m_lengthMs;
    const QRectF plot = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    if (plot.width() < 1 || plot.height() < 1)
        return;
    const auto &points = m_decimator.decimate(span, from, to, plotPixelWidth());

    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const TimeSample &p : points) {
        if (!MinMaxDecimator::isGap(p)) {
            lo = std::min(lo, double(p.value));
            hi = std::max(hi, double(p.value));
        }
    }
    if (m_threshold) {
        lo = std::min(lo, double(*m_threshold));
        hi = std::max(hi, double(*m_threshold));
    }
    if (lo > hi)
        return; // nothing but gaps: an empty tile says "no data" better than a flat line
    if (m_zeroBased && lo > 0.0)
        lo = 0.0;
    if (hi - lo < 1e-9) {
        lo -= 1.0;
        hi += 1.0;
    }

    const double xScale = plot.width() / double(std::max<qint64>(to - from, 1));
    const double yScale = plot.height() / (hi - lo);
    const auto toPixel = [&](qint64 t, double v) {
        const double x = std::clamp(plot.left() + double(t - from) * xScale, plot.left(), plot.right());
        return QPointF(x, plot.bottom() - (v - lo) * yScale);
    };

    painter.setRenderHint(QPainter::Antialiasing);
    if (m_threshold) {
        painter.setPen(QPen(kThreshold, 1.0, Qt::DashLine));
        const double y = toPixel(from, *m_threshold).y();
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }

    painter.setPen(QPen(m_abnormal ? m_abnormalColor : m_normalColor, 1.5, Qt::SolidLine,
                        Qt::RoundCap, Qt::RoundJoin));
    const auto drawRun = [&] {
        if (m_polyline.size() == 1)
            painter.drawPoint(m_polyline.front());
        else if (m_polyline.size() > 1)
            painter.drawPolyline(m_polyline.data(), int(m_polyline.size()));
        m_polyline.clear();
    };
    m_polyline.clear();
    for (const TimeSample &p : points) {
        if (MinMaxDecimator::isGap(p)) {
            drawRun();
            continue;
        }
        m_polyline.push_back(toPixel(p.timeMs, p.value));
        ++m_pointCount;
    }
    drawRun();
}

} // namespace sitroom::widgets
