#include "app/console/MainWindow.h"

#include "widgets/alerts/AlertDesk.h"
#include "widgets/alerts/CriticalAlarm.h"
#include "widgets/alerts/RunbookPane.h"
#include "widgets/board/ProviderBoard.h"
#include "widgets/common/DrillBanner.h"
#include "widgets/common/ElidedLabel.h"
#include "widgets/common/LiveClockLabel.h"
#include "widgets/common/StaleOverlay.h"
#include "widgets/controls/ApprovalNotifier.h"
#include "widgets/controls/AuditPanel.h"
#include "widgets/controls/CommandRoomPanel.h"
#include "widgets/controls/CommandSiteMark.h"
#include "widgets/controls/CommandStageLabel.h"
#include "models/alerts/RunbookStep.h"
#include "models/control/CommandRoom.h"
#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"
#include "widgets/controls/PendingApprovalsPanel.h"
#include "widgets/controls/ThrottleControl.h"
#include "widgets/controls/ThrottlePreview.h"
#include "models/itemmodels/AuditModel.h"
#include "models/itemmodels/AlertModel.h"
#include "models/itemmodels/CohortModel.h"
#include "models/itemmodels/ProviderModel.h"
#include "widgets/panels/AdmissionPanel.h"
#include "widgets/panels/AlertsPanel.h"
#include "widgets/panels/CohortPanel.h"
#include "models/situation/SituationStore.h"
#include "widgets/status/ConnectionStatus.h"
#include "widgets/status/LinkText.h"
#include "widgets/status/StaleBanner.h"
#include "widgets/briefing/BriefingView.h"
#include "widgets/wall/WallBoard.h"
#include "widgets/wall/WallType.h"
#include "widgets/status/StatusNotice.h"
#include "models/words/DisplayLanguage.h"
#include "models/words/ProviderNames.h"
#include "models/words/SiteNames.h"

#include <QAction>
#include <QDialog>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace sitroom::console {

using sitroom::models::SituationStore;
namespace v1 = sitroom::v1;

MainWindow::MainWindow(const Models &models, const ConsoleOptions &options, Layout layout, QWidget *parent)
    : QMainWindow(parent)
    , m_models(models)
    , m_options(options)
    , m_layout(layout)
    , m_banner(new widgets::StaleBanner(*models.store, this))
    , m_board(new widgets::ProviderBoard(models.providers, *models.store, this))
    , m_admission(new widgets::AdmissionPanel(*models.store, this))
    , m_cohortPanel(new widgets::CohortPanel(models.cohorts, *models.store, this))
    , m_alertsPanel(new widgets::AlertsPanel(models.alerts, *models.store, this))
    , m_status(new widgets::ConnectionStatus(*models.store, options.serverText,
                                             models::SiteNames::name(options.connection.site),
                                             options.connection.user, this))
    , m_scenario(new widgets::ElidedLabel(widgets::ElidedLabel::GiveWay::First, this))
    , m_notice(new widgets::StatusNotice(*models.store, this))
{
    setObjectName(QStringLiteral("sitroomMainWindow"));
    setProperty("layoutMode", layout == Layout::Wall       ? QStringLiteral("wall")
                              : layout == Layout::Briefing ? QStringLiteral("briefing")
                              : layout == Layout::Compact  ? QStringLiteral("compact")
                                                           : QStringLiteral("desktop"));
    setDockNestingEnabled(true);
    // A drill says so above everything, on every layout.
    new widgets::DrillBanner(*models.store, this);

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("central"));
    auto *layoutBox = new QVBoxLayout(central);
    layoutBox->setContentsMargins(8, 8, 8, 0);
    layoutBox->setSpacing(8);
    layoutBox->addWidget(m_banner);
    layoutBox->addWidget(m_board, 1);
    setCentralWidget(central);
    if (isReadingLayout(layout))
        buildReadingView(layoutBox);
    // The banner's band goes to the panels below when it goes (and comes back
    // from them when it shows): no blank band between the tiles and the docks.
    // As resetLayout: the board keeps its natural height, the panels get the rest.
    connect(m_banner, &widgets::StaleBanner::shownChanged, this, [this, layoutBox](bool shown, int band) {
        if (!m_admissionDock || !isVisible())
            return;
        // Once the board has laid out what came with the change (new tiles, say).
        QTimer::singleShot(0, this, [this, layoutBox, shown, band] {
            const int boardHeight = m_board->sizeHint().height() + (shown ? band + layoutBox->spacing() : 0);
            resizeDocks({m_admissionDock}, {std::max(300, height() - boardHeight - 90)}, Qt::Vertical);
        });
    });

    m_admissionDock = addPanelDock(m_admission, tr("Waiting room"), QStringLiteral("admissionDock"));
    m_cohortDock = addPanelDock(m_cohortPanel, tr("Bookings by cohort"), QStringLiteral("cohortDock"));
    m_alertsDock = addPanelDock(m_alertsPanel, tr("Alerts"), QStringLiteral("alertsDock"));

    // The status bar: on the left what gives way when the bar is short of
    // room (cut to what fits, whole in its tooltip): the live system, the
    // news (with its history), the last command's stage, approvals waiting;
    // on the right what must always be read whole: the link, the gateway in
    // use, who signed in where, round trip and the data's age, the room in
    // command, and the live system's clock at the far right.
    m_scenario->setObjectName(QStringLiteral("scenarioLabel"));
    m_scenario->setMayVanish(true);
    statusBar()->addWidget(m_scenario, 1);
    statusBar()->addWidget(m_notice, 2);
    connect(m_status, &widgets::ConnectionStatus::moved, m_notice,
            [notice = m_notice](const QString &text) { notice->say(text, false); });
    statusBar()->addPermanentWidget(m_status);
    statusBar()->addPermanentWidget(new widgets::CommandSiteMark(*models.store, this));
    statusBar()->addPermanentWidget(new widgets::LiveClockLabel(*models.store, this));
    if (!isReadingLayout(layout))
        buildControls();
    buildAlerts();
    if (!isReadingLayout(layout))
        buildMenus();

    const SituationStore *store = models.store;
    connect(store, &SituationStore::freshnessChanged, this, &MainWindow::refreshFreshness);
    connect(store, &SituationStore::ageChanged, this, &MainWindow::refreshFreshness);
    connect(store, &SituationStore::linkChanged, this, &MainWindow::refreshFreshness);
    connect(store, &SituationStore::configurationChanged, this, &MainWindow::refreshTitle);
    // The alert count stays visible even when the dock is a tab behind another.
    const auto countAlerts = [this] {
        const int n = m_models.alerts->rowCount();
        m_alertsDock->setWindowTitle(n > 0 ? tr("Alerts (%1)").arg(n) : tr("Alerts"));
    };
    connect(models.alerts, &QAbstractItemModel::modelReset, this, countAlerts);
    connect(models.alerts, &QAbstractItemModel::rowsInserted, this, countAlerts);
    connect(models.alerts, &QAbstractItemModel::rowsRemoved, this, countAlerts);
    // A critical alert nobody acknowledged marks the title, on every layout.
    connect(models.alerts, &QAbstractItemModel::modelReset, this, &MainWindow::refreshTitle);
    connect(models.alerts, &QAbstractItemModel::rowsInserted, this, &MainWindow::refreshTitle);
    connect(models.alerts, &QAbstractItemModel::rowsRemoved, this, &MainWindow::refreshTitle);
    connect(models.alerts, &QAbstractItemModel::dataChanged, this, &MainWindow::refreshTitle);

    applyLayout();
    refreshTitle();
    refreshFreshness();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildAlerts()
{
    const SituationStore *store = m_models.store;
    const models::ProviderNamer namer = models::providerNamer(*store);
    m_alertsPanel->setNamer(namer);
    m_announcer = std::make_unique<widgets::DesktopAnnouncer>(this);
    m_alarm = new widgets::CriticalAlarm(*store, m_announcer.get(), this);
    if (m_desk) {
        // Requests waiting for this console's approval: title, tray, status
        // bar, and a sound muted with the critical alerts'.
        m_approvals = new widgets::ApprovalNotifier(*store, m_announcer.get(), this, this);
        m_approvals->setNamer(namer);
        m_approvals->setUser(m_options.connection.user);
        m_approvals->setMuted(m_alarm->isMuted());
        connect(m_alarm, &widgets::CriticalAlarm::mutedChanged, m_approvals, &widgets::ApprovalNotifier::setMuted);
        statusBar()->addWidget(m_approvals->statusLabel(), 2);
        connect(m_approvals, &widgets::ApprovalNotifier::waitingChanged, this, &MainWindow::refreshTitle);
        connect(m_approvals, &widgets::ApprovalNotifier::announced, this, [this] {
            m_pendingDock->show();
            m_pendingDock->raise();
        });
    }
    // A new critical alert brings the alerts to the front (a tab on the laptop layout).
    connect(m_alarm, &widgets::CriticalAlarm::announced, this, [this] {
        if (isReadingLayout(m_layout))
            return;  // no docks: the wall and the briefing say it themselves
        m_alertsDock->show();
        m_alertsDock->raise();
    });
    if (isReadingLayout(m_layout)) {
        m_alertsPanel->setWallMode(true);
        return;
    }
    m_alertsPanel->setMuteAction(m_alarm->muteAction());
    if (m_layout != Layout::Desktop)
        return;  // the laptop layout reads; it does not act
    m_alertDesk = new widgets::AlertDesk(*store, this, this);
    m_alertDesk->setNamer(namer);
    m_alertsPanel->setDesk(m_alertDesk);
    connect(store, &SituationStore::linkChanged, m_alertsPanel, &widgets::AlertsPanel::refreshButtons);
    connect(m_alertsPanel->runbookPane(), &widgets::RunbookPane::stepRequested, this,
            [this](const QString &alertId, const models::RunbookStep &step, const QString &summary) {
                if (!m_desk)
                    return;
                const QString reason = tr("Runbook step for alert %1: %2").arg(alertId, summary);
                if (!m_desk->proposeRunbookStep(step, reason)) {
                    m_alertsPanel->showNotice(m_desk->lastNotice(), true);
                    return;
                }
                m_alertsPanel->showNotice(tr("%1: confirm it in the dialog; the acknowledgement will record it.").arg(summary), false);
                connect(m_desk->activeDialog(), &QDialog::accepted, m_alertDesk,
                        [desk = m_alertDesk, alertId, summary] { desk->recordStep(alertId, summary); });
            });
}

void MainWindow::showSettingsProblem(const QString &problem)
{
    m_banner->setSettingsProblem(problem);
}

void MainWindow::setAlarmAnnouncer(widgets::AlarmAnnouncer *announcer)
{
    m_alarm->setAnnouncer(announcer);
    if (m_approvals)
        m_approvals->setAnnouncer(announcer);
}

bool MainWindow::hasUnacknowledgedCritical() const
{
    for (const v1::Alert &a : m_models.store->alerts()) {
        if (a.severity() == v1::SEVERITY_CRITICAL
            && (a.state() == v1::ALERT_ACTIVE_UNACKED || a.state() == v1::ALERT_RTN_UNACKED))
            return true;
    }
    return false;
}

QDockWidget *MainWindow::addPanelDock(QWidget *panel, const QString &title, const QString &objectName)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    if (m_layout == Layout::Wall)
        dock->setFeatures(QDockWidget::NoDockWidgetFeatures);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    return dock;
}

void MainWindow::buildMenus()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : docks())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    if (m_alarm)
        view->addAction(m_alarm->muteAction());
    QAction *messages = view->addAction(tr("Recent &messages…"));
    messages->setObjectName(QStringLiteral("recentMessagesAction"));
    connect(messages, &QAction::triggered, m_notice, &widgets::StatusNotice::showHistory);
    QAction *reset = view->addAction(tr("&Reset layout"));
    connect(reset, &QAction::triggered, this, &MainWindow::resetLayout);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Sitroom"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Sitroom"),
                           tr("Sitroom %1: the situation-room console of the vaccine-reservation system.")
                               .arg(QApplication::applicationVersion()));
    });
}

QString MainWindow::settingsKey() const
{
    return QStringLiteral("layout/") + property("layoutMode").toString();
}

QList<QDockWidget *> MainWindow::docks() const
{
    QList<QDockWidget *> all{m_admissionDock, m_cohortDock, m_alertsDock};
    for (QDockWidget *dock : {m_pendingDock, m_auditDock}) {
        if (dock)
            all << dock;
    }
    return all;
}

void MainWindow::buildControls()
{
    m_desk = new widgets::ControlDesk(*m_models.store, this, this);
    m_auditModel = new models::AuditModel(*m_models.store, this);
    m_pending = new widgets::PendingApprovalsPanel(*m_models.store, models::providerNamer(*m_models.store), this);
    m_pending->setUser(m_options.connection.user);
    m_audit = new widgets::AuditPanel(m_auditModel, *m_models.store, this);
    // The control desk: the room in command and its handover above the requests waiting.
    m_room = new widgets::CommandRoomPanel(*m_models.store, this);
    auto *desk = new QWidget(this);
    auto *deskLayout = new QVBoxLayout(desk);
    deskLayout->setContentsMargins(0, 0, 0, 0);
    deskLayout->addWidget(m_room);
    deskLayout->addWidget(m_pending, 1);
    m_pendingDock = addPanelDock(desk, tr("Pending approvals"), QStringLiteral("pendingDock"));
    m_auditDock = addPanelDock(m_audit, tr("Audit timeline"), QStringLiteral("auditDock"));
    // The stage of this console's last command in the live system, beside the news.
    m_stage = new widgets::CommandStageLabel(*m_models.store, this);
    m_stage->setMayVanish(true);  // the notice and the audit say it too
    statusBar()->addWidget(m_stage, 1);
    connect(m_desk, &widgets::ControlDesk::commandSent, m_stage, &widgets::CommandStageLabel::track);

    widgets::ThrottleControl *throttle = m_admission->throttleControl();
    connect(throttle, &widgets::ThrottleControl::rateRequested, m_desk, &widgets::ControlDesk::proposeRate);
    connect(throttle, &widgets::ThrottleControl::pauseRequested, m_desk, &widgets::ControlDesk::proposePause);
    connect(throttle, &widgets::ThrottleControl::resumeRequested, m_desk, &widgets::ControlDesk::proposeResume);
    // The next 30 minutes on the waiting room's charts while the confirmation
    // is open: after the desk's connections, so its dialog exists.
    auto *preview = new widgets::ThrottlePreview(*m_models.store, this);
    m_admission->attachPreview(preview);
    preview->follow(throttle, m_desk);
    connect(m_board, &widgets::ProviderBoard::providerEnabledRequested, m_desk,
            &widgets::ControlDesk::proposeProviderEnabled);
    connect(m_pending, &widgets::PendingApprovalsPanel::approveRequested, m_desk,
            &widgets::ControlDesk::proposeApproval);
    connect(m_room, &widgets::CommandRoomPanel::handoverRequested, m_desk, &widgets::ControlDesk::proposeHandover);
    connect(m_room, &widgets::CommandRoomPanel::handoverAnswered, m_desk, &widgets::ControlDesk::proposeHandoverAnswer);
    connect(m_room, &widgets::CommandRoomPanel::takeCommandRequested, m_desk, &widgets::ControlDesk::proposeTakeCommand);
    connect(m_desk, &widgets::ControlDesk::noticeChanged, m_notice, &widgets::StatusNotice::say);
    const SituationStore *store = m_models.store;
    connect(store, &SituationStore::linkChanged, this, &MainWindow::refreshControls);
    connect(store, &SituationStore::controlChanged, this, &MainWindow::refreshControls);
    const auto countPending = [this] {
        const int n = m_models.store->control().pending_size() + (m_models.store->control().has_handover() ? 1 : 0);
        m_pendingDock->setWindowTitle(n > 0 ? tr("Pending approvals (%1)").arg(n) : tr("Pending approvals"));
    };
    connect(store, &SituationStore::controlChanged, this, countPending);
    // A handover this console's room must answer brings the control desk forward, once.
    connect(store, &SituationStore::controlChanged, this, [this, shown = std::string()]() mutable {
        const v1::ControlState &control = m_models.store->control();
        const std::string waiting = control.has_handover() && models::handoverRights(*m_models.store).answer
            ? control.handover().request_id() : std::string();
        if (!waiting.empty() && waiting != shown)
            m_pendingDock->raise();
        shown = waiting;
    });
    refreshControls();
}

void MainWindow::refreshControls()
{
    if (!m_desk)
        return;
    const auto role = m_models.store->role();
    const bool live = m_models.store->isLive();
    const bool operates = role == v1::ROLE_OPERATOR || role == v1::ROLE_SUPERVISOR;
    m_admission->throttleControl()->setVisible(operates);
    m_admission->throttleControl()->setEnabled(operates && live);
    m_board->setProviderActions(role == v1::ROLE_SUPERVISOR, live);
}

void MainWindow::resetLayout()
{
    if (isReadingLayout(m_layout)) {
        // The wall and the briefing are whole designs of their own: no docks.
        for (QDockWidget *dock : docks())
            dock->hide();
        return;
    }
    for (QDockWidget *dock : docks()) {
        dock->setFloating(false);
        dock->show();
        removeDockWidget(dock);
    }
    // Split first, then tabify: splitting a tabbed dock would pull it out again.
    addDockWidget(Qt::BottomDockWidgetArea, m_admissionDock);
    splitDockWidget(m_admissionDock, m_cohortDock, Qt::Horizontal);
    if (m_layout == Layout::Compact) {
        tabifyDockWidget(m_cohortDock, m_alertsDock);
    } else {
        splitDockWidget(m_cohortDock, m_alertsDock, Qt::Horizontal);
    }
    // The controls' docks are tabs behind the alerts: there when needed, the
    // board's proportions unchanged.
    for (QDockWidget *dock : {m_pendingDock, m_auditDock}) {
        if (dock) {
            tabifyDockWidget(m_alertsDock, dock);
            dock->show();
        }
    }
    m_admissionDock->show();
    m_cohortDock->show();
    m_alertsDock->show();
    m_alertsDock->raise();
    m_cohortDock->raise();
    const int width = std::max(this->width(), 900);
    if (m_layout == Layout::Compact)
        resizeDocks({m_admissionDock, m_cohortDock}, {width / 2, width / 2}, Qt::Horizontal);
    else
        // The alerts get the widest share: the list with its runbook beside it.
        resizeDocks({m_admissionDock, m_cohortDock, m_alertsDock}, {width * 27 / 100, width * 31 / 100, width * 42 / 100}, Qt::Horizontal);
    // The board keeps its natural height; the panels get the rest.
    const int boardHeight = m_board->sizeHint().height() + (m_banner->isVisible() ? m_banner->sizeHint().height() : 0);
    resizeDocks({m_admissionDock}, {std::max(300, this->height() - boardHeight - 90)}, Qt::Vertical);
}

void MainWindow::applyLayout()
{
    const bool compact = m_layout == Layout::Compact;
    m_board->setColumns(5);
    m_admission->setCompact(compact);
    m_cohortPanel->setCompact(compact);
    QSettings settings;
    const QByteArray state = settings.value(settingsKey() + QStringLiteral("/state")).toByteArray();
    if (!isReadingLayout(m_layout) && !state.isEmpty() && restoreState(state))
        return;
    // Dock sizes only apply once the window has its size.
    resetLayout();
    QTimer::singleShot(0, this, &MainWindow::resetLayout);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!isReadingLayout(m_layout)) {
        QSettings settings;
        settings.setValue(settingsKey() + QStringLiteral("/state"), saveState());
        settings.setValue(settingsKey() + QStringLiteral("/geometry"), saveGeometry());
    }
    QMainWindow::closeEvent(event);
}

QList<widgets::StaleOverlay *> MainWindow::staleOverlays() const
{
    QList<widgets::StaleOverlay *> overlays{m_board->staleOverlay(), m_admission->staleOverlay(),
                                            m_cohortPanel->staleOverlay(), m_alertsPanel->staleOverlay()};
    if (m_wall)
        overlays << m_wall->staleOverlay();
    if (m_briefing)
        overlays << m_briefing->staleOverlay();
    return overlays;
}

void MainWindow::buildReadingView(QVBoxLayout *box)
{
    // The desk's board and docks stay built (their accessors hold) but hidden.
    m_board->hide();
    if (m_layout == Layout::Wall) {
        // Read from across the room: nothing on the wall under 28 px, and no
        // status bar of small print (the wall board shows the live clock).
        QFont f = font();
        f.setPixelSize(std::max(widgets::kWallMinimumPx, QFontInfo(f).pixelSize()));
        setFont(f);
        // Widgets the theme polished already (the drill banner, the central
        // widget) keep the font they had then: raise them too.
        for (QWidget *w : findChildren<QWidget *>()) {
            if (QFontInfo(w->font()).pixelSize() < widgets::kWallMinimumPx) {
                QFont g = w->font();
                g.setPixelSize(widgets::kWallMinimumPx);
                w->setFont(g);
            }
        }
        m_wall = new widgets::WallBoard(*m_models.store, m_models.providers, m_models.cohorts, this);
        box->addWidget(m_wall, 1);
        statusBar()->hide();
        return;
    }
    m_briefing = new widgets::BriefingView(*m_models.store, m_models.providers, m_models.cohorts, this);
    box->addWidget(m_briefing, 1);
}

void MainWindow::refreshFreshness()
{
    const SituationStore &store = *m_models.store;
    const bool stale = store.isStale();
    const QString caption = stale ? (store.ageMs() < 0 ? tr("No data yet")
                                                       : tr("Stale: last update %1").arg(widgets::ageText(store.ageMs())))
                                  : QString();
    for (widgets::StaleOverlay *overlay : staleOverlays())
        overlay->setStale(stale, caption);
    refreshTitle();
}

void MainWindow::refreshTitle()
{
    const SituationStore &store = *m_models.store;
    const QString scenario = models::localText(store.configuration().scenario_name());
    m_scenario->setText(scenario.isEmpty() ? QString() : tr("Live system: %1").arg(scenario));
    const QString source = widgets::ConnectionStatus::sourceWords(store.source());
    const QString readFrom = source.isEmpty() ? QString() : tr("Read from: %1").arg(source);
    m_scenario->setToolTip(QStringList{m_scenario->text(), readFrom}.join(u'\n').trimmed());
    QString title = tr("Sitroom situation board · %1").arg(models::SiteNames::name(m_options.connection.site));
    if (m_alarm && hasUnacknowledgedCritical())
        title = tr("[CRITICAL ALERT] ") + title;
    if (m_approvals)
        title = m_approvals->titlePrefix() + title;
    if (store.isStale())
        title = tr("[STALE] ") + title;
    setWindowTitle(title);
}

} // namespace sitroom::console
