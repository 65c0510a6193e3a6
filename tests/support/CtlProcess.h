#pragma once

#include "tests/support/ProgramRun.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sitroom::testing {

// One run of the real sitroomctl, to its end.
using CtlRun = ProgramRun;

QString ctlPath();
// Runs sitroomctl with arguments and input on stdin (runProgram), with
// SITROOM_PASSWORD_FILE removed from its environment.
CtlRun runCtl(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 30000);

} // namespace sitroom::testing
