#include "app/gateway/GatewayCli.h"

#include "app/common/DurationText.h"
#include "proto/transport/Defaults.h"
#include "server/gateway/Gateway.h"
#include "server/gateway/PostgresAddress.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHostAddress>

namespace sitroom::gatewayapp {

namespace {

bool isFile(const QString &path)
{
    return QFileInfo(path).isFile();
}

} // namespace

ParsedGatewayCli parseGatewayCli(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sitroom's gateway: serves the live system's telemetry to Sitroom consoles and sitroomctl over TLS, "
        "with sign-in and roles, controls and approvals, audit, alerts and history. It reads the live system "
        "from a source: the simulation in this process (sim:SCENARIO), or a real system through the Prometheus "
        "it runs (prometheus:URL with --site-config), and steers a real system through its control webhook."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption source(QStringLiteral("source"), QStringLiteral("sim:SCENARIO (a shipped scenario name or a scenario file) or prometheus:URL (default sim:opening-18-49)."), QStringLiteral("SOURCE"));
    const QCommandLineOption site(QStringLiteral("site-config"), QStringLiteral("The live system's site configuration: providers, cohorts, bounds, light rules and the PromQL of every figure (docs/sources.md). Required with prometheus:."), QStringLiteral("FILE"));
    const QCommandLineOption webhook(QStringLiteral("control-webhook"), QStringLiteral("Steer the live system through this control webhook (docs/control-webhook.md); http:// or https://."), QStringLiteral("URL"));
    const QCommandLineOption secret(QStringLiteral("control-secret"), QStringLiteral("File holding the webhook's shared HMAC secret (at least 16 characters)."), QStringLiteral("FILE"));
    const QCommandLineOption webhookCa(QStringLiteral("control-ca"), QStringLiteral("CA certificate (PEM) to trust for an https:// webhook, besides the system's."), QStringLiteral("FILE"));
    const QCommandLineOption effectTimeout(QStringLiteral("effect-timeout"), QStringLiteral("How long an applied change's effect may take to show in the telemetry before an alert (default: the site configuration's, else 30s)."), QStringLiteral("DURATION"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address to serve consoles on (default %1; port 0 picks a free one).").arg(transport::defaultListenAddress()), QStringLiteral("HOST:PORT"));
    const QCommandLineOption tlsDir(QStringLiteral("tls-dir"), QStringLiteral("Folder with ca.pem, server.pem, server.key; created when empty (default %1).").arg(transport::defaultTlsDir()), QStringLiteral("DIR"));
    const QCommandLineOption serverId(QStringLiteral("server-id"), QStringLiteral("Name this gateway gives itself in Welcome (default sitroom-gateway)."), QStringLiteral("NAME"));
    const QCommandLineOption tickHz(QStringLiteral("tick-hz"), QStringLiteral("Telemetry ticks per second, 1 to 20 (default 1)."), QStringLiteral("N"));
    const QCommandLineOption users(QStringLiteral("users"), QStringLiteral("JSON file of the users who may sign in (default: everyone is a viewer)."), QStringLiteral("FILE"));
    const QCommandLineOption stateDir(QStringLiteral("state-dir"), QStringLiteral("Folder for the audit log, control state and alerts (sitroom.db), kept across restarts (default: in memory only)."), QStringLiteral("DIR"));
    const QCommandLineOption state(QStringLiteral("state"), QStringLiteral("A PostgreSQL shared with another gateway, for the audit log, control state and alerts: a libpq URL (postgresql://user@host:5432/sitroom) or key=value string (docs/architecture.md). In place of --state-dir."), QStringLiteral("POSTGRESQL"));
    const QCommandLineOption alertRules(QStringLiteral("alert-rules"), QStringLiteral("JSON file of alert rules that replaces the shipped ones (docs/alerts.md)."), QStringLiteral("FILE"));
    const QCommandLineOption approvalTimeout(QStringLiteral("approval-timeout"), QStringLiteral("How long a hazardous request waits for a second supervisor (default 5m)."), QStringLiteral("DURATION"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("sim: random seed (default 1)."), QStringLiteral("N"));
    const QCommandLineOption speed(QStringLiteral("speed"), QStringLiteral("sim: simulated seconds per wall second (default 1)."), QStringLiteral("X"));
    const QCommandLineOption fastForward(QStringLiteral("fast-forward"), QStringLiteral("sim: simulate this much at once before serving, e.g. 33m."), QStringLiteral("DURATION"));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("sim: how much simulated time to run (default: the scenario's)."), QStringLiteral("DURATION"));
    parser.addOptions({source, site, webhook, secret, webhookCa, effectTimeout, listen, tlsDir, serverId, tickHz, users,
                       stateDir, state, alertRules, approvalTimeout, seed, speed, fastForward, duration});
    const appcommon::CommandRoomFlags rooms;
    rooms.addTo(parser);

    ParsedGatewayCli result;
    const auto fail = [&result](const QString &message) {
        result.error = message;
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        result.message = parser.helpText();
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));

    GatewayCli o;
    if (parser.isSet(source)) {
        const QString text = parser.value(source);
        if (text.startsWith(QStringLiteral("sim:")) && text.size() > 4) {
            o.scenario = text.mid(4);
        } else if (text.startsWith(QStringLiteral("prometheus:"))) {
            o.source = GatewayCli::Source::Prometheus;
            o.prometheus = QUrl(text.mid(11), QUrl::StrictMode);
            if (!o.prometheus.isValid() || (o.prometheus.scheme() != u"http" && o.prometheus.scheme() != u"https")
                || o.prometheus.host().isEmpty())
                return fail(QStringLiteral("--source: \"%1\" needs an http:// or https:// URL after prometheus:, e.g. prometheus:http://127.0.0.1:9090").arg(text));
        } else {
            return fail(QStringLiteral("--source: \"%1\" is neither sim:SCENARIO nor prometheus:URL").arg(text));
        }
    }
    const bool sim = o.source == GatewayCli::Source::Simulation;
    if (parser.isSet(site)) {
        if (sim)
            return fail(QStringLiteral("--site-config is for prometheus: sources; a simulation's scenario is its configuration"));
        o.siteConfig = parser.value(site);
        if (!isFile(o.siteConfig))
            return fail(QStringLiteral("--site-config: \"%1\" is not a file").arg(o.siteConfig));
    } else if (!sim) {
        return fail(QStringLiteral("--site-config is required with prometheus: (docs/sources.md; resources/sources/sim-prometheus.json watches sitroom-sim)"));
    }
    for (const QCommandLineOption *simOnly : {&seed, &speed, &fastForward, &duration}) {
        if (!sim && parser.isSet(*simOnly))
            return fail(QStringLiteral("--%1 is for sim: sources only").arg(simOnly->names().constFirst()));
    }
    if (parser.isSet(seed)) {
        bool ok = false;
        o.seed = parser.value(seed).toULongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--seed: \"%1\" is not a whole number from 0 to 2^64-1").arg(parser.value(seed)));
    }
    if (parser.isSet(speed)) {
        bool ok = false;
        o.speed = parser.value(speed).toDouble(&ok);
        if (!ok || !(o.speed > 0) || o.speed > 100000)
            return fail(QStringLiteral("--speed: \"%1\" must be a number above 0 and at most 100000").arg(parser.value(speed)));
    }
    QString error;
    if (parser.isSet(fastForward) && !appcommon::parseDuration(parser.value(fastForward), &o.fastForwardS, &error))
        return fail(error.replace(QStringLiteral("--duration"), QStringLiteral("--fast-forward")));
    if (parser.isSet(duration)) {
        std::int64_t s = 0;
        if (!appcommon::parseDuration(parser.value(duration), &s, &error))
            return fail(error);
        o.durationS = s;
    }
    if (parser.isSet(approvalTimeout) && !appcommon::parseDuration(parser.value(approvalTimeout), &o.approvalTimeoutS, &error))
        return fail(error.replace(QStringLiteral("--duration"), QStringLiteral("--approval-timeout")));
    if (!rooms.read(parser, &o.rooms, &error))
        return fail(error);
    if (parser.isSet(effectTimeout)) {
        const QString text = parser.value(effectTimeout).trimmed();
        bool ok = false;
        const std::int64_t plain = QString(text).remove(u's').toLongLong(&ok);
        std::int64_t s = plain;
        if (!ok && !appcommon::parseDuration(text, &s, &error))
            return fail(error.replace(QStringLiteral("--duration"), QStringLiteral("--effect-timeout")));
        if (s < 1 || s > 3600)
            return fail(QStringLiteral("--effect-timeout: %1 is outside 1 second to 1 hour").arg(text));
        o.effectTimeoutS = s;
    }

    const QString address = parser.isSet(listen) ? parser.value(listen) : transport::defaultListenAddress();
    if (!transport::parseHostPort(address, &o.listenHost, &o.listenPort, &error, true))
        return fail(QStringLiteral("--listen: ") + error);
    if (o.listenHost != u"localhost" && QHostAddress(o.listenHost).isNull())
        return fail(QStringLiteral("--listen: \"%1\" is not an IP address (or localhost)").arg(o.listenHost));
    o.tlsDir = parser.isSet(tlsDir) ? parser.value(tlsDir) : transport::defaultTlsDir();
    if (parser.isSet(serverId))
        o.serverId = parser.value(serverId);
    if (parser.isSet(tickHz)) {
        bool ok = false;
        o.tickHz = parser.value(tickHz).toInt(&ok);
        if (!ok || o.tickHz < 1 || o.tickHz > 20)
            return fail(QStringLiteral("--tick-hz: \"%1\" must be a whole number from 1 to 20").arg(parser.value(tickHz)));
    }
    const auto file = [&](const QCommandLineOption &option, QString *out) -> bool {
        if (!parser.isSet(option))
            return true;
        *out = parser.value(option);
        if (isFile(*out))
            return true;
        error = QStringLiteral("--%1: \"%2\" is not a file").arg(option.names().constFirst(), *out);
        return false;
    };
    if (!file(users, &o.usersFile) || !file(alertRules, &o.alertRulesFile) || !file(secret, &o.controlSecretFile)
        || !file(webhookCa, &o.controlCaFile))
        return fail(error);
    if (parser.isSet(stateDir)) {
        o.stateDir = parser.value(stateDir);
        if (o.stateDir.isEmpty())
            return fail(QStringLiteral("--state-dir: the folder name is empty"));
        if (QFileInfo::exists(o.stateDir) && !QFileInfo(o.stateDir).isDir())
            return fail(QStringLiteral("--state-dir: \"%1\" exists and is not a folder").arg(o.stateDir));
    }
    if (parser.isSet(state)) {
        if (parser.isSet(stateDir))
            return fail(QStringLiteral("--state and --state-dir: a gateway keeps its state in one place; give one"));
        o.stateConnection = parser.value(state);
        if (!gateway::PostgresAddress::parse(o.stateConnection, &error))
            return fail(QStringLiteral("--state: ") + error);
    }
    if (parser.isSet(webhook)) {
        if (sim)
            return fail(QStringLiteral("--control-webhook is for prometheus: sources; a simulation in this process takes its controls directly"));
        o.controlWebhook = QUrl(parser.value(webhook), QUrl::StrictMode);
        if (!o.controlWebhook.isValid() || (o.controlWebhook.scheme() != u"http" && o.controlWebhook.scheme() != u"https")
            || o.controlWebhook.host().isEmpty())
            return fail(QStringLiteral("--control-webhook: \"%1\" is not an http:// or https:// URL").arg(parser.value(webhook)));
        if (o.controlSecretFile.isEmpty())
            return fail(QStringLiteral("--control-webhook needs --control-secret FILE: every change is signed"));
    } else if (!o.controlSecretFile.isEmpty() || !o.controlCaFile.isEmpty()) {
        return fail(QStringLiteral("--control-secret and --control-ca go with --control-webhook"));
    }
    result.options = o;
    return result;
}

QString withOption(gateway::GatewaySetting setting, const QString &message)
{
    switch (setting) {
    case gateway::GatewaySetting::UsersFile: return QStringLiteral("--users: ") + message;
    case gateway::GatewaySetting::StateDir: return QStringLiteral("--state-dir: ") + message;
    case gateway::GatewaySetting::AlertRules: return QStringLiteral("--alert-rules: ") + message;
    case gateway::GatewaySetting::StateConnection: return QStringLiteral("--state: ") + message;
    case gateway::GatewaySetting::None: break;
    }
    return message;
}

} // namespace sitroom::gatewayapp
