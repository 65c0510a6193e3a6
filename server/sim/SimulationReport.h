#pragma once

#include <QJsonObject>
#include <QString>

namespace sitroom::sim {

class Simulation;

// The --report file: what a run added up to, as one JSON object.
QJsonObject simulationReport(const Simulation &simulation);
bool writeSimulationReport(const Simulation &simulation, const QString &path, QString *error);

} // namespace sitroom::sim
