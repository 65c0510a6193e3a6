#include "tests/support/CtlProcess.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>

namespace sitroom::testing {

QString ctlPath()
{
    return QStringLiteral(SITROOM_BIN_DIR "/sitroomctl");
}

CtlRun runCtl(const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SITROOM_PASSWORD_FILE"));
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(ctlPath(), arguments);
    CtlRun run;
    if (!process.waitForStarted(10000)) {
        run.err = QStringLiteral("(cannot start %1)").arg(ctlPath());
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("(timed out)");
        return run;
    }
    run.elapsedMs = timer.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString describe(const CtlRun &run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(run.exitCode).arg(run.out, run.err);
}

} // namespace sitroom::testing
