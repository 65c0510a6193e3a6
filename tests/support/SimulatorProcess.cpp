#include "tests/support/SimulatorProcess.h"

#include <QRegularExpression>

namespace sitroom::testing {

QString SimulatorProcess::binaryPath()
{
    return QStringLiteral(SITROOM_BIN_DIR "/sitroom-sim");
}

bool SimulatorProcess::start(const QStringList &arguments, QString *error, int timeoutMs)
{
    static const QRegularExpression listening(QStringLiteral("^listening on \\S+:(\\d+)$"),
                                              QRegularExpression::MultilineOption);
    m_port = 0;
    QStringList all = arguments;
    if (!all.contains(QStringLiteral("--listen")))
        all = QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + all;
    if (!launch(binaryPath(), all, listening, error, timeoutMs))
        return false;
    m_port = quint16(readyMatch().captured(1).toUInt());
    return true;
}

SimulatorRun runSimulator(const QStringList &arguments, int timeoutMs)
{
    return runProgram(SimulatorProcess::binaryPath(), arguments, {}, timeoutMs);
}

} // namespace sitroom::testing
