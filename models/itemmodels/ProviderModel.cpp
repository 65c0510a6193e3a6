#include "ProviderModel.h"

#include "situation/SituationStore.h"

namespace sitroom::models {

ProviderModel::ProviderModel(const SituationStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(&store, &SituationStore::configurationChanged, this, &ProviderModel::reset);
    connect(&store, &SituationStore::stateChanged, this, &ProviderModel::refresh);
    reset();
}

int ProviderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ProviderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ProviderModel::rowOf(const QString &providerId) const
{
    return int(m_ids.indexOf(providerId));
}

void ProviderModel::setEnglishNames(bool english)
{
    m_englishNames = english;
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, Name), index(rowCount() - 1, Name), {Qt::DisplayRole});
}

void ProviderModel::reset()
{
    beginResetModel();
    m_ids.clear();
    for (const auto &p : m_store.configuration().providers())
        m_ids.append(QString::fromStdString(p.id()));
    mapStateRows();
    endResetModel();
}

void ProviderModel::mapStateRows()
{
    // The state lists providers by id; map once per update, not per cell.
    const auto &providers = m_store.state().providers();
    QList<int> index(m_ids.size(), -1);
    for (int i = 0; i < providers.size(); ++i) {
        const int row = rowOf(QString::fromStdString(providers.Get(i).id()));
        if (row >= 0)
            index[row] = i;
    }
    m_stateIndex = index;
}

void ProviderModel::refresh()
{
    mapStateRows();
    if (!m_ids.isEmpty())
        emit dataChanged(this->index(0, 0), this->index(rowCount() - 1, ColumnCount - 1));
}

QVariant ProviderModel::raw(int row, int column) const
{
    const int at = m_stateIndex.value(row, -1);
    if (at < 0)
        return {};
    const auto &p = m_store.state().providers(at);
    switch (column) {
    case Name: return m_ids.at(row);
    case Light: return int(p.light());
    case P95Latency: return p.p95_latency_ms();
    case SuccessRate: return p.success_rate();
    case RequestsPerSecond: return p.requests_per_s();
    case Share: return p.share();
    case InFlight: return qulonglong(p.in_flight());
    default: return {};
    }
}

QVariant ProviderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const auto &config = m_store.configuration().providers(row);
    const int at = m_stateIndex.value(row, -1);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Name)
            return QString::fromStdString(m_englishNames ? config.name().en() : config.name().ko());
        if (index.column() == Light)
            return at < 0 ? QVariant() : QVariant(int(m_store.state().providers(at).light()));
        return raw(row, index.column());
    case RawValueRole:
        return raw(row, index.column());
    case IdRole:
        return m_ids.at(row);
    case LightRole:
        return at < 0 ? QVariant() : QVariant(int(m_store.state().providers(at).light()));
    case EnabledRole:
        return at < 0 ? QVariant() : QVariant(m_store.state().providers(at).enabled());
    case LightSinceRole:
        return at < 0 ? QVariant() : QVariant(qint64(m_store.state().providers(at).light_since_ms()));
    case NameKoRole:
        return QString::fromStdString(config.name().ko());
    case NameEnRole:
        return QString::fromStdString(config.name().en());
    case SimpleAuthRole:
        return config.simple_auth();
    case CapacityRole:
        return config.capacity_per_s();
    default:
        return {};
    }
}

QVariant ProviderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    switch (section) {
    case Name: return tr("Provider");
    case Light: return tr("Light");
    case P95Latency: return tr("p95 latency (ms)");
    case SuccessRate: return tr("Success rate");
    case RequestsPerSecond: return tr("Requests/s");
    case Share: return tr("Share of traffic");
    case InFlight: return tr("In line");
    default: return {};
    }
}

QHash<int, QByteArray> ProviderModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawValueRole, "rawValue");
    names.insert(IdRole, "providerId");
    names.insert(LightRole, "light");
    names.insert(EnabledRole, "enabled");
    names.insert(LightSinceRole, "lightSince");
    return names;
}

} // namespace sitroom::models
