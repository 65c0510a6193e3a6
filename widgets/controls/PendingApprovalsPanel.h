#pragma once

#include "widgets/controls/ControlWords.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// Changes waiting for approval, shown to everyone: hazardous ones, and any
// from a room not in command. A supervisor of the room in command other than
// the requester gets an Approve button; the others read why it waits.
class PendingApprovalsPanel final : public QWidget
{
    Q_OBJECT

public:
    PendingApprovalsPanel(const sitroom::models::SituationStore &store, ProviderNamer namer,
                          QWidget *parent = nullptr);

    // The signed-in user's name (Welcome.user, else the command line's).
    void setUser(const QString &user);
    QTableWidget *table() const { return m_table; }
    int approvableCount() const;

signals:
    void approveRequested(const QString &requestId, const QString &description);

private:
    void refresh();
    void refreshDeadlines();

    const sitroom::models::SituationStore &m_store;
    ProviderNamer m_namer;
    QString m_user;
    QLabel *m_empty;
    QTableWidget *m_table;
};

} // namespace sitroom::widgets
