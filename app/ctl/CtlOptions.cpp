#include "app/ctl/CtlOptions.h"

#include "app/ctl/CtlCommandRoom.h"

#include "server/gateway/PasswordHash.h"
#include "proto/sitroom/SiteKey.h"
#include "proto/transport/Defaults.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QtGlobal>

#include <cmath>
#include <pwd.h>
#include <unistd.h>

namespace sitroom::ctl {

namespace {

struct CommandSpec
{
    const char *name;
    const char *arguments;    // for the usage line
    const char *description;
    bool changesState;        // takes --reason (required) and --revision
};

// The order is the order --help lists them in.
constexpr CommandSpec kCommands[] = {
    {"status", "", "Show the live system: scenario, time, queue, throttle, providers, control state.", false},
    {"throttle", "RATE", "Set the admission rate to RATE citizens per second.", true},
    {"pause", "", "Pause admission (needs a second supervisor's approval).", true},
    {"resume", "", "Resume admission.", true},
    {"disable", "PROVIDER", "Disable a verification provider (supervisors; needs a second supervisor's approval).", true},
    {"enable", "PROVIDER", "Enable a verification provider again.", true},
    {"approve", "REQUEST_ID", "Approve another supervisor's pending request.", true},
    {"pending", "", "List the requests waiting for approval.", false},
    {"handover", "request|accept ID|decline ID|withdraw ID",
     "Hand command to the other room (supervisors): request it with a reason (the room in command offers it, the other asks for it); a supervisor of the other room accepts or declines; the room that asked may withdraw.", false},
    {"take-command", "", "Take command for your room without a handover, with a reason: only when the room in command's gateway has been unreachable for the gateway's set time.", false},
    {"audit", "", "Print the audit log, export it as CSV, or verify its hash chain.", false},
    {"alerts", "", "List the open alerts, most severe first, and the alarm load.", false},
    {"ack", "ALERT_ID", "Acknowledge an alert with a comment (operators and supervisors).", false},
    {"shelve", "ALERT_ID", "Shelve an alert for 15 minutes to 12 hours, with a reason.", false},
    {"unshelve", "ALERT_ID", "Put a shelved alert back on the list, acknowledged.", false},
    {"hash-password", "", "Read a password from standard input and print its hash for a users file (no server).", false},
};

const CommandSpec *findCommand(const QString &name)
{
    for (const CommandSpec &spec : kCommands) {
        if (name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}

QString globalHelp(const QCommandLineParser &parser)
{
    QString text = QStringLiteral(
        "Usage: sitroomctl [global options] COMMAND [command options]\n"
        "Sitroom's command-line client: reads the live system's state and sends operator commands.\n"
        "Global options go before the command; `sitroomctl COMMAND --help` shows a command's own.\n\n"
        "Commands:\n");
    for (const CommandSpec &spec : kCommands) {
        const QString head = QString(QLatin1String(spec.name) + u' ' + QLatin1String(spec.arguments)).trimmed();
        text += QStringLiteral("  %1%2\n").arg(head, -24).arg(QLatin1String(spec.description));
    }
    text += QStringLiteral(
        "\nExit codes: 0 done (applied, or pending approval; with --wait-effect: the effect seen),\n"
        "1 connection or protocol error, 2 usage error, 3 refused (also: delivery to the live system failed),\n"
        "4 conflict, 5 invalid, 6 expired, 7 audit chain broken, 8 effect not seen (--wait-effect),\n"
        "9 no verdict on the effect within the --wait-effect time, 10 audit chain not checked (the gateway\n"
        "could not read it: its state store out of reach; neither whole nor broken as far as is known).\n\n");
    // QCommandLineParser's own text, without its usage line (written above).
    QString options = parser.helpText();
    options = options.mid(options.indexOf(QStringLiteral("Options:")));
    return text + options;
}

QString commandHelp(const CommandSpec &spec, const QCommandLineParser &parser)
{
    QString usage = QStringLiteral("Usage: sitroomctl [global options] %1").arg(QLatin1String(spec.name));
    if (*spec.arguments)
        usage += u' ' + QLatin1String(spec.arguments);
    usage += QStringLiteral(" [options]\n%1\n").arg(QLatin1String(spec.description));
    if (spec.changesState && QLatin1String(spec.name) != QLatin1String("approve"))
        usage += QStringLiteral("A reason is required; it goes into the audit log.\n");
    if (QLatin1String(spec.name) == QLatin1String("approve"))
        usage += QStringLiteral("Without --reason the audit log says \"approved by sitroomctl\".\n");
    QString options = parser.helpText();
    const qsizetype at = options.indexOf(QStringLiteral("Options:"));
    return usage + u'\n' + (at >= 0 ? options.mid(at) : QString());
}

bool readPasswordFile(const QString &path, QString *password, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the password file %1: %2").arg(path, file.errorString());
        return false;
    }
    QByteArray line = file.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    *password = QString::fromUtf8(line);
    return true;
}

// $USER, else $LOGNAME, else the account's name: cron jobs and containers
// often run without USER set.
QString defaultUserName()
{
    for (const char *name : {"USER", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    if (const passwd *entry = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    return {};
}

} // namespace

bool needsServer(const QString &command)
{
    return command != QStringLiteral("hash-password");
}

bool parseDuration(const QString &text, std::uint32_t *seconds, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s?)?$"));
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch m = pattern.match(trimmed);
    if (trimmed.isEmpty() || !m.hasMatch()) {
        *error = QStringLiteral("--for: \"%1\" is not a duration; write e.g. 45s, 10m, 1h30m").arg(text);
        return false;
    }
    const qint64 total = m.captured(1).toLongLong() * 3600 + m.captured(2).toLongLong() * 60 + m.captured(3).toLongLong();
    // A week bounds it: a longer outage is a decision for a manual re-enable.
    if (total < 1 || total > 7 * 86400) {
        *error = QStringLiteral("--for: %1 is outside 1 second to 7 days").arg(text);
        return false;
    }
    *seconds = std::uint32_t(total);
    return true;
}

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
    ParsedCommandLine result;
    const auto fail = [&result](const QString &message) {
        result.error = message;
        return result;
    };

    QCommandLineParser global;
    // Everything from the command on belongs to the command's own parser.
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("The gateway to connect to (default %1); several, separated by commas, the preferred one first: the first healthy one is used, and a command whose link dies is sent again, same id, through another.").arg(transport::defaultListenAddress()), QStringLiteral("HOST:PORT[,HOST:PORT...]"));
    const QCommandLineOption ca(QStringLiteral("ca"), QStringLiteral("CA certificate to trust (default %1/ca.pem).").arg(transport::defaultTlsDir()), QStringLiteral("FILE"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("User name (default $USER)."), QStringLiteral("NAME"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"), QStringLiteral("File whose first line is the password (or $SITROOM_PASSWORD_FILE)."), QStringLiteral("FILE"));
    const QCommandLineOption site(QStringLiteral("site"), QStringLiteral("Site to sign in from: seoul, osong or ministry."), QStringLiteral("SITE"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the result as one JSON object."));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("Give up on any wait after this many seconds (default 10)."), QStringLiteral("SECONDS"));
    global.addOptions({help, server, ca, user, passwordFile, site, json, timeout});
    global.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands)."));

    if (!global.parse(arguments))
        return fail(global.errorText());
    if (global.isSet(help)) {
        result.helpText = globalHelp(global);
        return result;
    }
    const QStringList restIn = global.positionalArguments();
    if (restIn.isEmpty())
        return fail(QStringLiteral("no command given; try sitroomctl --help"));

    Invocation &inv = result.invocation;
    GlobalOptions &g = inv.global;
    if (global.isSet(server)) {
        QString error;
        QList<transport::HostPort> servers;
        if (!transport::parseHostPortList(global.value(server), &servers, &error))
            return fail(QStringLiteral("--server: ") + error);
        g.host = servers.constFirst().host;
        g.port = servers.constFirst().port;
        g.otherServers = servers.mid(1);
    }
    g.caFile = global.isSet(ca) ? global.value(ca)
                                : QDir(transport::defaultTlsDir()).filePath(QLatin1String(transport::kCaFileName));
    g.user = global.isSet(user) ? global.value(user) : defaultUserName();
    if (global.isSet(user) && g.user.trimmed().isEmpty())
        return fail(QStringLiteral("--user: the name is empty"));
    const QString passwordPath = global.isSet(passwordFile) ? global.value(passwordFile)
                                                            : qEnvironmentVariable("SITROOM_PASSWORD_FILE");
    if (global.isSet(site)) {
        const std::optional<sitroom::v1::Site> s = siteFromKey(global.value(site));
        if (!s)
            return fail(QStringLiteral("--site: \"%1\" must be %2").arg(global.value(site), siteKeyChoices()));
        g.site = *s;
    }
    g.json = global.isSet(json);
    if (global.isSet(timeout)) {
        bool ok = false;
        const double seconds = global.value(timeout).toDouble(&ok);
        if (!ok || !(seconds > 0) || seconds > 3600)
            return fail(QStringLiteral("--timeout: \"%1\" must be a number of seconds above 0 and at most 3600")
                            .arg(global.value(timeout)));
        g.timeoutMs = std::max(1, int(std::lround(seconds * 1000)));
    }

    inv.command = restIn.constFirst();
    const CommandSpec *spec = findCommand(inv.command);
    if (!spec)
        return fail(QStringLiteral("unknown command \"%1\"; try sitroomctl --help").arg(inv.command));
    const QString name = inv.command;

    // --wait-effect takes an optional SECONDS, which QCommandLineParser cannot
    // say: take "--wait-effect N" and "--wait-effect=N" out first.
    QStringList rest = restIn;
    bool waitEffectGiven = false;
    QString waitEffectValue;
    for (int i = 1; i < rest.size(); ++i) {
        const QString &arg = rest.at(i);
        if (arg == QStringLiteral("--wait-effect")) {
            bool number = false;
            if (i + 1 < rest.size())
                rest.at(i + 1).toDouble(&number);
            waitEffectGiven = true;
            if (number) {
                waitEffectValue = rest.at(i + 1);
                rest.removeAt(i + 1);
            }
        } else if (arg.startsWith(QStringLiteral("--wait-effect="))) {
            waitEffectGiven = true;
            waitEffectValue = arg.mid(int(qstrlen("--wait-effect=")));
            rest[i] = QStringLiteral("--wait-effect");
        }
    }

    QCommandLineParser parser;
    const QCommandLineOption commandHelpOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this command's help."));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("Why; recorded in the audit log."), QStringLiteral("TEXT"));
    const QCommandLineOption revision(QStringLiteral("revision"), QStringLiteral("Control-state revision the decision was made on (default: the current one)."), QStringLiteral("N"));
    const QCommandLineOption forOption(QStringLiteral("for"), QStringLiteral("Re-enable by itself after this long, e.g. 10m, 1h30m, 45s."), QStringLiteral("DURATION"));
    const QCommandLineOption verify(QStringLiteral("verify"), QStringLiteral("Check the whole hash chain; exit 7 when it is broken, 10 when the gateway cannot read it."));
    const QCommandLineOption csv(QStringLiteral("csv"), QStringLiteral("Write RFC 4180 CSV with a header row."));
    const QCommandLineOption after(QStringLiteral("after"), QStringLiteral("Only entries with an id above ID."), QStringLiteral("ID"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N entries (default: all)."), QStringLiteral("N"));
    const QCommandLineOption comment(QStringLiteral("comment"), QStringLiteral("What was seen or done; recorded with the acknowledgement and in the audit log."), QStringLiteral("TEXT"));
    const QCommandLineOption runbookStep(QStringLiteral("runbook-step"), QStringLiteral("The runbook step taken, e.g. \"provider-failing#3: disable kakao\"."), QStringLiteral("STEP"));
    const QCommandLineOption shelveFor(QStringLiteral("for"), QStringLiteral("How long, from 15m to 12h, e.g. 30m, 2h."), QStringLiteral("DURATION"));
    const QCommandLineOption iterations(QStringLiteral("iterations"), QStringLiteral("PBKDF2 iterations, at least %1 (default %2).").arg(gateway::PasswordHash::kMinimumIterations).arg(gateway::PasswordHash::kDefaultIterations), QStringLiteral("N"));
    // --json is a global option; after the command it means the same
    // ("sitroomctl alerts --json" reads as naturally as "sitroomctl --json alerts").
    const QCommandLineOption commandJson(QStringLiteral("json"), QStringLiteral("Print the result as one JSON object (the same as the global --json)."));
    const QCommandLineOption waitEffect(QStringLiteral("wait-effect"),
        QStringLiteral("[SECONDS] After an applied result, stay until the live system shows the change in force "
                       "(exit 0, \"effect seen after 2.1 s\") or the gateway gives up on it (exit 8); exit 9 when "
                       "neither comes within SECONDS (default %1; write --wait-effect=SECONDS or put it right after).")
            .arg(kDefaultWaitEffectS));
    const bool takesJson = name != QStringLiteral("hash-password");
    parser.addOption(commandHelpOption);
    if (takesJson)
        parser.addOption(commandJson);
    if (spec->changesState)
        parser.addOptions({reason, revision, waitEffect});
    else if (waitEffectGiven)
        return fail(QStringLiteral("%1: --wait-effect is for commands that change the live system "
                                   "(throttle, pause, resume, disable, enable, approve)").arg(name));
    if (name == QStringLiteral("disable"))
        parser.addOption(forOption);
    if (name == QStringLiteral("audit"))
        parser.addOptions({verify, csv, after, limit});
    if (name == QStringLiteral("hash-password"))
        parser.addOption(iterations);
    if (name == QStringLiteral("ack"))
        parser.addOptions({comment, runbookStep});
    if (name == QStringLiteral("shelve"))
        parser.addOptions({shelveFor, reason});
    if (name == QStringLiteral("unshelve"))
        parser.addOption(reason);
    if (isRoomCommand(name))
        parser.addOptions({reason, revision});
    if (*spec->arguments)
        parser.addPositionalArgument(QLatin1String(spec->arguments), QStringLiteral("(required)"));

    QStringList commandArguments = rest;
    commandArguments[0] = QStringLiteral("sitroomctl ") + name;
    if (!parser.parse(commandArguments))
        return fail(name + QStringLiteral(": ") + parser.errorText()
                    + QStringLiteral(" (global options such as --server or --user go before the command)"));
    if (parser.isSet(commandHelpOption)) {
        result.helpText = commandHelp(*spec, parser);
        return result;
    }
    if (takesJson && parser.isSet(commandJson))
        g.json = true;
    const QStringList positional = parser.positionalArguments();
    const int wanted = isRoomCommand(name) ? int(positional.size()) : *spec->arguments ? 1 : 0;   // read by readRoomCommand
    if (positional.size() < wanted)
        return fail(QStringLiteral("%1: %2 is missing; usage: sitroomctl %1 %2").arg(name, QLatin1String(spec->arguments)));
    if (positional.size() > wanted)
        return fail(QStringLiteral("%1: unexpected argument \"%2\"").arg(name, positional.at(wanted)));

    if (spec->changesState) {
        inv.reason = parser.value(reason).trimmed();
        if (inv.reason.isEmpty() && name != QStringLiteral("approve"))
            return fail(QStringLiteral("%1: --reason is required: say why, it goes into the audit log").arg(name));
        if (inv.reason.isEmpty())
            inv.reason = QStringLiteral("approved by sitroomctl");
        if (parser.isSet(waitEffect)) {
            inv.waitEffectS = kDefaultWaitEffectS;
            if (!waitEffectValue.isEmpty()) {
                bool ok = false;
                const double seconds = waitEffectValue.toDouble(&ok);
                if (!ok || !(seconds >= 1) || seconds > 86400)
                    return fail(QStringLiteral("%1: --wait-effect: \"%2\" must be a number of seconds from 1 to 86400")
                                    .arg(name, waitEffectValue));
                inv.waitEffectS = int(std::lround(seconds));
            }
        }
        if (parser.isSet(revision)) {
            bool ok = false;
            inv.revision = parser.value(revision).toULongLong(&ok);
            if (!ok)
                return fail(QStringLiteral("%1: --revision: \"%2\" is not a whole number").arg(name, parser.value(revision)));
        }
    }
    if (name == QStringLiteral("throttle")) {
        bool ok = false;
        inv.rate = positional.constFirst().toDouble(&ok);
        if (!ok || !std::isfinite(inv.rate) || inv.rate <= 0)
            return fail(QStringLiteral("throttle: RATE \"%1\" must be a number of citizens per second above 0; "
                                       "to stop admission use pause").arg(positional.constFirst()));
    } else if (name == QStringLiteral("disable") || name == QStringLiteral("enable")) {
        inv.provider = positional.constFirst().trimmed();
        if (inv.provider.isEmpty())
            return fail(QStringLiteral("%1: PROVIDER is empty").arg(name));
        if (parser.isSet(forOption)) {
            QString error;
            if (!parseDuration(parser.value(forOption), &inv.disableForS, &error))
                return fail(QStringLiteral("disable: ") + error);
        }
    } else if (name == QStringLiteral("approve")) {
        inv.requestId = positional.constFirst().trimmed();
        if (inv.requestId.isEmpty())
            return fail(QStringLiteral("approve: REQUEST_ID is empty"));
    } else if (name == QStringLiteral("audit")) {
        inv.verify = parser.isSet(verify);
        inv.csv = parser.isSet(csv);
        if (inv.verify && inv.csv)
            return fail(QStringLiteral("audit: --verify and --csv exclude each other"));
        if (inv.csv && g.json)
            return fail(QStringLiteral("audit: --csv and --json exclude each other"));
        if (parser.isSet(after)) {
            bool ok = false;
            inv.afterId = parser.value(after).toULongLong(&ok);
            if (!ok)
                return fail(QStringLiteral("audit: --after: \"%1\" is not a whole number").arg(parser.value(after)));
        }
        if (parser.isSet(limit)) {
            bool ok = false;
            inv.limit = parser.value(limit).toUInt(&ok);
            if (!ok || inv.limit == 0)
                return fail(QStringLiteral("audit: --limit: \"%1\" must be a whole number above 0").arg(parser.value(limit)));
        }
    } else if (name == QStringLiteral("ack") || name == QStringLiteral("shelve") || name == QStringLiteral("unshelve")) {
        inv.alertId = positional.constFirst().trimmed();
        if (inv.alertId.isEmpty())
            return fail(QStringLiteral("%1: ALERT_ID is empty").arg(name));
        if (name == QStringLiteral("ack")) {
            inv.comment = parser.value(comment).trimmed();
            if (inv.comment.isEmpty())
                return fail(QStringLiteral("ack: --comment is required: say what you saw or did, it is kept with the acknowledgement"));
            inv.runbookStep = parser.value(runbookStep).trimmed();
            inv.reason = inv.comment;
        } else if (name == QStringLiteral("shelve")) {
            if (!parser.isSet(shelveFor))
                return fail(QStringLiteral("shelve: --for is required, from 15m to 12h"));
            QString error;
            if (!parseDuration(parser.value(shelveFor), &inv.shelveForS, &error))
                return fail(QStringLiteral("shelve: ") + error);
            if (inv.shelveForS < 15 * 60 || inv.shelveForS > 12 * 3600)
                return fail(QStringLiteral("shelve: --for %1 is outside 15 minutes to 12 hours").arg(parser.value(shelveFor)));
            inv.reason = parser.value(reason).trimmed();
            if (inv.reason.isEmpty())
                return fail(QStringLiteral("shelve: --reason is required: say why, it goes into the audit log"));
        } else {
            inv.reason = parser.value(reason).trimmed();
            if (inv.reason.isEmpty())
                inv.reason = QStringLiteral("unshelved by sitroomctl");
        }
    } else if (isRoomCommand(name)) {
        QString error;
        if (!readRoomCommand(name, positional, parser.value(reason), parser.value(revision), &inv, &error))
            return fail(error);
    } else if (name == QStringLiteral("hash-password")) {
        inv.iterations = gateway::PasswordHash::kDefaultIterations;
        if (parser.isSet(iterations)) {
            bool ok = false;
            inv.iterations = parser.value(iterations).toInt(&ok);
            // The gateway checks hashes of at most ten million iterations.
            if (!ok || inv.iterations < gateway::PasswordHash::kMinimumIterations || inv.iterations > 10000000)
                return fail(QStringLiteral("hash-password: --iterations: \"%1\" must be a whole number from %2 to 10000000")
                                .arg(parser.value(iterations)).arg(gateway::PasswordHash::kMinimumIterations));
        }
    }

    // Read last, so a usage mistake is reported before a file problem.
    if (needsServer(name) && !passwordPath.isEmpty()) {
        QString error;
        if (!readPasswordFile(passwordPath, &g.password, &error))
            return fail(error);
    }
    if (needsServer(name) && g.user.isEmpty())
        return fail(QStringLiteral("no user name: give --user NAME"));
    return result;
}

} // namespace sitroom::ctl
