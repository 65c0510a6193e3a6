#include "app/sim/RunReport.h"

#include "server/sim/SimulationReport.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSim)

namespace sitroom::simapp {

bool RunReport::finish(const sim::Simulation &simulation)
{
    if (m_path.isEmpty() || m_written)
        return true;
    QString error;
    if (!sim::writeSimulationReport(simulation, m_path, &error)) {
        qCCritical(lcSim).noquote() << error;
        return false;
    }
    m_written = true;
    qCInfo(lcSim).noquote() << "report written to" << m_path;
    return true;
}

} // namespace sitroom::simapp
