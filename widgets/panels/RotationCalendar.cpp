#include "widgets/panels/RotationCalendar.h"

#include "models/itemmodels/CohortModel.h"

#include <QDate>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace sitroom::widgets {

using sitroom::models::CohortModel;

namespace {
// Today's day stands out by a frame and weight, not by colour alone; the
// blue is the console's "information" colour, not an alarm's.
const QString kTodayStyle = QStringLiteral(
    "QLabel { background: #dbe8f7; border: 2px solid #1565c0; font-weight: bold; padding: 1px 4px; }");
const QString kDayStyle = QStringLiteral("QLabel { border: 1px solid #b0b0b0; padding: 1px 4px; }");
} // namespace

RotationCalendar::RotationCalendar(QAbstractItemModel *cohorts, QWidget *parent)
    : QWidget(parent)
    , m_cohorts(cohorts)
    , m_grid(new QGridLayout(this))
{
    setObjectName(QStringLiteral("rotationCalendar"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(2);
    m_grid->setVerticalSpacing(0);
    connect(cohorts, &QAbstractItemModel::modelReset, this, &RotationCalendar::rebuild);
    connect(cohorts, &QAbstractItemModel::rowsInserted, this, &RotationCalendar::rebuild);
    connect(cohorts, &QAbstractItemModel::rowsRemoved, this, &RotationCalendar::rebuild);
    // Midnight on the live clock moves "today": the model says so with every tick.
    connect(cohorts, &QAbstractItemModel::dataChanged, this, &RotationCalendar::refreshToday);
    rebuild();
}

int RotationCalendar::dayCount() const
{
    return int(m_dates.size());
}

QString RotationCalendar::digitsText(int day) const
{
    return m_digits.value(day);
}

QString RotationCalendar::dateText(int day) const
{
    return m_dates.value(day);
}

int RotationCalendar::todayIndex() const
{
    return m_today;
}

void RotationCalendar::rebuild()
{
    qDeleteAll(m_days);
    m_days.clear();
    m_digits.clear();
    m_dates.clear();
    m_today = -1;
    const QLocale locale; // the console's language: "8/9 (월)"
    for (int row = 0; row < m_cohorts->rowCount(); ++row) {
        const QModelIndex index = m_cohorts->index(row, CohortModel::Name);
        const auto digits = index.data(CohortModel::BirthDigitsRole).value<QList<int>>();
        if (digits.isEmpty())
            continue;
        QStringList words;
        for (int d : digits)
            words << QString::number(d);
        const QDate day = index.data(CohortModel::WindowDayRole).toDate();
        m_digits << tr("Ends in %1", "birth-date last digits of a rotation day").arg(words.join(u'·'));
        m_dates << locale.toString(day, QStringLiteral("M/d (ddd)"));
        auto *label = new QLabel(m_digits.last() + u'\n' + m_dates.last(), this);
        label->setAlignment(Qt::AlignCenter);
        label->setToolTip(index.data().toString());
        m_grid->addWidget(label, 0, int(m_days.size()));
        m_days << label;
    }
    m_shownToday = -2;
    setVisible(!m_days.isEmpty());
    refreshToday();
}

void RotationCalendar::refreshToday()
{
    int today = -1;
    int day = 0;
    for (int row = 0; row < m_cohorts->rowCount() && day < m_days.size(); ++row) {
        const QModelIndex index = m_cohorts->index(row, CohortModel::Name);
        if (index.data(CohortModel::BirthDigitsRole).value<QList<int>>().isEmpty())
            continue;
        if (today < 0 && index.data(CohortModel::TodayRole).toBool())
            today = day;
        ++day;
    }
    if (today == m_shownToday)
        return;
    m_today = m_shownToday = today;
    for (int i = 0; i < m_days.size(); ++i) {
        m_days[i]->setStyleSheet(i == today ? kTodayStyle : kDayStyle);
        m_days[i]->setAccessibleDescription(i == today ? tr("today") : QString());
    }
}

} // namespace sitroom::widgets
