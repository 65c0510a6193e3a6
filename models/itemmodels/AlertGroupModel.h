#pragma once

#include <QAbstractItemModel>
#include <QHash>

#include <vector>

namespace sitroom::models {

class AlertModel;

// The flood view (ISA-18.2: a flood is summarised, not listed): alerts grouped
// by the engine's flood_group (their source when it names none), one parent
// row per group with its count and worst severity, its alerts as children.
//
// The order is stable, so nothing moves under the operator's cursor: the
// group holding the first-out alert on top with that alert leading it, then
// the groups in the order their first alert arrived; within a group, alerts
// in the order they arrived. A new alert is inserted (at its group's end, or
// a new group at the end), a changed one changed in place, a cleared one
// removed; only a new first-out moves, to the top. The model is reset only
// when the alert list is: the view's selection and expansion survive a busy
// night.
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
        quintptr serial = 0;          // its children's internalId: stable while the group moves
        QString key;
        std::vector<QString> ids;     // alert ids, in the order shown
        int worstSeverity = 0;
        int unacked = 0;
        bool hasFirstOut = false;
        qint64 newestMs = 0;
    };
    struct Wanted
    {
        QString id;
        QString group;
        bool firstOut = false;
        qint64 raisedMs = 0;
    };

    void follow();
    std::vector<Wanted> wanted() const;
    int groupRow(quintptr serial) const;
    int groupRowOfKey(const QString &key) const;
    void appendGroup(const QString &key);
    void moveGroup(int from, int to);
    void moveChild(int fromGroup, int fromRow, int toGroup, int toRow);
    void refreshAggregates();

    AlertModel *m_alerts;
    std::vector<Group> m_groups;
    QHash<QString, int> m_rowOf;      // alert id → AlertModel row, as of the last change
    quintptr m_nextSerial = 1;
};

} // namespace sitroom::models
