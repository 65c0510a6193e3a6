#include "models/itemmodels/ProviderModel.h"

#include "models/situation/SituationStore.h"
#include "models/words/DisplayLanguage.h"

#include <algorithm>

namespace sitroom::models {

ProviderModel::ProviderModel(const SituationStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(&store, &SituationStore::configurationChanged, this, &ProviderModel::reset);
    connect(&store, &SituationStore::stateChanged, this, &ProviderModel::refresh);
    connect(&store, &SituationStore::controlChanged, this, &ProviderModel::refreshControl);
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

void ProviderModel::refreshControl()
{
    // Only a change to the providers' switches is news for the rows (most
    // control changes are rates and approvals).
    std::string switches;
    for (const auto &p : m_store.control().providers())
        switches += p.SerializeAsString();
    if (switches == m_controlSwitches)
        return;
    m_controlSwitches = std::move(switches);
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, Name), index(rowCount() - 1, Name));
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

QVariant ProviderModel::controlValue(int row, int role) const
{
    const std::string id = m_ids.at(row).toStdString();
    const sitroom::v1::ProviderControl *found = nullptr;
    for (const auto &p : m_store.control().providers()) {
        if (p.id() == id)
            found = &p;
    }
    if (!found)
        return {};
    const sitroom::v1::ProviderControl &p = *found;
    const bool switched = !p.switched_by().user().empty();
    // Ramping back: re-enabled with a ramp, on the live system's clock.
    const qint64 now = m_store.state().sim_time_ms();
    const qint64 rampEnd = p.switched_at_ms() + qint64(p.ramp_s()) * 1000;
    const bool ramping = p.enabled() && p.ramp_s() > 0 && p.switched_at_ms() > 0 && now < rampEnd;
    switch (role) {
    case SwitchedByRole: return switched ? QVariant(QString::fromStdString(p.switched_by().user())) : QVariant();
    case SwitchedSiteRole: return switched ? QVariant(p.switched_by().site()) : QVariant();
    case SwitchedReasonRole: return switched ? QVariant(QString::fromStdString(p.switched_by().reason())) : QVariant();
    case ApprovedByRole:
        return p.approved_by().user().empty() ? QVariant() : QVariant(QString::fromStdString(p.approved_by().user()));
    case SwitchedAtRole: return p.switched_at_ms() > 0 ? QVariant(qint64(p.switched_at_ms())) : QVariant();
    case DisabledUntilRole: return p.enabled() ? QVariant() : QVariant(qint64(p.disabled_until_ms()));
    case RampProgressRole:
        return ramping ? QVariant(std::clamp(double(now - p.switched_at_ms()) / (p.ramp_s() * 1000.0), 0.0, 1.0))
                       : QVariant();
    case RampEndRole: return ramping ? QVariant(rampEnd) : QVariant();
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
            return localText(config.name());
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
    case SimpleAuthRole:
        return config.simple_auth();
    case CapacityRole:
        return config.capacity_per_s();
    case HasDataRole:
        return at >= 0;
    case SwitchedByRole:
    case SwitchedSiteRole:
    case SwitchedReasonRole:
    case ApprovedByRole:
    case SwitchedAtRole:
    case DisabledUntilRole:
    case RampProgressRole:
    case RampEndRole:
        return controlValue(row, role);
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
    names.insert(SwitchedByRole, "switchedBy");
    names.insert(SwitchedReasonRole, "switchedReason");
    names.insert(DisabledUntilRole, "disabledUntil");
    names.insert(RampProgressRole, "rampProgress");
    return names;
}

} // namespace sitroom::models
