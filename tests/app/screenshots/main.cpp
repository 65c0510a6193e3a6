// The console's screenshots that hand-made telemetry or a scripted night
// makes (docs/screenshots/): not tests, run by scripts/screenshots.
//
//   sitroom-screenshots --out DIR [alerts-flood] [approvals] [confirm] [whatif]
//
// Offscreen (QT_QPA_PLATFORM=offscreen), with the console's translations from
// the build and the fonts the console uses (Noto Sans CJK KR). whatif takes
// one picture at the size of the offscreen screen (the platform's configfile),
// which the console's placing of the confirmation depends on; it is not among
// the default sets.
#include "tests/app/screenshots/AlertFloodShots.h"
#include "tests/app/screenshots/ApprovalShots.h"
#include "tests/app/screenshots/ConfirmShots.h"
#include "tests/app/screenshots/WhatIfShots.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>
#include <QTextStream>

#include <functional>
#include <map>

using namespace sitroom;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The pictures never read or write the user's saved layouts.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("sitroom-screenshots"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Takes the console's screenshots for docs/screenshots."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Folder the pictures are written to."),
                                       QStringLiteral("DIR"));
    parser.addOption(outOption);
    parser.addPositionalArgument(QStringLiteral("set"), QStringLiteral("alerts-flood, approvals, confirm (default: these three), whatif."));
    parser.process(app);
    QTextStream err(stderr);
    if (!parser.isSet(outOption)) {
        err << "sitroom-screenshots: --out DIR is required\n";
        return 2;
    }
    const QString dir = parser.value(outOption);
    if (!QDir().mkpath(dir)) {
        err << "sitroom-screenshots: cannot create " << dir << '\n';
        return 1;
    }
    const std::map<QString, std::function<bool(const QString &, QString *)>> sets{
        {QStringLiteral("alerts-flood"), &shots::takeAlertFloodShots},
        {QStringLiteral("approvals"), &shots::takeApprovalShots},
        {QStringLiteral("confirm"), &shots::takeConfirmShots},
        {QStringLiteral("whatif"), &shots::takeWhatIfShots},
    };
    QStringList wanted = parser.positionalArguments();
    if (wanted.isEmpty()) {
        for (const auto &[name, take] : sets) {
            if (name != QStringLiteral("whatif"))
                wanted << name;
        }
    }
    for (const QString &name : std::as_const(wanted)) {
        const auto it = sets.find(name);
        if (it == sets.end()) {
            err << "sitroom-screenshots: no set " << name << " (alerts-flood, approvals, confirm, whatif)\n";
            return 2;
        }
        QString error;
        if (!it->second(dir, &error)) {
            err << "sitroom-screenshots: " << name << ": " << error << '\n';
            return 1;
        }
        err << name << ": written to " << dir << '\n' << Qt::flush;
    }
    return 0;
}
