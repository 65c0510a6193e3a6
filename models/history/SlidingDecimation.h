#pragma once

#include "models/history/MinMaxDecimator.h"

#include <vector>

namespace sitroom::models {

// A MinMaxDecimator for a window that moves forward over append-only data,
// as the console's history does: one new second at a time.
//
// Decimating 12 hours of 8 series in full on every redraw scanned 5.5 MB a
// second (docs/benchmarks.md). Here the full decimation is redone only when
// the window has moved by a whole pixel column, or the width changed, or the
// data or the window went back. In between, the samples that arrived since
// the full decimation are appended as they are (fewer than a column's worth),
// and points that left the window on the left stay until the next full pass;
// a plot clips them. So what is drawn is at most one column away from the
// exact decimation, and exact again every column.
class SlidingDecimation final
{
public:
    // The points to draw for [fromMs, toMs] at `width` pixel columns, in time
    // order, with MinMaxDecimator's gap markers and neighbours.
    const std::vector<TimeSample> &update(const SampleSpan &samples, qint64 fromMs, qint64 toMs, int width);
    // The data behind the span was replaced: the next update decimates in full.
    void invalidate() { m_baseWidth = -1; }

    // Whether the last update decimated the whole window (for tests and
    // diagnostics).
    bool lastWasFull() const { return m_lastFull; }

private:
    bool canExtend(const SampleSpan &samples, qint64 fromMs, qint64 toMs, int width) const;
    void decimateInFull(const SampleSpan &samples, qint64 fromMs, qint64 toMs, int width);

    MinMaxDecimator m_decimator;
    std::vector<TimeSample> m_points;
    std::size_t m_baseCount = 0; // points of the last full decimation, at the front of m_points
    qint64 m_baseFromMs = 0;
    qint64 m_baseToMs = 0;
    int m_baseWidth = -1;        // -1: no full decimation to extend
    TimeSample m_baseLast;       // the newest sample the full decimation saw
    bool m_hasBaseLast = false;
    bool m_lastFull = true;
};

} // namespace sitroom::models
