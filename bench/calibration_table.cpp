// Prints the calibration figures of docs/simulation.md as a Markdown table:
// every shipped scenario (and the opening day with Kakao disabled, and with a
// low admission rate) over several seeds.
//
//   build/bin/sitroom-calibration [--seeds 1,2,3,4,5]
#include "server/sim/ScenarioLoader.h"
#include "server/sim/Simulation.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QTextStream>

namespace {

struct Variant
{
    QString label;
    QString scenario;
    QString disabled;
    double admissionRate = 0;
};

QString lightSummary(const sitroom::sim::SimulationTotals &t)
{
    QStringList parts;
    for (const auto &p : t.providers) {
        if (p.secondsRed > 0 || p.secondsYellow > 0)
            parts << QStringLiteral("%1 red %2 s / yellow %3 s").arg(p.id).arg(p.secondsRed).arg(p.secondsYellow);
    }
    return parts.isEmpty() ? QStringLiteral("all green") : parts.join(QStringLiteral("; "));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption seedsOption(QStringLiteral("seeds"), QStringLiteral("Comma-separated seeds (default 1,2,3,4,5)."),
                                         QStringLiteral("LIST"), QStringLiteral("1,2,3,4,5"));
    parser.addOption(seedsOption);
    parser.process(app);

    const QList<Variant> variants{
        {QStringLiteral("opening-18-49"), QStringLiteral("opening-18-49"), {}, 0},
        {QStringLiteral("opening-18-49, kakao disabled"), QStringLiteral("opening-18-49"), QStringLiteral("kakao"), 0},
        {QStringLiteral("opening-18-49, admission 200/s"), QStringLiteral("opening-18-49"), {}, 200},
        {QStringLiteral("provider-outage"), QStringLiteral("provider-outage"), {}, 0},
        {QStringLiteral("backend-saturation"), QStringLiteral("backend-saturation"), {}, 0},
        {QStringLiteral("crash-50s"), QStringLiteral("crash-50s"), {}, 0},
    };

    QTextStream out(stdout);
    out << "| run | seed | bookings | first 30 min | attempts / booking | peak queue | lights away from green |\n"
        << "|---|---:|---:|---:|---:|---:|---|\n";
    sitroom::sim::ScenarioLoader loader;
    for (const Variant &v : variants) {
        const auto scenario = loader.load(v.scenario);
        if (!scenario) {
            QTextStream(stderr) << loader.error() << '\n';
            return 2;
        }
        for (const QString &seedText : parser.value(seedsOption).split(u',', Qt::SkipEmptyParts)) {
            const std::uint64_t seed = seedText.toULongLong();
            sitroom::sim::Simulation sim(*scenario, seed);
            if (!v.disabled.isEmpty())
                sim.setProviderEnabled(v.disabled, false);
            if (v.admissionRate > 0)
                sim.setAdmissionRate(v.admissionRate);
            while (!sim.finished())
                sim.step();
            const auto &t = sim.totals();
            out << "| " << v.label << " | " << seed << " | " << t.bookingsTotal << " | "
                << QString::number(100.0 * double(t.bookingsFirst30Min) / double(t.bookingsTotal), 'f', 1) << " % | "
                << QString::number(double(t.authAttemptsTotal) / double(t.bookingsTotal), 'f', 2) << " | "
                << t.peakQueueDepth << " | " << lightSummary(t) << " |\n";
        }
    }
    return 0;
}
