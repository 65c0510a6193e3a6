#include "widgets/status/StatusNotice.h"

#include "widgets/common/LiveClockLabel.h"
#include "models/situation/SituationStore.h"

#include <QDateTime>
#include <QListWidget>
#include <QMouseEvent>
#include <QStyle>

#include <algorithm>

namespace sitroom::widgets {

StatusNotice::StatusNotice(const sitroom::models::SituationStore &store, QWidget *parent)
    : ElidedLabel(GiveWay::First, parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("controlNotice"));
    setCursor(Qt::PointingHandCursor);
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &StatusNotice::clearNotice);
    connect(&store, &sitroom::models::SituationStore::linkChanged, this, &StatusNotice::onLinkChanged);
}

void StatusNotice::say(const QString &text, bool problem, NoticeLife life)
{
    m_life = life;
    setText(text);
    setProperty("problem", problem);
    style()->unpolish(this);
    style()->polish(this);
    // When the gateway's clock last spoke (this machine's before it has).
    const qint64 at = m_store.lastServerTimeMs() > 0 ? m_store.lastServerTimeMs() : QDateTime::currentMSecsSinceEpoch();
    m_history.push_back({LiveClockLabel::gatewayTimeText(m_store, at), text, problem});
    while (m_history.size() > kHistorySize)
        m_history.pop_front();
    refreshToolTip();
    // A message tied to the link still times out as a problem would, should
    // the link come back without the console hearing of it.
    m_expiry.start(problem || life != NoticeLife::Timed ? kProblemMs : kTimedMs);
}

void StatusNotice::clearNotice()
{
    m_expiry.stop();
    m_life = NoticeLife::Timed;
    clear();
    setProperty("problem", false);
    style()->unpolish(this);
    style()->polish(this);
    refreshToolTip();
}

void StatusNotice::refreshToolTip()
{
    if (m_history.empty()) {
        setToolTip({});
        return;
    }
    const QString hint = tr("Click for the recent messages.");
    setToolTip(text().isEmpty() ? hint : text() + QStringLiteral("\n\n") + hint);
}

void StatusNotice::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        showHistory();
        event->accept();
        return;
    }
    ElidedLabel::mousePressEvent(event);
}

void StatusNotice::showHistory()
{
    auto *list = new QListWidget(this);
    list->setWindowFlags(Qt::Popup);
    list->setAttribute(Qt::WA_DeleteOnClose);
    list->setObjectName(QStringLiteral("noticeHistory"));
    list->setAccessibleName(tr("Recent messages"));
    list->setWordWrap(true);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    if (m_history.empty())
        list->addItem(tr("No messages yet."));
    for (auto it = m_history.rbegin(); it != m_history.rend(); ++it) {
        auto *item = new QListWidgetItem(tr("%1 · %2", "a message in the history: when, what").arg(it->when, it->text), list);
        if (it->problem) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
    // Above the status bar, within the window, as wide as the messages need up to most of it.
    const QWidget *window = this->window();
    const int width = std::min(760, window->width() - 16);
    list->setFixedWidth(width);
    const int height = std::min(window->height() / 2, 40 + int(std::min<std::size_t>(m_history.size() + 1, 8)) * 2
                                                             * fontMetrics().height());
    list->setFixedHeight(height);
    const QPoint windowTopLeft = window->mapToGlobal(QPoint(0, 0));
    QPoint at = mapToGlobal(QPoint(0, 0)) - QPoint(0, height);
    at.setX(std::clamp(at.x(), windowTopLeft.x() + 8, windowTopLeft.x() + window->width() - width - 8));
    list->move(at);
    list->show();
}

void StatusNotice::onLinkChanged()
{
    // "Not sent: not connected" stops holding the moment the console is live again.
    if (m_life == NoticeLife::UntilConnected && m_store.isLive() && !text().isEmpty())
        clearNotice();
}

} // namespace sitroom::widgets
