#include "tests/support/SimulatorProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace sitroom::testing {

SimulatorProcess::SimulatorProcess() = default;

SimulatorProcess::~SimulatorProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        stop();
}

QString SimulatorProcess::binaryPath()
{
    return QStringLiteral(SITROOM_BIN_DIR "/sitroom-sim");
}

bool SimulatorProcess::start(const QStringList &arguments, QString *error, int timeoutMs)
{
    m_stdout.clear();
    m_stderr.clear();
    m_port = 0;
    m_process.start(binaryPath(), arguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        *error = QStringLiteral("cannot start %1: %2").arg(binaryPath(), m_process.errorString());
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("^listening on (\\S+):(\\d+)$"),
                                              QRegularExpression::MultilineOption);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process.waitForReadyRead(int(std::min<qint64>(100, deadline.remainingTime())))) {
            m_stdout += m_process.readAllStandardOutput();
            const QRegularExpressionMatch m = listening.match(QString::fromUtf8(m_stdout));
            if (m.hasMatch()) {
                m_port = quint16(m.captured(2).toUInt());
                return true;
            }
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
    }
    *error = QStringLiteral("sitroom-sim did not start serving: %1").arg(standardError());
    kill();
    return false;
}

QString SimulatorProcess::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return QString::fromUtf8(m_stderr);
}

int SimulatorProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    m_process.terminate();
    if (m_process.waitForFinished(timeoutMs))
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    kill();
    return -1;
}

void SimulatorProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

SimulatorRun runSimulator(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(SimulatorProcess::binaryPath(), arguments);
    SimulatorRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("(timed out)");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace sitroom::testing
