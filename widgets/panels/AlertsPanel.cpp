#include "widgets/panels/AlertsPanel.h"

#include "widgets/alerts/AlarmLoadMeter.h"
#include "widgets/alerts/AlertDelegate.h"
#include "widgets/alerts/AlertDesk.h"
#include "widgets/alerts/AlertLook.h"
#include "widgets/alerts/RunbookPane.h"
#include "widgets/common/Formatting.h"
#include "widgets/common/StaleOverlay.h"
#include "models/itemmodels/AlertGroupModel.h"
#include "models/itemmodels/AlertModel.h"
#include "models/situation/SituationStore.h"
#include "models/words/SeverityWords.h"

#include "sitroom/v1/alerts.pb.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace sitroom::widgets {

using sitroom::models::AlertGroupModel;
using sitroom::models::AlertModel;
using sitroom::models::SituationStore;

namespace {
constexpr int kSideBySideWidth = 980;   // narrower than this, the runbook goes below the list
}

AlertsPanel::AlertsPanel(AlertModel *alerts, const SituationStore &store, QWidget *parent)
    : QWidget(parent)
    , m_alerts(alerts)
    , m_store(store)
    , m_groups(new AlertGroupModel(alerts, this))
    , m_delegate(new AlertDelegate(this))
    , m_meter(new AlarmLoadMeter(this))
    , m_floodNote(new QLabel(this))
    , m_ack(new QPushButton(tr("Acknowledge…"), this))
    , m_shelve(new QPushButton(tr("Shelve…"), this))
    , m_unshelve(new QPushButton(tr("Unshelve"), this))
    , m_group(new QToolButton(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(tr("No active alerts"), this))
    , m_table(new QTableView(this))
    , m_tree(new QTreeView(this))
    , m_details(new QLabel(this))
    , m_runbook(new RunbookPane(store, this))
    , m_notice(new QLabel(this))
    , m_stale(nullptr)
{
    setObjectName(QStringLiteral("alertsPanel"));
    m_ack->setObjectName(QStringLiteral("ackAlert"));
    m_shelve->setObjectName(QStringLiteral("shelveAlert"));
    m_unshelve->setObjectName(QStringLiteral("unshelveAlert"));
    m_group->setObjectName(QStringLiteral("groupAlerts"));
    m_group->setText(tr("Group by source"));
    m_group->setCheckable(true);
    m_group->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_floodNote->setObjectName(QStringLiteral("floodNote"));
    m_floodNote->setWordWrap(true);
    m_floodNote->setText(tr("◆ Alert flood: more than 10 alerts in 10 minutes. Shown grouped by source, "
                            "the first-out alert first: start there."));
    m_notice->setObjectName(QStringLiteral("controlNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_details->setObjectName(QStringLiteral("alertDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setObjectName(QStringLiteral("emptyNote"));

    m_table->setObjectName(QStringLiteral("alertList"));
    m_table->setModel(alerts);  // the model keeps severity-then-time order itself
    m_table->setItemDelegate(m_delegate);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AlertModel::Message, QHeaderView::Stretch);
    m_tree->setObjectName(QStringLiteral("alertGroups"));
    m_tree->setModel(m_groups);
    m_tree->setItemDelegate(m_delegate);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(AlertModel::Message, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_tree);

    auto *listSide = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_stack, 1);
    listLayout->addWidget(m_details);
    m_splitter->addWidget(listSide);
    m_splitter->addWidget(m_runbook);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    // The meter on its own line, so its words are never cut; the actions under it.
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_group);
    bar->addStretch(1);
    bar->addWidget(m_ack);
    bar->addWidget(m_shelve);
    bar->addWidget(m_unshelve);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_meter);
    layout->addLayout(bar);
    layout->addWidget(m_floodNote);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_notice);
    m_stale = new StaleOverlay(this);

    connect(alerts, &QAbstractItemModel::modelReset, this, &AlertsPanel::refresh);
    connect(alerts, &QAbstractItemModel::rowsInserted, this, &AlertsPanel::refresh);
    connect(alerts, &QAbstractItemModel::rowsRemoved, this, &AlertsPanel::refresh);
    connect(alerts, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_followFirstOut && isGrouped())
            restoreSelection();   // the engine may name the first out after the flood began
        refreshDetails();
        refreshButtons();
    });
    connect(m_groups, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        if (isGrouped())
            restoreSelection();
    });
    // A new group opens; the ones the operator closed stay closed.
    connect(m_groups, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &under, int first, int last) {
        if (under.isValid())
            return;
        for (int row = first; row <= last; ++row)
            m_tree->expand(m_groups->index(row, 0));
    });
    connect(&store, &SituationStore::alarmLoadChanged, this, &AlertsPanel::refreshView);
    connect(&store, &SituationStore::linkChanged, this, &AlertsPanel::refreshButtons);
    // The meter counts what stands as well as what started: every lifecycle change moves it.
    connect(&store, &SituationStore::alertsChanged, this, &AlertsPanel::refreshMeter);
    connect(&store, &SituationStore::alertEvent, this, &AlertsPanel::refreshMeter);
    // Alert times are on the live system's clock: shown in its time zone.
    const auto adoptZone = [this] {
        m_zone = liveTimeZone(QString::fromStdString(m_store.configuration().timezone()));
        m_delegate->setTimeZone(m_zone);
    };
    connect(&store, &SituationStore::configurationChanged, this, adoptZone);
    adoptZone();
    connect(m_group, &QToolButton::toggled, this, &AlertsPanel::refreshView);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_runbook, &RunbookPane::noticeChanged, this, &AlertsPanel::showNotice);
    connect(m_ack, &QPushButton::clicked, this, [this] {
        if (m_desk && !m_selected.isEmpty())
            m_desk->proposeAcknowledge(m_selected);
    });
    connect(m_shelve, &QPushButton::clicked, this, [this] {
        if (m_desk && !m_selected.isEmpty())
            m_desk->proposeShelve(m_selected);
    });
    connect(m_unshelve, &QPushButton::clicked, this, [this] {
        if (m_desk && !m_selected.isEmpty())
            m_desk->unshelve(m_selected);
    });
    setDesk(nullptr);
    refreshView();
    refresh();
}

void AlertsPanel::setDesk(AlertDesk *desk)
{
    m_desk = desk;
    if (desk)
        connect(desk, &AlertDesk::noticeChanged, this, &AlertsPanel::showNotice);
    refreshButtons();
}

void AlertsPanel::setNamer(ProviderNamer namer)
{
    m_delegate->setNamer(namer);
    m_runbook->setNamer(namer);
    m_table->viewport()->update();
    m_tree->viewport()->update();
}

void AlertsPanel::setWallMode(bool wall)
{
    m_wall = wall;
    m_runbook->setVisible(!wall);
    m_details->setVisible(!wall);
    m_group->setVisible(!wall);
    refreshButtons();
}

void AlertsPanel::setMuteAction(QAction *mute)
{
    if (!m_mute) {
        m_mute = new QToolButton(this);
        m_mute->setObjectName(QStringLiteral("muteAlertSound"));
        m_mute->setToolButtonStyle(Qt::ToolButtonTextOnly);
        static_cast<QHBoxLayout *>(static_cast<QVBoxLayout *>(layout())->itemAt(1)->layout())->insertWidget(1, m_mute);
    }
    m_mute->setDefaultAction(mute);
    const auto label = [this, mute] { m_mute->setText(mute->isChecked() ? tr("Sound off (muted)") : tr("Sound on")); };
    connect(mute, &QAction::toggled, m_mute, label);
    label();
}

bool AlertsPanel::isGrouped() const
{
    return m_stack->currentWidget() == m_tree;
}

void AlertsPanel::showNotice(const QString &text, bool problem)
{
    m_notice->setText(text);
    m_notice->setToolTip(text);
    m_notice->setVisible(!text.isEmpty());
    m_notice->setProperty("problem", problem);
    m_notice->style()->unpolish(m_notice);
    m_notice->style()->polish(m_notice);
}

void AlertsPanel::refresh()
{
    refreshView();
    restoreSelection();
    refreshButtons();
}

void AlertsPanel::refreshView()
{
    const bool flood = m_store.alertFlood();
    refreshMeter();
    m_floodNote->setVisible(flood);
    QWidget *want = m_alerts->rowCount() == 0 ? static_cast<QWidget *>(m_empty)
        : (flood || m_group->isChecked())   ? static_cast<QWidget *>(m_tree)
                                            : static_cast<QWidget *>(m_table);
    if (m_stack->currentWidget() != want) {
        // A flood beginning starts the operator at its first out, where the
        // note above the list says to start; grouping asked for by the
        // operator keeps their choice.
        const bool floodBegins = want == m_tree && flood && !m_group->isChecked();
        m_stack->setCurrentWidget(want);
        if (want == m_tree)
            m_tree->expandAll();
        m_followFirstOut = floodBegins;
        restoreSelection();
    }
}

void AlertsPanel::refreshMeter()
{
    m_meter->setPicture(sitroom::models::alarmPicture(m_store.alerts(), m_store.alertsLast10min(), m_store.alertFlood()));
}

void AlertsPanel::onCurrentChanged(const QModelIndex &current)
{
    if (m_restoring)
        return;
    m_followFirstOut = false;
    QString id = current.data(AlertModel::IdRole).toString();
    if (current.isValid() && current.data(AlertGroupModel::IsGroupRole).toBool()) {
        // A group row: its leading (first-out) alert.
        id = m_groups->index(0, 0, current.siblingAtColumn(0)).data(AlertModel::IdRole).toString();
    }
    m_selected = id;
    refreshDetails();
    refreshButtons();
}

bool AlertsPanel::selectAlert(const QString &id)
{
    m_followFirstOut = false;
    m_selected = id;
    restoreSelection();
    refreshDetails();
    refreshButtons();
    return !m_selected.isEmpty() && m_selected == id;
}

void AlertsPanel::restoreSelection()
{
    if (m_selected.isEmpty() || m_alerts->rowOf(m_selected) < 0 || (m_followFirstOut && isGrouped())) {
        // Nothing chosen yet, or the chosen alert cleared: the top one of
        // what is shown. In a flood that is the first out, where the note
        // above the list tells the operator to start, not the newest
        // critical further down.
        m_selected = topAlertShown();
    }
    m_restoring = true;
    const QModelIndex inTable = m_selected.isEmpty() ? QModelIndex() : m_alerts->index(m_alerts->rowOf(m_selected), 0);
    const QModelIndex inTree = m_selected.isEmpty() ? QModelIndex() : m_groups->indexOfAlert(m_selected);
    const auto select = [](QAbstractItemView *view, const QModelIndex &index) {
        if (!index.isValid()) {
            view->selectionModel()->clear();
            return;
        }
        if (view->currentIndex().siblingAtColumn(0) != index)
            view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    };
    select(m_table, inTable);
    // A group row the operator chose stands for its leading alert: it stays
    // current while that alert leads it.
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    const bool groupHoldsIt = current.isValid() && current.data(AlertGroupModel::IsGroupRole).toBool()
        && m_groups->index(0, 0, current).data(AlertModel::IdRole).toString() == m_selected;
    if (!groupHoldsIt)
        select(m_tree, inTree);
    if (inTree.isValid() && inTree.row() == 0)
        m_tree->scrollTo(inTree.parent());  // keep the group's header (its count) in view
    m_restoring = false;
    refreshDetails();
}

QString AlertsPanel::topAlertShown() const
{
    if (m_stack->currentWidget() == m_tree && m_groups->rowCount() > 0) {
        // The group model puts the first out at the head of its group, and
        // its group first.
        const QModelIndex group = m_groups->index(0, 0);
        const QModelIndex top = group.data(AlertGroupModel::IsGroupRole).toBool() ? m_groups->index(0, 0, group) : group;
        const QString id = top.data(AlertModel::IdRole).toString();
        if (!id.isEmpty())
            return id;
    }
    return m_alerts->rowCount() > 0 ? m_alerts->index(0, 0).data(AlertModel::IdRole).toString() : QString();
}

void AlertsPanel::refreshDetails()
{
    const int row = m_alerts->rowOf(m_selected);
    const sitroom::v1::Alert *alert = m_alerts->alertAt(row);
    m_runbook->showAlert(alert);
    if (!alert) {
        m_details->clear();
        m_details->setVisible(false);
        return;
    }
    QStringList lines;
    lines << tr("Raised %1 · changed %2")
                 .arg(formatClock(alert->raised_ms(), m_zone, QStringLiteral("HH:mm:ss")),
                      formatClock(alert->changed_ms(), m_zone, QStringLiteral("HH:mm:ss")));
    if (alert->active_severity() != alert->severity() && alert->active_severity() != sitroom::v1::SEVERITY_UNSPECIFIED)
        lines << tr("Latched at %1; the condition is at %2 now.")
                     .arg(sitroom::models::severityLabel(alert->severity()), sitroom::models::severityLabel(alert->active_severity()));
    if (!alert->acknowledged_by().user().empty()) {
        sitroom::v1::Actor who = alert->acknowledged_by();
        who.clear_reason();
        // Acknowledged and still so, the alert's last transition is the
        // acknowledgement, on the live system's clock.
        const qint64 ackedAtMs = alert->state() == sitroom::v1::ALERT_ACTIVE_ACKED ? alert->changed_ms() : 0;
        QString line = tr("Acknowledged by %1").arg(ControlWords::actorText(who, m_store, ackedAtMs));
        if (!alert->comment().empty())
            line += tr(": “%1”").arg(QString::fromStdString(alert->comment()));
        if (!alert->runbook_step().empty())
            line += tr(" · step taken: %1").arg(QString::fromStdString(alert->runbook_step()));
        lines << line;
    }
    if (alert->state() == sitroom::v1::ALERT_SHELVED) {
        sitroom::v1::Actor who = alert->shelved_by();
        const QString why = QString::fromStdString(who.reason());
        who.clear_reason();
        lines << tr("Shelved by %1 until %2: “%3”")
                     .arg(ControlWords::actorText(who, m_store, alert->changed_ms()),
                          formatClock(alert->shelved_until_ms(), m_zone, QStringLiteral("HH:mm")),
                          why);
    }
    m_details->setText(lines.join(u'\n'));
    m_details->setVisible(!m_wall);
}

void AlertsPanel::refreshButtons()
{
    const bool operates = m_desk && !m_wall;
    for (QPushButton *b : {m_ack, m_shelve, m_unshelve})
        b->setVisible(operates && m_desk->mayHandleAlertsRole());
    const sitroom::v1::Alert *alert = m_alerts->alertAt(m_alerts->rowOf(m_selected));
    const bool may = operates && m_desk->mayHandleAlerts() && alert;
    const int state = alert ? int(alert->state()) : 0;
    m_ack->setEnabled(may && (state == sitroom::v1::ALERT_ACTIVE_UNACKED || state == sitroom::v1::ALERT_RTN_UNACKED));
    m_shelve->setEnabled(may && state != sitroom::v1::ALERT_SHELVED && state != sitroom::v1::ALERT_CLEARED);
    m_unshelve->setEnabled(may && state == sitroom::v1::ALERT_SHELVED);
    if (m_wall)
        m_runbook->setStepsEnabled(false);
    else if (!m_desk)
        m_runbook->setStepsEnabled(false, tr("this layout is read-only; use the desktop layout to act"));
    else if (!m_desk->mayHandleAlerts())
        m_runbook->setStepsEnabled(false, m_store.isLive() ? tr("your role may not act (viewer)") : tr("not connected"));
    else
        m_runbook->setStepsEnabled(true);
}

void AlertsPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const Qt::Orientation want = event->size().width() >= kSideBySideWidth ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() != want)
        m_splitter->setOrientation(want);
}

} // namespace sitroom::widgets
