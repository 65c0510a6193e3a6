#pragma once

#include <QLabel>
#include <QTimer>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// How long a pending request has left, counting down to the gateway's
// deadline (PendingApproval.expires_ms) on the gateway's clock as this
// console reads it from the messages: "마감 20:05:00 KST · 4분 12초 남음".
// Once the request is no longer pending (approved, expired, withdrawn) it
// says so.
class ApprovalCountdown final : public QLabel
{
    Q_OBJECT

public:
    ApprovalCountdown(const sitroom::models::SituationStore &store, const QString &requestId, QWidget *parent = nullptr);

    // Milliseconds left, -1 when unknown or no longer pending.
    qint64 msLeft() const { return m_msLeft; }
    bool isPending() const { return m_pending; }
    void refresh();

private:
    const sitroom::models::SituationStore &m_store;
    QString m_requestId;
    QTimer m_timer;
    qint64 m_msLeft = -1;
    bool m_pending = false;
};

} // namespace sitroom::widgets
