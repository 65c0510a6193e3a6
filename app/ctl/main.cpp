// sitroomctl: Sitroom's command-line client (docs/controls.md, "sitroomctl").
#include "app/ctl/CtlCommands.h"
#include "app/ctl/CtlOptions.h"
#include "app/ctl/ExitCodes.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sitroomctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    const sitroom::ctl::ParsedCommandLine parsed = sitroom::ctl::parseCommandLine(QCoreApplication::arguments());
    if (!parsed.helpText.isEmpty()) {
        std::fputs(parsed.helpText.toUtf8().constData(), stdout);
        return sitroom::ctl::ExitOk;
    }
    if (!parsed.error.isEmpty()) {
        std::fputs((QStringLiteral("sitroomctl: ") + parsed.error + u'\n').toUtf8().constData(), stderr);
        return sitroom::ctl::ExitUsage;
    }
    return sitroom::ctl::runInvocation(parsed.invocation);
}
