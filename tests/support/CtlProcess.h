#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sitroom::testing {

// One run of the real sitroomctl, to its end.
struct CtlRun
{
    int exitCode = -1;
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};

QString ctlPath();
// Runs sitroomctl with arguments and input on stdin; killed after timeoutMs,
// so a hang fails the test instead of stalling it. SITROOM_PASSWORD_FILE is
// removed from its environment.
CtlRun runCtl(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 30000);
// "exit N / stdout / stderr", for failure messages.
QString describe(const CtlRun &run);

} // namespace sitroom::testing
