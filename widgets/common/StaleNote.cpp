#include "widgets/common/StaleNote.h"

#include <QPainter>

namespace sitroom::widgets {

namespace {
constexpr int kPadX = 8;
constexpr int kPadY = 3;
} // namespace

StaleNote::StaleNote(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("staleNote"));
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
    setWordWrap(true);
    hide();
}

void StaleNote::setNote(const QString &text, const QString &details)
{
    setText(text);
    setToolTip(details);
    setVisible(!text.isEmpty());
    updateGeometry();
    update();
}

QSize StaleNote::sizeHint() const
{
    const QFontMetrics metrics(font());
    const int width = std::max(120, metrics.horizontalAdvance(text()) + 4 * kPadX);
    return {width, metrics.height() + 4 * kPadY};
}

QSize StaleNote::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    return {80, metrics.height() + 4 * kPadY};
}

void StaleNote::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0xe0, 0xe0, 0xe0));
    painter.fillRect(rect(), QBrush(QColor(0x61, 0x61, 0x61, 110), Qt::BDiagPattern));
    const QRect inner = rect().adjusted(kPadX, kPadY, -kPadX, -kPadY);
    const QString shown = painter.fontMetrics().elidedText(text(), Qt::ElideRight, inner.width() - 2 * kPadX);
    const QRect textBox = painter.fontMetrics().boundingRect(inner, Qt::AlignCenter, shown);
    painter.fillRect(textBox.adjusted(-kPadX, -kPadY + 1, kPadX, kPadY - 1) & rect(), QColor(0x21, 0x21, 0x21));
    painter.setPen(Qt::white);
    painter.drawText(inner, Qt::AlignCenter, shown);
}

} // namespace sitroom::widgets
