#pragma once

#include "app/common/CommandRoomFlags.h"
#include "app/common/DurationText.h"

#include "proto/transport/Defaults.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace sitroom::simapp {

// sitroom-sim's command line, checked: every problem is one plain sentence.
struct SimOptions
{
    QString scenario = QStringLiteral("opening-18-49");
    std::uint64_t seed = 1;
    double speed = 1.0;
    bool fast = false;
    std::optional<std::int64_t> durationS;
    std::int64_t fastForwardS = 0;   // simulated before serving starts
    std::int64_t approvalTimeoutS = 300; // a hazardous request expires unapproved after this (wall clock)
    QString reportPath;
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = transport::kDefaultPort;
    bool listenGiven = false;
    int tickHz = 1;
    std::optional<double> admissionRate;
    QStringList disabledProviders;
    QString tlsDir;
    QString usersFile;               // --users: sign-in with roles; none: everyone a viewer
    QString stateDir;                // --state-dir: audit and controls kept across restarts
    QString alertRulesFile;          // --alert-rules: replaces the shipped alert rules
    appcommon::CommandRoomSettings rooms;   // --site, --command-site, --takeover-after, --allow-unseen-takeover
    QString metricsHost;             // --metrics-listen: empty serves no /metrics
    quint16 metricsPort = 0;
    QString controlHost;             // --control-listen: the live-system mode (no embedded gateway)
    quint16 controlPort = 0;
    QString controlSecretFile;       // --control-secret
    bool liveSystem() const { return !controlHost.isEmpty(); }
    bool initTlsOnly = false;
    bool listScenarios = false;
};

struct ParsedOptions
{
    std::optional<SimOptions> options;
    QString error;       // set when options is empty and the run must stop with an error
    QString message;     // --help / --version text; exit 0
};

ParsedOptions parseSimOptions(const QStringList &arguments);

// The shared secret of the control webhook: the file's content, whitespace
// trimmed. False with a message naming the file when it is missing or empty.
bool readControlSecret(const QString &path, QByteArray *secret, QString *error);

using appcommon::parseDuration;

} // namespace sitroom::simapp
