#pragma once

#include "domain/LiveClock.h"

#include <QLabel>

#include <string>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// The live system's clock, where no one can miss it (the right of the status
// bar): "운영 시스템 20:13:05 KST". When that clock is not the wall clock (a
// simulation at another speed, or one replaying another day), both are shown
// and named, so the two are never mixed unlabelled: "시뮬레이션 시각
// 20:13:05 KST · 실제 시각 14:02:11 KST · 30배속" ("Simulation 20:13:05 KST ·
// Wall clock 14:02:11 KST · 30×": short, for the status bar at 1366 px). While
// the data is stale it
// says the time is the last one received.
class LiveClockLabel final : public QLabel
{
    Q_OBJECT

public:
    // Further apart than this, the live system's clock is not the wall clock.
    static constexpr qint64 kSameClockToleranceMs = 5000;

    explicit LiveClockLabel(const sitroom::models::SituationStore &store, QWidget *parent = nullptr);

    // The simulation's clock and the wall clock are both on show.
    bool showsBothClocks() const { return m_both; }
    // Whether the live system's clock is not the wall clock (the label then
    // shows both): a simulation at another speed or on another day. A time
    // on the gateway's wall clock is then labelled as such.
    static bool clocksDiffer(const sitroom::models::SituationStore &store);
    // A time on the gateway's wall clock (a message's server time, a
    // deadline) in the live system's zone, said to be the gateway's clock
    // when the live system's runs apart from it: "20:05:12 KST (게이트웨이 시각)".
    static QString gatewayTimeText(const sitroom::models::SituationStore &store, qint64 gatewayMs);

private:
    void refresh();

    const sitroom::models::SituationStore &m_store;
    sitroom::domain::LiveClock m_clock;
    std::string m_zone;  // Configuration.timezone m_clock was made for
    bool m_both = false;
};

} // namespace sitroom::widgets
