#include "server/sim/SimulationClock.h"

#include "server/sim/Simulation.h"

#include <algorithm>
#include <cmath>

namespace sitroom::sim {

namespace {
// A tick never steps more than this many simulated seconds, so that a huge
// speed cannot starve the event loop (the clock then runs behind, visibly).
constexpr std::int64_t kMaxStepsPerTick = 20000;
}

SimulationClock::SimulationClock(Simulation &simulation, double speed, int tickHz, QObject *parent)
    : QObject(parent)
    , m_simulation(simulation)
    , m_speed(speed)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(std::max(1, 1000 / std::clamp(tickHz, 1, 1000)));
    connect(&m_timer, &QTimer::timeout, this, &SimulationClock::advance);
}

void SimulationClock::start()
{
    // The clock runs on from wherever the simulation stands (it may have been
    // fast-forwarded before serving).
    m_startElapsedS = m_simulation.state().elapsedS;
    m_wall.start();
    m_timer.start();
}

std::int64_t SimulationClock::virtualNowMs() const
{
    const std::int64_t startMs = m_simulation.state().timeMs - m_simulation.state().elapsedS * 1000;
    const std::int64_t endMs = startMs + m_simulation.scenario().durationS * 1000;
    if (!m_wall.isValid())
        return startMs;
    const auto elapsed = std::int64_t(double(m_wall.elapsed()) * m_speed);
    // Never ahead of the next step, never past the end.
    return std::min({startMs + m_startElapsedS * 1000 + elapsed, m_simulation.state().timeMs + 999, endMs});
}

void SimulationClock::advance()
{
    const auto dueS = m_startElapsedS + std::int64_t(std::floor(double(m_wall.elapsed()) * m_speed / 1000.0));
    std::int64_t steps = 0;
    while (!m_simulation.finished() && m_simulation.state().elapsedS < dueS && steps < kMaxStepsPerTick) {
        m_simulation.step();
        ++steps;
        emit stepped();
    }
    emit tick();
    if (m_simulation.finished() && !m_finished) {
        m_finished = true;
        m_timer.stop();
        emit finished();
    }
}

} // namespace sitroom::sim
