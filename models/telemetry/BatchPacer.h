#pragma once

#include <QtGlobal>

#include <optional>

namespace sitroom::models {

// When the telemetry worker hands the GUI its next batch: at most one batch
// per kIntervalMs (25 a second), and at once when none went out in the last
// kIntervalMs. A batch that only keeps the link's housekeeping (a heartbeat,
// a pong's round trip) is not worth a frame of its own: it waits up to
// kHousekeepingWaitMs for data to ride with, so it never takes the frame a
// tick right behind it needs (that wait set the event-to-pixel p99 at 32 ms).
// Pure: the caller passes its monotonic clock, so tests drive time.
class BatchPacer final
{
public:
    static constexpr qint64 kIntervalMs = 40;
    // Below the console's 3 s stale threshold with a heartbeat a second; at a
    // 1 Hz tick a pong always finds the next tick within it.
    static constexpr qint64 kHousekeepingWaitMs = 1000;

    // The pending batch at nowMs holds data (hasData) or housekeeping only;
    // returns how long to wait before emitting it, 0 for at once. The first
    // call after an emission marks when the batch started to fill.
    qint64 delayMs(qint64 nowMs, bool hasData);
    void noteEmitted(qint64 nowMs);

private:
    std::optional<qint64> m_lastEmitMs;
    std::optional<qint64> m_pendingSinceMs;
};

} // namespace sitroom::models
