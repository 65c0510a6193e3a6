#pragma once

// Shared by the benchmarks: spreads, percentiles, resident memory, the JSON
// line each benchmark prints, and a recorded stream of real simulator
// telemetry framed as the gateway sends it.

#include "sitroom/v1/envelope.pb.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace sitroom::bench {

struct Spread
{
    double median = 0;
    double min = 0;
    double max = 0;
};

Spread spreadOf(std::vector<double> values);
// Nearest-rank percentile, p in [0, 100].
double percentile(std::vector<double> values, double p);

// Adds key, key_min, key_max.
void putSpread(QJsonObject &out, const QString &key, const Spread &spread);

// Where the build puts every executable: next to the benchmark.
QString binDir();

// Resident set size of this process (or of pid), in MiB, from /proc.
double residentMiB(qint64 pid = 0);
// User + system CPU time of pid (0: this process), in seconds, from /proc.
double cpuSeconds(qint64 pid = 0);

// Runs this thread's event loop until done() holds or timeoutMs has passed,
// asleep between events (a 5 ms timer wakes it to look). Returns done().
// Not QCoreApplication::processEvents(flags, maxtime): that drops
// WaitForMoreEvents and spins, and a spinning harness takes a core from what
// it measures (and counts in its own thread's CPU time).
bool waitUntil(const std::function<bool()> &done, int timeoutMs);
// The event loop for ms milliseconds, asleep between events.
void runEventsFor(int ms);

// Prints the object as one compact line on stdout.
void printJson(const QJsonObject &object);

// A recorded stream: the frames the gateway would send one console that
// connected when the simulation had run `backfillS` seconds (Welcome, Snapshot
// with that backfill), then one Tick per simulated second for `seconds`.
struct RecordedStream
{
    QByteArray bytes;                      // the frames back to back
    std::vector<qsizetype> frameEnds;      // offset just past each frame
    std::vector<qsizetype> payloadStarts;  // offset of each frame's payload (after the length)
    int ticks = 0;
    sitroom::v1::Configuration configuration;
};

RecordedStream recordSimulatorStream(const QString &scenario, std::int64_t backfillS, std::int64_t seconds,
                                     std::uint64_t seed = 1);

// The same simulation played to callbacks without keeping it: the Snapshot
// (with the backfill) once, then each stamped Tick envelope as the gateway
// broadcasts it.
void playSimulator(const QString &scenario, std::int64_t backfillS, std::int64_t seconds, std::uint64_t seed,
                   const std::function<void(const sitroom::v1::Snapshot &)> &onSnapshot,
                   const std::function<void(const sitroom::v1::Envelope &)> &onTick);

} // namespace sitroom::bench
