#pragma once

#include <QAbstractTableModel>

namespace sitroom::models {

class SituationStore;

// Active alerts as the live system reports them (read-only in the console for
// now; acknowledging and shelving arrive with the alert engine). Sorting by
// severity then time is a QSortFilterProxyModel's job over RawValueRole.
class AlertModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Severity, Raised, Source, Message, State, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        IdRole,
        KeyRole,
        SeverityRole,   // sitroom::v1::Severity as int
        StateRole,      // sitroom::v1::AlertState as int
        RunbookRole,
        FirstOutRole,
    };

    explicit AlertModel(const SituationStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEnglishMessages(bool english);

private:
    void reload();

    const SituationStore &m_store;
    bool m_english = false;
    int m_rows = 0;
};

} // namespace sitroom::models
