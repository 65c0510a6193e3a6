#pragma once

#include "widgets/alerts/AlertDialogs.h"
#include "widgets/controls/ControlWords.h"

#include "sitroom/v1/envelope.pb.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// Where an operator's handling of an alert becomes a command: acknowledge
// (comment, and the runbook step taken from this console, if any), shelve
// (duration and reason), unshelve. The server decides; the desk mirrors the
// role so a viewer is offered nothing, and turns the answer into plain words
// (noticeChanged) — never a modal error.
class AlertDesk final : public QObject
{
    Q_OBJECT

public:
    AlertDesk(const sitroom::models::SituationStore &store, QWidget *dialogParent, QObject *parent = nullptr);

    // The provider lookup the desk's words use (the store's by default).
    void setNamer(ProviderNamer namer) { m_namer = std::move(namer); }

    bool mayHandleAlerts() const;      // operator or supervisor, connected
    bool mayHandleAlertsRole() const;  // operator or supervisor, connected or not

    void proposeAcknowledge(const QString &alertId);
    void proposeShelve(const QString &alertId);
    void unshelve(const QString &alertId);

    // A runbook step taken for this alert: the acknowledgement records it.
    void recordStep(const QString &alertId, const QString &summary);
    QString takenStep(const QString &alertId) const { return m_steps.value(alertId); }

    AlertAckDialog *activeAckDialog() const { return m_ack; }
    AlertShelveDialog *activeShelveDialog() const { return m_shelve; }
    QString lastNotice() const { return m_notice; }
    // "◆ Critical · Kakao · High error rate"
    QString alertText(const sitroom::v1::Alert &alert) const;

signals:
    void commandIssued(const sitroom::v1::Command &command);
    void noticeChanged(const QString &text, bool problem);

private:
    void send(const sitroom::v1::Command &command, const QString &action);
    void onResult(const sitroom::v1::CommandResult &result);
    void closeDialogs();
    void notify(const QString &text, bool problem);

    const sitroom::models::SituationStore &m_store;
    QWidget *m_dialogParent;
    ProviderNamer m_namer;
    QPointer<AlertAckDialog> m_ack;
    QPointer<AlertShelveDialog> m_shelve;
    QHash<QString, QString> m_sent;    // command_id → what it asked, in words
    QHash<QString, QString> m_steps;   // alert id → runbook step taken
    QString m_notice;
};

} // namespace sitroom::widgets
