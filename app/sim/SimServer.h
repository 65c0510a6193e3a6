#pragma once

#include "app/sim/RunReport.h"
#include "app/sim/SimOptions.h"

#include "server/gateway/Gateway.h"
#include "server/metrics/MetricsEndpoint.h"
#include "server/sim/Simulation.h"
#include "server/source/SimulationSource.h"

#include <QObject>

namespace sitroom::simapp {

using sitroom::sim::Simulation;

// Serving mode, the short-hand for `sitroom-gateway --source sim:`: the
// gateway with the simulation in process (source::SimulationSource), plus
// what only the simulator does: /metrics if asked, a status line now and
// then, and the report written when the run ends or the process is told to
// stop.
class SimServer final : public QObject
{
    Q_OBJECT

public:
    SimServer(Simulation &simulation, const SimOptions &options, QObject *parent = nullptr);

    // Loads the users file and the state directory. False with a message (a
    // bad users file names its line and the reason).
    bool openControls(QString *error);
    // The state directory held controls: they win over --admission-rate and
    // --disable-provider.
    bool hasStoredControls() const { return m_gateway.hasStoredControlState(); }
    bool start(QString *error);
    // Writes the report if asked for and not yet written. False on a write error.
    bool finishReport();
    quint16 port() const { return m_gateway.serverPort(); }
    // The /metrics port (--metrics-listen), 0 when not serving metrics.
    quint16 metricsPort() const { return m_metrics ? m_metrics->serverPort() : 0; }

private:
    void published();
    void logStatus();
    void onFinished();

    Simulation &m_simulation;
    SimOptions m_options;
    gateway::Gateway m_gateway;
    source::SimulationSource m_source;
    metrics::MetricsEndpoint *m_metrics = nullptr;  // only with --metrics-listen
    std::int64_t m_metricsRenderedS = -1;
    RunReport m_report;
    std::int64_t m_lastStatusS = -1;
};

} // namespace sitroom::simapp
