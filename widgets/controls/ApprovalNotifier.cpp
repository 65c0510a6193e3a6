#include "widgets/controls/ApprovalNotifier.h"

#include "widgets/controls/ApprovalWords.h"

#include "widgets/alerts/CriticalAlarm.h"
#include "widgets/common/ElidedLabel.h"
#include "models/control/PendingRequests.h"
#include "models/situation/SituationStore.h"

#include <QLabel>
#include <QStyle>

#include <algorithm>

namespace sitroom::widgets {

using sitroom::models::SituationStore;

ApprovalNotifier::ApprovalNotifier(const SituationStore &store, AlarmAnnouncer *announcer, QWidget *statusParent,
                                   QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_announcer(announcer)
    , m_label(new ElidedLabel(ElidedLabel::GiveWay::First, statusParent))
    , m_namer([](const QString &id) { return id; })
{
    m_label->setObjectName(QStringLiteral("approvalsWaiting"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setContentsMargins(8, 0, 8, 0);
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    m_label->hide();
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ApprovalNotifier::refreshLabel);
    connect(&store, &SituationStore::controlChanged, this, &ApprovalNotifier::refresh);
    connect(&store, &SituationStore::linkChanged, this, &ApprovalNotifier::refresh);
    refresh();
}

void ApprovalNotifier::setUser(const QString &user)
{
    m_user = user;
    refresh();
}

QString ApprovalNotifier::titlePrefix() const
{
    return m_waiting > 0 ? tr("[Approvals waiting: %1] ", "window title").arg(m_waiting) : QString();
}

void ApprovalNotifier::refresh()
{
    const auto mine = sitroom::models::approvableBy(m_store.control(), m_store.role(),
                                                    sitroom::models::signedInUser(m_store, m_user), m_store.welcome().site());
    QSet<QString> now;
    for (const sitroom::v1::PendingApproval *p : mine) {
        const QString id = QString::fromStdString(p->request_id());
        now.insert(id);
        if (m_announced.contains(id))
            continue;  // a resend or a snapshot after reconnecting: not news
        ++m_announcements;
        if (!m_muted)
            ++m_sounds;
        if (m_announcer)
            m_announcer->announce(tr("Approval requested"),
                                  ApprovalWords::requestText(*p, m_namer) + QStringLiteral(" · ")
                                      + ApprovalWords::countdownText(*p, m_store),
                                  !m_muted);
        emit announced(id);
    }
    m_announced = now;  // one that stops pending and comes back is news again
    const int waiting = int(mine.size());
    const bool moved = waiting != m_waiting;
    m_waiting = waiting;
    if (waiting > 0)
        m_countdown.start();
    else
        m_countdown.stop();
    refreshLabel();
    if (moved)
        emit waitingChanged(waiting);
}

void ApprovalNotifier::refreshLabel()
{
    const auto mine = sitroom::models::approvableBy(m_store.control(), m_store.role(),
                                                    sitroom::models::signedInUser(m_store, m_user), m_store.welcome().site());
    m_label->setVisible(!mine.empty());
    if (mine.empty()) {
        m_label->clear();
        return;
    }
    // The nearest deadline first: that is the one to decide.
    const auto *nearest = *std::min_element(mine.begin(), mine.end(), [](const auto *a, const auto *b) {
        return a->expires_ms() < b->expires_ms();
    });
    const QString text = tr("Approvals waiting for you: %1 · %2 · %3", "status bar")
                             .arg(QString::number(mine.size()), ApprovalWords::requestText(*nearest, m_namer),
                                  ApprovalWords::leftText(sitroom::models::msLeft(*nearest, m_store)));
    m_label->setText(text);
    // Short of room the count stays; the request and its deadline whole here.
    m_label->setShortForm(tr("Approvals: %1", "status bar, short of room").arg(mine.size()));
    m_label->setToolTip(text + u'\n' + ApprovalWords::countdownText(*nearest, m_store));
}

} // namespace sitroom::widgets
