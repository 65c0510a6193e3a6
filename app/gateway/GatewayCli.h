#pragma once

#include "app/common/CommandRoomFlags.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <cstdint>
#include <optional>

namespace sitroom::gateway {
enum class GatewaySetting;
}

namespace sitroom::gatewayapp {

// sitroom-gateway's command line (docs/sources.md).
struct GatewayCli
{
    // --source
    enum class Source { Simulation, Prometheus };
    Source source = Source::Simulation;
    QString scenario = QStringLiteral("opening-18-49");   // sim:SCENARIO
    QUrl prometheus;                                      // prometheus:URL
    QString siteConfig;
    // The simulation's own options, for sim:
    std::uint64_t seed = 1;
    double speed = 1.0;
    std::int64_t fastForwardS = 0;
    std::optional<std::int64_t> durationS;
    // Serving consoles.
    QString listenHost;
    quint16 listenPort = 0;
    QString tlsDir;
    QString serverId = QStringLiteral("sitroom-gateway");
    int tickHz = 1;
    QString usersFile;
    QString stateDir;
    QString stateConnection;   // --state: a shared PostgreSQL (libpq URL or key=value)
    QString alertRulesFile;
    std::int64_t approvalTimeoutS = 300;
    std::optional<std::int64_t> effectTimeoutS;
    appcommon::CommandRoomSettings rooms;   // --site, --command-site, --takeover-after, --allow-unseen-takeover
    // Steering a live system.
    QUrl controlWebhook;
    QString controlSecretFile;
    QString controlCaFile;
};

struct ParsedGatewayCli
{
    std::optional<GatewayCli> options;
    QString message;   // --help text
    QString error;
};

ParsedGatewayCli parseGatewayCli(const QStringList &arguments);

// The gateway's start-up message about one of its settings, prefixed with
// the option it came from (--users, --state-dir, --state, --alert-rules).
QString withOption(gateway::GatewaySetting setting, const QString &message);

} // namespace sitroom::gatewayapp
