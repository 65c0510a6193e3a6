#include "models/itemmodels/CohortModel.h"

#include "models/situation/SituationStore.h"
#include "models/words/DisplayLanguage.h"

#include "domain/LiveClock.h"

namespace sitroom::models {

CohortModel::CohortModel(const SituationStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(&store, &SituationStore::configurationChanged, this, &CohortModel::reset);
    connect(&store, &SituationStore::stateChanged, this, &CohortModel::refresh);
    reset();
}

int CohortModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int CohortModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void CohortModel::reset()
{
    beginResetModel();
    m_ids.clear();
    for (const auto &c : m_store.configuration().cohorts())
        m_ids.append(QString::fromStdString(c.id()));
    mapStateRows();
    endResetModel();
}

void CohortModel::mapStateRows()
{
    const auto &cohorts = m_store.state().cohorts();
    QList<int> index(m_ids.size(), -1);
    for (int i = 0; i < cohorts.size(); ++i) {
        const int row = int(m_ids.indexOf(QString::fromStdString(cohorts.Get(i).id())));
        if (row >= 0)
            index[row] = i;
    }
    m_stateIndex = index;
}

void CohortModel::refresh()
{
    mapStateRows();
    if (!m_ids.isEmpty())
        emit dataChanged(this->index(0, 0), this->index(rowCount() - 1, ColumnCount - 1));
}

CohortModel::WindowStatus CohortModel::status(int row) const
{
    const auto &c = m_store.configuration().cohorts(row);
    const qint64 now = m_store.state().sim_time_ms();
    if (now < c.window_open_ms())
        return WindowStatus::Upcoming;
    return now < c.window_close_ms() ? WindowStatus::Open : WindowStatus::Closed;
}

QDate CohortModel::windowDay(int row) const
{
    const sitroom::domain::LiveClock clock(QString::fromStdString(m_store.configuration().timezone()));
    return clock.at(m_store.configuration().cohorts(row).window_open_ms()).date();
}

QDate CohortModel::today() const
{
    if (!m_store.hasSnapshot())
        return {};
    const sitroom::domain::LiveClock clock(QString::fromStdString(m_store.configuration().timezone()));
    return clock.at(m_store.state().sim_time_ms()).date();
}

int CohortModel::currentRow() const
{
    int next = -1;
    for (int row = 0; row < m_ids.size(); ++row) {
        const WindowStatus s = status(row);
        if (s == WindowStatus::Open)
            return row;
        if (s == WindowStatus::Upcoming
            && (next < 0 || m_store.configuration().cohorts(row).window_open_ms()
                               < m_store.configuration().cohorts(next).window_open_ms()))
            next = row;
    }
    return next;
}

QVariant CohortModel::raw(int row, int column) const
{
    const auto &config = m_store.configuration().cohorts(row);
    const int at = m_stateIndex.value(row, -1);
    const double booked = at < 0 ? 0.0 : double(m_store.state().cohorts(at).booked());
    switch (column) {
    case Name: return m_ids.at(row);
    case Booked: return at < 0 ? QVariant() : QVariant(qulonglong(booked));
    case Eligible: return qulonglong(config.eligible());
    case Progress: return at < 0 || config.eligible() == 0 ? QVariant() : QVariant(booked / double(config.eligible()));
    case BookingsPerMinute: return at < 0 ? QVariant() : QVariant(m_store.state().cohorts(at).bookings_per_min());
    case Window: return int(status(row));
    default: return {};
    }
}

bool CohortModel::isBookedStale(int row) const
{
    return row >= 0 && row < m_ids.size() && m_store.isFigureStale(figure::cohortBooked(m_ids.at(row)));
}

QVariant CohortModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const auto &config = m_store.configuration().cohorts(row);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Name)
            return localText(config.name());
        if ((index.column() == Booked || index.column() == Progress || index.column() == BookingsPerMinute)
            && isBookedStale(row))
            return {};
        return raw(row, index.column());
    case BookedStaleRole:
        return isBookedStale(row);
    case RawValueRole:
        return raw(row, index.column());
    case IdRole:
        return m_ids.at(row);
    case OpenRole:
        return status(row) == WindowStatus::Open;
    case WindowOpenMsRole:
        return qint64(config.window_open_ms());
    case WindowCloseMsRole:
        return qint64(config.window_close_ms());
    case WindowDayRole:
        return windowDay(row);
    case TodayRole:
        return windowDay(row) == today();
    case BirthDigitsRole: {
        QList<int> digits;
        for (auto d : config.birth_digits())
            digits.append(int(d));
        return QVariant::fromValue(digits);
    }
    default:
        return {};
    }
}

QVariant CohortModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    switch (section) {
    case Name: return tr("Cohort");
    case Booked: return tr("Booked");
    case Eligible: return tr("Eligible");
    case Progress: return tr("Progress");
    case BookingsPerMinute: return tr("Bookings/min");
    case Window: return tr("Window");
    default: return {};
    }
}

} // namespace sitroom::models
