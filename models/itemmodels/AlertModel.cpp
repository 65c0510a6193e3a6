#include "models/itemmodels/AlertModel.h"

#include "models/situation/SituationStore.h"
#include "models/words/DisplayLanguage.h"

#include <algorithm>

namespace sitroom::models {

AlertModel::AlertModel(const SituationStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(&store, &SituationStore::alertsChanged, this, &AlertModel::reload);
    connect(&store, &SituationStore::alertEvent, this, &AlertModel::apply);
    reload();
}

bool AlertModel::sortsBefore(const sitroom::v1::Alert &a, const sitroom::v1::Alert &b)
{
    if (a.severity() != b.severity())
        return a.severity() > b.severity();
    if (a.raised_ms() != b.raised_ms())
        return a.raised_ms() > b.raised_ms();
    return a.id() < b.id();
}

void AlertModel::reload()
{
    // A snapshot replaces the whole picture: reset.
    beginResetModel();
    m_rows = m_store.alerts();
    std::stable_sort(m_rows.begin(), m_rows.end(), &AlertModel::sortsBefore);
    endResetModel();
}

int AlertModel::insertionRow(const sitroom::v1::Alert &alert) const
{
    return int(std::lower_bound(m_rows.begin(), m_rows.end(), alert, &AlertModel::sortsBefore) - m_rows.begin());
}

void AlertModel::apply(const sitroom::v1::AlertEvent &event)
{
    // The store decides what is still an alert (its add/remove rule, applied
    // before this event is emitted); this model only follows it row by row.
    const QString id = QString::fromStdString(event.alert().id());
    const int row = rowOf(id);
    const sitroom::v1::Alert *current = m_store.alert(id);
    if (!current) {
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
        return;
    }
    const sitroom::v1::Alert &alert = *current;
    if (row < 0) {
        const int at = insertionRow(alert);
        beginInsertRows({}, at, at);
        m_rows.insert(m_rows.begin() + at, alert);
        endInsertRows();
        return;
    }
    // Where it belongs among the others once it leaves its place.
    sitroom::v1::Alert old = std::move(m_rows[std::size_t(row)]);
    m_rows.erase(m_rows.begin() + row);
    const int target = insertionRow(alert);
    m_rows.insert(m_rows.begin() + row, std::move(old));
    if (target == row) {
        m_rows[std::size_t(row)] = alert;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // beginMoveRows counts the destination before the move.
    const int destination = target > row ? target + 1 : target;
    beginMoveRows({}, row, row, {}, destination);
    m_rows.erase(m_rows.begin() + row);
    m_rows.insert(m_rows.begin() + target, alert);
    endMoveRows();
    emit dataChanged(index(target, 0), index(target, ColumnCount - 1));
}

const sitroom::v1::Alert *AlertModel::alertAt(int row) const
{
    return row >= 0 && std::size_t(row) < m_rows.size() ? &m_rows[std::size_t(row)] : nullptr;
}

int AlertModel::rowOf(const QString &id) const
{
    const std::string key = id.toStdString();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id() == key)
            return int(i);
    }
    return -1;
}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const sitroom::v1::Alert &a = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case RawValueRole:
        switch (index.column()) {
        case Severity: return int(a.severity());
        case Raised: return qint64(a.raised_ms());
        case Source: return QString::fromStdString(a.source());
        case Message: return localText(a.message());
        case State: return int(a.state());
        default: return {};
        }
    case IdRole: return QString::fromStdString(a.id());
    case KeyRole: return QString::fromStdString(a.key());
    case SeverityRole: return int(a.severity());
    case StateRole: return int(a.state());
    case RunbookRole: return QString::fromStdString(a.runbook());
    case FirstOutRole: return a.first_out();
    case SourceRole: return QString::fromStdString(a.source());
    case GroupRole: return QString::fromStdString(a.flood_group().empty() ? a.source() : a.flood_group());
    case ActiveSeverityRole: return int(a.active_severity());
    case ShelvedUntilRole: return qint64(a.shelved_until_ms());
    default: return {};
    }
}

QVariant AlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    switch (section) {
    case Severity: return tr("Severity");
    case Raised: return tr("Time");
    case Source: return tr("Source");
    case Message: return tr("Message");
    case State: return tr("State");
    default: return {};
    }
}

} // namespace sitroom::models
