#pragma once

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace sitroom::models {
class AlertModel;
}

namespace sitroom::widgets {

class StaleOverlay;

// Active alerts, most severe first, then newest: severity as colour and
// symbol and word. Read-only for now (acknowledge and shelve arrive with the
// alert engine).
class AlertsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit AlertsPanel(sitroom::models::AlertModel *alerts, QWidget *parent = nullptr);

    StaleOverlay *staleOverlay() const { return m_stale; }
    QTableView *view() const { return m_view; }

private:
    void refresh();

    sitroom::models::AlertModel *m_alerts;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_view;
    QLabel *m_empty;
    StaleOverlay *m_stale;
};

} // namespace sitroom::widgets
