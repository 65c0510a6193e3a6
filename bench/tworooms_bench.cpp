// The two rooms' figures (issue 13), in one run:
//
//   sitroom-bench-tworooms [--commands 300] [--rounds 3] [--warmup 5] [--changes 100]
//                          [--only roundtrip|display] [--postgres-fast] [--json]
//
// On tests/support's two-room rig (TwoRooms): a private PostgreSQL cluster
// (durable here, as SQLite is: fsync and synchronous commits on, unless
// --postgres-fast), one sitroom-sim as the live system with its control
// webhook, Debian's Prometheus scraping it, Seoul's and Osong's
// sitroom-gateway. Osong is in command for the whole run (--command-site
// osong), so its supervisor's throttle applies at once. Every gateway steers
// the one live system, so each answer waits for the live system's
// (docs/control-webhook.md).
//
// Round trip: Osong's supervisor's command through sitroom-gateway to its
// CommandResult APPLIED, the gateway keeping its state in SQLite (--state-dir),
// in PostgreSQL (the rig's Osong gateway alone, --state postgresql://…), and
// with both rooms' gateways on that PostgreSQL and the commands alternating
// between them. Commands go one after the other, each on the revision the
// last answer gave. Two in four are timed with the client's ACKs delayed as
// a console's are, two acknowledged at once (TCP_QUICKACK): the gateway's
// answer follows its ControlEvent by a few milliseconds and Nagle's algorithm
// holds it until the client's delayed ACK. Each command is also timed to the
// ControlEvent of its revision (decided and committed, before the delivery).
// The live system takes only rising revisions, so the set-ups cannot run
// side by side: each round starts each set-up's gateways (they take the live
// system's revision), times its commands and stops them; the rounds rotate
// the order so that no set-up always goes first.
//
// Display: both rooms' gateways on the PostgreSQL; Osong's supervisor changes
// the throttle through Osong's gateway and a console on Seoul's gateway waits
// for the ControlEvent carrying the new revision (PostgreSQL's LISTEN/NOTIFY
// between the gateways). Timed from the command's write and from Osong's
// answer, on the harness's one clock.
#include "bench/BenchSupport.h"
#include "bench/TimedClient.h"
#include "tests/support/TwoRooms.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

using namespace sitroom;
using bench::TimedClient;
using Room = testing::TwoRooms::Room;

namespace {

constexpr int kStartMs = 60000;
constexpr int kAnswerMs = 30000;  // a console's own wait for an answer
constexpr int kFreshMs = 30000;   // Prometheus's samples reach every rate() window

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

double msBetween(qint64 fromNs, qint64 toNs)
{
    return double(toNs - fromNs) / 1e6;
}

void putLatency(QJsonObject &out, const QString &prefix, const std::vector<double> &ms)
{
    if (ms.empty())
        return;
    out.insert(prefix + QStringLiteral("_p50_ms"), bench::percentile(ms, 50));
    out.insert(prefix + QStringLiteral("_p99_ms"), bench::percentile(ms, 99));
    out.insert(prefix + QStringLiteral("_min_ms"), *std::min_element(ms.begin(), ms.end()));
    out.insert(prefix + QStringLiteral("_max_ms"), *std::max_element(ms.begin(), ms.end()));
    out.insert(prefix + QStringLiteral("_samples"), int(ms.size()));
}

// p50, p99 and max of `of` over those of `base`.
void putRatios(QJsonObject &out, const QString &prefix, const std::vector<double> &of, const std::vector<double> &base)
{
    if (of.empty() || base.empty())
        return;
    out.insert(prefix + QStringLiteral("_p50"), bench::percentile(of, 50) / bench::percentile(base, 50));
    out.insert(prefix + QStringLiteral("_p99"), bench::percentile(of, 99) / bench::percentile(base, 99));
    out.insert(prefix + QStringLiteral("_max"), *std::max_element(of.begin(), of.end()) / *std::max_element(base.begin(), base.end()));
}

// The set-up, in one place: the rig with Osong in command and each gateway
// serving its room. start() is then the rig's startSystem(); the gateways are
// started by each figure.
testing::TwoRooms::Options roomsOptions()
{
    testing::TwoRooms::Options options;
    const QStringList osongInCommand = {QStringLiteral("--command-site"), QStringLiteral("osong")};
    options.gatewayArguments = {QStringList{QStringLiteral("--site"), QStringLiteral("seoul")} + osongInCommand,
                                QStringList{QStringLiteral("--site"), QStringLiteral("osong")} + osongInCommand};
    options.startTimeoutMs = kStartMs;
    return options;
}

// Osong's gateway as the rig starts it, but with its state in SQLite
// (--state-dir) and on a port of its own.
bool startSqliteGateway(testing::TwoRooms &rooms, testing::GatewayProcess &gateway, QString *error)
{
    QStringList arguments = rooms.gatewayArguments(Room::Osong);
    const qsizetype state = arguments.indexOf(QStringLiteral("--state"));
    const qsizetype listen = arguments.indexOf(QStringLiteral("--listen"));
    const QString folder = rooms.path(QStringLiteral("sqlite-state"));
    if (state < 0 || listen < 0 || !QDir().mkpath(folder)) {
        *error = QStringLiteral("the rig's gateway arguments have no --state or --listen");
        return false;
    }
    arguments[state] = QStringLiteral("--state-dir");
    arguments[state + 1] = folder;
    arguments[listen + 1] = QStringLiteral("127.0.0.1:0");
    if (!gateway.start(arguments, error, kStartMs))
        return false;
    static const QRegularExpression reachable(QStringLiteral("control webhook \\S+ reachable"));
    if (gateway.waitForOutput(reachable, kStartMs).hasMatch())
        return true;
    *error = QStringLiteral("the SQLite gateway did not reach the control webhook: %1").arg(gateway.standardError().right(4000));
    return false;
}

// Where a round trip's gateways keep their state.
struct Backend
{
    enum Kind { Sqlite, Postgres, PostgresPair };
    Backend(const QString &name, Kind how) : key(name), kind(how) {}
    QString key;
    Kind kind;
    std::vector<double> ms;       // to the CommandResult APPLIED (after the live system's answer), ACKs delayed as a console's
    std::vector<double> quick;    // the same, the client acknowledging at once
    std::vector<double> decided;  // to the ControlEvent of the new revision (committed, before delivery), all commands
    std::vector<double> roundP50;
    int notApplied = 0;
    // Conflicts answered on a revision older than the one the command named:
    // the deciding gateway had not yet heard of the other's change.
    int conflictsBehind = 0;
};

// What the command line asks for.
struct Settings
{
    int commands = 300;
    int rounds = 3;
    int warmup = 5;
    int changes = 100;
};

// One round of one backend: its gateways started, `count` commands timed
// after `warmup`, its gateways stopped. False with the reason.
bool roundTrips(testing::TwoRooms &rooms, Backend &backend, int count, const Settings &settings, QString *error)
{
    testing::GatewayProcess sqlite;
    std::vector<quint16> ports;
    if (backend.kind == Backend::Sqlite) {
        if (!startSqliteGateway(rooms, sqlite, error))
            return false;
        ports = {sqlite.port()};
    } else {
        for (Room room : testing::TwoRooms::kRooms) {
            if (backend.kind == Backend::Postgres && room == Room::Seoul)
                continue;
            if (!rooms.startGateway(room, error))
                return false;
            ports.push_back(rooms.port(room));
        }
    }
    std::vector<std::unique_ptr<TimedClient>> clients;
    for (quint16 port : ports) {
        clients.push_back(std::make_unique<TimedClient>());
        if (!clients.back()->signIn(port, rooms.caPath(), QStringLiteral("jung"), error))
            return false;
    }
    if (!clients.front()->waitFresh(kFreshMs)) {
        *error = backend.key + QStringLiteral(": the gateway's figures did not become fresh");
        return false;
    }
    std::uint64_t revision = 0;
    for (const auto &client : clients)
        revision = std::max(revision, client->revision());
    std::vector<double> round;
    for (int k = 0; k < settings.warmup + count; ++k) {
        TimedClient &client = *clients[std::size_t(k) % clients.size()];
        // Two commands with delayed ACKs, then two acknowledged at once, and so on.
        const bool quick = (k / 2) % 2 == 1;
        client.setQuickAck(quick);
        const std::uint64_t expected = revision;
        const qint64 sentNs = TimedClient::nowNs();
        const std::string id = client.sendThrottle(k % 2 ? 700 : 650, revision, QStringLiteral("sitroom-bench-tworooms: round trip"));
        const std::optional<TimedClient::Answer> answer = client.waitAnswer(id, kAnswerMs);
        if (!answer) {
            *error = backend.key + QStringLiteral(": no answer to a command within %1 s").arg(kAnswerMs / 1000);
            return false;
        }
        revision = std::max<std::uint64_t>(revision, answer->result.control().revision());
        if (answer->result.status() != v1::COMMAND_APPLIED) {
            ++backend.notApplied;
            if (answer->result.status() == v1::COMMAND_CONFLICT && answer->result.control().revision() < expected)
                ++backend.conflictsBehind;
            err() << backend.key << ": not applied (status " << int(answer->result.status()) << "): "
                  << QString::fromStdString(answer->result.message()) << '\n' << Qt::flush;
        } else if (k >= settings.warmup) {
            (quick ? backend.quick : round).push_back(msBetween(sentNs, answer->atNs));
            if (const std::optional<qint64> decidedNs = client.waitRevisionEvent(expected + 1, 1000))
                backend.decided.push_back(msBetween(sentNs, *decidedNs));
        }
    }
    backend.ms.insert(backend.ms.end(), round.begin(), round.end());
    backend.roundP50.push_back(bench::percentile(round, 50));
    err() << backend.key << ": " << round.size() << " round trips, p50 " << bench::percentile(round, 50) << " ms\n" << Qt::flush;
    clients.clear();
    sqlite.stop();
    for (Room room : testing::TwoRooms::kRooms)
        rooms.stopGateway(room);
    return true;
}

bool roundTripFigures(testing::TwoRooms &rooms, const Settings &settings, QJsonObject &out, QString *error)
{
    std::vector<Backend> backends = {{QStringLiteral("sqlite"), Backend::Sqlite},
                                     {QStringLiteral("postgresql"), Backend::Postgres},
                                     {QStringLiteral("postgresql_pair"), Backend::PostgresPair}};
    const int perRound = std::max(1, settings.commands / settings.rounds);
    for (int r = 0; r < settings.rounds; ++r) {
        for (std::size_t b = 0; b < backends.size(); ++b) {
            Backend &backend = backends[(b + std::size_t(r)) % backends.size()];
            if (!roundTrips(rooms, backend, perRound, settings, error))
                return false;
        }
    }
    const Backend &sqlite = backends[0];
    for (const Backend &backend : backends) {
        const QString prefix = QStringLiteral("roundtrip_") + backend.key;
        putLatency(out, prefix, backend.ms);
        putLatency(out, prefix + QStringLiteral("_quickack"), backend.quick);
        putLatency(out, prefix + QStringLiteral("_decided"), backend.decided);
        QJsonArray p50s;
        for (double v : backend.roundP50)
            p50s.append(std::round(v * 100) / 100);
        out.insert(prefix + QStringLiteral("_round_p50_ms"), p50s);
        out.insert(prefix + QStringLiteral("_not_applied"), backend.notApplied);
        out.insert(prefix + QStringLiteral("_conflicts_gateway_behind"), backend.conflictsBehind);
        if (&backend == &sqlite)
            continue;
        putRatios(out, prefix + QStringLiteral("_over_sqlite"), backend.ms, sqlite.ms);
        putRatios(out, prefix + QStringLiteral("_quickack_over_sqlite"), backend.quick, sqlite.quick);
        putRatios(out, prefix + QStringLiteral("_decided_over_sqlite"), backend.decided, sqlite.decided);
    }
    return true;
}

bool displayFigures(testing::TwoRooms &rooms, const Settings &settings, QJsonObject &out, QString *error)
{
    const int warmup = settings.warmup;
    if (!rooms.startGateway(Room::Osong, error) || !rooms.startGateway(Room::Seoul, error))
        return false;
    TimedClient jung, seoulConsole;  // Osong's supervisor; a console in Seoul
    if (!jung.signIn(rooms.port(Room::Osong), rooms.caPath(), QStringLiteral("jung"), error)
        || !seoulConsole.signIn(rooms.port(Room::Seoul), rooms.caPath(), QStringLiteral("kim"), error))
        return false;
    if (!jung.waitFresh(kFreshMs)) {
        *error = QStringLiteral("display: Osong's gateway's figures did not become fresh");
        return false;
    }
    std::vector<double> fromSend, fromAnswer, answer, osongLocal;
    int notApplied = 0;
    std::uint64_t revision = std::max(jung.revision(), seoulConsole.revision());
    for (int k = 0; k < warmup + settings.changes; ++k) {
        const qint64 sentNs = TimedClient::nowNs();
        const std::string id = jung.sendThrottle(k % 2 ? 700 : 650, revision, QStringLiteral("sitroom-bench-tworooms: Osong to Seoul"));
        const std::optional<TimedClient::Answer> result = jung.waitAnswer(id, kAnswerMs);
        if (!result) {
            *error = QStringLiteral("display: Osong's gateway did not answer within %1 s").arg(kAnswerMs / 1000);
            return false;
        }
        if (result->result.status() != v1::COMMAND_APPLIED) {
            ++notApplied;
            err() << "display: not applied (status " << int(result->result.status()) << "): "
                  << QString::fromStdString(result->result.message()) << '\n' << Qt::flush;
            revision = std::max<std::uint64_t>(revision, result->result.control().revision());
            continue;
        }
        revision = result->result.control().revision();
        // Seoul's console may have had it before Osong's answer, which waits for the live system.
        const std::optional<qint64> seenNs = seoulConsole.waitRevisionEvent(revision, 10000);
        if (!seenNs) {
            *error = QStringLiteral("display: Seoul's console did not get revision %1 within 10 s").arg(revision);
            return false;
        }
        const std::optional<qint64> localNs = jung.waitRevisionEvent(revision, 1000);
        if (k >= warmup) {
            fromSend.push_back(msBetween(sentNs, *seenNs));
            fromAnswer.push_back(msBetween(result->atNs, *seenNs));
            answer.push_back(msBetween(sentNs, result->atNs));
            if (localNs)
                osongLocal.push_back(msBetween(sentNs, *localNs));
        }
        bench::runEventsFor(100 + 37 * (k % 7));  // changes at varied moments against the gateways' 1 Hz ticks
    }
    putLatency(out, QStringLiteral("display_osong_to_seoul"), fromSend);
    putLatency(out, QStringLiteral("display_after_osong_answer"), fromAnswer);
    putLatency(out, QStringLiteral("display_osong_answer"), answer);
    putLatency(out, QStringLiteral("display_osong_own_console"), osongLocal);
    out.insert(QStringLiteral("display_not_applied"), notApplied);
    if (!fromSend.empty()) {
        // The bound: within a second.
        out.insert(QStringLiteral("display_p99_over_1s"), bench::percentile(fromSend, 99) / 1000.0);
        out.insert(QStringLiteral("display_max_over_1s"), *std::max_element(fromSend.begin(), fromSend.end()) / 1000.0);
    }
    for (Room room : testing::TwoRooms::kRooms)
        rooms.stopGateway(room);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Command round trip through PostgreSQL against SQLite, and Osong's change shown in Seoul."));
    parser.addHelpOption();
    const QCommandLineOption commandsOption(QStringLiteral("commands"), QStringLiteral("Round trips timed on each set-up (default 300)."), QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Rounds the round trips are split into (default 3)."), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption warmupOption(QStringLiteral("warmup"), QStringLiteral("Untimed commands after each start (default 5)."), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption changesOption(QStringLiteral("changes"), QStringLiteral("Osong changes timed to Seoul's console (default 100)."), QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("roundtrip or display."), QStringLiteral("FIGURE"));
    const QCommandLineOption fastPostgresOption(QStringLiteral("postgres-fast"), QStringLiteral("The cluster with the tests' settings (fsync, synchronous_commit and full_page_writes off) instead of durable ones."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the figures as one JSON line."));
    parser.addOptions({commandsOption, roundsOption, warmupOption, changesOption, onlyOption, fastPostgresOption, jsonOption});
    parser.process(app);
    Settings settings;
    settings.commands = std::max(1, parser.value(commandsOption).toInt());
    settings.rounds = std::max(1, parser.value(roundsOption).toInt());
    settings.warmup = std::max(0, parser.value(warmupOption).toInt());
    settings.changes = std::max(1, parser.value(changesOption).toInt());
    const QString only = parser.value(onlyOption);
    const auto fail = [](const QString &why) {
        err() << "sitroom-bench-tworooms: " << why << '\n' << Qt::flush;
        return 1;
    };
    if (!only.isEmpty() && only != QLatin1String("roundtrip") && only != QLatin1String("display"))
        return fail(QStringLiteral("--only: roundtrip or display, not \"%1\"").arg(only));

    testing::TwoRooms rooms(roomsOptions());
    // SQLite syncs every commit; so does PostgreSQL here unless asked not to.
    const bool durable = !parser.isSet(fastPostgresOption);
    rooms.cluster().setDurable(durable);
    QString error;
    if (!rooms.startSystem(&error))
        return fail(error);
    QJsonObject out;
    out.insert(QStringLiteral("postgres_durable"), durable);
    if (only != QLatin1String("display") && !roundTripFigures(rooms, settings, out, &error))
        return fail(error);
    if (only != QLatin1String("roundtrip") && !displayFigures(rooms, settings, out, &error))
        return fail(error);
    if (parser.isSet(jsonOption))
        bench::printJson(out);
    else
        QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented) << Qt::flush;
    return 0;
}
