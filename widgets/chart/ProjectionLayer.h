#pragma once

#include <QFont>
#include <QGraphicsItem>
#include <QPen>
#include <QPolygonF>
#include <QString>

#include <vector>

namespace sitroom::widgets {

// A what-if drawn over a TimeSeriesChart's plot area, never to be mistaken
// for data: the span it covers is tinted and titled ("예측" and a note), and
// each line is dashed in the colour of the series it continues. Like
// TraceLayer, lines are in value coordinates (x: seconds from the chart's
// origin) and mapped to pixels at paint time.
class ProjectionLayer final : public QGraphicsItem
{
public:
    struct Line
    {
        QPen pen;
        QPolygonF points;
    };

    explicit ProjectionLayer(QGraphicsItem *parent = nullptr);

    // The dashed pen a projection of a series drawn with `seriesPen` gets.
    static QPen projectionPen(const QPen &seriesPen);

    void setLines(std::vector<Line> lines);
    // The span the projection covers, in x values; empty (from >= to) draws no tint.
    void setSpan(qreal fromX, qreal toX);
    void setTitle(const QString &title, const QString &note);
    void setFont(const QFont &font) { m_font = font; update(); }
    void clear();
    bool isEmpty() const { return m_lines.empty(); }
    const std::vector<Line> &lines() const { return m_lines; }

    void setFrame(const QRectF &plotArea, qreal xMin, qreal xMax, qreal yMin, qreal yMax);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPointF map(const QPointF &value) const;
    void drawLines(QPainter *painter) const;
    void drawTitle(QPainter *painter, qreal zoneLeft) const;

    std::vector<Line> m_lines;
    qreal m_fromX = 0, m_toX = 0;
    QString m_title;
    QString m_note;
    QFont m_font;
    QRectF m_area;
    qreal m_xMin = 0, m_xMax = 1, m_yMin = 0, m_yMax = 1;
};

} // namespace sitroom::widgets
