#pragma once

#include "server/sim/Simulation.h"

#include "sitroom/v1/telemetry.pb.h"
#include "sitroom/v1/control.pb.h"

namespace sitroom::sim {

// Maps the simulation onto the wire protocol's telemetry messages. The
// gateway never sees simulator types: this is the adapter a real data source
// would replace.
sitroom::v1::Configuration configurationOf(const Simulation &simulation, double speed);
sitroom::v1::SystemState systemStateOf(const Simulation &simulation);
sitroom::v1::ControlState controlStateOf(const Simulation &simulation);
sitroom::v1::Light lightOf(Light light);

// Collects one sample per simulated second into History columns until taken.
class HistoryRecorder final
{
public:
    explicit HistoryRecorder(const Simulation &simulation);

    void append(const SimulationState &state);
    bool isEmpty() const { return m_history.queue_depth_size() == 0; }
    // The samples since the last take, leaving the recorder empty.
    sitroom::v1::History take();

private:
    void reset();

    std::vector<QString> m_providerIds;
    sitroom::v1::History m_history;
};

} // namespace sitroom::sim
