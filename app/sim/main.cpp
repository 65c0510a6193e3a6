// sitroom-sim: the live-system simulator's composition root.
#include "app/sim/LiveSystemServer.h"
#include "app/common/QuitOnSignal.h"
#include "app/sim/SimOptions.h"
#include "app/sim/SimServer.h"

#include "server/gateway/DevelopmentTls.h"
#include "server/sim/ScenarioLoader.h"
#include "server/sim/Simulation.h"
#include "server/sim/SimulationReport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>

using namespace sitroom;

namespace {

int failWith(const QString &message, int code = 2)
{
    QTextStream(stderr) << "sitroom-sim: " << message << '\n';
    return code;
}

// Applies the starting controls; false with a message for a bad one.
bool applyStartControls(sim::Simulation &simulation, const simapp::SimOptions &o, QString *error)
{
    const sim::Scenario &s = simulation.scenario();
    if (o.admissionRate) {
        if (*o.admissionRate < s.admission.minPerS || *o.admissionRate > s.admission.maxPerS) {
            *error = QStringLiteral("--admission-rate %1 is outside this scenario's bounds, %2 to %3 per second")
                         .arg(*o.admissionRate).arg(s.admission.minPerS).arg(s.admission.maxPerS);
            return false;
        }
        simulation.setAdmissionRate(*o.admissionRate);
    }
    for (const QString &id : o.disabledProviders) {
        if (!simulation.setProviderEnabled(id, false)) {
            QStringList known;
            for (const sim::ProviderSpec &p : s.providers)
                known << p.id;
            *error = QStringLiteral("--disable-provider: no provider \"%1\" in scenario %2; it has: %3")
                         .arg(id, s.id, known.join(QStringLiteral(", ")));
            return false;
        }
    }
    return true;
}

int runFast(sim::Simulation &simulation, const simapp::SimOptions &o)
{
    QElapsedTimer wall;
    wall.start();
    while (!simulation.finished())
        simulation.step();
    const qint64 elapsedMs = wall.elapsed();
    if (!o.reportPath.isEmpty()) {
        QString error;
        if (!sim::writeSimulationReport(simulation, o.reportPath, &error))
            return failWith(error, 1);
    }
    const sim::SimulationTotals &t = simulation.totals();
    QTextStream(stdout) << QStringLiteral("%1 seed %2: %3 simulated seconds in %4 ms; %5 bookings (%6 % in the first 30 minutes), "
                                          "%7 verification attempts (%8 per booking), peak queue %9\n")
                               .arg(simulation.scenario().id)
                               .arg(simulation.seed())
                               .arg(t.virtualSeconds)
                               .arg(elapsedMs)
                               .arg(t.bookingsTotal)
                               .arg(t.bookingsTotal ? 100.0 * double(t.bookingsFirst30Min) / double(t.bookingsTotal) : 0.0, 0, 'f', 1)
                               .arg(t.authAttemptsTotal)
                               .arg(t.bookingsTotal ? double(t.authAttemptsTotal) / double(t.bookingsTotal) : 0.0, 0, 'f', 2)
                               .arg(t.peakQueueDepth);
    return 0;
}

// --control-listen: the simulator as a live system seen from outside, with
// /metrics and /control and no embedded gateway.
int runLiveSystem(sim::Simulation &simulation, const simapp::SimOptions &o)
{
    QString error;
    QByteArray secret;
    if (!simapp::readControlSecret(o.controlSecretFile, &secret, &error))
        return failWith(error);
    if (!applyStartControls(simulation, o, &error))
        return failWith(error);
    simapp::LiveSystemServer server(simulation, o, secret);
    if (!server.start(&error))
        return failWith(error, 1);
    // Machine-readable lines: tests, scripts and gateways' setups read the ports from them.
    QTextStream(stdout) << "metrics on http://" << o.metricsHost << ':' << server.metricsPort() << "/metrics\n"
                        << "control on http://" << o.controlHost << ':' << server.controlPort() << "/control\n" << Qt::flush;

    appcommon::QuitOnSignal quit;
    int exitCode = 0;
    QObject::connect(&quit, &appcommon::QuitOnSignal::received, &server, [&](int) {
        if (!server.finishReport())
            exitCode = 1;
        QCoreApplication::quit();
    });
    const int loopCode = QCoreApplication::exec();
    return exitCode != 0 ? exitCode : loopCode;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sitroom-sim"));
    QCoreApplication::setOrganizationName(QStringLiteral("sitroom"));

    const simapp::ParsedOptions parsed = simapp::parseSimOptions(QCoreApplication::arguments());
    if (!parsed.message.isEmpty()) {
        QTextStream(stdout) << parsed.message;
        return 0;
    }
    if (!parsed.options)
        return failWith(parsed.error + QStringLiteral(" (see --help)"));
    const simapp::SimOptions &o = *parsed.options;

    if (o.listScenarios) {
        QTextStream out(stdout);
        for (const QString &name : sim::ScenarioLoader::shippedNames())
            out << name << '\n';
        return 0;
    }
    if (o.initTlsOnly) {
        QString error;
        if (!gateway::ensureDevelopmentTls(o.tlsDir, &error))
            return failWith(error, 1);
        QTextStream(stdout) << "development TLS material in " << o.tlsDir << " (clients trust ca.pem)\n";
        return 0;
    }

    sim::ScenarioLoader loader;
    std::optional<sim::Scenario> scenario = loader.load(o.scenario);
    if (!scenario)
        return failWith(loader.error());
    if (o.durationS)
        scenario->durationS = *o.durationS;

    sim::Simulation simulation(*scenario, o.seed);
    QString error;
    if (o.fast) {
        if (!applyStartControls(simulation, o, &error))
            return failWith(error);
        return runFast(simulation, o);
    }

    if (o.liveSystem())
        return runLiveSystem(simulation, o);

    simapp::SimServer server(simulation, o);
    // The users file and the stored controls first: stored controls win over
    // the command line's starting ones (a restart never lifts a throttle).
    if (!server.openControls(&error))
        return failWith(error);
    if (server.hasStoredControls()) {
        if (o.admissionRate || !o.disabledProviders.isEmpty())
            QTextStream(stderr) << "sitroom-sim: --admission-rate and --disable-provider ignored: the controls stored in "
                                << o.stateDir << " apply\n";
    } else if (!applyStartControls(simulation, o, &error)) {
        return failWith(error);
    }
    if (!server.start(&error))
        return failWith(error, 1);
    // Machine-readable first line: tests and scripts read the port from it.
    QTextStream(stdout) << "listening on " << o.listenHost << ':' << server.port() << '\n' << Qt::flush;
    if (server.metricsPort() != 0)
        QTextStream(stdout) << "metrics on http://" << o.metricsHost << ':' << server.metricsPort() << "/metrics\n" << Qt::flush;

    appcommon::QuitOnSignal quit;
    int exitCode = 0;
    QObject::connect(&quit, &appcommon::QuitOnSignal::received, &app, [&](int) {
        if (!server.finishReport())
            exitCode = 1;
        QCoreApplication::quit();
    });
    const int loopCode = QCoreApplication::exec();
    return exitCode != 0 ? exitCode : loopCode;
}
