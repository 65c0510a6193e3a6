#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace sitroom::testing {

// One run of a program to its end (sitroomctl, sitroom-sim in batch mode):
// its exit code (-1 when it crashed, was killed or never started), what it
// printed, and how long it took.
struct ProgramRun
{
    int exitCode = -1;
    QString out;
    QString err;
    qint64 elapsedMs = 0;
};

// Runs program with arguments, input on stdin, in environment; killed after
// timeoutMs, so a hang fails the test instead of stalling it.
ProgramRun runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {},
                      int timeoutMs = 30000,
                      const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

// "exit N / stdout / stderr", for failure messages.
QString describe(const ProgramRun &run);

} // namespace sitroom::testing
