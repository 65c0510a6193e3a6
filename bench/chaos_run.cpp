// The chaos run of issue 13 in full (docs/chaos.md; scripts/chaos runs it):
// two sitroom-gateway processes, Seoul's and Osong's, on one private
// PostgreSQL, one sitroom-sim behind Prometheus and its control webhook, four
// clients signed in over TLS as real users (kim, park, choi; han a viewer)
// sending 10,000 commands through both gateways, half of them on a revision
// they know to be old, while gateways are killed (SIGKILL) at random moments
// and started again. Then the checks of tests/support/ChaosCheck.h; the first
// counter-example is printed and the exit code is 1.
//
//   sitroom-chaos [--seed N] [--commands 10000] [--kills 10] [--json]
//
// The seed (random unless given) is printed first: the same seed sends the
// same commands and kills at the same points of the traffic.
#include "tests/support/ChaosRun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTextStream>

using namespace sitroom::testing;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sitroom-chaos"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Issue 13's chaos run: two gateways on one PostgreSQL, clients sending commands through both while "
                       "gateways are killed and started again, then the audit, revisions and state checked."));
    parser.addHelpOption();
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed (default: a new one, printed)."),
                                        QStringLiteral("N"));
    const QCommandLineOption commandsOption(QStringLiteral("commands"), QStringLiteral("Commands in all (default 10000)."),
                                            QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption killsOption(QStringLiteral("kills"), QStringLiteral("Gateways killed with SIGKILL (default 10)."),
                                         QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption restartOption(QStringLiteral("restart-ms"),
                                           QStringLiteral("A killed gateway starts again after MIN-MAX ms (default 200-3000)."),
                                           QStringLiteral("MIN-MAX"), QStringLiteral("200-3000"));
    const QCommandLineOption staleOption(QStringLiteral("stale-share"),
                                         QStringLiteral("Share of commands sent on a revision known to be old (default 0.5)."),
                                         QStringLiteral("X"), QStringLiteral("0.5"));
    const QCommandLineOption tamperOption(QStringLiteral("tamper-sql"),
                                          QStringLiteral("Run this SQL on the gateways' database before the checks, to see one "
                                                         "fail."),
                                          QStringLiteral("SQL"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the figures as one JSON line at the end."));
    parser.addOptions({seedOption, commandsOption, killsOption, restartOption, staleOption, tamperOption, jsonOption});
    parser.process(app);

    ChaosPlan plan;
    bool ok = true;
    plan.seed = parser.isSet(seedOption) ? parser.value(seedOption).toULongLong(&ok) : QRandomGenerator::system()->generate();
    const auto number = [&parser, &ok](const QCommandLineOption &option) {
        bool good = false;
        const int n = parser.value(option).toInt(&good);
        ok = ok && good && n >= 0;
        return n;
    };
    plan.commands = number(commandsOption);
    plan.kills = number(killsOption);
    const QStringList restart = parser.value(restartOption).split(QLatin1Char('-'));
    bool minOk = false, maxOk = false, shareOk = false;
    plan.restartMinMs = restart.value(0).toInt(&minOk);
    plan.restartMaxMs = restart.value(1).toInt(&maxOk);
    plan.staleShare = parser.value(staleOption).toDouble(&shareOk);
    ok = ok && minOk && maxOk && shareOk && plan.restartMinMs >= 0;
    plan.tamperSql = parser.value(tamperOption);
    if (!ok || plan.commands < 1 || plan.restartMaxMs < plan.restartMinMs || plan.staleShare < 0 || plan.staleShare > 1) {
        err() << "sitroom-chaos: bad option value (see --help)\n";
        return 2;
    }

    out() << "chaos seed " << plan.seed << ": " << plan.commands << " commands, " << plan.kills << " kills\n";
    out().flush();
    ChaosRun chaos(plan);
    QString why;
    const bool passed = chaos.run(&why);
    out() << chaos.figures().summary();
    if (!passed) {
        err() << "\nCHAOS FAILED: " << why << "\n\n" << chaos.report();
        err().flush();
    } else {
        out() << "chaos passed\n";
    }
    if (parser.isSet(jsonOption)) {
        QJsonObject figures = chaos.figures().toJson();
        figures.insert(QStringLiteral("passed"), passed);
        if (!passed)
            figures.insert(QStringLiteral("counter_example"), why);
        out() << QJsonDocument(figures).toJson(QJsonDocument::Compact) << '\n';
    }
    out().flush();
    return passed ? 0 : 1;
}
