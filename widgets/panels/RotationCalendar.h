#pragma once

#include <QWidget>

class QAbstractItemModel;
class QGridLayout;
class QLabel;

namespace sitroom::widgets {

// The 10-day rotation (10부제) as a row of days: each group's birth-date
// digits over the calendar day its window opens on the live system's clock
// ("끝자리 9" over "8/9 (월)"), today's day marked. Reads a CohortModel
// (BirthDigitsRole, WindowDayRole, TodayRole); hidden when no window is a
// rotation turn (a cohort booking all at once).
class RotationCalendar final : public QWidget
{
    Q_OBJECT

public:
    explicit RotationCalendar(QAbstractItemModel *cohorts, QWidget *parent = nullptr);

    int dayCount() const;
    QString digitsText(int day) const;
    QString dateText(int day) const;
    int todayIndex() const;   // -1 when today is no group's day

private:
    void rebuild();
    void refreshToday();

    QAbstractItemModel *m_cohorts;
    QGridLayout *m_grid;
    QList<QLabel *> m_days;
    QStringList m_digits;
    QStringList m_dates;
    int m_today = -1;
    int m_shownToday = -2;  // the day styled as today; -2 before any styling
};

} // namespace sitroom::widgets
