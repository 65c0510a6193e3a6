#include "widgets/common/StaleOverlay.h"

#include <QEvent>
#include <QPainter>

namespace sitroom::widgets {

StaleOverlay::StaleOverlay(QWidget *panel)
    : QWidget(panel)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    panel->installEventFilter(this);
    setGeometry(panel->rect());
    hide();
}

void StaleOverlay::setStale(bool stale, const QString &caption)
{
    if (stale == m_stale && caption == m_caption)
        return;
    m_stale = stale;
    m_caption = caption;
    setVisible(stale);
    if (stale) {
        raise();
        update();
    }
}

bool StaleOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void StaleOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0xe0, 0xe0, 0xe0, 170));
    painter.fillRect(rect(), QBrush(QColor(0x61, 0x61, 0x61, 110), Qt::BDiagPattern));
    if (m_caption.isEmpty())
        return;
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    const QRect text = painter.fontMetrics().boundingRect(rect().adjusted(12, 12, -12, -12),
                                                          Qt::AlignCenter | Qt::TextWordWrap, m_caption);
    const QRect box = text.adjusted(-10, -6, 10, 6);
    painter.fillRect(box, QColor(0x21, 0x21, 0x21));
    painter.setPen(Qt::white);
    painter.drawText(text, Qt::AlignCenter | Qt::TextWordWrap, m_caption);
}

} // namespace sitroom::widgets
