#include "widgets/controls/ApprovalCountdown.h"

#include "widgets/controls/ApprovalWords.h"

#include "models/control/PendingRequests.h"
#include "models/situation/SituationStore.h"

#include <QStyle>

namespace sitroom::widgets {

using sitroom::models::SituationStore;

namespace {
// Below this much time left the countdown turns urgent.
constexpr qint64 kUrgentMs = 60 * 1000;
}

ApprovalCountdown::ApprovalCountdown(const SituationStore &store, const QString &requestId, QWidget *parent)
    : QLabel(parent)
    , m_store(store)
    , m_requestId(requestId)
{
    setObjectName(QStringLiteral("approvalCountdown"));
    setTextFormat(Qt::PlainText);
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &ApprovalCountdown::refresh);
    connect(&store, &SituationStore::controlChanged, this, &ApprovalCountdown::refresh);
    m_timer.start();
    refresh();
}

void ApprovalCountdown::refresh()
{
    const sitroom::v1::PendingApproval *request = nullptr;
    for (const auto &p : m_store.control().pending()) {
        if (QString::fromStdString(p.request_id()) == m_requestId)
            request = &p;
    }
    m_pending = request != nullptr;
    QString text;
    if (request) {
        m_msLeft = sitroom::models::msLeft(*request, m_store);
        text = ApprovalWords::countdownText(*request, m_store);
    } else {
        m_msLeft = -1;
        text = tr("This request is no longer pending: approved, withdrawn or expired.");
    }
    const bool urgent = !request || (m_msLeft >= 0 && m_msLeft < kUrgentMs);
    if (text != this->text())
        setText(text);
    if (property("urgent").toBool() != urgent) {
        setProperty("urgent", urgent);
        style()->unpolish(this);
        style()->polish(this);
    }
}

} // namespace sitroom::widgets
