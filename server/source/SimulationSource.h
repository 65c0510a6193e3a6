#pragma once

#include "server/gateway/ControlTarget.h"

#include "server/sim/SimTelemetry.h"
#include "server/sim/Simulation.h"
#include "server/sim/SimulationClock.h"

#include <QObject>

namespace sitroom::gateway {
class Gateway;
}

namespace sitroom::source {

// The simulation in the gateway's own process (`--source sim:SCENARIO`): the
// simulated live system on its virtual clock, each tick pushed into the
// gateway, the operators' controls applied from the simulation's next step.
class SimulationSource final : public QObject, public gateway::ControlTarget
{
    Q_OBJECT

public:
    SimulationSource(sim::Simulation &simulation, gateway::Gateway &gateway, double speed, int tickHz,
                     QObject *parent = nullptr);

    // Simulates fastForwardS at once (their history still reaches consoles),
    // publishes the configuration, the starting controls and the first state,
    // then runs the clock.
    void start(std::int64_t fastForwardS);
    void applyControl(const sitroom::v1::ControlState &control) override;

    static QString sourceName(const QString &scenarioId) { return QStringLiteral("sim:") + scenarioId; }

signals:
    void published();
    void finished();

private:
    void publish();

    sim::Simulation &m_simulation;
    gateway::Gateway &m_gateway;
    double m_speed;
    sim::SimulationClock m_clock;
    sim::HistoryRecorder m_history;
};

} // namespace sitroom::source
