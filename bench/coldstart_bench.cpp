// Cold start: launch of the real console to its first live frame.
//
//   sitroom-bench-coldstart [--runs 7] [--json]
//
// A sitroom-sim with an hour of backfill (--fast-forward 1h) on loopback; the
// console started offscreen through sitroom-bench-coldstart-console
// (coldstart_console.cpp: sitroom's own runConsole, the same libraries,
// theme and translations), which paints its first live frame (snapshot
// applied, window repainted), prints "first live frame" and quits. Timed from
// QProcess::start to that line; one untimed launch first warms the page cache.
#include "bench/BenchSupport.h"
#include "tests/support/SimulatorProcess.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

using namespace sitroom;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Timed launches (default 7)."), QStringLiteral("N"), QStringLiteral("7"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({runsOption, jsonOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QTextStream err(stderr);

    QTemporaryDir dir;
    const QString tls = dir.filePath(QStringLiteral("tls"));
    testing::SimulatorProcess sim;
    QString error;
    if (!sim.start({QStringLiteral("--tls-dir"), tls, QStringLiteral("--fast-forward"), QStringLiteral("1h")}, &error)) {
        err << error << '\n';
        return 1;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), dir.path());  // no settings from a previous session
    std::vector<double> seconds;
    for (int run = 0; run <= runs; ++run) {
        QProcess console;
        console.setProcessEnvironment(env);
        console.setStandardErrorFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        console.start(bench::binDir() + QStringLiteral("/sitroom-bench-coldstart-console"),
                      {QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(sim.port()),
                       QStringLiteral("--ca"), tls + QStringLiteral("/ca.pem"), QStringLiteral("--lang"), QStringLiteral("en")});
        QByteArray out;
        double elapsed = -1;
        while (timer.elapsed() < 30000) {
            console.waitForReadyRead(100);
            out += console.readAllStandardOutput();
            if (out.contains("first live frame")) {
                elapsed = double(timer.nsecsElapsed()) / 1e9;
                break;
            }
            if (console.state() == QProcess::NotRunning)
                break;
        }
        if (!console.waitForFinished(10000)) {
            console.kill();
            console.waitForFinished(5000);
        }
        if (elapsed < 0) {
            err << "the console showed no live frame within 30 s (exit " << console.exitCode() << ")\n";
            return 1;
        }
        err << "cold start " << run << (run == 0 ? " (warm-up)" : "") << ": " << elapsed << " s\n" << Qt::flush;
        if (run > 0)
            seconds.push_back(elapsed);
    }
    sim.stop();
    QJsonObject out;
    bench::putSpread(out, QStringLiteral("cold_start_s"), bench::spreadOf(seconds));
    out.insert(QStringLiteral("cold_start_backfill_s"), 3600);
    out.insert(QStringLiteral("cold_start_runs"), runs);
    if (parser.isSet(jsonOption)) {
        bench::printJson(out);
    } else {
        QTextStream o(stdout);
        for (auto it = out.begin(); it != out.end(); ++it)
            o << it.key() << " = " << it.value().toDouble() << '\n';
    }
    return 0;
}
