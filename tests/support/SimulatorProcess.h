#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace sitroom::testing {

// The real sitroom-sim as a child process, for integration tests: started with
// the given arguments, its port read from the "listening on HOST:PORT" line it
// prints first, and stopped (SIGTERM, then SIGKILL) when the object goes.
class SimulatorProcess final
{
public:
    SimulatorProcess();
    ~SimulatorProcess();

    static QString binaryPath();

    // Starts serving and waits for the port; false with a message (and the
    // process's stderr) on failure.
    bool start(const QStringList &arguments, QString *error, int timeoutMs = 10000);
    // SIGTERM and wait; returns the exit code, or -1 when it had to be killed.
    int stop(int timeoutMs = 5000);
    void kill();

    quint16 port() const { return m_port; }
    QProcess &process() { return m_process; }
    QString standardError();

private:
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

// Runs sitroom-sim to completion (batch mode) and captures everything.
struct SimulatorRun
{
    int exitCode = -1;
    QString out;
    QString err;
};
SimulatorRun runSimulator(const QStringList &arguments, int timeoutMs = 60000);

} // namespace sitroom::testing
