// Console-side benchmarks, one figure per process so one cannot disturb
// another's memory:
//
//   sitroom-bench-console --figure ingest [--runs N] [--json]
//     The console's decode-and-apply path (FrameDecoder, SequenceTracker,
//     PendingBatch, the shared hand-over, SituationStore with its
//     HistoryRing: the classes the TelemetryWorker and the GUI run) over a recorded stream of real
//     simulator envelopes, against plain Envelope::ParseFromArray of the same
//     frames. Throughput ratio, per run, alternating.
//   sitroom-bench-console --figure chart [--runs N] [--json]
//     12 h of 1 Hz history, 8 series, 1920 px wide, rendered offscreen into a
//     QImage: TimeSeriesChart (decimated) against every point handed to plain
//     Qt Charts QLineSeries. One redraw = a new second arrives, the series are
//     refreshed and the widget is rendered. Thread CPU time per redraw.
//   sitroom-bench-console --figure shift [--json]
//     A 12 h shift of telemetry (after a 1 h backfill) replayed at speed into
//     the console's store, item models and main window; resident memory at
//     every hour, growth over the last 6 h.
#include "bench/BenchSupport.h"

#include "app/console/ConsoleOptions.h"
#include "app/console/MainWindow.h"

#include "proto/framing/FrameCodec.h"
#include "widgets/chart/TimeSeriesChart.h"
#include "models/history/HistoryRing.h"
#include "models/itemmodels/AlertModel.h"
#include "models/itemmodels/CohortModel.h"
#include "models/itemmodels/ProviderModel.h"
#include "models/situation/SituationStore.h"
#include "models/telemetry/PendingBatch.h"
#include "models/telemetry/SequenceTracker.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QLineSeries>
#include <QPainter>
#include <QTextStream>
#include <QValueAxis>

#include <cmath>
#include <ctime>

using namespace sitroom;

namespace {

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// ---------------------------------------------------------------- ingest

// What the worker does with each decoded frame, and what the GUI does with
// each batch: the same classes, without the socket.
struct ConsoleIngest
{
    framing::FrameDecoder decoder;
    models::SequenceTracker sequence;
    models::PendingBatch pending;
    qint64 now = 0;
    models::SituationStore store{nullptr, [this] { return now; }};
    quint64 applied = 0;

    void feed(const QByteArray &bytes)
    {
        // As TCP delivers it: 16 KiB reads.
        constexpr qsizetype kRead = 16 * 1024;
        for (qsizetype at = 0; at < bytes.size(); at += kRead) {
            decoder.feed(QByteArrayView(bytes).sliced(at, std::min(kRead, bytes.size() - at)),
                         [this](sitroom::v1::Envelope &e) { handle(e); });
        }
    }

    void handle(sitroom::v1::Envelope &e)
    {
        pending.noteMessage(e, ++now);
        switch (e.body_case()) {
        case sitroom::v1::Envelope::kWelcome: {
            pending.setWelcome(e.welcome());
            sequence.onUnicast(e.seq());
            models::LinkEvent live;
            live.state = models::LinkState::Live;
            pending.addLinkEvent(live);
            return;
        }
        case sitroom::v1::Envelope::kSnapshot:
            pending.setSnapshot(e.snapshot(), sequence.onSnapshot(e.seq()));
            break;
        case sitroom::v1::Envelope::kTick:
            if (sequence.onBroadcast(e.seq()) == models::SequenceVerdict::Accept)
                pending.addTick(std::move(*e.mutable_tick()));
            break;
        default:
            return;
        }
        // At 1 Hz every tick is its own batch (the worker's 40 ms pacing
        // never merges two): the worker shares it with the GUI thread
        // (SharedTelemetryBatch, what the queued connection carries), and
        // the GUI applies it.
        const models::SharedTelemetryBatch queued = std::make_shared<const models::TelemetryBatch>(pending.take());
        store.apply(*queued);
        ++applied;
    }
};

int runIngest(int runs, QJsonObject &out)
{
    constexpr std::int64_t kBackfillS = 3600;
    constexpr std::int64_t kSeconds = 3600;
    const bench::RecordedStream stream = bench::recordSimulatorStream(QStringLiteral("opening-18-49"), kBackfillS, kSeconds);
    err() << "ingest: " << stream.frameEnds.size() << " frames, " << stream.bytes.size() << " bytes ("
          << stream.ticks << " ticks after a " << kBackfillS << " s snapshot)\n" << Qt::flush;

    // Steady state: what a live console does every second. The Welcome and
    // the Snapshot (once per connection; the first one also faults in the
    // 12 h ring, a one-off of the session) go in before the clock starts, for
    // both paths alike; the full stream is timed too, as a second figure.
    const qsizetype ticksFrom = stream.frameEnds[1];
    const QByteArray head = stream.bytes.left(ticksFrom);
    const QByteArray ticks = stream.bytes.mid(ticksFrom);
    std::vector<double> rawMs, consoleMs, ratios, fullRatios;
    std::uint64_t sink = 0;
    const auto rawParse = [&](std::size_t fromFrame) {
        sitroom::v1::Envelope envelope;
        for (std::size_t i = fromFrame; i < stream.frameEnds.size(); ++i) {
            const qsizetype start = stream.payloadStarts[i];
            if (!envelope.ParseFromArray(stream.bytes.constData() + start, int(stream.frameEnds[i] - start)))
                return false;
            sink += envelope.seq();
        }
        return true;
    };
    const auto verify = [&](const ConsoleIngest &ingest) {
        if (ingest.decoder.failed() || ingest.applied != stream.frameEnds.size() - 1
            || ingest.store.history().size() != std::size_t(kBackfillS + kSeconds)) {
            err() << "ingest: the console path did not apply the stream (" << ingest.applied << " batches, "
                  << ingest.store.history().size() << " seconds of history)\n";
            return false;
        }
        return true;
    };
    for (int run = 0; run < runs + 1; ++run) {  // run 0 warms up
        QElapsedTimer timer;
        timer.start();
        if (!rawParse(2))
            return 1;
        const double raw = double(timer.nsecsElapsed()) / 1e6;
        double console = 0;
        {
            ConsoleIngest ingest;
            ingest.feed(head);
            timer.start();
            ingest.feed(ticks);
            console = double(timer.nsecsElapsed()) / 1e6;
            if (!verify(ingest))
                return 1;
        }
        // The whole stream, snapshot and a fresh console included.
        timer.start();
        rawParse(0);
        const double rawFull = double(timer.nsecsElapsed()) / 1e6;
        timer.start();
        {
            ConsoleIngest ingest;
            ingest.feed(stream.bytes);
            sink += ingest.store.history().size();
        }
        const double consoleFull = double(timer.nsecsElapsed()) / 1e6;
        if (run == 0)
            continue;
        rawMs.push_back(raw);
        consoleMs.push_back(console);
        ratios.push_back(raw / console);
        fullRatios.push_back(rawFull / consoleFull);
        err() << "ingest run " << run << ": ticks: raw parse " << raw << " ms, console " << console
              << " ms; whole stream: raw " << rawFull << " ms, console " << consoleFull << " ms\n" << Qt::flush;
    }
    const double mb = double(stream.bytes.size()) / (1024.0 * 1024.0);
    bench::putSpread(out, QStringLiteral("ingest_over_raw_parse"), bench::spreadOf(ratios));
    bench::putSpread(out, QStringLiteral("ingest_raw_parse_ms"), bench::spreadOf(rawMs));
    bench::putSpread(out, QStringLiteral("ingest_console_ms"), bench::spreadOf(consoleMs));
    bench::putSpread(out, QStringLiteral("ingest_over_raw_parse_with_snapshot"), bench::spreadOf(fullRatios));
    out.insert(QStringLiteral("ingest_stream_frames"), qint64(stream.frameEnds.size()));
    out.insert(QStringLiteral("ingest_stream_mib"), mb);
    out.insert(QStringLiteral("ingest_console_us_per_tick"), bench::spreadOf(consoleMs).median * 1000.0 / double(stream.ticks));
    out.insert(QStringLiteral("ingest_runs"), runs);
    Q_UNUSED(sink);
    return 0;
}

// ---------------------------------------------------------------- chart

constexpr int kChartWidth = 1920;
constexpr int kChartHeight = 540;
const char *const kChartSeries[] = {"queue_depth", "arrivals", "admitted", "abandoned",
                                    "bookings", "attempts", "backend_utilization", "rate_limit"};

// Waits (without spending CPU) until the chart's frame timer has rebuilt.
void waitForRebuild(widgets::TimeSeriesChart &chart, int before)
{
    bench::waitUntil([&] { return chart.rebuildCount() != before; }, 2000);
}

int runChart(int runs, QJsonObject &out)
{
    // 12 h of real per-second history, as the console's ring holds it.
    models::HistoryRing ring;
    sitroom::v1::History pendingSamples;
    qint64 originMs = 0;
    std::vector<sitroom::v1::History> lastSeconds;  // replayed one per redraw
    constexpr std::int64_t kSeconds = 12 * 3600;
    constexpr int kExtra = 200;
    bench::playSimulator(
        QStringLiteral("opening-18-49"), 0, kSeconds + kExtra, 1, [](const sitroom::v1::Snapshot &) {},
        [&](const sitroom::v1::Envelope &e) {
            if (originMs == 0)
                originMs = e.tick().samples().first_time_ms();
            if (ring.size() < std::size_t(kSeconds))
                ring.append(e.tick().samples());
            else
                lastSeconds.push_back(e.tick().samples());
        });
    std::vector<int> columns;
    for (const char *name : kChartSeries)
        columns.push_back(ring.column(QString::fromLatin1(name)));
    for (int c : columns) {
        if (c < 0) {
            err() << "chart: a history column is missing\n";
            return 1;
        }
    }
    const QColor colors[] = {Qt::black, Qt::darkBlue, Qt::darkGreen, Qt::darkRed,
                             Qt::darkCyan, Qt::darkMagenta, Qt::darkYellow, Qt::gray};
    std::size_t next = 0;

    // Ours.
    widgets::TimeSeriesChart chart;
    chart.setOrigin(originMs);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int series = chart.addSeries(QString::fromLatin1(kChartSeries[i]), colors[i]);
        const int column = columns[i];
        chart.setSource(series, [&ring, column] { return ring.span(column); });
    }
    // Not shown: each redraw is painted once, by render() into the image (a
    // shown widget would also repaint itself from the event loop).
    chart.resize(kChartWidth, kChartHeight);
    QImage image(kChartWidth, kChartHeight, QImage::Format_ARGB32_Premultiplied);
    int before = chart.rebuildCount();
    {
        QPainter painter(&image);
        chart.render(&painter);  // lays the chart out at its size
    }
    waitForRebuild(chart, before);
    std::vector<double> oursMs;
    const int oursRuns = runs * 10;
    for (int run = 0; run < oursRuns + 2; ++run) {
        before = chart.rebuildCount();
        const double t0 = threadCpuMs();
        ring.append(lastSeconds[next++ % lastSeconds.size()]);
        chart.samplesChanged();
        waitForRebuild(chart, before);
        {
            QPainter painter(&image);
            chart.render(&painter);
        }
        const double t1 = threadCpuMs();
        if (run >= 2)
            oursMs.push_back(t1 - t0);
    }
    int oursPoints = 0;
    for (int i = 0; i < chart.seriesCount(); ++i)
        oursPoints += chart.pointCount(i);
    err() << "chart: ours " << bench::spreadOf(oursMs).median << " ms a redraw, " << oursPoints
          << " points drawn; plot " << chart.plotPixelWidth() << " px\n" << Qt::flush;

    // Plain Qt Charts, every point.
    auto *plain = new QChart;
    plain->setAnimationOptions(QChart::NoAnimation);
    auto *xAxis = new QValueAxis;
    auto *yAxis = new QValueAxis;
    plain->addAxis(xAxis, Qt::AlignBottom);
    plain->addAxis(yAxis, Qt::AlignLeft);
    std::vector<QLineSeries *> lines;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        auto *line = new QLineSeries;
        line->setName(QString::fromLatin1(kChartSeries[i]));
        line->setPen(QPen(colors[i], 1.5));
        plain->addSeries(line);
        line->attachAxis(xAxis);
        line->attachAxis(yAxis);
        lines.push_back(line);
    }
    QChartView view(plain);
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(kChartWidth, kChartHeight);
    {
        QPainter painter(&image);
        view.render(&painter);
    }
    std::vector<double> plainMs;
    QList<QPointF> points;
    for (int run = 0; run < runs + 1; ++run) {
        const double t0 = threadCpuMs();
        ring.append(lastSeconds[next++ % lastSeconds.size()]);
        double lo = 0, hi = 1;
        qint64 first = 0, last = 0;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const models::SampleSpan span = ring.span(columns[i]);
            points.clear();
            points.reserve(span.size());
            for (qsizetype k = 0; k < span.size(); ++k) {
                const models::TimeSample &s = span[k];
                if (std::isnan(s.value))
                    continue;
                points.append(QPointF(double(s.timeMs - originMs) / 1000.0, s.value));
                lo = std::min(lo, double(s.value));
                hi = std::max(hi, double(s.value));
            }
            first = span[0].timeMs;
            last = span[span.size() - 1].timeMs;
            lines[i]->replace(points);
        }
        xAxis->setRange(double(first - originMs) / 1000.0, double(last - originMs) / 1000.0);
        yAxis->setRange(lo, hi);
        {
            QPainter painter(&image);
            view.render(&painter);
        }
        const double t1 = threadCpuMs();
        if (run >= 1)
            plainMs.push_back(t1 - t0);
        err() << "chart: plain Qt Charts redraw " << (t1 - t0) << " ms\n" << Qt::flush;
    }
    const bench::Spread ours = bench::spreadOf(oursMs);
    const bench::Spread baseline = bench::spreadOf(plainMs);
    bench::putSpread(out, QStringLiteral("chart_redraw_ms"), ours);
    bench::putSpread(out, QStringLiteral("chart_plain_qtcharts_redraw_ms"), baseline);
    out.insert(QStringLiteral("chart_speedup"), baseline.median / ours.median);
    out.insert(QStringLiteral("chart_speedup_min"), baseline.min / ours.max);
    out.insert(QStringLiteral("chart_speedup_max"), baseline.max / ours.min);
    out.insert(QStringLiteral("chart_points_per_series_in"), qint64(ring.size()));
    out.insert(QStringLiteral("chart_points_drawn_ours"), oursPoints);
    out.insert(QStringLiteral("chart_redraw_runs"), oursRuns);
    out.insert(QStringLiteral("chart_plain_runs"), runs);
    return 0;
}

// ---------------------------------------------------------------- shift

int runShift(QJsonObject &out)
{
    constexpr std::int64_t kBackfillS = 3600;
    constexpr std::int64_t kShiftS = 12 * 3600;
    constexpr int kSecondsPerBatch = 60;   // a minute of telemetry per GUI frame

    qint64 now = 1'000'000;
    models::SituationStore store(nullptr, [&now] { return now; });
    models::ProviderModel providers(store);
    models::CohortModel cohorts(store);
    models::AlertModel alerts(store);
    console::ConsoleOptions options;
    options.serverText = QStringLiteral("127.0.0.1:7600");
    options.language = QStringLiteral("en");
    console::MainWindow window({&store, &providers, &cohorts, &alerts}, options, console::Layout::Desktop);
    window.resize(1920, 1080);
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.show();
    QCoreApplication::processEvents();
    const double startMiB = bench::residentMiB();

    models::PendingBatch pending;
    std::int64_t played = 0;
    QJsonArray hourly;
    double at6h = 0, at12h = 0, peak = 0;
    const auto frame = [&] {
        now += 40;
        store.apply(pending.take());
        // Let the 40 ms chart and repaint timers run, as a live console would.
        bench::runEventsFor(45);
    };
    QElapsedTimer wall;
    wall.start();
    bench::playSimulator(
        QStringLiteral("opening-18-49"), kBackfillS, kShiftS, 1,
        [&](const sitroom::v1::Snapshot &snapshot) {
            models::LinkEvent live;
            live.state = models::LinkState::Live;
            pending.addLinkEvent(live);
            sitroom::v1::Envelope e;
            pending.noteMessage(e, now);
            pending.setSnapshot(snapshot, false);
            frame();
        },
        [&](const sitroom::v1::Envelope &e) {
            pending.noteMessage(e, now);
            pending.addTick(e.tick());
            ++played;
            if (played % kSecondsPerBatch == 0)
                frame();
            if (played % 3600 == 0) {
                const double rss = bench::residentMiB();
                peak = std::max(peak, rss);
                hourly.append(rss);
                if (played == 6 * 3600)
                    at6h = rss;
                if (played == kShiftS)
                    at12h = rss;
                err() << "shift: hour " << played / 3600 << " RSS " << rss << " MiB (history "
                      << store.history().size() << " s), " << wall.elapsed() / 1000 << " s wall\n" << Qt::flush;
            }
        });
    out.insert(QStringLiteral("shift_rss_mb"), at12h);
    out.insert(QStringLiteral("shift_rss_peak_mb"), peak);
    out.insert(QStringLiteral("shift_rss_at_6h_mb"), at6h);
    out.insert(QStringLiteral("shift_rss_before_mb"), startMiB);
    out.insert(QStringLiteral("shift_last6h_growth"), at6h > 0 ? at12h / at6h - 1.0 : 0.0);
    out.insert(QStringLiteral("shift_rss_hourly_mb"), hourly);
    out.insert(QStringLiteral("shift_replay_s"), double(wall.elapsed()) / 1000.0);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Console-side benchmarks: ingest, chart, shift."));
    parser.addHelpOption();
    const QCommandLineOption figureOption(QStringLiteral("figure"), QStringLiteral("ingest, chart or shift."), QStringLiteral("NAME"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Repetitions (default 7)."), QStringLiteral("N"), QStringLiteral("7"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({figureOption, runsOption, jsonOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QString figure = parser.value(figureOption);
    QJsonObject out;
    int code = 2;
    if (figure == QStringLiteral("ingest"))
        code = runIngest(runs, out);
    else if (figure == QStringLiteral("chart"))
        code = runChart(runs, out);
    else if (figure == QStringLiteral("shift"))
        code = runShift(out);
    else
        err() << "sitroom-bench-console: --figure must be ingest, chart or shift\n";
    if (code == 0) {
        if (parser.isSet(jsonOption)) {
            bench::printJson(out);
        } else {
            QTextStream o(stdout);
            for (auto it = out.begin(); it != out.end(); ++it)
                o << it.key() << " = " << it.value().toVariant().toString() << '\n';
        }
    }
    return code;
}
