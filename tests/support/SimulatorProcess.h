#pragma once

#include "tests/support/ProgramRun.h"
#include "tests/support/ServiceProcess.h"

#include <QString>
#include <QStringList>

namespace sitroom::testing {

// The real sitroom-sim as a child process serving consoles, for integration
// tests and benchmarks: started with the given arguments, on a free loopback
// port unless they name one (--listen), its port read from the "listening on
// HOST:PORT" line it prints once it serves.
class SimulatorProcess final : public ServiceProcess
{
public:
    static QString binaryPath();

    // Starts serving and waits for the port; false with a message (and the
    // process's output) on failure.
    bool start(const QStringList &arguments, QString *error, int timeoutMs = 60000);
    quint16 port() const { return m_port; }

private:
    quint16 m_port = 0;
};

// Runs sitroom-sim to completion (batch mode) and captures everything.
using SimulatorRun = ProgramRun;
SimulatorRun runSimulator(const QStringList &arguments, int timeoutMs = 60000);

} // namespace sitroom::testing
