#include "widgets/common/ElidedLabel.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace sitroom::widgets {

namespace {
const QChar kEllipsis(0x2026);
} // namespace

ElidedLabel::ElidedLabel(GiveWay giveWay, QWidget *parent)
    : QLabel(parent)
    , m_giveWay(giveWay)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    refreshWidths();
}

void ElidedLabel::setText(const QString &text)
{
    QLabel::setText(text);
    refreshWidths();
}

void ElidedLabel::clear()
{
    QLabel::clear();
    refreshWidths();
}

void ElidedLabel::setShortForm(const QString &text)
{
    if (text == m_shortForm)
        return;
    m_shortForm = text;
    refreshWidths();
    update();
}

void ElidedLabel::setMayVanish(bool mayVanish)
{
    m_mayVanish = mayVanish;
    refreshWidths();
}

int ElidedLabel::widthFor(const QString &text) const
{
    const QMargins margins = contentsMargins();
    // One pixel more than the rounded advance: elidedText measures exactly.
    const int advance = text.isEmpty() ? 0 : fontMetrics().horizontalAdvance(text) + 1;
    return advance + margins.left() + margins.right() + 2 * margin();
}

void ElidedLabel::refreshWidths()
{
    // Given the row's leftover by its stretch, it takes no more than its
    // whole text needs: the rest goes to the others.
    if (m_giveWay == GiveWay::First)
        setMaximumWidth(std::max(widthFor(text()), minimumSizeHint().width()));
    updateGeometry();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    // A style sheet's bold (a problem) or another font changes the widths.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        refreshWidths();
}

QRect ElidedLabel::textRect() const
{
    const int m = margin();
    return contentsRect().adjusted(m, m, -m, -m);
}

QString ElidedLabel::shownText() const
{
    const QFontMetrics metrics = fontMetrics();
    const int room = textRect().width();
    if (metrics.horizontalAdvance(text()) <= room)
        return text();
    if (room <= 0)
        return {};
    const QString &shown = m_shortForm.isEmpty() ? text() : m_shortForm;
    return metrics.elidedText(shown, Qt::ElideRight, room);
}

QSize ElidedLabel::sizeHint() const
{
    return m_giveWay == GiveWay::First ? minimumSizeHint() : QLabel::sizeHint();
}

QSize ElidedLabel::minimumSizeHint() const
{
    // The short form whole; without one the ellipsis, enough to see that
    // something is said (and to hover over for the whole).
    const QString least = !m_shortForm.isEmpty() ? m_shortForm : m_mayVanish ? QString() : QString(kEllipsis);
    return {m_mayVanish && m_shortForm.isEmpty() ? 0 : std::min(widthFor(least), widthFor(text())),
            QLabel::minimumSizeHint().height()};
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    drawFrame(&painter);
    style()->drawItemText(&painter, textRect(), int(QStyle::visualAlignment(layoutDirection(), alignment())), palette(),
                          isEnabled(), shownText(), foregroundRole());
}

} // namespace sitroom::widgets
