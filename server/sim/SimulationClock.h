#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <cstdint>

namespace sitroom::sim {

class Simulation;

// Drives a simulation on a virtual clock: simulated time runs at `speed`
// times wall time, whole simulated seconds are stepped as they fall due, and
// `tick` is emitted tickHz times a wall-clock second for the telemetry.
class SimulationClock final : public QObject
{
    Q_OBJECT

public:
    SimulationClock(Simulation &simulation, double speed, int tickHz, QObject *parent = nullptr);

    void start();
    double speed() const { return m_speed; }
    // The virtual clock now (between steps it runs ahead of the last step).
    std::int64_t virtualNowMs() const;

signals:
    void stepped();        // after each simulated second
    void tick();           // at the tick rate, after the steps that fell due
    void finished();       // the scenario's duration has run out

private:
    void advance();

    Simulation &m_simulation;
    double m_speed;
    QTimer m_timer;
    QElapsedTimer m_wall;
    std::int64_t m_startElapsedS = 0;
    bool m_finished = false;
};

} // namespace sitroom::sim
