#pragma once

#include "sitroom/v1/control.pb.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// The control desk's word on command (docs/controls.md, "The room in
// command"): which room is in command and what that means for this
// console's controls; a waiting handover (who asked, from which room to
// which, why, the gateway's deadline) with Accept and Decline for a
// supervisor of the room that answers and Withdraw for the room that asked;
// and, for a supervisor of Seoul or Osong, asking for a handover (offering
// it, from the room in command) or taking command. The buttons only ask:
// the ControlDesk confirms each with a reason, and the gateway decides.
class CommandRoomPanel final : public QFrame
{
    Q_OBJECT

public:
    explicit CommandRoomPanel(const sitroom::models::SituationStore &store, QWidget *parent = nullptr);

    QLabel *commandLabel() const { return m_command; }
    QLabel *noteLabel() const { return m_note; }
    QFrame *handoverBox() const { return m_handover; }
    QLabel *handoverLabel() const { return m_handoverText; }
    QPushButton *requestButton() const { return m_request; }
    QPushButton *takeButton() const { return m_take; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *declineButton() const { return m_decline; }
    QPushButton *withdrawButton() const { return m_withdraw; }

signals:
    void handoverRequested();
    // answer: a sitroom::v1::HandoverAnswer.
    void handoverAnswered(const QString &requestId, int answer);
    void takeCommandRequested();

private:
    void refresh();
    void refreshDeadline();

    const sitroom::models::SituationStore &m_store;
    QLabel *m_command;
    QLabel *m_note;
    QFrame *m_handover;
    QLabel *m_handoverText;
    QLabel *m_handoverAnswer;
    QPushButton *m_accept;
    QPushButton *m_decline;
    QPushButton *m_withdraw;
    QPushButton *m_request;
    QPushButton *m_take;
};

} // namespace sitroom::widgets
