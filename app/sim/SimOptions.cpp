#include "app/sim/SimOptions.h"

#include "app/common/DurationText.h"

#include "proto/transport/Defaults.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace sitroom::simapp {

ParsedOptions parseSimOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Simulates the vaccine-reservation system (cohorts, admission queue, verification "
        "providers, booking backend) and serves its telemetry to Sitroom consoles over TLS; "
        "with --control-listen it is instead a live system seen from outside, serving only /metrics and /control."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption scenario(QStringLiteral("scenario"),
        QStringLiteral("Shipped scenario name or path to a scenario JSON file (default opening-18-49)."), QStringLiteral("NAME|FILE"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("N"));
    const QCommandLineOption speed(QStringLiteral("speed"), QStringLiteral("Simulated seconds per wall-clock second (default 1)."), QStringLiteral("X"));
    const QCommandLineOption fast(QStringLiteral("fast"), QStringLiteral("Run as fast as possible, without serving, then exit."));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("How much simulated time to run (default: the scenario's)."), QStringLiteral("24h"));
    const QCommandLineOption fastForward(QStringLiteral("fast-forward"), QStringLiteral("Simulate this much at once before serving, e.g. 33m to start at the 20:00 rush of opening-18-49."), QStringLiteral("DURATION"));
    const QCommandLineOption approvalTimeout(QStringLiteral("approval-timeout"), QStringLiteral("How long a hazardous request waits for a second supervisor, wall clock (default 5m; shorter for drills and tests)."), QStringLiteral("DURATION"));
    const QCommandLineOption report(QStringLiteral("report"), QStringLiteral("Write a JSON report of the run at the end."), QStringLiteral("FILE.json"));
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address to serve consoles on (default %1; port 0 picks a free one).").arg(transport::defaultListenAddress()), QStringLiteral("HOST:PORT"));
    const QCommandLineOption tickHz(QStringLiteral("tick-hz"), QStringLiteral("Telemetry ticks per second, 1 to 20 (default 1)."), QStringLiteral("N"));
    const QCommandLineOption admission(QStringLiteral("admission-rate"), QStringLiteral("Start with this many citizens admitted per second."), QStringLiteral("N"));
    const QCommandLineOption disable(QStringLiteral("disable-provider"), QStringLiteral("Start with this provider disabled (repeatable)."), QStringLiteral("ID"));
    const QCommandLineOption tlsDir(QStringLiteral("tls-dir"), QStringLiteral("Folder with ca.pem, server.pem, server.key; created when empty (default %1).").arg(transport::defaultTlsDir()), QStringLiteral("DIR"));
    const QCommandLineOption users(QStringLiteral("users"), QStringLiteral("JSON file of the users who may sign in, with their roles and password hashes (default: everyone is a viewer)."), QStringLiteral("FILE"));
    const QCommandLineOption stateDir(QStringLiteral("state-dir"), QStringLiteral("Folder for the audit log and the control state (sitroom.db), kept across restarts (default: kept in memory only)."), QStringLiteral("DIR"));
    const QCommandLineOption initTls(QStringLiteral("init-tls"), QStringLiteral("Create the development CA and server certificate in --tls-dir, then exit."));
    const QCommandLineOption list(QStringLiteral("list-scenarios"), QStringLiteral("List the shipped scenarios, then exit."));
    const QCommandLineOption alertRules(QStringLiteral("alert-rules"), QStringLiteral("JSON file of alert rules that replaces the shipped ones (docs/alerts.md); a bad file is refused at start."), QStringLiteral("FILE"));
    const QCommandLineOption metricsListen(QStringLiteral("metrics-listen"), QStringLiteral("Also serve Prometheus metrics over plain HTTP at http://HOST:PORT/metrics (off by default; port 0 picks a free one; keep it on loopback or a monitoring network)."), QStringLiteral("HOST:PORT"));
    const QCommandLineOption controlListen(QStringLiteral("control-listen"), QStringLiteral("Run as a live system seen from outside: serve the control webhook at http://HOST:PORT/control (docs/control-webhook.md; port 0 picks a free one) next to /metrics (--metrics-listen required), with no embedded gateway: sitroom-gateway serves consoles."), QStringLiteral("HOST:PORT"));
    const QCommandLineOption controlSecret(QStringLiteral("control-secret"), QStringLiteral("File holding the control webhook's shared secret (required with --control-listen)."), QStringLiteral("FILE"));
    parser.addOptions({scenario, seed, speed, fast, duration, fastForward, approvalTimeout, report, listen, tickHz, admission, disable, tlsDir, users, stateDir, alertRules, metricsListen, controlListen, controlSecret, initTls, list});
    const appcommon::CommandRoomFlags rooms;
    rooms.addTo(parser);

    ParsedOptions result;
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.message = parser.helpText();
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.error = QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst());
        return result;
    }

    SimOptions o;
    const auto fail = [&result](const QString &message) {
        result.error = message;
        return result;
    };
    if (parser.isSet(scenario))
        o.scenario = parser.value(scenario);
    if (parser.isSet(seed)) {
        bool ok = false;
        o.seed = parser.value(seed).toULongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--seed: \"%1\" is not a whole number from 0 to 2^64-1").arg(parser.value(seed)));
    }
    o.fast = parser.isSet(fast);
    if (parser.isSet(speed)) {
        if (o.fast)
            return fail(QStringLiteral("--speed and --fast exclude each other: --fast already runs as fast as possible"));
        bool ok = false;
        o.speed = parser.value(speed).toDouble(&ok);
        if (!ok || !(o.speed > 0.0) || o.speed > 100000.0)
            return fail(QStringLiteral("--speed: \"%1\" must be a number above 0 and at most 100000").arg(parser.value(speed)));
    }
    if (parser.isSet(duration)) {
        std::int64_t seconds = 0;
        QString error;
        if (!parseDuration(parser.value(duration), &seconds, &error))
            return fail(error);
        o.durationS = seconds;
    }
    if (parser.isSet(fastForward)) {
        if (o.fast)
            return fail(QStringLiteral("--fast-forward and --fast exclude each other: --fast runs everything at once"));
        std::int64_t seconds = 0;
        QString error;
        if (!parseDuration(parser.value(fastForward), &seconds, &error))
            return fail(error.replace(QStringLiteral("--duration"), QStringLiteral("--fast-forward")));
        o.fastForwardS = seconds;
    }
    if (parser.isSet(approvalTimeout)) {
        // Durations below a minute are allowed here: drills and tests want seconds.
        static const QRegularExpression seconds(QStringLiteral("^(\\d+)s$"));
        const QRegularExpressionMatch m = seconds.match(parser.value(approvalTimeout).trimmed());
        std::int64_t value = 0;
        QString error;
        if (m.hasMatch())
            value = m.captured(1).toLongLong();
        else if (!parseDuration(parser.value(approvalTimeout), &value, &error))
            return fail(error.replace(QStringLiteral("--duration"), QStringLiteral("--approval-timeout")));
        if (value < 1 || value > 24 * 3600)
            return fail(QStringLiteral("--approval-timeout: %1 is outside 1 second to 24 hours").arg(parser.value(approvalTimeout)));
        o.approvalTimeoutS = value;
    }
    {
        QString error;
        if (!rooms.read(parser, &o.rooms, &error))
            return fail(error);
    }
    o.reportPath = parser.value(report);
    if (parser.isSet(listen)) {
        if (o.fast)
            return fail(QStringLiteral("--listen and --fast exclude each other: --fast does not serve"));
        QString error;
        if (!transport::parseHostPort(parser.value(listen), &o.listenHost, &o.listenPort, &error, true))
            return fail(QStringLiteral("--listen: ") + error);
        if (QHostAddress(o.listenHost).isNull() && o.listenHost != QStringLiteral("localhost"))
            return fail(QStringLiteral("--listen: \"%1\" is not an IP address (or localhost)").arg(o.listenHost));
        o.listenGiven = true;
    }
    if (parser.isSet(metricsListen)) {
        if (o.fast)
            return fail(QStringLiteral("--metrics-listen and --fast exclude each other: --fast does not serve"));
        QString error;
        QString host;
        quint16 port = 0;
        if (!transport::parseHostPort(parser.value(metricsListen), &host, &port, &error, true))
            return fail(QStringLiteral("--metrics-listen: ") + error);
        if (QHostAddress(host).isNull() && host != QStringLiteral("localhost"))
            return fail(QStringLiteral("--metrics-listen: \"%1\" is not an IP address (or localhost)").arg(host));
        o.metricsHost = host;
        o.metricsPort = port;
    }
    if (parser.isSet(tickHz)) {
        bool ok = false;
        o.tickHz = parser.value(tickHz).toInt(&ok);
        if (!ok || o.tickHz < 1 || o.tickHz > 20)
            return fail(QStringLiteral("--tick-hz: \"%1\" must be a whole number from 1 to 20").arg(parser.value(tickHz)));
    }
    if (parser.isSet(admission)) {
        bool ok = false;
        const double rate = parser.value(admission).toDouble(&ok);
        if (!ok || rate < 0)
            return fail(QStringLiteral("--admission-rate: \"%1\" must be a number of at least 0").arg(parser.value(admission)));
        o.admissionRate = rate;
    }
    o.disabledProviders = parser.values(disable);
    o.tlsDir = parser.isSet(tlsDir) ? parser.value(tlsDir) : transport::defaultTlsDir();
    if (parser.isSet(users)) {
        if (o.fast)
            return fail(QStringLiteral("--users and --fast exclude each other: --fast does not serve"));
        o.usersFile = parser.value(users);
        if (o.usersFile.trimmed().isEmpty())
            return fail(QStringLiteral("--users: the file name is empty"));
        if (!QFileInfo(o.usersFile).isFile())
            return fail(QStringLiteral("--users: \"%1\" is not a file").arg(o.usersFile));
    }
    if (parser.isSet(alertRules)) {
        if (o.fast)
            return fail(QStringLiteral("--alert-rules and --fast exclude each other: --fast does not serve"));
        o.alertRulesFile = parser.value(alertRules);
        if (o.alertRulesFile.trimmed().isEmpty())
            return fail(QStringLiteral("--alert-rules: the file name is empty"));
        if (!QFileInfo(o.alertRulesFile).isFile())
            return fail(QStringLiteral("--alert-rules: \"%1\" is not a file").arg(o.alertRulesFile));
    }
    if (parser.isSet(stateDir)) {
        if (o.fast)
            return fail(QStringLiteral("--state-dir and --fast exclude each other: --fast does not serve"));
        o.stateDir = parser.value(stateDir);
        if (o.stateDir.trimmed().isEmpty())
            return fail(QStringLiteral("--state-dir: the folder name is empty"));
        const QFileInfo info(o.stateDir);
        if (info.exists() && !info.isDir())
            return fail(QStringLiteral("--state-dir: \"%1\" exists and is not a folder").arg(o.stateDir));
    }
    if (parser.isSet(controlListen)) {
        if (o.fast)
            return fail(QStringLiteral("--control-listen and --fast exclude each other: --fast does not serve"));
        QString error;
        if (!transport::parseHostPort(parser.value(controlListen), &o.controlHost, &o.controlPort, &error, true))
            return fail(QStringLiteral("--control-listen: ") + error);
        if (QHostAddress(o.controlHost).isNull() && o.controlHost != QStringLiteral("localhost"))
            return fail(QStringLiteral("--control-listen: \"%1\" is not an IP address (or localhost)").arg(o.controlHost));
        // The live system has no consoles, users, audit or alerts of its own.
        const QList<std::pair<const QCommandLineOption *, const char *>> gatewayOnly{
            {&listen, "--listen"}, {&users, "--users"}, {&stateDir, "--state-dir"},
            {&alertRules, "--alert-rules"}, {&approvalTimeout, "--approval-timeout"}};
        for (const auto &[option, name] : gatewayOnly) {
            if (parser.isSet(*option))
                return fail(QStringLiteral("%1 is refused with --control-listen: serving consoles, users, audit, alerts and "
                                           "approvals is sitroom-gateway's job; the live system only serves /metrics and /control")
                                .arg(QLatin1String(name)));
        }
        if (o.metricsHost.isEmpty())
            return fail(QStringLiteral("--control-listen needs --metrics-listen: a gateway watches the live system through its /metrics"));
        if (!parser.isSet(controlSecret))
            return fail(QStringLiteral("--control-listen needs --control-secret FILE: the shared secret that signs control requests"));
        o.controlSecretFile = parser.value(controlSecret);
    } else if (parser.isSet(controlSecret)) {
        return fail(QStringLiteral("--control-secret is only used with --control-listen"));
    }
    o.initTlsOnly = parser.isSet(initTls);
    o.listScenarios = parser.isSet(list);
    result.options = o;
    return result;
}

bool readControlSecret(const QString &path, QByteArray *secret, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("--control-secret: cannot read \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    *secret = file.readAll().trimmed();
    if (secret->isEmpty()) {
        *error = QStringLiteral("--control-secret: \"%1\" is empty; put the shared secret in it").arg(path);
        return false;
    }
    return true;
}

} // namespace sitroom::simapp
