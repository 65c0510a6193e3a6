// sitroom-bench: runs every benchmark binary (each in its own process, one
// after the other so they do not compete for the machine) and prints one
// JSON object with all their figures.
//
//   build/bin/sitroom-bench --json [--quick] [--only ingest,chart,...] [--out FILE]
//
// The figures the issue names (event_to_pixel_p99_ms,
// prometheus_over_console_latency_ratio, ingest_over_raw_parse,
// chart_speedup, chart_redraw_ms, fanout_gateway_core_fraction, fanout_p99_ms,
// stalled_client_p99_change, shift_rss_mb, shift_last6h_growth, cold_start_s,
// sim_24h_s) are top-level keys; each benchmark adds its spreads and details.
// A benchmark that fails is named in "failed" and its keys are missing.
#include <QCoreApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

namespace {

struct Benchmark
{
    const char *name;
    const char *binary;
    QStringList args;
    QStringList quickArgs;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs all Sitroom benchmarks and prints one JSON object."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the JSON object (the default; kept for clarity)."));
    const QCommandLineOption quickOption(QStringLiteral("quick"), QStringLiteral("Fewer repetitions and samples: a smoke run, not figures to quote."));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("Comma-separated: sim, ingest, chart, shift, coldstart, pixel, fanout, gatewaysource, tworooms."), QStringLiteral("LIST"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Also write the JSON object to this file."), QStringLiteral("FILE"));
    parser.addOptions({jsonOption, quickOption, onlyOption, outOption});
    parser.process(app);
    const bool quick = parser.isSet(quickOption);
    const QStringList only = parser.value(onlyOption).split(u',', Qt::SkipEmptyParts);

    const QString fig = QStringLiteral("--figure");
    const std::vector<Benchmark> benchmarks = {
        {"sim", "sitroom-bench-sim", {QStringLiteral("--runs"), QStringLiteral("7")}, {QStringLiteral("--runs"), QStringLiteral("2")}},
        {"ingest", "sitroom-bench-console", {fig, QStringLiteral("ingest"), QStringLiteral("--runs"), QStringLiteral("7")}, {fig, QStringLiteral("ingest"), QStringLiteral("--runs"), QStringLiteral("2")}},
        {"chart", "sitroom-bench-console", {fig, QStringLiteral("chart"), QStringLiteral("--runs"), QStringLiteral("5")}, {fig, QStringLiteral("chart"), QStringLiteral("--runs"), QStringLiteral("2")}},
        {"shift", "sitroom-bench-console", {fig, QStringLiteral("shift")}, {fig, QStringLiteral("shift")}},
        {"coldstart", "sitroom-bench-coldstart", {QStringLiteral("--runs"), QStringLiteral("7")}, {QStringLiteral("--runs"), QStringLiteral("2")}},
        {"pixel", "sitroom-bench-pixel", {QStringLiteral("--samples"), QStringLiteral("1000"), QStringLiteral("--prometheus-samples"), QStringLiteral("20")},
         {QStringLiteral("--samples"), QStringLiteral("100"), QStringLiteral("--prometheus-samples"), QStringLiteral("3")}},
        {"fanout", "sitroom-bench-fanout", {QStringLiteral("--clients"), QStringLiteral("1000"), QStringLiteral("--measure-s"), QStringLiteral("30")},
         {QStringLiteral("--clients"), QStringLiteral("100"), QStringLiteral("--measure-s"), QStringLiteral("5")}},
        {"gatewaysource", "sitroom-bench-gatewaysource", {QStringLiteral("--changes"), QStringLiteral("12"), QStringLiteral("--cpu-s"), QStringLiteral("60")},
         {QStringLiteral("--changes"), QStringLiteral("3"), QStringLiteral("--cpu-s"), QStringLiteral("10")}},
        {"tworooms", "sitroom-bench-tworooms", {QStringLiteral("--commands"), QStringLiteral("300"), QStringLiteral("--rounds"), QStringLiteral("3"), QStringLiteral("--changes"), QStringLiteral("100")},
         {QStringLiteral("--commands"), QStringLiteral("30"), QStringLiteral("--rounds"), QStringLiteral("1"), QStringLiteral("--changes"), QStringLiteral("10")}},
    };

    QTextStream err(stderr);
    QJsonObject all;
    QJsonArray failed;
    QJsonObject seconds;
    for (const Benchmark &b : benchmarks) {
        const QString name = QString::fromLatin1(b.name);
        if (!only.isEmpty() && !only.contains(name))
            continue;
        QStringList args = quick ? b.quickArgs : b.args;
        args << QStringLiteral("--json");
        err << "sitroom-bench: " << name << ": " << b.binary << ' ' << args.join(u' ') << '\n' << Qt::flush;
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer timer;
        timer.start();
        process.start(QCoreApplication::applicationDirPath() + u'/' + QLatin1String(b.binary), args);
        process.waitForFinished(-1);
        seconds.insert(name, double(timer.elapsed()) / 1000.0);
        const QByteArray out = process.readAllStandardOutput().trimmed();
        const QByteArray last = out.mid(out.lastIndexOf('\n') + 1);
        const QJsonDocument doc = QJsonDocument::fromJson(last);
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 || !doc.isObject()) {
            err << "sitroom-bench: " << name << " failed (exit " << process.exitCode() << ")\n" << Qt::flush;
            failed.append(name);
            continue;
        }
        const QJsonObject figures = doc.object();
        for (auto it = figures.begin(); it != figures.end(); ++it)
            all.insert(it.key(), it.value());
    }
    all.insert(QStringLiteral("failed"), failed);
    all.insert(QStringLiteral("bench_wall_s"), seconds);
    all.insert(QStringLiteral("quick"), quick);
    const QByteArray json = QJsonDocument(all).toJson(QJsonDocument::Indented);
    QTextStream(stdout) << json << Qt::flush;
    if (parser.isSet(outOption)) {
        QFile file(parser.value(outOption));
        if (file.open(QIODevice::WriteOnly))
            file.write(json);
    }
    return failed.isEmpty() ? 0 : 1;
}
