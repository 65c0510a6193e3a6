#pragma once

#include <QString>

namespace sitroom::sim {
class Simulation;
}

namespace sitroom::simapp {

// --report FILE: written once, when the run ends or the process is told to
// stop, whichever comes first, in either serving mode.
class RunReport final
{
public:
    explicit RunReport(QString path) : m_path(std::move(path)) {}

    // Writes the report if asked for and not yet written. False on a write error (logged).
    bool finish(const sim::Simulation &simulation);

private:
    QString m_path;
    bool m_written = false;
};

} // namespace sitroom::simapp
