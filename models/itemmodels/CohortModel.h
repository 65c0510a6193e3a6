#pragma once

#include <QAbstractTableModel>
#include <QDate>

namespace sitroom::models {

class SituationStore;

// Booking windows of the cohorts (for the 10-day rotation, one row per
// birth-date digit group), in the configuration's order.
class CohortModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Booked, Eligible, Progress, BookingsPerMinute, Window, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        IdRole,
        OpenRole,
        WindowOpenMsRole,
        WindowCloseMsRole,
        BirthDigitsRole,   // QList<int>
        // The cohort's bookings are not live (the source could not read them):
        // DisplayRole gives no value for the figures built on them; RawValueRole
        // keeps the last one for sorting.
        BookedStaleRole,
        // The calendar day the window opens on, on the live system's clock
        // (QDate): the day of the group's turn in the 10-day rotation.
        WindowDayRole,
        // Whether that day is today on the live system's clock.
        TodayRole,
    };
    enum class WindowStatus { Upcoming, Open, Closed };

    explicit CohortModel(const SituationStore &store, QObject *parent = nullptr);

    bool isBookedStale(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The window open now, or else the next to open; -1 when none.
    int currentRow() const;
    WindowStatus status(int row) const;
    QDate windowDay(int row) const;
    QDate today() const;  // on the live system's clock

private:
    void reset();
    void refresh();
    void mapStateRows();
    QVariant raw(int row, int column) const;

    const SituationStore &m_store;
    QStringList m_ids;
    QList<int> m_stateIndex;
};

} // namespace sitroom::models
