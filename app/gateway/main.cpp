// sitroom-gateway: the gateway as a service of its own, reading the live
// system from a source (the simulation in process, or Prometheus) and
// steering a real one through its control webhook.
#include "app/common/QuitOnSignal.h"
#include "app/gateway/GatewayCli.h"

#include "server/gateway/ControlWebhook.h"
#include "server/gateway/Gateway.h"
#include "server/sim/ScenarioLoader.h"
#include "server/sim/Simulation.h"
#include "server/source/PrometheusSource.h"
#include "server/source/SimulationSource.h"
#include "server/source/SiteConfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QTextStream>

#include <memory>

using namespace sitroom;

namespace {

int failWith(const QString &message, int code = 2)
{
    QTextStream(stderr) << "sitroom-gateway: " << message << '\n';
    return code;
}

gateway::GatewayOptions gatewayOptions(const gatewayapp::GatewayCli &o)
{
    gateway::GatewayOptions g;
    g.address = o.listenHost == u"localhost" ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(o.listenHost);
    g.port = o.listenPort;
    g.tlsDir = o.tlsDir;
    g.serverId = o.serverId;
    g.tickHz = quint32(o.tickHz);
    g.usersFile = o.usersFile;
    g.stateDir = o.stateDir;
    g.stateConnection = o.stateConnection;
    g.alertRulesFile = o.alertRulesFile;
    g.approvalTimeoutMs = o.approvalTimeoutS * 1000;
    if (o.effectTimeoutS)
        g.effectTimeoutMs = *o.effectTimeoutS * 1000;
    g.site = o.rooms.site;
    g.commandSite = o.rooms.commandSite;
    g.takeoverAfterMs = o.rooms.takeoverAfterS * 1000;
    g.allowUnseenTakeover = o.rooms.allowUnseenTakeover;
    return g;
}

void announce(const gatewayapp::GatewayCli &o, const gateway::Gateway &g)
{
    // Machine-readable first line: tests and scripts read the port from it.
    QTextStream(stdout) << "listening on " << o.listenHost << ':' << g.serverPort() << '\n' << Qt::flush;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sitroom-gateway"));
    QCoreApplication::setOrganizationName(QStringLiteral("sitroom"));

    const gatewayapp::ParsedGatewayCli parsed = gatewayapp::parseGatewayCli(QCoreApplication::arguments());
    if (!parsed.message.isEmpty()) {
        QTextStream(stdout) << parsed.message;
        return 0;
    }
    if (!parsed.options)
        return failWith(parsed.error + QStringLiteral(" (see --help)"));
    const gatewayapp::GatewayCli &o = *parsed.options;

    appcommon::QuitOnSignal quit;
    QObject::connect(&quit, &appcommon::QuitOnSignal::received, &app, [] { QCoreApplication::quit(); });
    QString error;

    if (o.source == gatewayapp::GatewayCli::Source::Simulation) {
        sim::ScenarioLoader loader;
        std::optional<sim::Scenario> scenario = loader.load(o.scenario);
        if (!scenario)
            return failWith(QStringLiteral("--source sim:%1: %2").arg(o.scenario, loader.error()));
        if (o.durationS)
            scenario->durationS = *o.durationS;
        sim::Simulation simulation(*scenario, o.seed);
        gateway::GatewayOptions options = gatewayOptions(o);
        gateway::Gateway gateway(options);
        source::SimulationSource source(simulation, gateway, o.speed, o.tickHz);
        gateway::GatewaySetting setting = gateway::GatewaySetting::None;
        if (!gateway.openControls(&error, &setting))
            return failWith(gatewayapp::withOption(setting, error));
        gateway.setControlTarget(&source);
        source.start(o.fastForwardS);
        if (!gateway.listen(&error))
            return failWith(error, 1);
        announce(o, gateway);
        return QCoreApplication::exec();
    }

    std::optional<source::SiteConfig> site = source::loadSiteConfig(o.siteConfig, &error);
    if (!site)
        return failWith(QStringLiteral("--site-config: ") + error);
    gateway::GatewayOptions options = gatewayOptions(o);
    if (!o.effectTimeoutS)
        options.effectTimeoutMs = site->effectTimeoutMs;
    options.controlsEnabled = o.controlWebhook.isValid();

    std::unique_ptr<gateway::ControlWebhook> webhook;
    if (o.controlWebhook.isValid()) {
        gateway::ControlWebhookOptions w;
        w.url = o.controlWebhook;
        w.secret = gateway::ControlWebhook::readSecretFile(o.controlSecretFile, &error);
        if (w.secret.isEmpty())
            return failWith(QStringLiteral("--control-secret: ") + error);
        if (!o.controlCaFile.isEmpty()) {
            const QList<QSslCertificate> cas = QSslCertificate::fromPath(o.controlCaFile, QSsl::Pem);
            if (cas.isEmpty())
                return failWith(QStringLiteral("--control-ca: %1 holds no PEM certificate").arg(o.controlCaFile));
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.addCaCertificates(cas);
            w.tls = tls;
        }
        webhook = std::make_unique<gateway::ControlWebhook>(w);
    }

    gateway::Gateway gateway(options);
    if (webhook)
        gateway.setControlDelivery(webhook.get());
    gateway::GatewaySetting setting = gateway::GatewaySetting::None;
    if (!gateway.openControls(&error, &setting))
        return failWith(gatewayapp::withOption(setting, error));
    source::PrometheusSource prometheus(*site, o.prometheus, gateway, o.tickHz);
    int startCode = -1;
    prometheus.start([&](bool ok, const QString &why) {
        if (!ok) {
            QTextStream(stderr) << "sitroom-gateway: --site-config: " << why << '\n';
            startCode = 2;
            QCoreApplication::exit(2);
            return;
        }
        QString listenError;
        if (!gateway.listen(&listenError)) {
            QTextStream(stderr) << "sitroom-gateway: " << listenError << '\n';
            startCode = 1;
            QCoreApplication::exit(1);
            return;
        }
        announce(o, gateway);
        if (webhook) {
            webhook->probe([url = o.controlWebhook, &gateway](bool reachable, const QString &detail, std::uint64_t revision) {
                if (reachable) {
                    QTextStream(stdout) << "control webhook " << url.toString() << " reachable (" << detail
                                        << ", control revision " << revision << ")\n" << Qt::flush;
                    gateway.followLiveRevision(revision);
                } else {
                    QTextStream(stderr) << "sitroom-gateway: WARNING: the control webhook cannot be reached: " << detail
                                        << "; every control will be refused until it answers\n" << Qt::flush;
                }
            });
        } else {
            QTextStream(stdout) << "no --control-webhook: watching only; controls are refused\n" << Qt::flush;
        }
    });
    const int code = QCoreApplication::exec();
    return startCode >= 0 ? startCode : code;
}
