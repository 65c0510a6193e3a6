#include "widgets/controls/CommandRoomPanel.h"

#include "widgets/controls/CommandRoomWords.h"

#include "models/control/CommandRoom.h"
#include "models/situation/SituationStore.h"

#include "proto/sitroom/CommandRoom.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace sitroom::widgets {

using sitroom::models::SituationStore;
namespace v1 = sitroom::v1;

CommandRoomPanel::CommandRoomPanel(const SituationStore &store, QWidget *parent)
    : QFrame(parent)
    , m_store(store)
    , m_command(new QLabel(this))
    , m_note(new QLabel(this))
    , m_handover(new QFrame(this))
    , m_handoverText(new QLabel(m_handover))
    , m_handoverAnswer(new QLabel(m_handover))
    , m_accept(new QPushButton(tr("Accept…", "a handover"), m_handover))
    , m_decline(new QPushButton(tr("Decline…", "a handover"), m_handover))
    , m_withdraw(new QPushButton(tr("Withdraw…", "a handover"), m_handover))
    , m_request(new QPushButton(this))
    , m_take(new QPushButton(tr("Take command…"), this))
{
    setObjectName(QStringLiteral("commandRoom"));
    m_command->setObjectName(QStringLiteral("commandRoomLine"));
    m_note->setObjectName(QStringLiteral("commandRoomNote"));
    m_note->setWordWrap(true);
    m_handover->setObjectName(QStringLiteral("handoverBox"));
    m_handoverText->setObjectName(QStringLiteral("handoverText"));
    m_handoverText->setWordWrap(true);
    m_handoverAnswer->setWordWrap(true);
    m_accept->setObjectName(QStringLiteral("acceptHandover"));
    m_decline->setObjectName(QStringLiteral("declineHandover"));
    m_withdraw->setObjectName(QStringLiteral("withdrawHandover"));
    m_request->setObjectName(QStringLiteral("requestHandover"));
    m_take->setObjectName(QStringLiteral("takeCommand"));
    m_take->setToolTip(tr("Only when the gateway of the room in command has been unreachable for the gateway's set time; "
                          "the gateway refuses it otherwise. Recorded in the audit as a takeover."));

    auto *answers = new QHBoxLayout;
    answers->addWidget(m_accept);
    answers->addWidget(m_decline);
    answers->addWidget(m_withdraw);
    answers->addStretch(1);
    auto *box = new QVBoxLayout(m_handover);
    box->setContentsMargins(6, 4, 6, 4);
    box->addWidget(m_handoverText);
    box->addWidget(m_handoverAnswer);
    box->addLayout(answers);

    auto *top = new QHBoxLayout;
    top->addWidget(m_command);
    top->addStretch(1);
    top->addWidget(m_request);
    top->addWidget(m_take);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(top);
    layout->addWidget(m_note);
    layout->addWidget(m_handover);

    connect(m_request, &QPushButton::clicked, this, &CommandRoomPanel::handoverRequested);
    connect(m_take, &QPushButton::clicked, this, &CommandRoomPanel::takeCommandRequested);
    const auto answer = [this](v1::HandoverAnswer a) {
        emit handoverAnswered(QString::fromStdString(m_store.control().handover().request_id()), int(a));
    };
    connect(m_accept, &QPushButton::clicked, this, [answer] { answer(v1::HANDOVER_ACCEPT); });
    connect(m_decline, &QPushButton::clicked, this, [answer] { answer(v1::HANDOVER_DECLINE); });
    connect(m_withdraw, &QPushButton::clicked, this, [answer] { answer(v1::HANDOVER_WITHDRAW); });
    connect(&store, &SituationStore::controlChanged, this, &CommandRoomPanel::refresh);
    connect(&store, &SituationStore::linkChanged, this, &CommandRoomPanel::refresh);
    connect(&store, &SituationStore::serviceChanged, this, &CommandRoomPanel::refresh);
    // The time left counts down between control events.
    auto *countdown = new QTimer(this);
    countdown->setInterval(1000);
    connect(countdown, &QTimer::timeout, this, &CommandRoomPanel::refreshDeadline);
    countdown->start();
    refresh();
}

void CommandRoomPanel::refresh()
{
    const v1::ControlState &control = m_store.control();
    // A gateway from before the room in command says nothing of it.
    setVisible(sitroom::models::knowsCommandRoom(control));
    const quint32 site = m_store.welcome().site();
    m_command->setText(CommandRoomWords::commandLine(control));
    // What this console's controls do; nothing at all while the gateway cannot
    // decide a command (its state store out of reach), whichever room steers.
    const bool refusing = m_store.isLive() && m_store.gatewayService().storeUnreachable();
    m_note->setText(m_store.role() == v1::ROLE_VIEWER ? QString()
                    : refusing ? tr("The gateway cannot reach its shared state store: it refuses every control, from "
                                    "either room, until the store is back.")
                               : CommandRoomWords::consoleRoomText(control, site));
    m_note->setVisible(!m_note->text().isEmpty());
    const sitroom::models::HandoverRights rights = sitroom::models::handoverRights(m_store);
    const bool inCommand = sitroom::models::isInCommand(control, site);
    m_request->setText(inCommand ? tr("Offer command to %1…").arg(CommandRoomWords::roomName(sitroom::otherRoom(site)))
                                 : tr("Ask for command…"));
    m_request->setVisible(rights.request);
    m_take->setVisible(rights.take);
    const bool waiting = sitroom::handoverWaits(control);
    m_handover->setVisible(waiting);
    if (waiting) {
        m_handoverText->setText(tr("Handover waiting: %1").arg(CommandRoomWords::handoverText(control.handover(), m_store)));
        const QString reason = QString::fromStdString(control.handover().requested_by().reason());
        m_handoverText->setToolTip(reason);
    }
    m_accept->setVisible(waiting && rights.answer);
    m_decline->setVisible(waiting && rights.answer);
    m_withdraw->setVisible(waiting && rights.withdraw);
    refreshDeadline();
}

void CommandRoomPanel::refreshDeadline()
{
    if (!sitroom::handoverWaits(m_store.control()))
        return;
    const v1::HandoverRequest &handover = m_store.control().handover();
    m_handoverAnswer->setText(CommandRoomWords::handoverAnswerText(handover) + u' '
                              + CommandRoomWords::handoverDeadlineText(handover, m_store));
}

} // namespace sitroom::widgets
