#include "widgets/alerts/AlertLook.h"

#include "models/words/SeverityWords.h"

#include <QPainter>
#include <QPainterPath>

namespace sitroom::widgets {

SeverityLook AlertWords::severityLook(int severity)
{
    // The word is the one the server's phrases use (models/words/SeverityWords).
    const QString word = sitroom::models::severityLabel(severity);
    switch (severity) {
    case sitroom::v1::SEVERITY_CRITICAL:
        return {QColor(0xc6, 0x28, 0x28), QColor(0xa3, 0x1c, 0x1c), word, QStringLiteral("◆")};
    case sitroom::v1::SEVERITY_MAJOR:
        return {QColor(0xef, 0x6c, 0x00), QColor(0x9a, 0x45, 0x00), word, QStringLiteral("▲")};
    case sitroom::v1::SEVERITY_MINOR:
        return {QColor(0xf2, 0xb1, 0x00), QColor(0x6b, 0x50, 0x00), word, QStringLiteral("■")};
    default:
        return {QColor(0xbd, 0xbd, 0xbd), QColor(0x42, 0x42, 0x42), word, QStringLiteral("○")};
    }
}

QString AlertWords::stateText(int state)
{
    switch (state) {
    case sitroom::v1::ALERT_ACTIVE_UNACKED: return tr("Unacknowledged", "alert state");
    case sitroom::v1::ALERT_ACTIVE_ACKED: return tr("Acknowledged", "alert state");
    case sitroom::v1::ALERT_RTN_UNACKED: return tr("Back to normal, unacknowledged", "alert state");
    case sitroom::v1::ALERT_SHELVED: return tr("Shelved", "alert state");
    case sitroom::v1::ALERT_CLEARED: return tr("Cleared", "alert state");
    default: return tr("Unknown", "alert state");
    }
}

QString AlertWords::sourceText(const QString &source, const ProviderNamer &name)
{
    if (source.startsWith(QStringLiteral("provider/")))
        return name ? name(source.mid(9)) : source.mid(9);
    if (source == u"queue")
        return tr("Waiting room", "alert source");
    if (source == u"backend")
        return tr("Booking backend", "alert source");
    if (source == u"bookings")
        return tr("Bookings", "alert source");
    if (source.startsWith(QStringLiteral("bookings/")))
        return tr("Bookings", "alert source") + QStringLiteral(" · ") + source.mid(9);
    if (source == u"telemetry")
        return tr("Telemetry", "alert source");
    return source;
}

QString AlertWords::transitionText(int transition)
{
    switch (transition) {
    case sitroom::v1::TRANSITION_RAISED: return tr("raised");
    case sitroom::v1::TRANSITION_ESCALATED: return tr("escalated");
    case sitroom::v1::TRANSITION_ACKNOWLEDGED: return tr("acknowledged");
    case sitroom::v1::TRANSITION_RETURNED: return tr("back to normal");
    case sitroom::v1::TRANSITION_REACTIVATED: return tr("active again");
    case sitroom::v1::TRANSITION_CLEARED: return tr("cleared");
    case sitroom::v1::TRANSITION_SHELVED_BY_HAND: return tr("shelved");
    case sitroom::v1::TRANSITION_UNSHELVED_BY_HAND: return tr("unshelved");
    case sitroom::v1::TRANSITION_SHELF_EXPIRED: return tr("shelf expired");
    default: return tr("changed");
    }
}

void paintSeverityGlyph(QPainter &painter, const QRectF &box, int severity)
{
    const SeverityLook look = AlertWords::severityLook(severity);
    const qreal side = std::min(box.width(), box.height());
    const QRectF r(box.center().x() - side / 2, box.center().y() - side / 2, side, side);
    const qreal pen = std::max<qreal>(1.2, side / 14);
    const QColor outline(0x21, 0x21, 0x21);
    const QRectF inner = r.adjusted(pen, pen, -pen, -pen);
    const QPointF c = inner.center();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(outline, pen));
    painter.setBrush(look.fill);
    switch (severity) {
    case sitroom::v1::SEVERITY_CRITICAL: {
        QPolygonF diamond{QPointF(c.x(), inner.top()), QPointF(inner.right(), c.y()), QPointF(c.x(), inner.bottom()),
                          QPointF(inner.left(), c.y())};
        painter.drawPolygon(diamond);
        painter.setPen(QPen(Qt::white, pen * 1.4, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(c.x(), inner.top() + inner.height() * 0.28), QPointF(c.x(), inner.top() + inner.height() * 0.58));
        painter.drawPoint(QPointF(c.x(), inner.top() + inner.height() * 0.74));
        break;
    }
    case sitroom::v1::SEVERITY_MAJOR: {
        QPainterPath triangle;
        triangle.moveTo(c.x(), inner.top());
        triangle.lineTo(inner.right(), inner.bottom());
        triangle.lineTo(inner.left(), inner.bottom());
        triangle.closeSubpath();
        painter.drawPath(triangle);
        painter.setPen(QPen(outline, pen, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(c.x(), inner.top() + inner.height() * 0.38), QPointF(c.x(), inner.top() + inner.height() * 0.70));
        painter.drawPoint(QPointF(c.x(), inner.top() + inner.height() * 0.84));
        break;
    }
    case sitroom::v1::SEVERITY_MINOR:
        painter.drawRect(inner.adjusted(inner.width() * 0.1, inner.height() * 0.1, -inner.width() * 0.1, -inner.height() * 0.1));
        break;
    default:
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(inner.adjusted(inner.width() * 0.12, inner.height() * 0.12, -inner.width() * 0.12, -inner.height() * 0.12));
        break;
    }
    painter.restore();
}

} // namespace sitroom::widgets
