#pragma once

#include <QWidget>

#include <vector>

class QLabel;
class QTableView;

namespace sitroom::models {
class CohortModel;
class SituationStore;
struct TimeSample;
}

namespace sitroom::widgets {

class RotationCalendar;
class StaleNote;
class StaleOverlay;
class TimeSeriesChart;

// Booking progress per cohort window, today's birth-date group, bookings per
// minute against the expected surge envelope (40 % of the day in the first
// 30 minutes), where the window is heading, when today's group would be fully
// booked at the current rate, and the day of each group's turn in the
// 10-day rotation.
class CohortPanel final : public QWidget
{
    Q_OBJECT

public:
    CohortPanel(sitroom::models::CohortModel *cohorts, const sitroom::models::SituationStore &store,
                QWidget *parent = nullptr);

    void setCompact(bool compact);   // hides the table of all windows
    StaleOverlay *staleOverlay() const { return m_stale; }
    QString todayText() const;
    QString projectionText() const;
    QString progressText() const;
    // "완료 예상: …": when every eligible citizen of today's group is booked at
    // the current rate, or "추정 불가" and why.
    QString completionText() const;
    RotationCalendar *rotationCalendar() const { return m_rotation; }
    StaleNote *staleNote() const { return m_figuresNote; }

private:
    void refresh();
    void refreshChart();
    void refreshCompletion(int row);

    sitroom::models::CohortModel *m_cohorts;
    const sitroom::models::SituationStore &m_store;
    QLabel *m_today;
    QLabel *m_progress;
    QLabel *m_projection;
    QLabel *m_completion;
    RotationCalendar *m_rotation;
    StaleNote *m_figuresNote;
    QTableView *m_table;
    TimeSeriesChart *m_chart;
    StaleOverlay *m_stale;
    std::vector<sitroom::models::TimeSample> m_perMinute;  // completed minutes of the current window
    qint64 m_scanOpenMs = -1;         // the window m_perMinute belongs to
    qint64 m_scanFirstMs = -1;        // the history's first sample when it was summed
    qint64 m_scanNextMinuteMs = 0;    // start of the first minute not yet complete
    std::vector<sitroom::models::TimeSample> m_envelopeLow;
    std::vector<sitroom::models::TimeSample> m_envelopeHigh;
    std::vector<sitroom::models::TimeSample> m_envelope;
};

} // namespace sitroom::widgets
