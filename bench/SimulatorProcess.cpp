#include "bench/SimulatorProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

namespace sitroom::bench {

QString binDir()
{
    // Next to the benchmark, where the build puts every executable.
    return QCoreApplication::applicationDirPath();
}

SimulatorProcess::~SimulatorProcess()
{
    stop();
}

bool SimulatorProcess::start(const QStringList &args, QString *error, int timeoutMs)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardErrorFile(QProcess::nullDevice());
    m_process.start(binDir() + QStringLiteral("/sitroom-sim"),
                    QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + args);
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start sitroom-sim: %1").arg(m_process.errorString());
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    while (timer.elapsed() < timeoutMs && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(200);
        out += m_process.readAllStandardOutput();
        const qsizetype at = out.indexOf("listening on ");
        const qsizetype end = at >= 0 ? out.indexOf('\n', at) : -1;
        if (end > 0) {
            const QByteArray line = out.mid(at, end - at);
            m_port = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
            return m_port != 0;
        }
    }
    *error = QStringLiteral("sitroom-sim did not say where it listens: %1").arg(QString::fromUtf8(out));
    stop();
    return false;
}

void SimulatorProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace sitroom::bench
