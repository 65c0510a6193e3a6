#pragma once

#include <QAbstractItemModel>

#include <vector>

namespace sitroom::models {

class AlertModel;

// The flood view (ISA-18.2: a flood is summarised, not listed): alerts grouped
// by the engine's flood_group (their source when it names none), one parent
// row per group with its count and worst severity, its alerts as children.
// The group holding the first-out alert comes first and that alert leads its
// group; then groups by worst severity and size. Rebuilt (reset) when the
// alert list moves: at most a few times a second, and the view re-expands.
class AlertGroupModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        IsGroupRole = Qt::UserRole + 100,
        CountRole,        // alerts in the group (group rows)
        UnackedRole,      // of which unacknowledged
        SourceRowRole,    // the row in the AlertModel (alert rows)
    };

    explicit AlertGroupModel(AlertModel *alerts, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int groupCount() const { return int(m_groups.size()); }
    // The AlertModel row behind an alert index; -1 for a group row.
    int sourceRow(const QModelIndex &index) const;
    QModelIndex indexOfAlert(const QString &id) const;

private:
    struct Group
    {
        QString key;
        std::vector<int> rows;   // AlertModel rows, first-out first
        int worstSeverity = 0;
        int unacked = 0;
        bool hasFirstOut = false;
        qint64 newestMs = 0;
    };
    void rebuild();

    AlertModel *m_alerts;
    std::vector<Group> m_groups;
};

} // namespace sitroom::models
