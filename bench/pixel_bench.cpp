// Event to pixel, and the same event through Prometheus, in one run.
//
//   sitroom-bench-pixel [--samples 1000] [--prometheus-samples 20] [--no-prometheus] [--json]
//
// One process, one clock (std::chrono::steady_clock), loopback, offscreen:
//  - the live side, on its own thread: the simulator stepping at the
//    gateway's highest tick rate (20 Hz), a Gateway serving TLS and a
//    MetricsEndpoint serving the live system's /metrics, both fed the same state;
//  - the console, on the main thread: TelemetryClient (its worker thread
//    decodes), SituationStore, ProviderModel and ProviderBoard, shown on the
//    offscreen platform.
// The harness asks the live side to change the first provider's light
// (green <-> red) every 100 to 150 ms; the live side stamps the change when it
// publishes the tick that carries it. The sample ends when the tile's light
// indicator has finished a paint event showing the new light.
// Then a Prometheus server from Debian (prometheus on PATH) scrapes /metrics
// every second; for each of a few changes held 2.5 s the harness polls the
// HTTP query API until `sitroom_provider_light{provider=...}` shows it.
#include "bench/BenchSupport.h"

#include "widgets/board/LightIndicator.h"
#include "widgets/board/ProviderBoard.h"
#include "widgets/board/ProviderTile.h"
#include "server/gateway/DevelopmentTls.h"
#include "server/gateway/Gateway.h"
#include "models/itemmodels/ProviderModel.h"
#include "server/metrics/MetricsEndpoint.h"
#include "server/metrics/MetricsExposition.h"
#include "server/sim/ScenarioLoader.h"
#include "server/sim/SimTelemetry.h"
#include "server/sim/Simulation.h"
#include "models/situation/SituationStore.h"
#include "models/telemetry/TelemetryClient.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <chrono>
#include <map>
#include <mutex>

using namespace sitroom;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0, Clock::time_point t1)
{
    return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// When each requested change went out, written by the live side's thread.
class ChangeLog final
{
public:
    void stamp(int change, Clock::time_point at)
    {
        std::lock_guard lock(m_mutex);
        m_published[change] = at;
    }
    std::optional<Clock::time_point> publishedAt(int change) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_published.find(change);
        if (it == m_published.end())
            return std::nullopt;
        return it->second;
    }

private:
    mutable std::mutex m_mutex;
    std::map<int, Clock::time_point> m_published;
};

// The live system: lives in its own thread; everything made in start().
class LiveSide final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTickMs = 50;   // the gateway's highest tick rate, 20 Hz

    LiveSide(QString tlsDir, ChangeLog &log) : m_tlsDir(std::move(tlsDir)), m_log(log) {}

    quint16 gatewayPort = 0;
    quint16 metricsPort = 0;
    QString providerId;
    QString error;

    void start()
    {
        sim::ScenarioLoader loader;
        std::optional<sim::Scenario> scenario = loader.load(QStringLiteral("opening-18-49"));
        scenario->durationS = 7 * 24 * 3600;
        m_sim = std::make_unique<sim::Simulation>(*scenario, 1);
        m_recorder = std::make_unique<sim::HistoryRecorder>(*m_sim);
        for (int s = 0; s < 1800; ++s) {  // half an hour in: the rush
            m_sim->step();
            m_recorder->append(m_sim->state());
        }
        gateway::GatewayOptions options;
        options.port = 0;
        options.tlsDir = m_tlsDir;
        options.tickHz = 1000 / kTickMs;
        m_gateway = new gateway::Gateway(options, this);
        m_configuration = sim::configurationOf(*m_sim, 20.0);
        m_gateway->setConfiguration(m_configuration);
        m_gateway->setControlState(sim::controlStateOf(*m_sim));
        m_metrics = new metrics::MetricsEndpoint(this);
        providerId = QString::fromStdString(m_configuration.providers(0).id());
        publish();
        if (!m_gateway->listen(&error) || !m_metrics->listen(QHostAddress::LocalHost, 0, &error))
            return;
        gatewayPort = m_gateway->serverPort();
        metricsPort = m_metrics->serverPort();
        auto *timer = new QTimer(this);
        timer->setTimerType(Qt::PreciseTimer);
        connect(timer, &QTimer::timeout, this, &LiveSide::publish);
        timer->start(kTickMs);
    }

    // From the harness (queued): the next tick carries this light.
    void requestLight(int change, int light)
    {
        m_change = change;
        m_light = sitroom::v1::Light(light);
    }

private:
    void publish()
    {
        m_sim->step();
        m_recorder->append(m_sim->state());
        sitroom::v1::SystemState state = sim::systemStateOf(*m_sim);
        state.mutable_providers(0)->set_light(m_light);
        const Clock::time_point now = Clock::now();
        if (m_change > m_stamped) {
            m_log.stamp(m_change, now);
            m_stamped = m_change;
        }
        m_gateway->publishTick(state, m_recorder->take());
        // The live system's own exposition, carrying the same forced light.
        sim::SimulationState exposed = m_sim->state();
        exposed.providers.front().light = m_light == sitroom::v1::LIGHT_RED ? sim::Light::Red : sim::Light::Green;
        m_metrics->setBody(metrics::renderLiveMetrics(exposed, 0));
    }

    QString m_tlsDir;
    ChangeLog &m_log;
    std::unique_ptr<sim::Simulation> m_sim;
    std::unique_ptr<sim::HistoryRecorder> m_recorder;
    gateway::Gateway *m_gateway = nullptr;
    metrics::MetricsEndpoint *m_metrics = nullptr;
    sitroom::v1::Configuration m_configuration;
    sitroom::v1::Light m_light = sitroom::v1::LIGHT_GREEN;
    int m_change = 0;
    int m_stamped = 0;
};

// Stamps the end of every paint event of the watched light indicator.
class StampingApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    widgets::LightIndicator *watched = nullptr;
    std::function<void(sitroom::v1::Light)> painted;

    bool notify(QObject *receiver, QEvent *event) override
    {
        const bool isWatchedPaint = event->type() == QEvent::Paint && receiver == watched && watched;
        const bool result = QApplication::notify(receiver, event);
        if (isWatchedPaint && painted)
            painted(watched->light());
        return result;
    }
};

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

struct Percentiles
{
    double p50 = 0, p90 = 0, p99 = 0, max = 0;
};

Percentiles percentilesOf(const std::vector<double> &v)
{
    return {bench::percentile(v, 50), bench::percentile(v, 90), bench::percentile(v, 99), bench::percentile(v, 100)};
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    StampingApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Event to pixel, and through Prometheus, in one run."));
    parser.addHelpOption();
    const QCommandLineOption samplesOption(QStringLiteral("samples"), QStringLiteral("Light changes timed to the console's pixel (default 1000)."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption promSamplesOption(QStringLiteral("prometheus-samples"), QStringLiteral("Light changes timed through Prometheus (default 20)."), QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption noPromOption(QStringLiteral("no-prometheus"), QStringLiteral("Skip the Prometheus part."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({samplesOption, promSamplesOption, noPromOption, jsonOption});
    parser.process(app);
    const int samples = std::max(10, parser.value(samplesOption).toInt());
    const int promSamples = std::max(1, parser.value(promSamplesOption).toInt());

    QTemporaryDir dir;
    const QString tlsDir = dir.filePath(QStringLiteral("tls"));
    QString error;
    if (!gateway::ensureDevelopmentTls(tlsDir, &error)) {
        err() << error << '\n';
        return 1;
    }

    // The live side on its own thread.
    ChangeLog log;
    QThread liveThread;
    auto *live = new LiveSide(tlsDir, log);
    live->moveToThread(&liveThread);
    QObject::connect(&liveThread, &QThread::finished, live, &QObject::deleteLater);
    liveThread.start();
    QMetaObject::invokeMethod(live, &LiveSide::start, Qt::BlockingQueuedConnection);
    const auto stopLive = qScopeGuard([&] { liveThread.quit(); liveThread.wait(); });
    if (live->gatewayPort == 0) {
        err() << "live side: " << live->error << '\n';
        return 1;
    }
    const QString providerId = live->providerId;

    // The console.
    models::SituationStore store;
    models::ProviderModel providers(store);
    widgets::ProviderBoard board(&providers, store);
    board.resize(1600, 360);
    board.show();
    models::TelemetryClient client;
    QObject::connect(&client, &models::TelemetryClient::batchReady, &store, &models::SituationStore::apply);
    models::ConnectionSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = live->gatewayPort;
    settings.caFile = tlsDir + QStringLiteral("/ca.pem");
    settings.clientName = QStringLiteral("sitroom-bench-pixel");
    client.start(settings);
    bench::waitUntil([&] { return store.hasSnapshot() && store.isLive() && board.tileCount() > 0; }, 15000);
    if (board.tileCount() == 0) {
        err() << "the console did not come live\n";
        return 1;
    }
    for (int i = 0; i < board.tileCount(); ++i) {
        if (board.tile(i)->data().id == providerId)
            app.watched = board.tile(i)->findChild<widgets::LightIndicator *>();
    }
    if (!app.watched) {
        err() << "no tile for " << providerId << '\n';
        return 1;
    }

    // One change at a time: request, wait for the pixel, rest, next.
    int change = 0;
    sitroom::v1::Light expected = sitroom::v1::LIGHT_GREEN;
    std::optional<Clock::time_point> paintedAt;
    app.painted = [&](sitroom::v1::Light light) {
        if (!paintedAt && light == expected)
            paintedAt = Clock::now();
    };
    const auto changeLight = [&] {
        ++change;
        expected = expected == sitroom::v1::LIGHT_RED ? sitroom::v1::LIGHT_GREEN : sitroom::v1::LIGHT_RED;
        paintedAt.reset();
        const int c = change;
        const int l = int(expected);
        QMetaObject::invokeMethod(live, [live, c, l] { live->requestLight(c, l); }, Qt::QueuedConnection);
        return c;
    };
    const auto consoleLatency = [&](int c) -> std::optional<double> {
        bench::waitUntil([&] { return paintedAt.has_value(); }, 5000);
        const std::optional<Clock::time_point> published = log.publishedAt(c);
        if (!paintedAt || !published)
            return std::nullopt;
        return msSince(*published, *paintedAt);
    };
    const auto rest = [](int ms) { bench::runEventsFor(ms); };

    // Let the console settle (first layout, sparklines).
    rest(1000);
    std::vector<double> pixelMs;
    int lost = 0;
    QElapsedTimer phase;
    phase.start();
    for (int i = 0; i < samples; ++i) {
        const int c = changeLight();
        if (const auto latency = consoleLatency(c))
            pixelMs.push_back(*latency);
        else
            ++lost;
        rest(100 + int(QRandomGenerator::global()->bounded(50)));
        if ((i + 1) % 200 == 0)
            err() << "event to pixel: " << i + 1 << " samples, p99 so far " << bench::percentile(pixelMs, 99) << " ms\n" << Qt::flush;
    }
    const double pixelPhaseS = double(phase.elapsed()) / 1000.0;
    const Percentiles px = percentilesOf(pixelMs);
    std::vector<double> quarterP99;
    for (int q = 0; q < 4; ++q) {
        const auto from = pixelMs.begin() + std::ptrdiff_t(pixelMs.size() * q / 4);
        const auto to = pixelMs.begin() + std::ptrdiff_t(pixelMs.size() * (q + 1) / 4);
        quarterP99.push_back(bench::percentile(std::vector<double>(from, to), 99));
    }
    const bench::Spread quarters = bench::spreadOf(quarterP99);

    QJsonObject out;
    out.insert(QStringLiteral("event_to_pixel_p99_ms"), px.p99);
    out.insert(QStringLiteral("event_to_pixel_p99_ms_min"), quarters.min);
    out.insert(QStringLiteral("event_to_pixel_p99_ms_max"), quarters.max);
    out.insert(QStringLiteral("event_to_pixel_p50_ms"), px.p50);
    out.insert(QStringLiteral("event_to_pixel_p90_ms"), px.p90);
    out.insert(QStringLiteral("event_to_pixel_max_ms"), px.max);
    out.insert(QStringLiteral("event_to_pixel_samples"), int(pixelMs.size()));
    out.insert(QStringLiteral("event_to_pixel_lost"), lost);
    out.insert(QStringLiteral("event_to_pixel_tick_hz"), 1000 / LiveSide::kTickMs);
    out.insert(QStringLiteral("event_to_pixel_phase_s"), pixelPhaseS);
    err() << "event to pixel: p50 " << px.p50 << " ms, p99 " << px.p99 << " ms, max " << px.max << " ms over "
          << pixelMs.size() << " samples (" << lost << " lost)\n" << Qt::flush;

    // The same change through Prometheus.
    const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    if (!parser.isSet(noPromOption) && prometheus.isEmpty()) {
        err() << "prometheus is not installed (scripts/setup installs it): skipping the Prometheus figure\n";
    } else if (!parser.isSet(noPromOption)) {
        const quint16 promPort = freePort();
        QFile config(dir.filePath(QStringLiteral("prometheus.yml")));
        config.open(QIODevice::WriteOnly);
        config.write(QStringLiteral("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                                    "scrape_configs:\n  - job_name: sitroom\n    scrape_interval: 1s\n"
                                    "    scrape_timeout: 900ms\n    static_configs:\n"
                                    "      - targets: ['127.0.0.1:%1']\n").arg(live->metricsPort).toUtf8());
        config.close();
        QProcess server;
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.setStandardOutputFile(QProcess::nullDevice());
        server.start(prometheus, {QStringLiteral("--config.file=") + config.fileName(),
                                  QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("tsdb")),
                                  QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(promPort),
                                  QStringLiteral("--log.level=warn")});
        const auto stopServer = qScopeGuard([&] {
            server.terminate();
            if (!server.waitForFinished(10000)) {
                server.kill();
                server.waitForFinished(5000);
            }
        });
        QNetworkAccessManager net;
        QUrl url(QStringLiteral("http://127.0.0.1:%1/api/v1/query").arg(promPort));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("query"), QStringLiteral("sitroom_provider_light{provider=\"%1\"}").arg(providerId));
        url.setQuery(query);
        // The light Prometheus returns now, or -1.
        const auto queryLight = [&]() -> int {
            QNetworkReply *reply = net.get(QNetworkRequest(url));
            bench::waitUntil([reply] { return reply->isFinished(); }, 5000);
            const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
            reply->deleteLater();
            const QJsonArray result = answer.value(QStringLiteral("data")).toObject().value(QStringLiteral("result")).toArray();
            if (result.isEmpty())
                return -1;
            return result.at(0).toObject().value(QStringLiteral("value")).toArray().at(1).toString().toInt();
        };
        bench::waitUntil([&] { return queryLight() >= 0; }, 30000);
        std::vector<double> promMs, consoleSameMs;
        for (int i = 0; i < promSamples && server.state() == QProcess::Running; ++i) {
            const int c = changeLight();
            // The exposition's light gauge: 0 green, 2 red.
            const int want = expected == sitroom::v1::LIGHT_RED ? 2 : 0;
            const std::optional<double> console = consoleLatency(c);
            Clock::time_point seen{};
            QElapsedTimer guard;
            guard.start();
            while (guard.elapsed() < 10000) {
                if (queryLight() == want) {
                    seen = Clock::now();
                    break;
                }
                rest(10);
            }
            const std::optional<Clock::time_point> published = log.publishedAt(c);
            if (seen != Clock::time_point{} && published && console) {
                promMs.push_back(msSince(*published, seen));
                consoleSameMs.push_back(*console);
                err() << "prometheus: change " << i + 1 << " seen by a query after " << promMs.back() << " ms (console "
                      << *console << " ms)\n" << Qt::flush;
            }
            rest(1000 + int(QRandomGenerator::global()->bounded(1000)));
        }
        if (!promMs.empty()) {
            const Percentiles pr = percentilesOf(promMs);
            const bench::Spread spread = bench::spreadOf(promMs);
            out.insert(QStringLiteral("prometheus_p50_ms"), pr.p50);
            out.insert(QStringLiteral("prometheus_p50_ms_min"), spread.min);
            out.insert(QStringLiteral("prometheus_p50_ms_max"), spread.max);
            out.insert(QStringLiteral("prometheus_p99_ms"), pr.p99);
            out.insert(QStringLiteral("prometheus_samples"), int(promMs.size()));
            out.insert(QStringLiteral("prometheus_scrape_interval_s"), 1);
            out.insert(QStringLiteral("prometheus_same_events_console_p50_ms"), bench::percentile(consoleSameMs, 50));
            // Typical against typical, both from this run.
            out.insert(QStringLiteral("prometheus_over_console_latency_ratio"), pr.p50 / px.p50);
            out.insert(QStringLiteral("prometheus_over_console_latency_ratio_p99"), pr.p99 / px.p99);
            out.insert(QStringLiteral("prometheus_over_console_latency_ratio_same_events"),
                       pr.p50 / bench::percentile(consoleSameMs, 50));
        }
    }

    client.stop();
    if (parser.isSet(jsonOption)) {
        bench::printJson(out);
    } else {
        QTextStream o(stdout);
        for (auto it = out.begin(); it != out.end(); ++it)
            o << it.key() << " = " << it.value().toVariant().toString() << '\n';
    }
    return 0;
}

#include "pixel_bench.moc"
