#include "widgets/board/LightGlyph.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace sitroom::widgets {

LightLook lightLook(sitroom::v1::Light light)
{
    const QColor outline(0x21, 0x21, 0x21);
    switch (light) {
    case sitroom::v1::LIGHT_GREEN:
        return {QColor(0x9e, 0x9e, 0x9e), outline, QCoreApplication::translate("Light", "Smooth"), QStringLiteral("●"), false};
    case sitroom::v1::LIGHT_YELLOW:
        return {QColor(0xf2, 0xa9, 0x00), outline, QCoreApplication::translate("Light", "Delayed"), QStringLiteral("▲"), true};
    case sitroom::v1::LIGHT_RED:
        return {QColor(0xd3, 0x2f, 0x2f), outline, QCoreApplication::translate("Light", "Congested"), QStringLiteral("■"), true};
    case sitroom::v1::LIGHT_SUSPENDED:
        return {QColor(0x42, 0x42, 0x42), outline, QCoreApplication::translate("Light", "Suspended"), QStringLiteral("✕"), true};
    default:
        break;
    }
    return {QColor(0xe0, 0xe0, 0xe0), outline, QCoreApplication::translate("Light", "Unknown"), QStringLiteral("?"), false};
}

void paintLightGlyph(QPainter &painter, const QRectF &box, sitroom::v1::Light light)
{
    const LightLook look = lightLook(light);
    const qreal side = std::min(box.width(), box.height());
    const QRectF r(box.center().x() - side / 2, box.center().y() - side / 2, side, side);
    const qreal pen = std::max<qreal>(1.5, side / 16);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(look.outline, pen));
    painter.setBrush(look.fill);
    const QRectF inner = r.adjusted(pen, pen, -pen, -pen);
    switch (light) {
    case sitroom::v1::LIGHT_YELLOW: {
        QPainterPath triangle;
        triangle.moveTo(inner.center().x(), inner.top());
        triangle.lineTo(inner.right(), inner.bottom());
        triangle.lineTo(inner.left(), inner.bottom());
        triangle.closeSubpath();
        painter.drawPath(triangle);
        // An exclamation mark, so the shape reads even in greyscale.
        painter.setPen(QPen(look.outline, pen));
        const qreal cx = inner.center().x();
        painter.drawLine(QPointF(cx, inner.top() + inner.height() * 0.38), QPointF(cx, inner.top() + inner.height() * 0.70));
        painter.drawPoint(QPointF(cx, inner.top() + inner.height() * 0.84));
        break;
    }
    case sitroom::v1::LIGHT_RED: {
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const double angle = M_PI / 8 + i * M_PI / 4;
            octagon << QPointF(inner.center().x() + inner.width() / 2 * std::cos(angle),
                               inner.center().y() + inner.height() / 2 * std::sin(angle));
        }
        painter.drawPolygon(octagon);
        painter.setPen(QPen(Qt::white, pen * 1.5, Qt::SolidLine, Qt::RoundCap));
        const QRectF bar = inner.adjusted(inner.width() * 0.25, inner.height() * 0.5, -inner.width() * 0.25, -inner.height() * 0.5);
        painter.drawLine(bar.topLeft(), bar.topRight());
        break;
    }
    case sitroom::v1::LIGHT_SUSPENDED: {
        painter.drawRect(inner);
        painter.setPen(QPen(Qt::white, pen * 1.5, Qt::SolidLine, Qt::RoundCap));
        const QRectF cross = inner.adjusted(inner.width() * 0.28, inner.height() * 0.28, -inner.width() * 0.28, -inner.height() * 0.28);
        painter.drawLine(cross.topLeft(), cross.bottomRight());
        painter.drawLine(cross.topRight(), cross.bottomLeft());
        break;
    }
    default:
        painter.drawEllipse(inner);
        break;
    }
    painter.restore();
}

} // namespace sitroom::widgets
