#pragma once

#include "widgets/controls/ControlWords.h"

#include <QTimeZone>
#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;
class QTreeView;

namespace sitroom::models {
class AlertGroupModel;
class AlertModel;
class SituationStore;
}

namespace sitroom::widgets {

class AlarmLoadMeter;
class AlertDelegate;
class AlertDesk;
class RunbookPane;
class StaleOverlay;

// The alerts dock: the alarm-load meter (starts per 10 minutes, standing,
// unacknowledged); the list, most severe first then
// newest (severity as shape, word and colour; time; source; message; state in
// words) — in a flood the grouped view by source with counts and the
// first-out alert first; the selected alert's details and its runbook beside
// it. With a desk (desktop layout) operators acknowledge, shelve and
// unshelve; without one (wall, laptop) it is read-only. Problems are said in
// the notice line, never in a modal box.
class AlertsPanel final : public QWidget
{
    Q_OBJECT

public:
    AlertsPanel(sitroom::models::AlertModel *alerts, const sitroom::models::SituationStore &store,
                QWidget *parent = nullptr);

    void setDesk(AlertDesk *desk);      // nullptr: read-only
    void setNamer(ProviderNamer namer);
    void setWallMode(bool wall);        // no runbook, no buttons: the list and the meter
    void setMuteAction(QAction *mute);  // the critical-alert sound's mute toggle

    StaleOverlay *staleOverlay() const { return m_stale; }
    QTableView *view() const { return m_table; }
    QTreeView *groupedView() const { return m_tree; }
    bool isGrouped() const;
    RunbookPane *runbookPane() const { return m_runbook; }
    AlarmLoadMeter *meter() const { return m_meter; }
    QPushButton *ackButton() const { return m_ack; }
    QPushButton *shelveButton() const { return m_shelve; }
    QPushButton *unshelveButton() const { return m_unshelve; }
    QToolButton *groupButton() const { return m_group; }
    QLabel *notice() const { return m_notice; }
    QLabel *details() const { return m_details; }

    QString selectedAlertId() const { return m_selected; }
    bool selectAlert(const QString &id);
    void showNotice(const QString &text, bool problem);
    void refreshButtons();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void refresh();
    void refreshView();
    void refreshMeter();
    void onCurrentChanged(const QModelIndex &current);
    void restoreSelection();
    // The alert a console starts on: the top of what it shows (the first
    // group's leading alert, the first out once named, in the grouped view;
    // the most severe and newest in the table).
    QString topAlertShown() const;
    void refreshDetails();

    sitroom::models::AlertModel *m_alerts;
    const sitroom::models::SituationStore &m_store;
    sitroom::models::AlertGroupModel *m_groups;
    AlertDesk *m_desk = nullptr;
    AlertDelegate *m_delegate;
    QTimeZone m_zone; // the live system's
    AlarmLoadMeter *m_meter;
    QLabel *m_floodNote;
    QPushButton *m_ack;
    QPushButton *m_shelve;
    QPushButton *m_unshelve;
    QToolButton *m_group;
    QToolButton *m_mute = nullptr;
    QSplitter *m_splitter;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QTableView *m_table;
    QTreeView *m_tree;
    QLabel *m_details;
    RunbookPane *m_runbook;
    QLabel *m_notice;
    StaleOverlay *m_stale;
    QString m_selected;
    bool m_restoring = false;
    // In a flood, until the operator picks an alert, the choice follows the
    // first out (which the engine may name after the flood has begun).
    bool m_followFirstOut = false;
    bool m_wall = false;

};

} // namespace sitroom::widgets
