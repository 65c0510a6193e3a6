#include "tests/support/GatewayProcess.h"

#include "tests/support/SimulatorProcess.h"

namespace sitroom::testing {

QString GatewayProcess::binaryPath()
{
    return QStringLiteral(SITROOM_BIN_DIR "/sitroom-gateway");
}

bool GatewayProcess::start(const QStringList &arguments, QString *error, int timeoutMs)
{
    static const QRegularExpression listening(QStringLiteral("^listening on \\S+:(\\d+)$"),
                                              QRegularExpression::MultilineOption);
    m_port = 0;
    if (!launch(binaryPath(), arguments, listening, error, timeoutMs))
        return false;
    m_port = quint16(readyMatch().captured(1).toUInt());
    return true;
}

QString LiveSystemProcess::binaryPath()
{
    return SimulatorProcess::binaryPath();
}

bool LiveSystemProcess::start(const QStringList &arguments, const QString &secretFile, QString *error, int timeoutMs,
                              quint16 metricsPort, quint16 controlPort)
{
    static const QRegularExpression ports(QStringLiteral("metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics\\n"
                                                         "control on http://127\\.0\\.0\\.1:(\\d+)/control"));
    m_metricsPort = m_controlPort = 0;
    const QStringList all = arguments
        + QStringList{QStringLiteral("--metrics-listen"), QStringLiteral("127.0.0.1:%1").arg(metricsPort),
                      QStringLiteral("--control-listen"), QStringLiteral("127.0.0.1:%1").arg(controlPort),
                      QStringLiteral("--control-secret"), secretFile};
    if (!launch(binaryPath(), all, ports, error, timeoutMs))
        return false;
    m_metricsPort = quint16(readyMatch().captured(1).toUInt());
    m_controlPort = quint16(readyMatch().captured(2).toUInt());
    return true;
}

} // namespace sitroom::testing
