#include "bench/BenchSupport.h"

#include "proto/framing/FrameCodec.h"
#include "server/gateway/PublishedState.h"
#include "server/sim/ScenarioLoader.h"
#include "server/sim/SimTelemetry.h"
#include "server/sim/Simulation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <unistd.h>

namespace sitroom::bench {

Spread spreadOf(std::vector<double> values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return {median, values.front(), values.back()};
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = std::ceil(p / 100.0 * double(values.size()));
    const std::size_t index = std::clamp<std::size_t>(std::size_t(std::max(rank, 1.0)) - 1, 0, values.size() - 1);
    return values[index];
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QTimer wake;
    wake.start(5);
    while (!done()) {
        if (clock.elapsed() >= timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void runEventsFor(int ms)
{
    waitUntil([] { return false; }, ms);
}

void putSpread(QJsonObject &out, const QString &key, const Spread &spread)
{
    out.insert(key, spread.median);
    out.insert(key + QStringLiteral("_min"), spread.min);
    out.insert(key + QStringLiteral("_max"), spread.max);
}

namespace {

QByteArray procFile(qint64 pid, const char *name)
{
    QFile file(pid > 0 ? QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name))
                       : QStringLiteral("/proc/self/%1").arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

double residentMiB(qint64 pid)
{
    const QList<QByteArray> fields = procFile(pid, "statm").split(' ');
    if (fields.size() < 2)
        return 0;
    return double(fields[1].toLongLong()) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

QString binDir()
{
    return QCoreApplication::applicationDirPath();
}

double cpuSeconds(qint64 pid)
{
    const QByteArray stat = procFile(pid, "stat");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return 0;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state); utime is field 14, stime field 15.
    if (fields.size() < 13)
        return 0;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields[11].toDouble() + fields[12].toDouble()) / ticks;
}

void printJson(const QJsonObject &object)
{
    QTextStream(stdout) << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n' << Qt::flush;
}

namespace {

template<typename OnSnapshot, typename OnTick>
sitroom::v1::Configuration simulate(const QString &scenarioName, std::int64_t backfillS, std::int64_t seconds,
                                    std::uint64_t seed, OnSnapshot onSnapshot, OnTick onTick)
{
    sim::ScenarioLoader loader;
    std::optional<sim::Scenario> scenario = loader.load(scenarioName);
    if (!scenario)
        throw std::runtime_error(loader.error().toStdString());
    scenario->durationS = std::max<std::int64_t>(scenario->durationS, backfillS + seconds + 1);
    sim::Simulation simulation(*scenario, seed);
    sim::HistoryRecorder recorder(simulation);
    gateway::PublishedState published(int(std::max<std::int64_t>(backfillS, 1)));
    const sitroom::v1::Configuration configuration = sim::configurationOf(simulation, 1.0);
    published.setConfiguration(configuration);
    published.setControl(sim::controlStateOf(simulation));
    for (std::int64_t s = 0; s < backfillS; ++s) {
        simulation.step();
        recorder.append(simulation.state());
    }
    published.setState(sim::systemStateOf(simulation), recorder.take());
    onSnapshot(published);
    for (std::int64_t s = 0; s < seconds; ++s) {
        simulation.step();
        recorder.append(simulation.state());
        const sitroom::v1::SystemState state = sim::systemStateOf(simulation);
        const sitroom::v1::History samples = recorder.take();
        published.setState(state, samples);
        onTick(published, state, samples);
    }
    return configuration;
}

} // namespace

RecordedStream recordSimulatorStream(const QString &scenario, std::int64_t backfillS, std::int64_t seconds,
                                     std::uint64_t seed)
{
    RecordedStream out;
    const auto append = [&out](const sitroom::v1::Envelope &envelope) {
        const qsizetype start = out.bytes.size();
        framing::appendFrame(out.bytes, envelope);
        const qsizetype payload = qsizetype(envelope.ByteSizeLong());
        out.payloadStarts.push_back(out.bytes.size() - payload);
        out.frameEnds.push_back(out.bytes.size());
        Q_UNUSED(start);
    };
    out.configuration = simulate(
        scenario, backfillS, seconds, seed,
        [&](gateway::PublishedState &published) {
            sitroom::v1::Envelope welcome;
            welcome.mutable_welcome()->set_server_id("sitroom-bench");
            welcome.mutable_welcome()->set_role(sitroom::v1::ROLE_VIEWER);
            published.stampUnicast(welcome);
            append(welcome);
            sitroom::v1::Envelope snapshot;
            published.fillSnapshot(snapshot.mutable_snapshot());
            published.stampUnicast(snapshot);
            append(snapshot);
        },
        [&](gateway::PublishedState &published, const sitroom::v1::SystemState &state,
            const sitroom::v1::History &samples) {
            sitroom::v1::Envelope envelope;
            auto *tick = envelope.mutable_tick();
            *tick->mutable_state() = state;
            *tick->mutable_samples() = samples;
            published.stampBroadcast(envelope);
            append(envelope);
            ++out.ticks;
        });
    return out;
}

void playSimulator(const QString &scenario, std::int64_t backfillS, std::int64_t seconds, std::uint64_t seed,
                   const std::function<void(const sitroom::v1::Snapshot &)> &onSnapshot,
                   const std::function<void(const sitroom::v1::Envelope &)> &onTick)
{
    simulate(
        scenario, backfillS, seconds, seed,
        [&](gateway::PublishedState &published) {
            sitroom::v1::Snapshot snapshot;
            published.fillSnapshot(&snapshot);
            onSnapshot(snapshot);
        },
        [&](gateway::PublishedState &published, const sitroom::v1::SystemState &state,
            const sitroom::v1::History &samples) {
            sitroom::v1::Envelope envelope;
            auto *tick = envelope.mutable_tick();
            *tick->mutable_state() = state;
            *tick->mutable_samples() = samples;
            published.stampBroadcast(envelope);
            onTick(envelope);
        });
}

} // namespace sitroom::bench
