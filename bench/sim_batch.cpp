// Simulator batch benchmark: how long `sitroom-sim --fast` takes for the 24 h
// opening day, end to end (process start to exit), and how fast the engine
// steps in process. Medians with their spread over several runs, since this
// is a shared 2-core machine.
//
//   build/bin/sitroom-bench-sim [--runs N] [--scenario NAME] [--json]
#include "server/sim/ScenarioLoader.h"
#include "server/sim/Simulation.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace {

struct Spread
{
    double median = 0;
    double min = 0;
    double max = 0;
};

Spread spreadOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return {median, values.front(), values.back()};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs of each measurement (default 5)."), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"), QStringLiteral("Scenario (default opening-18-49)."), QStringLiteral("NAME"), QStringLiteral("opening-18-49"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({runsOption, scenarioOption, jsonOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QString scenarioName = parser.value(scenarioOption);

    sitroom::sim::ScenarioLoader loader;
    const auto scenario = loader.load(scenarioName);
    if (!scenario) {
        QTextStream(stderr) << loader.error() << '\n';
        return 2;
    }

    // End to end: the binary as a user runs it.
    std::vector<double> processSeconds;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        QProcess process;
        process.start(QStringLiteral(SITROOM_BIN_DIR "/sitroom-sim"),
                      {QStringLiteral("--scenario"), scenarioName, QStringLiteral("--fast"),
                       QStringLiteral("--duration"), QStringLiteral("24h"), QStringLiteral("--seed"), QString::number(i + 1)});
        if (!process.waitForFinished(120000) || process.exitCode() != 0) {
            QTextStream(stderr) << "sitroom-sim failed: " << process.readAllStandardError() << '\n';
            return 1;
        }
        processSeconds.push_back(double(timer.nsecsElapsed()) / 1e9);
    }

    // In process: the engine alone.
    std::vector<double> stepMicros;
    for (int i = 0; i < runs; ++i) {
        sitroom::sim::Simulation simulation(*scenario, std::uint64_t(i + 1));
        QElapsedTimer timer;
        timer.start();
        while (!simulation.finished())
            simulation.step();
        stepMicros.push_back(double(timer.nsecsElapsed()) / 1e3 / double(scenario->durationS));
    }

    const Spread wall = spreadOf(processSeconds);
    const Spread step = spreadOf(stepMicros);
    const double realTimeFactor = double(scenario->durationS) / wall.median;
    if (parser.isSet(jsonOption)) {
        const QJsonObject out{
            {QStringLiteral("scenario"), scenarioName},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("sim_24h_s"), wall.median},
            {QStringLiteral("sim_24h_s_min"), wall.min},
            {QStringLiteral("sim_24h_s_max"), wall.max},
            {QStringLiteral("sim_24h_target_s"), 10.0},
            {QStringLiteral("sim_24h_over_target"), wall.median / 10.0},
            {QStringLiteral("sim_faster_than_real_time"), realTimeFactor},
            {QStringLiteral("sim_step_us"), step.median},
            {QStringLiteral("sim_step_us_min"), step.min},
            {QStringLiteral("sim_step_us_max"), step.max},
        };
        QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << '\n';
    } else {
        QTextStream(stdout) << QStringLiteral("%1, 24 h with --fast, %2 runs: median %3 s (%4 to %5 s), %6 % of the 10 s target; "
                                              "%7x faster than real time; engine step %8 us (%9 to %10)\n")
                                   .arg(scenarioName).arg(runs)
                                   .arg(wall.median, 0, 'f', 3).arg(wall.min, 0, 'f', 3).arg(wall.max, 0, 'f', 3)
                                   .arg(100.0 * wall.median / 10.0, 0, 'f', 1)
                                   .arg(realTimeFactor, 0, 'f', 0)
                                   .arg(step.median, 0, 'f', 2).arg(step.min, 0, 'f', 2).arg(step.max, 0, 'f', 2);
    }
    return 0;
}
