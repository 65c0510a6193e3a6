#include "widgets/controls/PendingApprovalsPanel.h"

#include "widgets/controls/ApprovalWords.h"
#include "widgets/controls/CommandRoomWords.h"

#include "models/control/CommandRoom.h"

#include "models/situation/SituationStore.h"
#include "models/words/SiteNames.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace sitroom::widgets {

using sitroom::models::SituationStore;

namespace {
enum Column { Action, RequestedBy, Reason, Expires, Approve, ColumnCount };
}

PendingApprovalsPanel::PendingApprovalsPanel(const SituationStore &store, ProviderNamer namer, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_namer(std::move(namer))
    , m_empty(new QLabel(tr("No change is waiting for approval."), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
{
    setObjectName(QStringLiteral("pendingApprovalsPanel"));
    m_table->setHorizontalHeaderLabels({tr("Change"), tr("Requested by"), tr("Reason"), tr("Deadline (gateway's)"), QString()});
    m_table->horizontalHeader()->setSectionResizeMode(Expires, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Reason, QHeaderView::Stretch);
    // The button, or why the row waits ("서울 감독자 승인 대기"), whole.
    m_table->horizontalHeader()->setSectionResizeMode(Approve, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);
    connect(&store, &SituationStore::controlChanged, this, &PendingApprovalsPanel::refresh);
    connect(&store, &SituationStore::linkChanged, this, &PendingApprovalsPanel::refresh);
    // The time left counts down between control events.
    auto *countdown = new QTimer(this);
    countdown->setInterval(1000);
    connect(countdown, &QTimer::timeout, this, &PendingApprovalsPanel::refreshDeadlines);
    countdown->start();
    refresh();
}

void PendingApprovalsPanel::refreshDeadlines()
{
    const auto &pending = m_store.control().pending();
    for (int row = 0; row < pending.size() && row < m_table->rowCount(); ++row) {
        if (QTableWidgetItem *item = m_table->item(row, Expires)) {
            const QString text = ApprovalWords::countdownText(pending[row], m_store);
            item->setText(text);
            item->setToolTip(text);
        }
    }
}

void PendingApprovalsPanel::setUser(const QString &user)
{
    m_user = user;
    refresh();
}

int PendingApprovalsPanel::approvableCount() const
{
    int n = 0;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (auto *button = qobject_cast<QPushButton *>(m_table->cellWidget(row, Approve)); button && button->isVisible())
            ++n;
    }
    return n;
}

void PendingApprovalsPanel::refresh()
{
    const auto &pending = m_store.control().pending();
    const QString self = m_store.welcome().user().empty() ? m_user : QString::fromStdString(m_store.welcome().user());
    // Only a supervisor of the room in command approves (the gateway's rule).
    const bool approver = m_store.role() == sitroom::v1::ROLE_SUPERVISOR
        && sitroom::models::isInCommand(m_store.control(), m_store.welcome().site());
    m_empty->setVisible(pending.empty());
    m_table->setVisible(!pending.empty());
    m_table->setRowCount(pending.size());
    for (int row = 0; row < pending.size(); ++row) {
        const sitroom::v1::PendingApproval &p = pending[row];
        const QString requestId = QString::fromStdString(p.request_id());
        const QString action = ControlWords::actionText(p.command(), m_namer);
        const auto cell = [this, row](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(text);
            m_table->setItem(row, column, item);
        };
        cell(Action, action);
        cell(RequestedBy, tr("%1 (%2)").arg(QString::fromStdString(p.requested_by().user()),
                                          sitroom::models::SiteNames::name(p.requested_by().site())));
        cell(Reason, QString::fromStdString(p.command().reason()));
        cell(Expires, ApprovalWords::countdownText(p, m_store));
        const bool mine = QString::fromStdString(p.requested_by().user()) == self;
        if (approver && !mine && m_store.isLive()) {
            auto *button = new QPushButton(tr("Approve…"), m_table);
            button->setObjectName(QStringLiteral("approve-") + requestId);
            const QString description = tr("%1, requested by %2").arg(action, ControlWords::actorText(p.requested_by(), m_store));
            connect(button, &QPushButton::clicked, this,
                    [this, requestId, description] { emit approveRequested(requestId, description); });
            m_table->setCellWidget(row, Approve, button);
        } else {
            m_table->removeCellWidget(row, Approve);
            // Why it waits, when the room in command is why (in full in its tooltip).
            const bool room = sitroom::models::waitsForCommandRoom(p);
            const QString why = room ? CommandRoomWords::waitsForRoomShortText(m_store.control()) : QString();
            const QString note = mine ? (room ? tr("yours: %1").arg(why) : tr("yours: another supervisor approves")) : why;
            auto *item = new QTableWidgetItem(note);
            item->setToolTip(room ? CommandRoomWords::waitsForRoomText(m_store.control()) : note);
            m_table->setItem(row, Approve, item);
        }
    }
}

} // namespace sitroom::widgets
