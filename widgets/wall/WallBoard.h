#pragma once

#include <QWidget>

#include <vector>

namespace sitroom::models {
class CohortModel;
class ProviderModel;
class SituationStore;
}

namespace sitroom::widgets {

class LiveClockLabel;
class StaleOverlay;
class WallAlarm;
class WallFigure;
class WallLight;

// The situation room's wall screen, designed to be read from across the room
// at 1920×1080: the providers' public lights, huge, across the top; the queue,
// the wait and the bookings against the surge envelope as headline figures;
// the standing critical alerts with the worst one's title; the live system's
// clock. No tables and no controls; no text under 28 px. Figures that are not
// live read "–" with the stale strip; the whole board is hatched over while
// the data is stale (staleOverlay(), driven by the window as for every panel).
class WallBoard final : public QWidget
{
    Q_OBJECT

public:
    WallBoard(const sitroom::models::SituationStore &store, sitroom::models::ProviderModel *providers,
              sitroom::models::CohortModel *cohorts, QWidget *parent = nullptr);

    int lightCount() const { return int(m_lights.size()); }
    WallLight *light(int i) const { return m_lights.at(std::size_t(i)); }
    WallFigure *queueFigure() const { return m_queue; }
    WallFigure *waitFigure() const { return m_wait; }
    WallFigure *bookingsFigure() const { return m_bookings; }
    WallAlarm *alarm() const { return m_alarm; }
    StaleOverlay *staleOverlay() const { return m_stale; }

private:
    void rebuildLights();
    void refreshLights();
    void refreshFigures();
    void refreshAlarm();

    const sitroom::models::SituationStore &m_store;
    sitroom::models::ProviderModel *m_providers;
    sitroom::models::CohortModel *m_cohorts;
    QWidget *m_lightRow;
    std::vector<WallLight *> m_lights;
    WallFigure *m_queue;
    WallFigure *m_wait;
    WallFigure *m_bookings;
    WallAlarm *m_alarm;
    LiveClockLabel *m_clock;
    StaleOverlay *m_stale;
};

} // namespace sitroom::widgets
