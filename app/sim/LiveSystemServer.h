#pragma once

#include "app/sim/RunReport.h"
#include "app/sim/SimOptions.h"

#include "server/livesystem/LiveControlTarget.h"
#include "server/metrics/MetricsEndpoint.h"
#include "server/sim/Simulation.h"
#include "server/sim/SimulationClock.h"

#include <QObject>

namespace sitroom::livesystem {
class ControlEndpoint;
}

namespace sitroom::simapp {

// The simulator as a live system seen from outside (--control-listen): its
// figures on /metrics for a real Prometheus, its controls on the /control
// webhook for a separate sitroom-gateway, and no embedded gateway.
class LiveSystemServer final : public QObject, public livesystem::LiveControlTarget
{
    Q_OBJECT

public:
    LiveSystemServer(sim::Simulation &simulation, const SimOptions &options, const QByteArray &secret,
                     QObject *parent = nullptr);
    ~LiveSystemServer() override;

    bool start(QString *error);
    quint16 metricsPort() const { return m_metrics.serverPort(); }
    quint16 controlPort() const;
    // Writes the report if asked for and not yet written. False on a write error.
    bool finishReport();

    QString refusal(const livesystem::ControlCommand &command) const override;
    void apply(const livesystem::ControlCommand &command) override;

private:
    void render();

    sim::Simulation &m_simulation;
    SimOptions m_options;
    sim::SimulationClock m_clock;
    metrics::MetricsEndpoint m_metrics;
    livesystem::ControlEndpoint *m_control;
    std::int64_t m_renderedS = -1;
    RunReport m_report;
};

} // namespace sitroom::simapp
