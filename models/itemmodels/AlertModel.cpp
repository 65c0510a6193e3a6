#include "AlertModel.h"

#include "situation/SituationStore.h"

namespace sitroom::models {

AlertModel::AlertModel(const SituationStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(&store, &SituationStore::alertsChanged, this, &AlertModel::reload);
    reload();
}

void AlertModel::reload()
{
    // The alert list changes rarely and wholesale (a snapshot): reset.
    beginResetModel();
    m_rows = int(m_store.alerts().size());
    endResetModel();
}

void AlertModel::setEnglishMessages(bool english)
{
    m_english = english;
    if (m_rows > 0)
        emit dataChanged(index(0, Message), index(m_rows - 1, Message), {Qt::DisplayRole});
}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int AlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || std::size_t(index.row()) >= m_store.alerts().size())
        return {};
    const sitroom::v1::Alert &a = m_store.alerts()[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case RawValueRole:
        switch (index.column()) {
        case Severity: return int(a.severity());
        case Raised: return qint64(a.raised_ms());
        case Source: return QString::fromStdString(a.source());
        case Message: return QString::fromStdString(m_english ? a.message().en() : a.message().ko());
        case State: return int(a.state());
        default: return {};
        }
    case IdRole: return QString::fromStdString(a.id());
    case KeyRole: return QString::fromStdString(a.key());
    case SeverityRole: return int(a.severity());
    case StateRole: return int(a.state());
    case RunbookRole: return QString::fromStdString(a.runbook());
    case FirstOutRole: return a.first_out();
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
