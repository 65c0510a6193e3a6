#include "app/sim/SimServer.h"

#include "server/metrics/MetricsExposition.h"

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
    g.site = o.rooms.site;
    g.commandSite = o.rooms.commandSite;
    g.takeoverAfterMs = o.rooms.takeoverAfterS * 1000;
    g.allowUnseenTakeover = o.rooms.allowUnseenTakeover;
    return g;
}

// The embedded gateway names a file or folder; sitroom-sim names the option
// it came from.
QString withOption(gateway::GatewaySetting setting, const QString &message)
{
    switch (setting) {
    case gateway::GatewaySetting::UsersFile: return QStringLiteral("--users: ") + message;
    case gateway::GatewaySetting::StateDir: return QStringLiteral("--state-dir: ") + message;
    case gateway::GatewaySetting::AlertRules: return QStringLiteral("--alert-rules: ") + message;
    case gateway::GatewaySetting::StateConnection:   // sitroom-gateway's --state; not set here
    case gateway::GatewaySetting::None: break;
    }
    return message;
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
    , m_source(simulation, m_gateway, options.speed, options.tickHz)
    , m_report(options.reportPath)
{
    connect(&m_source, &source::SimulationSource::published, this, &SimServer::published);
    connect(&m_source, &source::SimulationSource::finished, this, &SimServer::onFinished);
    connect(&m_gateway, &gateway::Gateway::sessionOpened, this, [](const QString &peer, const QString &user) {
        qCInfo(lcSim).noquote() << "console connected:" << peer << user;
    });
    connect(&m_gateway, &gateway::Gateway::sessionClosed, this, [](const QString &peer, const QString &reason) {
        qCInfo(lcSim).noquote() << "console left:" << peer << "-" << reason;
    });
}

bool SimServer::openControls(QString *error)
{
    gateway::GatewaySetting setting = gateway::GatewaySetting::None;
    if (!m_gateway.openControls(error, &setting)) {
        *error = withOption(setting, *error);
        return false;
    }
    m_gateway.setControlTarget(&m_source);
    return true;
}

bool SimServer::start(QString *error)
{
    if (!m_options.metricsHost.isEmpty()) {
        m_metrics = new metrics::MetricsEndpoint(this);
        const QHostAddress address = m_options.metricsHost == QStringLiteral("localhost")
            ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(m_options.metricsHost);
        if (!m_metrics->listen(address, m_options.metricsPort, error))
            return false;
    }
    // Fast-forward: the skipped time still lands in the gateway's history, so
    // consoles see the last hour of it at once.
    m_source.start(m_options.fastForwardS);
    return m_gateway.listen(error);
}

void SimServer::published()
{
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
    return m_report.finish(m_simulation);
}

void SimServer::onFinished()
{
    qCInfo(lcSim).noquote() << "the scenario's time has run out; still serving the final state (Ctrl+C to stop)";
    finishReport();
}

} // namespace sitroom::simapp
