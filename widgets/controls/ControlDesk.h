#pragma once

#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlWords.h"
#include "widgets/status/StatusNotice.h"

#include "models/control/ControlOutlook.h"

#include "sitroom/v1/envelope.pb.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <string>
#include <vector>

namespace sitroom::models {
class ControlRequest;
class SituationStore;
struct RunbookStep;
}

namespace sitroom::widgets {

// Where an operator's wish becomes a command: it works out the expected
// effect from the current picture, opens the one confirmation, builds the
// Command on the control revision the operator saw, hands it on
// (commandIssued; the composition root sends it) and turns the answer into
// plain words (noticeChanged). The server decides every command; the desk
// only mirrors the role so nobody is offered what will be refused.
class ControlDesk final : public QObject
{
    Q_OBJECT

public:
    ControlDesk(const sitroom::models::SituationStore &store, QWidget *dialogParent, QObject *parent = nullptr);

    bool mayThrottle() const;        // operator or supervisor, connected
    bool mayActOnProviders() const;  // supervisor, connected
    bool mayApprove() const { return mayActOnProviders(); }

    void proposeRate(double ratePerS);
    void proposePause();
    void proposeResume();
    void proposeProviderEnabled(const QString &providerId, bool enabled);
    void proposeApproval(const QString &requestId, const QString &description);
    // A runbook step's action through the same confirmation, pre-filled: the
    // provider, the disable duration or the new rate, and a reason naming the
    // alert and the step. False (and a notice) when the role may not do it.
    bool proposeRunbookStep(const sitroom::models::RunbookStep &step, const QString &reason);
    // The room in command (ControlDeskRoom.cpp): offer command or ask for it,
    // answer the waiting handover (a sitroom::v1::HandoverAnswer), take
    // command; each through the one confirmation, with a reason.
    void proposeHandover();
    void proposeHandoverAnswer(const QString &requestId, int answer);
    void proposeTakeCommand();

    ControlConfirmDialog *activeDialog() const { return m_dialog; }
    QString lastNotice() const { return m_notice; }

signals:
    void commandIssued(const sitroom::v1::Command &command);
    // life: how long the message holds (a "not sent" holds until the link
    // is back; plain news times out).
    void noticeChanged(const QString &text, bool problem, sitroom::widgets::NoticeLife life);
    // A command left this console (after commandIssued): its id and what it asks, in words.
    void commandSent(const QString &commandId, const QString &action);

private:
    using Maker = std::function<sitroom::v1::Command(const sitroom::models::ControlRequest &request,
                                                     quint32 disableForS)>;
    // ask: what it is, for what the gateway will do with it (said in the
    // dialog, and kept true while it is open). dependsOn: the figures the
    // change is decided on (names, or prefixes ending in '.'); while any is
    // stale the dialog needs the override.
    void confirm(const ControlProposal &proposal, sitroom::models::ControlAsk ask, const Maker &make,
                 std::vector<QString> dependsOn = {});
    void refreshDialogStaleness();
    // The open dialog's word on what the gateway will do with it.
    void refreshRoute();
    void onResult(const sitroom::v1::CommandResult &result);
    // Someone else's change, said once it reaches this console.
    void onControlChanged();
    void notify(const QString &text, bool problem, NoticeLife life = NoticeLife::Timed);
    // A change as the gateway will take it: hazardous (a second supervisor) or not.
    static sitroom::models::ControlAsk changeAsk(const ControlProposal &proposal);
    // The room in command moved, or a handover began waiting: said once it reaches this console.
    void onRoomChanged();

    struct Prefill
    {
        QString reason;
        quint32 disableForS = 0;
    };

    const sitroom::models::SituationStore &m_store;
    QWidget *m_dialogParent;
    ProviderNamer m_namer;           // the store's provider names
    Prefill m_prefill;               // for the next confirmation only
    QPointer<ControlConfirmDialog> m_dialog;
    std::vector<QString> m_dialogFigures;  // what the open dialog's change depends on
    ControlProposal m_dialogProposal;      // what the open dialog proposes
    sitroom::models::ControlAsk m_dialogAsk = sitroom::models::ControlAsk::Change;
    QHash<QString, QString> m_sent;  // command_id → what it asked, in words
    QString m_notice;
    QString m_shownControl;          // controlText of the state last seen
    quint32 m_shownRoom = 0;         // the room in command last seen (0: none yet)
    std::string m_shownHandover;     // the waiting handover last seen
};

} // namespace sitroom::widgets
