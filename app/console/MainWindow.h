#pragma once

#include "app/console/ConsoleOptions.h"
#include "widgets/status/StatusNotice.h"

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QVBoxLayout;

namespace sitroom::models {
class AlertModel;
class AuditModel;
class CohortModel;
class ProviderModel;
class SituationStore;
}

namespace sitroom::widgets {
class AdmissionPanel;
class AlarmAnnouncer;
class ApprovalNotifier;
class AlertDesk;
class AlertsPanel;
class CriticalAlarm;
class AuditPanel;
class CohortPanel;
class CommandStageLabel;
class ConnectionStatus;
class ControlDesk;
class PendingApprovalsPanel;
class CommandRoomPanel;
class ProviderBoard;
class StaleBanner;
class StaleOverlay;
class WallBoard;
class BriefingView;
}

namespace sitroom::console {

// The situation board: provider tiles across the top, the waiting room,
// cohort progress and alerts in docks below; a stale banner no one can miss;
// the status bar with server, site, user, round-trip time and data age. Dock
// layout is saved per layout (desktop, compact, wall) and restored.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    struct Models
    {
        sitroom::models::SituationStore *store;
        sitroom::models::ProviderModel *providers;
        sitroom::models::CohortModel *cohorts;
        sitroom::models::AlertModel *alerts;
    };

    MainWindow(const Models &models, const ConsoleOptions &options, Layout layout, QWidget *parent = nullptr);
    ~MainWindow() override;

    Layout layoutMode() const { return m_layout; }
    void resetLayout();
    QList<sitroom::widgets::StaleOverlay *> staleOverlays() const;

    sitroom::widgets::ProviderBoard *providerBoard() const { return m_board; }
    sitroom::widgets::AdmissionPanel *admissionPanel() const { return m_admission; }
    sitroom::widgets::CohortPanel *cohortPanel() const { return m_cohortPanel; }
    sitroom::widgets::AlertsPanel *alertsPanel() const { return m_alertsPanel; }
    sitroom::widgets::StaleBanner *staleBanner() const { return m_banner; }
    sitroom::widgets::ConnectionStatus *connectionStatus() const { return m_status; }
    // The wall's own design and the ministry briefing; nullptr on other layouts.
    sitroom::widgets::WallBoard *wallBoard() const { return m_wall; }
    sitroom::widgets::BriefingView *briefingView() const { return m_briefing; }
    // Operator controls; all nullptr on a wall, which shows no controls.
    sitroom::widgets::ControlDesk *controlDesk() const { return m_desk; }
    sitroom::widgets::PendingApprovalsPanel *pendingPanel() const { return m_pending; }
    sitroom::widgets::CommandRoomPanel *commandRoomPanel() const { return m_room; }
    sitroom::widgets::AuditPanel *auditPanel() const { return m_audit; }
    // The status bar's news (commands and their answers, others' changes, a
    // move to another gateway), with its history; on every layout.
    sitroom::widgets::StatusNotice *controlNotice() const { return m_notice; }
    // The stage of this console's last command in the live system.
    sitroom::widgets::CommandStageLabel *commandStage() const { return m_stage; }
    // Alerts: acknowledging and shelving (desktop layout only; nullptr on the
    // wall and the laptop layout, which are read-only) and the critical alarm.
    sitroom::widgets::AlertDesk *alertDesk() const { return m_alertDesk; }
    sitroom::widgets::CriticalAlarm *criticalAlarm() const { return m_alarm; }
    // Requests waiting for this console's approval; nullptr on a wall.
    sitroom::widgets::ApprovalNotifier *approvalNotifier() const { return m_approvals; }
    // A setting that keeps the console from connecting (an address that does
    // not parse), said where the link's state would be: the stale banner.
    void showSettingsProblem(const QString &problem);
    // Replaces how new critical alerts are announced (tests count them).
    void setAlarmAnnouncer(sitroom::widgets::AlarmAnnouncer *announcer);
    bool hasUnacknowledgedCritical() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QDockWidget *addPanelDock(QWidget *panel, const QString &title, const QString &objectName);
    void buildMenus();
    void applyLayout();
    void refreshFreshness();
    void refreshTitle();
    void buildControls();
    void buildAlerts();
    void buildReadingView(QVBoxLayout *box);
    void refreshControls();
    QList<QDockWidget *> docks() const;
    QString settingsKey() const;

    Models m_models;
    ConsoleOptions m_options;
    Layout m_layout;
    sitroom::widgets::StaleBanner *m_banner;
    sitroom::widgets::ProviderBoard *m_board;
    sitroom::widgets::AdmissionPanel *m_admission;
    sitroom::widgets::CohortPanel *m_cohortPanel;
    sitroom::widgets::AlertsPanel *m_alertsPanel;
    sitroom::widgets::ConnectionStatus *m_status;
    sitroom::widgets::ElidedLabel *m_scenario;
    sitroom::widgets::StatusNotice *m_notice;
    sitroom::widgets::WallBoard *m_wall = nullptr;
    sitroom::widgets::BriefingView *m_briefing = nullptr;
    QDockWidget *m_admissionDock = nullptr;
    QDockWidget *m_cohortDock = nullptr;
    QDockWidget *m_alertsDock = nullptr;
    sitroom::models::AuditModel *m_auditModel = nullptr;
    sitroom::widgets::ControlDesk *m_desk = nullptr;
    sitroom::widgets::PendingApprovalsPanel *m_pending = nullptr;
    sitroom::widgets::CommandRoomPanel *m_room = nullptr;
    sitroom::widgets::AuditPanel *m_audit = nullptr;
    sitroom::widgets::CommandStageLabel *m_stage = nullptr;
    QDockWidget *m_pendingDock = nullptr;
    QDockWidget *m_auditDock = nullptr;
    sitroom::widgets::AlertDesk *m_alertDesk = nullptr;
    sitroom::widgets::CriticalAlarm *m_alarm = nullptr;
    sitroom::widgets::ApprovalNotifier *m_approvals = nullptr;
    std::unique_ptr<sitroom::widgets::AlarmAnnouncer> m_announcer;
};

} // namespace sitroom::console
