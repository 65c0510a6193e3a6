#include "server/source/SimulationSource.h"

#include "server/gateway/Gateway.h"
#include "server/gateway/GatewayLog.h"

namespace sitroom::source {

SimulationSource::SimulationSource(sim::Simulation &simulation, gateway::Gateway &gateway, double speed, int tickHz,
                                   QObject *parent)
    : QObject(parent)
    , m_simulation(simulation)
    , m_gateway(gateway)
    , m_speed(speed)
    , m_clock(simulation, speed, tickHz)
    , m_history(simulation)
{
    connect(&m_clock, &sim::SimulationClock::stepped, this, [this] { m_history.append(m_simulation.state()); });
    connect(&m_clock, &sim::SimulationClock::tick, this, &SimulationSource::publish);
    connect(&m_clock, &sim::SimulationClock::finished, this, [this] {
        publish();
        m_gateway.setSourceIdle(true);
        emit finished();
    });
}

void SimulationSource::start(std::int64_t fastForwardS)
{
    while (!m_simulation.finished() && m_simulation.state().elapsedS < fastForwardS) {
        m_simulation.step();
        m_history.append(m_simulation.state());
    }
    sitroom::v1::Configuration configuration = sim::configurationOf(m_simulation, m_speed);
    configuration.set_source(sourceName(m_simulation.scenario().id).toStdString());
    m_gateway.setConfiguration(configuration);
    m_gateway.setControlState(sim::controlStateOf(m_simulation));
    publish();
    m_clock.start();
}

void SimulationSource::applyControl(const sitroom::v1::ControlState &control)
{
    std::vector<sim::Simulation::ProviderSwitch> providers;
    for (const auto &p : control.providers())
        providers.push_back({QString::fromStdString(p.id()), p.enabled(), int(p.ramp_s())});
    for (const auto &p : m_simulation.applyControls(control.admission_rate_per_s(), control.admission_paused(), providers))
        qCInfo(gateway::lcGateway).noquote() << "simulated provider" << p.id << (p.enabled ? "enabled" : "disabled");
}

void SimulationSource::publish()
{
    m_gateway.publishTick(sim::systemStateOf(m_simulation), m_history.take());
    emit published();
}

} // namespace sitroom::source
