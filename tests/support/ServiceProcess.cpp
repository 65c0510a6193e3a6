#include "tests/support/ServiceProcess.h"

#include <QDeadlineTimer>

#include <algorithm>

namespace sitroom::testing {

ServiceProcess::~ServiceProcess()
{
    if (isRunning())
        stop();
}

bool ServiceProcess::begin(const QString &program, const QStringList &arguments, QString *error, int timeoutMs)
{
    if (isRunning())
        stop();
    m_stdout.clear();
    m_stderr.clear();
    m_ready = {};
    m_process.setStandardErrorFile(QString());  // undo a previous Dropped
    switch (m_errorOutput) {
    case ErrorOutput::Kept:
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        break;
    case ErrorOutput::Merged:
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        break;
    case ErrorOutput::Dropped:
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setStandardErrorFile(QProcess::nullDevice());
        break;
    }
    m_process.start(program, arguments);
    if (m_process.waitForStarted(timeoutMs))
        return true;
    *error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
    return false;
}

QString ServiceProcess::failure(const QString &what)
{
    return QStringLiteral("%1 %2\nstdout: %3\nstderr: %4")
        .arg(m_process.program(), what, standardOutput().right(4000), standardError().right(4000));
}

bool ServiceProcess::launch(const QString &program, const QStringList &arguments, const QRegularExpression &ready,
                            QString *error, int timeoutMs)
{
    if (!begin(program, arguments, error, timeoutMs))
        return false;
    m_ready = waitForOutput(ready, timeoutMs);
    if (m_ready.hasMatch())
        return true;
    *error = failure(QStringLiteral("did not say it was ready (%1)").arg(ready.pattern()));
    kill();
    return false;
}

bool ServiceProcess::launch(const QString &program, const QStringList &arguments, const std::function<bool()> &isReady,
                            const QString &readiness, QString *error, int timeoutMs)
{
    if (!begin(program, arguments, error, timeoutMs))
        return false;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (isReady())
            return true;
        // Doubles as the pause between checks, and notices an early exit.
        if (m_process.waitForFinished(int(std::clamp<qint64>(deadline.remainingTime(), 1, 100))))
            break;
    }
    *error = failure(QStringLiteral("did not become ready (%1)").arg(readiness));
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
    if (m_errorOutput == ErrorOutput::Kept)
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
