#include "tests/support/ServiceProcess.h"

#include <QDeadlineTimer>

#include <algorithm>

namespace sitroom::testing {

ServiceProcess::~ServiceProcess()
{
    if (isRunning())
        stop();
}

bool ServiceProcess::start(const QString &program, const QStringList &arguments, const QRegularExpression &ready,
                           QString *error, int timeoutMs)
{
    m_stdout.clear();
    m_stderr.clear();
    m_ready = {};
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        *error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    m_ready = waitForOutput(ready, timeoutMs);
    if (m_ready.hasMatch())
        return true;
    *error = QStringLiteral("%1 did not say it was ready (%2)\nstdout: %3\nstderr: %4")
                 .arg(program, ready.pattern(), standardOutput(), standardError());
    kill();
    return false;
}

QRegularExpressionMatch ServiceProcess::waitForOutput(const QRegularExpression &pattern, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const QRegularExpressionMatch m = pattern.match(standardOutput());
        if (m.hasMatch() || deadline.hasExpired() || !isRunning())
            return m;
        m_process.waitForReadyRead(int(std::clamp<qint64>(deadline.remainingTime(), 1, 100)));
    }
}

QString ServiceProcess::standardOutput()
{
    m_stdout += m_process.readAllStandardOutput();
    return QString::fromUtf8(m_stdout);
}

QString ServiceProcess::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return QString::fromUtf8(m_stderr);
}

int ServiceProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return m_process.exitCode();
    m_process.terminate();
    if (m_process.waitForFinished(timeoutMs))
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    kill();
    return -1;
}

void ServiceProcess::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

} // namespace sitroom::testing
