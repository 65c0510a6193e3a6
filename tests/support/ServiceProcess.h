#pragma once

#include <QByteArray>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <functional>

namespace sitroom::testing {

// A long-running child process that the tests and benchmarks start and
// always stop: SIGTERM, then SIGKILL, when the object goes. It is ready when
// what it has printed on stdout matches a pattern (sitroom-sim, sitroom-gateway)
// or when a check of its own passes (Prometheus answering /-/ready). Every
// wait is bounded and needs no event loop. The processes the tests use
// (SimulatorProcess, GatewayProcess, LiveSystemProcess, PrometheusProcess)
// are this with their program, arguments and readiness.
class ServiceProcess
{
public:
    // What becomes of the process's stderr.
    enum class ErrorOutput {
        Kept,     // read with standardError(), for failure messages
        Merged,   // into stdout (a log on both channels, as Prometheus writes)
        Dropped,  // to /dev/null (benchmarks, which read nothing of it)
    };

    ServiceProcess() = default;
    ~ServiceProcess();
    ServiceProcess(const ServiceProcess &) = delete;
    ServiceProcess &operator=(const ServiceProcess &) = delete;

    void setErrorOutput(ErrorOutput mode) { m_errorOutput = mode; }

    // Waits until everything printed so far matches pattern; the match, or an
    // invalid one after timeoutMs or when the process has ended.
    QRegularExpressionMatch waitForOutput(const QRegularExpression &pattern, int timeoutMs);
    // The first match of the ready pattern (none for a process ready by check).
    const QRegularExpressionMatch &readyMatch() const { return m_ready; }

    // SIGTERM and wait; the exit code, or -1 when it had to be killed.
    int stop(int timeoutMs = 15000);
    // SIGKILL: no goodbye.
    void kill();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }
    QString program() const { return m_process.program(); }
    QProcess &process() { return m_process; }

    // Everything printed so far on each channel.
    QString standardOutput();
    QString standardError();

protected:
    // Starts program and waits until its stdout matches ready; false with a
    // message (the pattern, stdout and stderr) on failure or timeout.
    bool launch(const QString &program, const QStringList &arguments, const QRegularExpression &ready, QString *error,
                int timeoutMs);
    // Starts program and waits until isReady() holds, asking at most every
    // 100 ms; false with a message on failure, exit or timeout.
    bool launch(const QString &program, const QStringList &arguments, const std::function<bool()> &isReady,
                const QString &readiness, QString *error, int timeoutMs);

private:
    bool begin(const QString &program, const QStringList &arguments, QString *error, int timeoutMs);
    QString failure(const QString &what);

    QProcess m_process;
    ErrorOutput m_errorOutput = ErrorOutput::Kept;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QRegularExpressionMatch m_ready;
};

} // namespace sitroom::testing
