// Fan-out: one sitroom-sim gateway, 1,000 read-only TLS consoles at 1 Hz plus
// two operators, on loopback; the clients are sockets in this one process.
//
//   sitroom-bench-fanout [--clients 1000] [--measure-s 30] [--json]
//
// Tick delivery = client receive time minus the envelope's server_time_ms
// (both the same host's wall clock, milliseconds). Gateway CPU from
// /proc/<pid>/stat over the measured window, as a fraction of one core.
// Phase 1: everyone reads, two windows (the second measures the noise
// floor of the comparison). Phase 2: one viewer stops reading (its socket's
// read buffer is capped and never drained, so TCP backs up into the
// gateway); the others' p99 is compared with phase 1 and the gateway's RSS
// watched.
#include "bench/BenchSupport.h"
#include "tests/support/SimulatorProcess.h"

#include "proto/framing/FrameCodec.h"
#include "server/gateway/PasswordHash.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <sys/resource.h>

using namespace sitroom;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

struct Account
{
    QString name;
    QString role;
    QString password;
};

bool writeUsers(const QString &path, const std::vector<Account> &accounts)
{
    QJsonArray list;
    // The gateway's minimum: sign-in costs a millisecond, not the 300 ms a
    // production hash takes (the benchmark is about fan-out, not PBKDF2).
    for (const Account &a : accounts)
        list.append(QJsonObject{{QStringLiteral("name"), a.name}, {QStringLiteral("role"), a.role},
                                {QStringLiteral("site"), QStringLiteral("seoul")},
                                {QStringLiteral("password_hash"), gateway::PasswordHash::hash(a.password, gateway::PasswordHash::kMinimumIterations)}});
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("users"), list}}).toJson());
    return true;
}

// One console's connection, reduced to what the figure needs.
class BenchClient final : public QObject
{
public:
    BenchClient(const Account &account, const QSslConfiguration &tls, bool ping)
        : m_account(account), m_ping(ping)
    {
        m_socket.setSslConfiguration(tls);
        connect(&m_socket, &QSslSocket::encrypted, this, [this] {
            sitroom::v1::Envelope hello;
            hello.set_seq(++m_seq);
            auto *h = hello.mutable_hello();
            h->set_protocol_version(sitroom::v1::PROTOCOL_VERSION_1);
            h->set_user(m_account.name.toStdString());
            h->set_password(m_account.password.toStdString());
            h->set_site(sitroom::v1::SITE_SEOUL);
            h->set_client_name("sitroom-bench-fanout");
            m_socket.write(framing::encodeFrame(hello));
        });
        connect(&m_socket, &QSslSocket::readyRead, this, &BenchClient::onReadyRead);
        connect(&m_socket, &QSslSocket::disconnected, this, [this] { m_live = false; ++disconnects; });
    }

    void connectTo(quint16 port) { m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("127.0.0.1")); }
    bool live() const { return m_live; }
    void stall()
    {
        m_stalled = true;
        m_socket.setReadBufferSize(4096);
    }

    std::vector<double> *latencies = nullptr;  // where tick delivery times go, if measuring
    quint64 ticks = 0;
    int disconnects = 0;
    QString role;

private:
    void onReadyRead()
    {
        if (m_stalled)
            return;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_decoder.feed(m_socket.readAll(), [this, now](sitroom::v1::Envelope &e) {
            switch (e.body_case()) {
            case sitroom::v1::Envelope::kWelcome:
                role = QString::number(int(e.welcome().role()));
                break;
            case sitroom::v1::Envelope::kSnapshot:
                m_live = true;
                if (m_ping && !m_pingTimer) {
                    m_pingTimer = std::make_unique<QTimer>();
                    connect(m_pingTimer.get(), &QTimer::timeout, this, [this] {
                        sitroom::v1::Envelope ping;
                        ping.set_seq(++m_seq);
                        ping.mutable_ping()->set_nonce(m_seq);
                        m_socket.write(framing::encodeFrame(ping));
                    });
                    m_pingTimer->start(1000);
                }
                break;
            case sitroom::v1::Envelope::kTick:
                ++ticks;
                if (latencies)
                    latencies->push_back(double(now - e.server_time_ms()));
                break;
            default:
                break;
            }
        });
    }

    Account m_account;
    bool m_ping;
    QSslSocket m_socket;
    framing::FrameDecoder m_decoder;
    quint64 m_seq = 0;
    bool m_live = false;
    bool m_stalled = false;
    std::unique_ptr<QTimer> m_pingTimer;
};

struct Window
{
    double p50 = 0, p99 = 0, max = 0, coreFraction = 0, gatewayRssMiB = 0;
    std::size_t samples = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption clientsOption(QStringLiteral("clients"), QStringLiteral("Read-only consoles (default 1000)."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption measureOption(QStringLiteral("measure-s"), QStringLiteral("Seconds measured per phase (default 30)."), QStringLiteral("S"), QStringLiteral("30"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({clientsOption, measureOption, jsonOption});
    parser.process(app);
    const int viewers = std::max(1, parser.value(clientsOption).toInt());
    const int measureMs = std::max(5, parser.value(measureOption).toInt()) * 1000;

    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    QTemporaryDir dir;
    const QString tls = dir.filePath(QStringLiteral("tls"));
    std::vector<Account> accounts;
    for (int i = 0; i < viewers; ++i)
        accounts.push_back({QStringLiteral("viewer%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("viewer"), QStringLiteral("pw%1").arg(i)});
    accounts.push_back({QStringLiteral("op1"), QStringLiteral("operator"), QStringLiteral("op1-pw")});
    accounts.push_back({QStringLiteral("op2"), QStringLiteral("operator"), QStringLiteral("op2-pw")});
    const QString users = dir.filePath(QStringLiteral("users.json"));
    if (!writeUsers(users, accounts)) {
        err() << "cannot write " << users << '\n';
        return 1;
    }
    testing::SimulatorProcess sim;
    sim.setErrorOutput(testing::ServiceProcess::ErrorOutput::Dropped);  // a thousand sign-ins' worth of log, unread
    QString error;
    if (!sim.start({QStringLiteral("--tls-dir"), tls, QStringLiteral("--users"), users,
                    QStringLiteral("--fast-forward"), QStringLiteral("30m"), QStringLiteral("--tick-hz"), QStringLiteral("1")}, &error)) {
        err() << error << '\n';
        return 1;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(tls + QStringLiteral("/ca.pem")));
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::TlsV1_2OrLater);

    std::vector<std::unique_ptr<BenchClient>> clients;
    QElapsedTimer connecting;
    connecting.start();
    // 50 handshakes at a time, as a room full of consoles would come in.
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        clients.push_back(std::make_unique<BenchClient>(accounts[i], config, accounts[i].role == QStringLiteral("operator")));
        clients.back()->connectTo(sim.port());
        if (i % 50 == 49) {
            bench::waitUntil([&] {
                std::size_t live = 0;
                for (const auto &c : clients)
                    live += c->live();
                return live + 10 >= clients.size();
            }, 20000);
        }
    }
    std::size_t live = 0;
    bench::waitUntil([&] {
        live = 0;
        for (const auto &c : clients)
            live += c->live();
        return live == clients.size();
    }, 30000);
    err() << live << " of " << clients.size() << " clients live after " << connecting.elapsed() / 1000.0 << " s\n" << Qt::flush;
    bench::runEventsFor(3000);

    const auto measure = [&](BenchClient *skip) {
        std::vector<double> latencies;
        latencies.reserve(std::size_t(clients.size()) * std::size_t(measureMs / 1000 + 2));
        for (auto &c : clients)
            c->latencies = c.get() == skip ? nullptr : &latencies;
        const double cpu0 = bench::cpuSeconds(sim.pid());
        QElapsedTimer wall;
        wall.start();
        double peakRss = 0;
        while (wall.elapsed() < measureMs) {
            bench::runEventsFor(1000);
            peakRss = std::max(peakRss, bench::residentMiB(sim.pid()));
        }
        const double cpu1 = bench::cpuSeconds(sim.pid());
        for (auto &c : clients)
            c->latencies = nullptr;
        Window w;
        w.samples = latencies.size();
        w.p50 = bench::percentile(latencies, 50);
        w.p99 = bench::percentile(latencies, 99);
        w.max = bench::percentile(latencies, 100);
        w.coreFraction = (cpu1 - cpu0) / (double(wall.elapsed()) / 1000.0);
        w.gatewayRssMiB = peakRss;
        return w;
    };

    const double rssBefore = bench::residentMiB(sim.pid());
    // Two windows with everyone reading: the first is the figure, and how far
    // the second differs from it is the noise floor of the comparison (the
    // harness drains 1,000 TLS sockets in turn on one thread, and the machine
    // is shared). The stall is compared with the second, adjacent in time.
    const Window normal = measure(nullptr);
    err() << "all reading: p50 " << normal.p50 << " ms, p99 " << normal.p99 << " ms, gateway " << normal.coreFraction
          << " of a core, RSS " << normal.gatewayRssMiB << " MiB, " << normal.samples << " ticks\n" << Qt::flush;
    const Window again = measure(nullptr);
    err() << "all reading again: p50 " << again.p50 << " ms, p99 " << again.p99 << " ms\n" << Qt::flush;
    BenchClient *stalled = clients.front().get();
    stalled->stall();
    const Window withStall = measure(stalled);
    err() << "one stalled: p50 " << withStall.p50 << " ms, p99 " << withStall.p99 << " ms, gateway " << withStall.coreFraction
          << " of a core, RSS " << withStall.gatewayRssMiB << " MiB\n" << Qt::flush;
    int disconnects = 0;
    for (const auto &c : clients)
        disconnects += c->disconnects;
    sim.stop();

    QJsonObject out;
    out.insert(QStringLiteral("fanout_clients"), qint64(clients.size()));
    out.insert(QStringLiteral("fanout_clients_live"), qint64(live));
    out.insert(QStringLiteral("fanout_gateway_core_fraction"), normal.coreFraction);
    out.insert(QStringLiteral("fanout_gateway_core_fraction_stalled"), withStall.coreFraction);
    out.insert(QStringLiteral("fanout_p99_ms"), normal.p99);
    out.insert(QStringLiteral("fanout_p50_ms"), normal.p50);
    out.insert(QStringLiteral("fanout_max_ms"), normal.max);
    out.insert(QStringLiteral("fanout_tick_samples"), qint64(normal.samples));
    out.insert(QStringLiteral("fanout_stalled_p99_ms"), withStall.p99);
    out.insert(QStringLiteral("stalled_client_p99_change"), again.p99 > 0 ? withStall.p99 / again.p99 - 1.0 : 0.0);
    out.insert(QStringLiteral("fanout_p99_again_ms"), again.p99);
    out.insert(QStringLiteral("fanout_p99_change_equal_windows"), normal.p99 > 0 ? again.p99 / normal.p99 - 1.0 : 0.0);
    out.insert(QStringLiteral("fanout_gateway_rss_mb_before"), rssBefore);
    out.insert(QStringLiteral("fanout_gateway_rss_mb"), normal.gatewayRssMiB);
    out.insert(QStringLiteral("fanout_gateway_rss_mb_stalled"), withStall.gatewayRssMiB);
    out.insert(QStringLiteral("fanout_disconnects"), disconnects);
    out.insert(QStringLiteral("fanout_measure_s"), measureMs / 1000);
    if (parser.isSet(jsonOption)) {
        bench::printJson(out);
    } else {
        QTextStream o(stdout);
        for (auto it = out.begin(); it != out.end(); ++it)
            o << it.key() << " = " << it.value().toDouble() << '\n';
    }
    return 0;
}
