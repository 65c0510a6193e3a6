#include "chart/ProjectionLayer.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace sitroom::widgets {

namespace {
// A faint blue wash: it says "not measured" without hiding the grid.
const QColor kTint(0x15, 0x65, 0xc0, 28);
const QColor kTitle(0x0d, 0x47, 0xa1);
const QColor kEdge(0x0d, 0x47, 0xa1, 140);
} // namespace

ProjectionLayer::ProjectionLayer(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    // Over the measured lines (TraceLayer is at 20), under the legend.
    setZValue(21);
    setAcceptedMouseButtons(Qt::NoButton);
}

QPen ProjectionLayer::projectionPen(const QPen &seriesPen)
{
    // Long dashes, at least 2 px: a dotted or thin dashed limit (the
    // throttle line) must still look different from a projection of it.
    QPen pen(seriesPen.color(), std::max<qreal>(2.0, seriesPen.widthF()), Qt::CustomDashLine, Qt::FlatCap,
             Qt::BevelJoin);
    pen.setDashPattern({4.0, 2.5});
    return pen;
}

void ProjectionLayer::setLines(std::vector<Line> lines)
{
    m_lines = std::move(lines);
    update();
}

void ProjectionLayer::setSpan(qreal fromX, qreal toX)
{
    m_fromX = fromX;
    m_toX = toX;
    update();
}

void ProjectionLayer::setTitle(const QString &title, const QString &note)
{
    m_title = title;
    m_note = note;
    update();
}

void ProjectionLayer::clear()
{
    m_lines.clear();
    m_fromX = m_toX = 0;
    update();
}

void ProjectionLayer::setFrame(const QRectF &plotArea, qreal xMin, qreal xMax, qreal yMin, qreal yMax)
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

QRectF ProjectionLayer::boundingRect() const
{
    return m_area.adjusted(-2, -2, 2, 2);
}

QPointF ProjectionLayer::map(const QPointF &value) const
{
    return {m_area.left() + (value.x() - m_xMin) * m_area.width() / (m_xMax - m_xMin),
            m_area.bottom() - (value.y() - m_yMin) * m_area.height() / (m_yMax - m_yMin)};
}

void ProjectionLayer::drawLines(QPainter *painter) const
{
    QPolygonF mapped;
    for (const Line &line : m_lines) {
        painter->setPen(line.pen);
        mapped.resize(line.points.size());
        for (qsizetype i = 0; i < line.points.size(); ++i)
            mapped[i] = map(line.points[i]);
        painter->drawPolyline(mapped);
    }
}

void ProjectionLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_area.isEmpty() || m_lines.empty())
        return;
    painter->save();
    painter->setClipRect(boundingRect());
    painter->setRenderHint(QPainter::Antialiasing, true);

    if (!(m_toX > m_fromX)) {
        drawLines(painter);
    } else {
        const qreal left = std::clamp(map({m_fromX, 0}).x(), m_area.left(), m_area.right());
        const qreal right = std::clamp(map({m_toX, 0}).x(), m_area.left(), m_area.right());
        const QRectF zone(QPointF(left, m_area.top()), QPointF(right, m_area.bottom()));
        painter->fillRect(zone, kTint);
        painter->setPen(QPen(kEdge, 1.0, Qt::DashLine));
        painter->drawLine(QPointF(left, m_area.top()), QPointF(left, m_area.bottom()));
        drawLines(painter);
        // The title in the zone's top corner, the note beneath it, both
        // kept inside the plot (elided when the zone is narrow).
        QFont font = m_font;
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(kTitle);
        const QFontMetricsF fm(font);
        const qreal width = std::max<qreal>(0, m_area.right() - left - 8);
        qreal y = m_area.top() + 4 + fm.ascent();
        painter->drawText(QPointF(left + 5, y), fm.elidedText(m_title, Qt::ElideRight, width));
        if (!m_note.isEmpty()) {
            font.setBold(false);
            painter->setFont(font);
            const QFontMetricsF nm(font);
            for (const QString &line : m_note.split(u'\n')) {
                y += nm.lineSpacing();
                painter->drawText(QPointF(left + 5, y), nm.elidedText(line, Qt::ElideRight, width));
            }
        }
    }

    painter->restore();
}

} // namespace sitroom::widgets
