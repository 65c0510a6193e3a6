#include "app/sim/LiveSystemServer.h"

#include "server/livesystem/ControlEndpoint.h"
#include "server/metrics/MetricsExposition.h"

#include <QLoggingCategory>
#include <QStringList>

Q_DECLARE_LOGGING_CATEGORY(lcSim)

namespace sitroom::simapp {

namespace {

QHostAddress addressOf(const QString &host)
{
    return host == QStringLiteral("localhost") ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
}

} // namespace

LiveSystemServer::LiveSystemServer(sim::Simulation &simulation, const SimOptions &options, const QByteArray &secret,
                                   QObject *parent)
    : QObject(parent)
    , m_simulation(simulation)
    , m_options(options)
    , m_clock(simulation, options.speed, options.tickHz)
    , m_control(new livesystem::ControlEndpoint(*this, secret, this))
    , m_report(options.reportPath)
{
    connect(&m_clock, &sim::SimulationClock::tick, this, &LiveSystemServer::render);
    connect(&m_clock, &sim::SimulationClock::finished, this, [this] {
        render();
        qCInfo(lcSim).noquote() << "the scenario's time has run out; still serving the final state (Ctrl+C to stop)";
        finishReport();
    });
    // A change shows in the next scrape, not a simulated second later.
    connect(m_control, &livesystem::ControlEndpoint::applied, this, [this] {
        m_renderedS = -1;
        render();
    });
}

LiveSystemServer::~LiveSystemServer() = default;

quint16 LiveSystemServer::controlPort() const
{
    return m_control->serverPort();
}

bool LiveSystemServer::start(QString *error)
{
    while (!m_simulation.finished() && m_simulation.state().elapsedS < m_options.fastForwardS)
        m_simulation.step();
    render();
    if (!m_metrics.listen(addressOf(m_options.metricsHost), m_options.metricsPort, error))
        return false;
    if (!m_control->listen(addressOf(m_options.controlHost), m_options.controlPort, error))
        return false;
    m_clock.start();
    return true;
}

void LiveSystemServer::render()
{
    // Once per simulated second, whatever the tick rate and the scrapes.
    if (m_simulation.state().elapsedS == m_renderedS)
        return;
    m_renderedS = m_simulation.state().elapsedS;
    m_metrics.setBody(metrics::renderLiveMetrics(m_simulation.state(), m_control->revision()));
}

QString LiveSystemServer::refusal(const livesystem::ControlCommand &command) const
{
    const sim::Scenario &s = m_simulation.scenario();
    if (command.admissionRatePerS < s.admission.minPerS || command.admissionRatePerS > s.admission.maxPerS) {
        return QStringLiteral("admission rate %1 per second is outside this system's bounds, %2 to %3 per second")
            .arg(command.admissionRatePerS).arg(s.admission.minPerS).arg(s.admission.maxPerS);
    }
    QStringList ids = {command.changeProviderId};
    for (const livesystem::ProviderControl &p : command.providers)
        ids << p.id;
    for (const QString &id : std::as_const(ids)) {
        if (!id.isEmpty() && s.providerIndex(id) < 0) {
            QStringList known;
            for (const sim::ProviderSpec &p : s.providers)
                known << p.id;
            return QStringLiteral("no provider \"%1\" in this system; it has: %2").arg(id, known.join(QStringLiteral(", ")));
        }
    }
    return {};
}

void LiveSystemServer::apply(const livesystem::ControlCommand &command)
{
    // Providers the body leaves out keep their switch.
    std::vector<sim::Simulation::ProviderSwitch> providers;
    for (const livesystem::ProviderControl &p : command.providers)
        providers.push_back({p.id, p.enabled, p.rampS});
    for (const auto &p : m_simulation.applyControls(command.admissionRatePerS, command.admissionPaused, providers))
        qCInfo(lcSim).noquote() << "provider" << p.id << (p.enabled ? "enabled" : "disabled");
}

bool LiveSystemServer::finishReport()
{
    return m_report.finish(m_simulation);
}

} // namespace sitroom::simapp
