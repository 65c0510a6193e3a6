#include "widgets/chart/ProjectionLayer.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace sitroom::widgets {

namespace {
// A faint blue wash: it says "not measured" without hiding the grid.
const QColor kTint(0x15, 0x65, 0xc0, 28);
const QColor kTitle(0x0d, 0x47, 0xa1);
const QColor kEdge(0x0d, 0x47, 0xa1, 140);
const QColor kBox(0xf4, 0xf7, 0xfb, 235);
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

void ProjectionLayer::drawTitle(QPainter *painter, qreal zoneLeft) const
{
    // The title and the note in a box at the top of the span, moved left
    // over the measured part when the span is too narrow to hold them (a
    // note cut short would hide the figures it is there to give); a light
    // fill keeps it readable over the lines beneath.
    QFont bold = m_font;
    bold.setBold(true);
    const QFontMetricsF titleMetrics(bold);
    const QFontMetricsF noteMetrics(m_font);
    const QStringList notes = m_note.isEmpty() ? QStringList() : m_note.split(u'\n');
    const qreal pad = 4;
    const qreal maxWidth = std::max<qreal>(0, m_area.width() - 2 * pad);
    qreal width = titleMetrics.horizontalAdvance(m_title);
    for (const QString &line : notes)
        width = std::max(width, noteMetrics.horizontalAdvance(line));
    width = std::min(width + 2 * pad, maxWidth);
    const qreal height = titleMetrics.height() + notes.size() * noteMetrics.lineSpacing() + 2 * pad;
    const qreal x = std::max(m_area.left() + pad, std::min(zoneLeft + pad, m_area.right() - pad - width));
    const QRectF box(x, m_area.top() + pad, width, height);
    painter->setPen(QPen(kEdge, 1.0));
    painter->setBrush(kBox);
    painter->drawRect(box);
    painter->setPen(kTitle);
    painter->setFont(bold);
    qreal y = box.top() + pad + titleMetrics.ascent();
    const qreal textWidth = width - 2 * pad;
    painter->drawText(QPointF(box.left() + pad, y), titleMetrics.elidedText(m_title, Qt::ElideRight, textWidth));
    painter->setFont(m_font);
    y += titleMetrics.descent();
    for (const QString &line : notes) {
        y += noteMetrics.lineSpacing();
        painter->drawText(QPointF(box.left() + pad, y - noteMetrics.descent()),
                          noteMetrics.elidedText(line, Qt::ElideRight, textWidth));
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
        drawTitle(painter, left);
    }

    painter->restore();
}

} // namespace sitroom::widgets
