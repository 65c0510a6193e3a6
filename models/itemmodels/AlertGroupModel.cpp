#include "models/itemmodels/AlertGroupModel.h"

#include "models/itemmodels/AlertModel.h"
#include "models/alerts/AlarmLoad.h"

#include <QSet>

#include <algorithm>

namespace sitroom::models {

namespace {
constexpr quintptr kGroupLevel = 0;  // internalId of group rows; alert rows hold their group's serial
}

AlertGroupModel::AlertGroupModel(AlertModel *alerts, QObject *parent)
    : QAbstractItemModel(parent)
    , m_alerts(alerts)
{
    // Even a new snapshot is followed row by row: the alerts that stay keep their places.
    connect(alerts, &QAbstractItemModel::modelReset, this, &AlertGroupModel::follow);
    connect(alerts, &QAbstractItemModel::layoutChanged, this, &AlertGroupModel::follow);
    connect(alerts, &QAbstractItemModel::rowsInserted, this, &AlertGroupModel::follow);
    connect(alerts, &QAbstractItemModel::rowsRemoved, this, &AlertGroupModel::follow);
    connect(alerts, &QAbstractItemModel::rowsMoved, this, &AlertGroupModel::follow);
    connect(alerts, &QAbstractItemModel::dataChanged, this, &AlertGroupModel::follow);
    follow();
}

std::vector<AlertGroupModel::Wanted> AlertGroupModel::wanted() const
{
    std::vector<Wanted> want;
    want.reserve(std::size_t(m_alerts->rowCount()));
    for (int row = 0; row < m_alerts->rowCount(); ++row) {
        const QModelIndex i = m_alerts->index(row, 0);
        want.push_back(Wanted{i.data(AlertModel::IdRole).toString(), i.data(AlertModel::GroupRole).toString(),
                              i.data(AlertModel::FirstOutRole).toBool(),
                              m_alerts->index(row, AlertModel::Raised).data(AlertModel::RawValueRole).toLongLong()});
    }
    // The order of arrival: where new groups and alerts are placed.
    std::sort(want.begin(), want.end(), [](const Wanted &a, const Wanted &b) {
        return a.raisedMs != b.raisedMs ? a.raisedMs < b.raisedMs : a.id < b.id;
    });
    return want;
}

int AlertGroupModel::groupRow(quintptr serial) const
{
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        if (m_groups[g].serial == serial)
            return int(g);
    }
    return -1;
}

int AlertGroupModel::groupRowOfKey(const QString &key) const
{
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        if (m_groups[g].key == key)
            return int(g);
    }
    return -1;
}

void AlertGroupModel::appendGroup(const QString &key)
{
    const int at = int(m_groups.size());
    beginInsertRows({}, at, at);
    Group g;
    g.serial = m_nextSerial++;
    g.key = key;
    m_groups.push_back(std::move(g));
    endInsertRows();
}

void AlertGroupModel::moveGroup(int from, int to)
{
    if (from == to)
        return;
    const bool ok = beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    Q_ASSERT(ok);
    Group moved = std::move(m_groups[std::size_t(from)]);
    m_groups.erase(m_groups.begin() + from);
    m_groups.insert(m_groups.begin() + to, std::move(moved));
    endMoveRows();
}

void AlertGroupModel::moveChild(int fromGroup, int fromRow, int toGroup, int toRow)
{
    const QModelIndex source = index(fromGroup, 0);
    const QModelIndex destination = index(toGroup, 0);
    // beginMoveRows counts the destination before the move.
    const int before = fromGroup == toGroup && toRow > fromRow ? toRow + 1 : toRow;
    if (fromGroup == toGroup && (toRow == fromRow))
        return;
    const bool ok = beginMoveRows(source, fromRow, fromRow, destination, before);
    Q_ASSERT(ok);
    auto &from = m_groups[std::size_t(fromGroup)].ids;
    QString id = std::move(from[std::size_t(fromRow)]);
    from.erase(from.begin() + fromRow);
    auto &to = m_groups[std::size_t(toGroup)].ids;
    to.insert(to.begin() + toRow, std::move(id));
    endMoveRows();
}

void AlertGroupModel::follow()
{
    const std::vector<Wanted> want = wanted();
    m_rowOf.clear();
    for (int row = 0; row < m_alerts->rowCount(); ++row)
        m_rowOf.insert(m_alerts->index(row, 0).data(AlertModel::IdRole).toString(), row);
    QHash<QString, const Wanted *> byId;
    for (const Wanted &w : want)
        byId.insert(w.id, &w);

    // Alerts gone from the list leave their group.
    for (int g = 0; g < int(m_groups.size()); ++g) {
        for (int r = int(m_groups[std::size_t(g)].ids.size()) - 1; r >= 0; --r) {
            if (byId.contains(m_groups[std::size_t(g)].ids[std::size_t(r)]))
                continue;
            beginRemoveRows(index(g, 0), r, r);
            m_groups[std::size_t(g)].ids.erase(m_groups[std::size_t(g)].ids.begin() + r);
            endRemoveRows();
        }
    }
    // New groups at the end, in the order their first alert arrived.
    for (const Wanted &w : want) {
        if (groupRowOfKey(w.group) < 0)
            appendGroup(w.group);
    }
    // Alerts regrouped by the engine (a flood begins or ends) and new alerts:
    // at their group's end, in the order they arrived.
    QHash<QString, int> placedIn;   // alert id → group row
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        for (const QString &id : m_groups[g].ids)
            placedIn.insert(id, int(g));
    }
    for (const Wanted &w : want) {
        const int target = groupRowOfKey(w.group);
        const auto at = placedIn.constFind(w.id);
        if (at == placedIn.constEnd()) {
            const int row = int(m_groups[std::size_t(target)].ids.size());
            beginInsertRows(index(target, 0), row, row);
            m_groups[std::size_t(target)].ids.push_back(w.id);
            endInsertRows();
        } else if (*at != target) {
            const auto &ids = m_groups[std::size_t(*at)].ids;
            const int row = int(std::find(ids.begin(), ids.end(), w.id) - ids.begin());
            moveChild(*at, row, target, int(m_groups[std::size_t(target)].ids.size()));
        }
    }
    // Groups left empty go.
    for (int g = int(m_groups.size()) - 1; g >= 0; --g) {
        if (!m_groups[std::size_t(g)].ids.empty())
            continue;
        beginRemoveRows({}, g, g);
        m_groups.erase(m_groups.begin() + g);
        endRemoveRows();
    }
    // The first-out alert leads its group, and its group leads the list: the
    // only moves, and only when the engine names a new first out.
    int firstOutGroup = -1;
    for (int g = 0; g < int(m_groups.size()); ++g) {
        const auto &ids = m_groups[std::size_t(g)].ids;
        const auto lead = std::find_if(ids.begin(), ids.end(), [&](const QString &id) { return byId.value(id)->firstOut; });
        if (lead == ids.end())
            continue;
        moveChild(g, int(lead - ids.begin()), g, 0);
        if (firstOutGroup < 0)
            firstOutGroup = g;
    }
    if (firstOutGroup > 0)
        moveGroup(firstOutGroup, 0);
    refreshAggregates();
}

void AlertGroupModel::refreshAggregates()
{
    for (Group &g : m_groups) {
        g.worstSeverity = 0;
        g.unacked = 0;
        g.hasFirstOut = false;
        g.newestMs = 0;
        for (const QString &id : g.ids) {
            const int row = m_rowOf.value(id, -1);
            const QModelIndex i = m_alerts->index(row, 0);
            g.worstSeverity = std::max(g.worstSeverity, i.data(AlertModel::SeverityRole).toInt());
            g.newestMs = std::max<qint64>(g.newestMs, m_alerts->index(row, AlertModel::Raised).data(AlertModel::RawValueRole).toLongLong());
            g.hasFirstOut = g.hasFirstOut || i.data(AlertModel::FirstOutRole).toBool();
            if (isUnacknowledged(i.data(AlertModel::StateRole).toInt()))
                ++g.unacked;
        }
    }
    if (m_groups.empty())
        return;
    // Counts, worst severity and the alerts' own figures may all have moved:
    // one dataChanged for the group rows and one for each group's alerts.
    const int last = AlertModel::ColumnCount - 1;
    emit dataChanged(index(0, 0), index(int(m_groups.size()) - 1, last));
    for (int g = 0; g < int(m_groups.size()); ++g) {
        const QModelIndex parent = index(g, 0);
        emit dataChanged(index(0, 0, parent), index(int(m_groups[std::size_t(g)].ids.size()) - 1, last, parent));
    }
}

QModelIndex AlertGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupLevel);
    return createIndex(row, column, m_groups[std::size_t(parent.row())].serial);
}

QModelIndex AlertGroupModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupLevel)
        return {};
    const int row = groupRow(child.internalId());
    return row < 0 ? QModelIndex() : createIndex(row, 0, kGroupLevel);
}

int AlertGroupModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != kGroupLevel || parent.column() != 0)
        return 0;
    return int(m_groups[std::size_t(parent.row())].ids.size());
}

int AlertGroupModel::columnCount(const QModelIndex &) const
{
    return AlertModel::ColumnCount;
}

int AlertGroupModel::sourceRow(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kGroupLevel)
        return -1;
    const int g = groupRow(index.internalId());
    if (g < 0 || index.row() >= int(m_groups[std::size_t(g)].ids.size()))
        return -1;
    return m_rowOf.value(m_groups[std::size_t(g)].ids[std::size_t(index.row())], -1);
}

QModelIndex AlertGroupModel::indexOfAlert(const QString &id) const
{
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        const auto &ids = m_groups[g].ids;
        const auto at = std::find(ids.begin(), ids.end(), id);
        if (at != ids.end())
            return index(int(at - ids.begin()), 0, index(int(g), 0));
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
        return row < 0 ? QVariant() : m_alerts->index(row, index.column()).data(role);
    }
    const Group &g = m_groups[std::size_t(index.row())];
    const QModelIndex lead = m_alerts->index(m_rowOf.value(g.ids.empty() ? QString() : g.ids.front(), -1), index.column());
    switch (role) {
    case IsGroupRole: return true;
    case CountRole: return int(g.ids.size());
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
