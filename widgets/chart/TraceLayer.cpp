#include "widgets/chart/TraceLayer.h"

#include <QPainter>

namespace sitroom::widgets {

TraceLayer::TraceLayer(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    // Above the grid and the axes' lines, below the legend.
    setZValue(20);
    setAcceptedMouseButtons(Qt::NoButton);
}

int TraceLayer::addTrace(const QPen &pen)
{
    Trace t;
    t.pen = pen;
    m_traces.push_back(std::move(t));
    return int(m_traces.size()) - 1;
}

void TraceLayer::setFrame(const QRectF &plotArea, qreal xMin, qreal xMax, qreal yMin, qreal yMax)
{
    if (plotArea != m_area)
        prepareGeometryChange();
    m_area = plotArea;
    m_xMin = xMin;
    m_xMax = xMax > xMin ? xMax : xMin + 1;
    m_yMin = yMin;
    m_yMax = yMax > yMin ? yMax : yMin + 1;
    update();
}

QRectF TraceLayer::boundingRect() const
{
    // Half a pixel around the plot area, so a line along its edge is whole.
    return m_area.adjusted(-1, -1, 1, 1);
}

void TraceLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_area.isEmpty())
        return;
    const qreal sx = m_area.width() / (m_xMax - m_xMin);
    const qreal sy = m_area.height() / (m_yMax - m_yMin);
    const qreal left = m_area.left();
    const qreal bottom = m_area.bottom();
    const qreal columns = m_area.width();

    painter->save();
    painter->setClipRect(boundingRect());
    painter->setRenderHint(QPainter::Antialiasing, true);
    for (const Trace &t : m_traces) {
        if (!t.visible || t.points == 0)
            continue;
        if (2 * qreal(t.points) >= columns) {
            QPen dense(t.pen.color(), 1.0, t.pen.style()); // a dashed limit stays dashed
            dense.setCosmetic(true);
            painter->setPen(dense);
        } else {
            painter->setPen(t.pen);
        }
        for (const QPolygonF &run : t.runs) {
            m_scratch.resize(run.size());
            for (qsizetype i = 0; i < run.size(); ++i)
                m_scratch[i] = QPointF(left + (run[i].x() - m_xMin) * sx, bottom - (run[i].y() - m_yMin) * sy);
            if (m_scratch.size() == 1)
                painter->drawPoint(m_scratch[0]);
            else
                painter->drawPolyline(m_scratch);
        }
    }
    painter->restore();
}

} // namespace sitroom::widgets
