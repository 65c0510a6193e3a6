#pragma once

#include <QGraphicsItem>
#include <QPen>
#include <QPolygonF>

#include <vector>

namespace sitroom::widgets {

// The lines of a TimeSeriesChart, painted by us over Qt Charts' plot area.
//
// Why not QLineSeries: on every replace() Qt Charts builds a QPainterPath of
// the points and strokes it with QPainterPathStroker (miter joins, an atan2 per
// vertex) only to have a hover shape, then strokes the path again at paint
// time. For 8 series of ~3,000 decimated points that was 60-90 ms a redraw,
// most of it in those strokes (docs/benchmarks.md). Here a trace is a list of
// gap-free runs in value coordinates, mapped to pixels and drawn with
// drawPolyline at paint time; nothing is computed that is not drawn.
//
// Pens: a trace with at least one point per two pixel columns is drawn with a
// cosmetic 1-pixel pen in its colour and style, which the raster engine draws without
// building an outline (wide antialiased pens cost 30-50x as much); at that
// density the min/max columns of the decimated line already give it body. A
// sparser trace (a short history, a zoomed window) gets its own pen: width,
// dash and all.
class TraceLayer final : public QGraphicsItem
{
public:
    struct Trace
    {
        QPen pen;
        bool visible = true;
        std::vector<QPolygonF> runs; // x: seconds from the chart's origin, y: value
        int points = 0;
    };

    explicit TraceLayer(QGraphicsItem *parent = nullptr);

    // Traces are added in drawing order (later ones on top).
    int addTrace(const QPen &pen);
    Trace &trace(int index) { return m_traces[size_t(index)]; }
    const Trace &trace(int index) const { return m_traces[size_t(index)]; }
    int traceCount() const { return int(m_traces.size()); }

    // Where the plot area is (in the parent's coordinates) and which values
    // its edges stand for. Call update() after changing traces.
    void setFrame(const QRectF &plotArea, qreal xMin, qreal xMax, qreal yMin, qreal yMax);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    std::vector<Trace> m_traces;
    QRectF m_area;
    qreal m_xMin = 0, m_xMax = 1, m_yMin = 0, m_yMax = 1;
    QPolygonF m_scratch; // mapped points, kept between paints
};

} // namespace sitroom::widgets
