// A live-system change through Prometheus against the direct path, and the
// gateway's CPU per tick with the Prometheus source, in one run.
//
//   sitroom-bench-gatewaysource [--changes 12] [--cpu-s 60] [--json]
//
// Through Prometheus: sitroom-sim as the live system (/metrics, control
// webhook), Debian's prometheus scraping it every second, sitroom-gateway
// --source prometheus: reading it. Direct: sitroom-sim serving consoles
// itself (--listen), its embedded gateway ticking the simulation's state.
// One TLS client per path signs in as an operator, sends a throttle and times
// it from the write of the Command to the first Tick whose
// admission.rate_limit_per_s shows the new rate. The changes alternate between
// the two paths so both see the same machine. Then for --cpu-s seconds the
// Prometheus gateway and a sitroom-gateway --source sim: (one client each)
// are left ticking at 1 Hz, and their utime+stime from /proc is divided by
// the ticks their client received.
#include "bench/BenchSupport.h"
#include "tests/support/GatewayProcess.h"
#include "tests/support/PrometheusProcess.h"
#include "tests/support/SimulatorProcess.h"

#include "proto/framing/FrameCodec.h"
#include "server/gateway/PasswordHash.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>

using namespace sitroom;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// One operator's console connection, reduced to what the figures need.
class RateWatcher final : public QObject
{
public:
    explicit RateWatcher(const QString &caPath)
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(caPath));
        m_socket.setSslConfiguration(tls);
        connect(&m_socket, &QSslSocket::encrypted, this, [this] {
            v1::Envelope hello;
            auto *h = hello.mutable_hello();
            h->set_protocol_version(v1::PROTOCOL_VERSION_1);
            h->set_user("kim");
            h->set_password("kim-bench-pw");
            h->set_site(v1::SITE_SEOUL);
            h->set_client_name("sitroom-bench-gatewaysource");
            m_socket.write(framing::encodeFrame(hello));
        });
        connect(&m_socket, &QSslSocket::readyRead, this, [this] {
            m_decoder.feed(m_socket.readAll(), [this](v1::Envelope &e) { onEnvelope(e); });
        });
    }

    bool connectTo(quint16 port)
    {
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
        return bench::waitUntil([this] { return m_live; }, 15000);
    }
    bool fresh() const { return m_fresh; }
    double rateInTicks() const { return m_rate; }
    quint64 ticks() const { return m_ticks; }

    // Sends a throttle to rate and waits until a Tick shows it; the time
    // from the write to that Tick in ms, or nullopt (with why).
    std::optional<double> change(double rate, QString *why)
    {
        v1::Envelope e;
        auto *c = e.mutable_command();
        c->set_command_id(QStringLiteral("bench-%1-%2").arg(quintptr(this)).arg(++m_commands).toStdString());
        c->set_expected_revision(m_revision);
        c->set_reason("sitroom-bench-gatewaysource");
        c->mutable_set_admission_rate()->set_rate_per_s(rate);
        m_result = {};
        m_target = rate;
        m_seenNs = -1;
        m_clock.start();
        m_socket.write(framing::encodeFrame(e));
        if (!bench::waitUntil([this] { return m_seenNs >= 0; }, 20000)) {
            *why = QStringLiteral("rate %1 not seen in a tick within 20 s (command: status %2, %3)")
                       .arg(rate).arg(int(m_result.status())).arg(QString::fromStdString(m_result.message()));
            return std::nullopt;
        }
        // The revision this change made, for the next command.
        bench::waitUntil([this] { return m_result.status() != v1::COMMAND_STATUS_UNSPECIFIED; }, 20000);
        return double(m_seenNs) / 1e6;
    }

private:
    void onEnvelope(const v1::Envelope &e)
    {
        switch (e.body_case()) {
        case v1::Envelope::kSnapshot:
            m_revision = e.snapshot().control().revision();
            m_live = true;
            break;
        case v1::Envelope::kControlEvent:
            m_revision = e.control_event().control().revision();
            break;
        case v1::Envelope::kCommandResult:
            m_result = e.command_result();
            if (m_result.control().revision() > m_revision)
                m_revision = m_result.control().revision();
            break;
        case v1::Envelope::kTick:
            ++m_ticks;
            m_fresh = e.tick().state().stale_size() == 0;
            m_rate = e.tick().state().admission().rate_limit_per_s();
            if (m_seenNs < 0 && m_clock.isValid() && m_rate == m_target)
                m_seenNs = m_clock.nsecsElapsed();
            break;
        default:
            break;
        }
    }

    QSslSocket m_socket;
    framing::FrameDecoder m_decoder;
    bool m_live = false;
    bool m_fresh = false;
    quint64 m_revision = 0;
    quint64 m_ticks = 0;
    int m_commands = 0;
    double m_rate = 0;
    double m_target = -1;
    qint64 m_seenNs = -1;  // from the write of the Command to the Tick that shows it
    QElapsedTimer m_clock;
    v1::CommandResult m_result;
};

QJsonObject latencyFigures(const QString &prefix, const std::vector<double> &ms)
{
    QJsonObject o;
    o.insert(prefix + QStringLiteral("_p50_ms"), bench::percentile(ms, 50));
    o.insert(prefix + QStringLiteral("_p95_ms"), bench::percentile(ms, 95));
    o.insert(prefix + QStringLiteral("_min_ms"), *std::min_element(ms.begin(), ms.end()));
    o.insert(prefix + QStringLiteral("_max_ms"), *std::max_element(ms.begin(), ms.end()));
    QJsonArray all;
    for (double v : ms)
        all.append(std::round(v * 10) / 10);
    o.insert(prefix + QStringLiteral("_samples_ms"), all);
    return o;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A change through Prometheus against the direct path, and the gateway's CPU per tick."));
    parser.addHelpOption();
    const QCommandLineOption changesOption(QStringLiteral("changes"), QStringLiteral("Throttle changes timed on each path (default 12)."), QStringLiteral("N"), QStringLiteral("12"));
    const QCommandLineOption cpuOption(QStringLiteral("cpu-s"), QStringLiteral("Seconds of the CPU window (default 60)."), QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the figures as one JSON line."));
    parser.addOptions({changesOption, cpuOption, jsonOption});
    parser.process(app);
    const int changes = std::max(1, parser.value(changesOption).toInt());
    const int cpuS = std::max(5, parser.value(cpuOption).toInt());
    const auto fail = [](const QString &why) {
        err() << "sitroom-bench-gatewaysource: " << why << '\n' << Qt::flush;
        return 1;
    };
    if (testing::PrometheusProcess::binaryPath().isEmpty())
        return fail(QStringLiteral("prometheus is not installed (scripts/setup installs it)"));

    QTemporaryDir dir;
    const auto at = [&dir](const QString &name) { return dir.filePath(name); };
    QFile secret(at(QStringLiteral("secret")));
    if (!secret.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("no temporary folder"));
    secret.write("sitroom-bench-gatewaysource-secret\n");
    secret.close();
    QFile users(at(QStringLiteral("users.json")));
    if (!users.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("no temporary folder"));
    users.write(QJsonDocument(QJsonObject{{QStringLiteral("users"), QJsonArray{QJsonObject{
        {QStringLiteral("name"), QStringLiteral("kim")}, {QStringLiteral("role"), QStringLiteral("operator")},
        {QStringLiteral("site"), QStringLiteral("seoul")},
        {QStringLiteral("password_hash"), gateway::PasswordHash::hash(QStringLiteral("kim-bench-pw"), gateway::PasswordHash::kMinimumIterations)}}}}})
                    .toJson());
    users.close();
    for (const char *sub : {"tls-prometheus", "tls-direct", "tls-sim", "prometheus"})
        QDir(dir.path()).mkpath(QLatin1String(sub));

    const QStringList sim = {QStringLiteral("--scenario"), QStringLiteral("opening-18-49"), QStringLiteral("--fast-forward"), QStringLiteral("33m")};
    QString error;
    // The benchmark reads nothing of their logs.
    const auto quiet = [](testing::ServiceProcess &process) { process.setErrorOutput(testing::ServiceProcess::ErrorOutput::Dropped); };

    testing::LiveSystemProcess live;
    quiet(live);
    if (!live.start(sim, secret.fileName(), &error))
        return fail(error);
    testing::PrometheusProcess promServer;
    if (!promServer.start(at(QStringLiteral("prometheus")), QStringLiteral("sitroom-sim"), live.metricsPort(), &error))
        return fail(error);

    testing::GatewayProcess viaPrometheus;
    quiet(viaPrometheus);
    if (!viaPrometheus.start({QStringLiteral("--source"), QStringLiteral("prometheus:") + promServer.url().toString(),
                              QStringLiteral("--site-config"), QStringLiteral(SITROOM_SOURCE_DIR "/resources/sources/sim-prometheus.json"),
                              QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), at(QStringLiteral("tls-prometheus")),
                              QStringLiteral("--users"), users.fileName(), QStringLiteral("--control-webhook"), live.controlUrl(),
                              QStringLiteral("--control-secret"), secret.fileName()},
                             &error, 60000))
        return fail(error);
    testing::SimulatorProcess direct;
    quiet(direct);
    if (!direct.start(sim + QStringList{QStringLiteral("--tls-dir"), at(QStringLiteral("tls-direct")), QStringLiteral("--users"), users.fileName()},
                      &error))
        return fail(error);

    RateWatcher promClient(at(QStringLiteral("tls-prometheus/ca.pem")));
    RateWatcher directClient(at(QStringLiteral("tls-direct/ca.pem")));
    if (!promClient.connectTo(viaPrometheus.port()) || !directClient.connectTo(direct.port()))
        return fail(QStringLiteral("a client could not sign in"));
    // The stale-data interlock refuses a throttle until every rate() window has samples.
    if (!bench::waitUntil([&] { return promClient.fresh(); }, 30000))
        return fail(QStringLiteral("the Prometheus gateway's figures did not become fresh"));

    std::vector<double> promMs, directMs;
    for (int i = 0; i < changes; ++i) {
        const double rate = i % 2 == 0 ? 650 : 700;
        for (auto [client, out, name] : {std::tuple{&promClient, &promMs, "prometheus"}, std::tuple{&directClient, &directMs, "direct"}}) {
            const std::optional<double> ms = client->change(rate, &error);
            if (!ms)
                return fail(QLatin1String(name) + QStringLiteral(": ") + error);
            out->push_back(*ms);
            err() << name << ": change " << i + 1 << " (" << rate << "/s) in a tick after " << qRound(*ms) << " ms\n" << Qt::flush;
            bench::runEventsFor(300 + 137 * (i % 5));  // vary the phase against the scrape and the ticks
        }
    }

    // CPU: the Prometheus gateway, and a sim: source gateway beside it.
    testing::GatewayProcess simGateway;
    quiet(simGateway);
    if (!simGateway.start({QStringLiteral("--source"), QStringLiteral("sim:opening-18-49"), QStringLiteral("--fast-forward"), QStringLiteral("33m"),
                           QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), at(QStringLiteral("tls-sim")),
                           QStringLiteral("--users"), users.fileName()},
                          &error, 60000))
        return fail(error);
    RateWatcher simClient(at(QStringLiteral("tls-sim/ca.pem")));
    if (!simClient.connectTo(simGateway.port()))
        return fail(QStringLiteral("could not sign in to the sim: gateway"));
    bench::runEventsFor(3000);  // past the start-up and the first ticks
    const double promCpu0 = bench::cpuSeconds(viaPrometheus.pid()), simCpu0 = bench::cpuSeconds(simGateway.pid());
    const double prometheusCpu0 = bench::cpuSeconds(promServer.pid()), liveCpu0 = bench::cpuSeconds(live.pid());
    const quint64 promTicks0 = promClient.ticks(), simTicks0 = simClient.ticks();
    QElapsedTimer window;
    window.start();
    bench::runEventsFor(cpuS * 1000);
    const double wallS = double(window.elapsed()) / 1000.0;
    const double promCpu = bench::cpuSeconds(viaPrometheus.pid()) - promCpu0, simCpu = bench::cpuSeconds(simGateway.pid()) - simCpu0;
    const double prometheusCpu = bench::cpuSeconds(promServer.pid()) - prometheusCpu0;
    const double liveCpu = bench::cpuSeconds(live.pid()) - liveCpu0;
    const auto promTicks = double(promClient.ticks() - promTicks0), simTicks = double(simClient.ticks() - simTicks0);

    QJsonObject out;
    const double p50 = bench::percentile(promMs, 50), d50 = bench::percentile(directMs, 50);
    for (const QJsonObject &o : {latencyFigures(QStringLiteral("change_via_prometheus"), promMs), latencyFigures(QStringLiteral("change_direct"), directMs)})
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), it.value());
    out.insert(QStringLiteral("change_prometheus_over_direct_p50"), p50 / d50);
    out.insert(QStringLiteral("change_prometheus_over_direct_p95"), bench::percentile(promMs, 95) / bench::percentile(directMs, 95));
    out.insert(QStringLiteral("change_samples"), int(promMs.size()));
    out.insert(QStringLiteral("cpu_window_s"), wallS);
    out.insert(QStringLiteral("gateway_prometheus_cpu_ms_per_tick"), promCpu * 1000.0 / std::max(1.0, promTicks));
    out.insert(QStringLiteral("gateway_prometheus_core_fraction"), promCpu / wallS);
    out.insert(QStringLiteral("gateway_prometheus_ticks"), promTicks);
    out.insert(QStringLiteral("gateway_sim_cpu_ms_per_tick"), simCpu * 1000.0 / std::max(1.0, simTicks));
    out.insert(QStringLiteral("gateway_sim_core_fraction"), simCpu / wallS);
    out.insert(QStringLiteral("gateway_sim_ticks"), simTicks);
    out.insert(QStringLiteral("prometheus_server_core_fraction"), prometheusCpu / wallS);
    out.insert(QStringLiteral("live_sim_core_fraction"), liveCpu / wallS);
    if (parser.isSet(jsonOption)) {
        bench::printJson(out);
    } else {
        QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented) << Qt::flush;
    }
    return 0;
}
