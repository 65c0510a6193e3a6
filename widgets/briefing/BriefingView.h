#pragma once

#include <QTimer>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace sitroom::models {
class CohortModel;
class ProviderModel;
class SituationStore;
}

namespace sitroom::widgets {

class StaleOverlay;
class TimeSeriesChart;

// The ministry briefing: read-only, for officials on a laptop. It leads with
// a plain-language summary written from the data (models/BriefingSummary:
// what happened since the window opened, what stands now), then the key
// figures (the providers' lights in words and shapes, the queue and its wait,
// the bookings against the forecast, the critical alerts) and two charts
// (bookings per second and people waiting, since half an hour before the
// opening). No buttons, no editors, no menus: nothing here acts.
class BriefingView final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kSummaryIntervalMs = 1000;   // the summary is rewritten at most this often

    BriefingView(const sitroom::models::SituationStore &store, sitroom::models::ProviderModel *providers,
                 sitroom::models::CohortModel *cohorts, QWidget *parent = nullptr);

    QString summaryText() const;
    QStringList storySentences() const { return m_story; }
    QStringList nowSentences() const { return m_now; }
    QString figuresText() const;
    StaleOverlay *staleOverlay() const { return m_stale; }
    // Rewrites the summary now (it otherwise follows the data once a second).
    void refreshSummary();

private:
    void scheduleSummary();
    void refreshFigures();
    void refreshCharts();

    const sitroom::models::SituationStore &m_store;
    sitroom::models::ProviderModel *m_providers;
    sitroom::models::CohortModel *m_cohorts;
    QLabel *m_heading;
    QLabel *m_summary;
    QLabel *m_lights;
    QLabel *m_queue;
    QLabel *m_bookings;
    QLabel *m_alerts;
    TimeSeriesChart *m_bookingsChart;
    TimeSeriesChart *m_queueChart;
    StaleOverlay *m_stale;
    QTimer m_summaryTimer;
    QStringList m_story;
    QStringList m_now;
};

} // namespace sitroom::widgets
