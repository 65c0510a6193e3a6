#pragma once

#include <QByteArray>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace sitroom::testing {

// A long-running child process (sitroom-sim in live-system mode,
// sitroom-gateway) that says it is ready on a line of its stdout. Waits are
// bounded and need no event loop; the process is stopped (SIGTERM, then
// SIGKILL) when the object goes.
class ServiceProcess final
{
public:
    ServiceProcess() = default;
    ~ServiceProcess();
    ServiceProcess(const ServiceProcess &) = delete;
    ServiceProcess &operator=(const ServiceProcess &) = delete;

    // Starts program and waits for a stdout line matching ready; false with a
    // message (and the process's stderr) on failure or timeout.
    bool start(const QString &program, const QStringList &arguments, const QRegularExpression &ready, QString *error,
               int timeoutMs = 20000);
    // Waits until everything printed so far matches pattern; the match, or an
    // invalid one after timeoutMs or when the process has ended.
    QRegularExpressionMatch waitForOutput(const QRegularExpression &pattern, int timeoutMs);
    // The first match of the ready pattern.
    const QRegularExpressionMatch &readyMatch() const { return m_ready; }

    // SIGTERM and wait; the exit code, or -1 when it had to be killed.
    int stop(int timeoutMs = 10000);
    void kill();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }
    QString program() const { return m_process.program(); }

    QString standardOutput();
    QString standardError();

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QRegularExpressionMatch m_ready;
};

} // namespace sitroom::testing
