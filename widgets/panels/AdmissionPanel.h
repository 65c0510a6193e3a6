#pragma once

#include <QWidget>

class QLabel;

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

struct ControlOrigin;
class StaleNote;
class StaleOverlay;
class ThrottleControl;
class ThrottlePreview;
class TimeSeriesChart;

// The waiting room (대기열): how many wait, arrivals against admissions per
// second, the wait a citizen is shown, the throttle and whether admission is
// paused; the last hour as charts.
class AdmissionPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit AdmissionPanel(const sitroom::models::SituationStore &store, QWidget *parent = nullptr);

    void setCompact(bool compact);   // one chart instead of two
    StaleOverlay *staleOverlay() const { return m_stale; }
    // Hidden until the window shows it for an operator or supervisor.
    ThrottleControl *throttleControl() const { return m_throttleControl; }
    QString queueText() const;
    QString flowText() const;
    QString throttleText() const;
    StaleNote *staleNote() const { return m_figuresNote; }
    // The throttle preview's projection continues the queue, arrival, admitted and throttle lines.
    void attachPreview(ThrottlePreview *preview);
    TimeSeriesChart *queueChart() const { return m_queueChart; }
    TimeSeriesChart *flowChart() const { return m_flowChart; }

private:
    void refresh();
    void refreshCharts();
    // Who put the controls in force and when it was heard, for the throttle.
    ControlOrigin controlOrigin() const;

    const sitroom::models::SituationStore &m_store;
    QLabel *m_queue;
    QLabel *m_wait;
    QLabel *m_flow;
    QLabel *m_throttle;
    QLabel *m_paused;
    StaleNote *m_figuresNote;
    ThrottleControl *m_throttleControl;
    TimeSeriesChart *m_queueChart;
    TimeSeriesChart *m_flowChart;
    StaleOverlay *m_stale;
};

} // namespace sitroom::widgets
