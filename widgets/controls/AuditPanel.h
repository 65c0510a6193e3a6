#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace sitroom::models {
class AuditModel;
class SituationStore;
}

namespace sitroom::widgets {

// The audit timeline, newest first, with an export to CSV.
class AuditPanel final : public QWidget
{
    Q_OBJECT

public:
    AuditPanel(sitroom::models::AuditModel *model, const sitroom::models::SituationStore &store,
               QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QPushButton *exportButton() const { return m_export; }
    // Writes the store's audit as CSV; on failure returns false and says why.
    bool exportTo(const QString &path, QString *error = nullptr) const;

private:
    void chooseFile();

    const sitroom::models::SituationStore &m_store;
    sitroom::models::AuditModel *m_model;
    QTableView *m_view;
    QPushButton *m_export;
    QLabel *m_result;
};

} // namespace sitroom::widgets
