#include "AlertGroupModel.h"

#include "AlertModel.h"

#include <QHash>

#include <algorithm>

namespace sitroom::models {

namespace {
constexpr quintptr kGroupLevel = 0;  // internalId of group rows; alert rows hold group + 1
}

AlertGroupModel::AlertGroupModel(AlertModel *alerts, QObject *parent)
    : QAbstractItemModel(parent)
    , m_alerts(alerts)
{
    connect(alerts, &QAbstractItemModel::modelReset, this, &AlertGroupModel::rebuild);
    connect(alerts, &QAbstractItemModel::layoutChanged, this, &AlertGroupModel::rebuild);
    connect(alerts, &QAbstractItemModel::rowsInserted, this, &AlertGroupModel::rebuild);
    connect(alerts, &QAbstractItemModel::rowsRemoved, this, &AlertGroupModel::rebuild);
    connect(alerts, &QAbstractItemModel::rowsMoved, this, &AlertGroupModel::rebuild);
    connect(alerts, &QAbstractItemModel::dataChanged, this, &AlertGroupModel::rebuild);
    rebuild();
}

void AlertGroupModel::rebuild()
{
    beginResetModel();
    m_groups.clear();
    QHash<QString, std::size_t> byKey;
    for (int row = 0; row < m_alerts->rowCount(); ++row) {
        const QModelIndex i = m_alerts->index(row, 0);
        const QString key = i.data(AlertModel::GroupRole).toString();
        auto it = byKey.constFind(key);
        if (it == byKey.constEnd()) {
            it = byKey.insert(key, m_groups.size());
            m_groups.push_back(Group{key, {}, 0, 0, false, 0});
        }
        Group &g = m_groups[*it];
        const bool firstOut = i.data(AlertModel::FirstOutRole).toBool();
        if (firstOut) {
            g.rows.insert(g.rows.begin(), row);
            g.hasFirstOut = true;
        } else {
            g.rows.push_back(row);
        }
        g.worstSeverity = std::max(g.worstSeverity, i.data(AlertModel::SeverityRole).toInt());
        g.newestMs = std::max<qint64>(g.newestMs, m_alerts->index(row, AlertModel::Raised).data(AlertModel::RawValueRole).toLongLong());
        const int state = i.data(AlertModel::StateRole).toInt();
        if (state == 1 /* ALERT_ACTIVE_UNACKED */ || state == 3 /* ALERT_RTN_UNACKED */)
            ++g.unacked;
    }
    std::stable_sort(m_groups.begin(), m_groups.end(), [](const Group &a, const Group &b) {
        if (a.hasFirstOut != b.hasFirstOut)
            return a.hasFirstOut;
        if (a.worstSeverity != b.worstSeverity)
            return a.worstSeverity > b.worstSeverity;
        if (a.rows.size() != b.rows.size())
            return a.rows.size() > b.rows.size();
        return a.newestMs > b.newestMs;
    });
    endResetModel();
}

QModelIndex AlertGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupLevel);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex AlertGroupModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupLevel);
}

int AlertGroupModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != kGroupLevel || parent.column() != 0)
        return 0;
    return int(m_groups[std::size_t(parent.row())].rows.size());
}

int AlertGroupModel::columnCount(const QModelIndex &) const
{
    return AlertModel::ColumnCount;
}

int AlertGroupModel::sourceRow(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kGroupLevel)
        return -1;
    const Group &g = m_groups[std::size_t(index.internalId() - 1)];
    return g.rows[std::size_t(index.row())];
}

QModelIndex AlertGroupModel::indexOfAlert(const QString &id) const
{
    const int row = m_alerts->rowOf(id);
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        const auto &rows = m_groups[g].rows;
        const auto at = std::find(rows.begin(), rows.end(), row);
        if (at != rows.end())
            return index(int(at - rows.begin()), 0, index(int(g), 0));
    }
    return {};
}

QVariant AlertGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() != kGroupLevel) {
        if (role == IsGroupRole)
            return false;
        const int row = sourceRow(index);
        if (role == SourceRowRole)
            return row;
        return m_alerts->index(row, index.column()).data(role);
    }
    const Group &g = m_groups[std::size_t(index.row())];
    const QModelIndex lead = m_alerts->index(g.rows.front(), index.column());
    switch (role) {
    case IsGroupRole: return true;
    case CountRole: return int(g.rows.size());
    case UnackedRole: return g.unacked;
    case AlertModel::SeverityRole: return g.worstSeverity;
    case AlertModel::GroupRole:
    case AlertModel::SourceRole: return g.key;
    case AlertModel::FirstOutRole: return g.hasFirstOut;
    case Qt::DisplayRole:
    case AlertModel::RawValueRole:
        switch (index.column()) {
        case AlertModel::Severity: return g.worstSeverity;
        case AlertModel::Raised: return g.newestMs;
        case AlertModel::Source: return g.key;
        case AlertModel::Message: return lead.data(role);  // the leading (first-out) alert's message
        case AlertModel::State: return g.unacked;
        default: return {};
        }
    default:
        return {};
    }
}

QVariant AlertGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_alerts->headerData(section, orientation, role);
}

} // namespace sitroom::models
