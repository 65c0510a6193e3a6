#include "SimServer.h"

#include "metrics/MetricsExposition.h"
#include "sim/SimulationReport.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QStringList>

Q_LOGGING_CATEGORY(lcSim, "sitroom.sim")

namespace sitroom::simapp {

namespace {

gateway::GatewayOptions gatewayOptions(const SimOptions &o)
{
    gateway::GatewayOptions g;
    g.address = o.listenHost == QStringLiteral("localhost") ? QHostAddress(QHostAddress::LocalHost)
                                                            : QHostAddress(o.listenHost);
    g.port = o.listenPort;
    g.tlsDir = o.tlsDir;
    g.tickHz = quint32(o.tickHz);
    g.usersFile = o.usersFile;
    g.stateDir = o.stateDir;
    g.alertRulesFile = o.alertRulesFile;
    g.approvalTimeoutMs = o.approvalTimeoutS * 1000;
    return g;
}

const char *lightWord(sim::Light light)
{
    switch (light) {
    case sim::Light::Green: return "green";
    case sim::Light::Yellow: return "YELLOW";
    case sim::Light::Red: return "RED";
    case sim::Light::Suspended: return "suspended";
    }
    return "?";
}

} // namespace

SimServer::SimServer(Simulation &simulation, const SimOptions &options, QObject *parent)
    : QObject(parent)
    , m_simulation(simulation)
    , m_options(options)
    , m_gateway(gatewayOptions(options))
    , m_clock(simulation, options.speed, options.tickHz)
    , m_history(simulation)
{
    connect(&m_clock, &sim::SimulationClock::stepped, this, [this] { m_history.append(m_simulation.state()); });
    connect(&m_clock, &sim::SimulationClock::tick, this, &SimServer::publish);
    connect(&m_clock, &sim::SimulationClock::finished, this, &SimServer::onFinished);
    connect(&m_gateway, &gateway::Gateway::sessionOpened, this, [](const QString &peer, const QString &user) {
        qCInfo(lcSim).noquote() << "console connected:" << peer << user;
    });
    connect(&m_gateway, &gateway::Gateway::sessionClosed, this, [](const QString &peer, const QString &reason) {
        qCInfo(lcSim).noquote() << "console left:" << peer << "-" << reason;
    });
}

bool SimServer::openControls(QString *error)
{
    m_gateway.setConfiguration(sim::configurationOf(m_simulation, m_options.speed));
    if (!m_gateway.openControls(error))
        return false;
    m_gateway.setControlTarget(this);
    return true;
}

void SimServer::applyControl(const sitroom::v1::ControlState &control)
{
    if (control.admission_rate_per_s() != m_simulation.state().admissionRate)
        m_simulation.setAdmissionRate(control.admission_rate_per_s());
    if (control.admission_paused() != m_simulation.state().admissionPaused)
        m_simulation.setAdmissionPaused(control.admission_paused());
    for (const auto &p : control.providers()) {
        const QString id = QString::fromStdString(p.id());
        for (const sim::ProviderStatus &status : m_simulation.state().providers) {
            if (status.id == id && status.enabled != p.enabled()) {
                m_simulation.setProviderEnabled(id, p.enabled(), int(p.ramp_s()));
                qCInfo(lcSim).noquote() << "provider" << id << (p.enabled() ? "enabled" : "disabled");
            }
        }
    }
}

bool SimServer::start(QString *error)
{
    // Fast-forward: the skipped time still lands in the gateway's history, so
    // consoles see the last hour of it at once.
    while (!m_simulation.finished() && m_simulation.state().elapsedS < m_options.fastForwardS) {
        m_simulation.step();
        m_history.append(m_simulation.state());
    }
    m_gateway.setConfiguration(sim::configurationOf(m_simulation, m_options.speed));
    m_gateway.setControlState(sim::controlStateOf(m_simulation));
    if (!m_options.metricsHost.isEmpty()) {
        m_metrics = new metrics::MetricsEndpoint(this);
        const QHostAddress address = m_options.metricsHost == QStringLiteral("localhost")
            ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(m_options.metricsHost);
        if (!m_metrics->listen(address, m_options.metricsPort, error))
            return false;
    }
    publish();
    if (!m_gateway.listen(error))
        return false;
    m_clock.start();
    return true;
}

void SimServer::publish()
{
    const sitroom::v1::SystemState state = sim::systemStateOf(m_simulation);
    m_gateway.publishTick(state, m_history.take());
    // The same system as Prometheus text, rendered once per simulated second.
    if (m_metrics && m_metricsRenderedS != m_simulation.state().elapsedS) {
        m_metricsRenderedS = m_simulation.state().elapsedS;
        m_metrics->setBody(metrics::renderLiveMetrics(m_simulation.state(), 0));
    }
    logStatus();
}

void SimServer::logStatus()
{
    // One line per ten simulated minutes at most, and at least every ten wall seconds' worth.
    const std::int64_t nowS = m_simulation.state().elapsedS;
    const std::int64_t every = std::max<std::int64_t>(60, std::int64_t(m_options.speed * 10));
    if (m_lastStatusS >= 0 && nowS - m_lastStatusS < every)
        return;
    m_lastStatusS = nowS;
    const sim::SimulationState &st = m_simulation.state();
    QStringList lights;
    for (const sim::ProviderStatus &p : st.providers)
        lights << p.id + u'=' + QLatin1String(lightWord(p.light));
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(st.timeMs, Qt::OffsetFromUTC,
                                                          m_simulation.scenario().utcOffsetS);
    qCInfo(lcSim).noquote() << when.toString(QStringLiteral("MM-dd HH:mm:ss"))
                            << "queue" << st.admission.depth
                            << "admitted/s" << st.admission.admitted
                            << "bookings" << st.bookingsTotal
                            << lights.join(u' ');
}

bool SimServer::finishReport()
{
    if (m_options.reportPath.isEmpty() || m_reportWritten)
        return true;
    QString error;
    if (!sim::writeSimulationReport(m_simulation, m_options.reportPath, &error)) {
        qCCritical(lcSim).noquote() << error;
        return false;
    }
    m_reportWritten = true;
    qCInfo(lcSim).noquote() << "report written to" << m_options.reportPath;
    return true;
}

void SimServer::onFinished()
{
    publish();
    m_gateway.setSourceIdle(true);
    qCInfo(lcSim).noquote() << "the scenario's time has run out; still serving the final state (Ctrl+C to stop)";
    finishReport();
}

} // namespace sitroom::simapp
