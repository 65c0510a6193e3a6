#include "tests/support/CtlProcess.h"

namespace sitroom::testing {

QString ctlPath()
{
    return QStringLiteral(SITROOM_BIN_DIR "/sitroomctl");
}

CtlRun runCtl(const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SITROOM_PASSWORD_FILE"));
    return runProgram(ctlPath(), arguments, input, timeoutMs, env);
}

} // namespace sitroom::testing
