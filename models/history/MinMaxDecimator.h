#pragma once

#include <QtGlobal>

#include <cmath>
#include <functional>
#include <span>
#include <vector>

namespace sitroom::models {

// One point of a value series: when (milliseconds, same clock as the window
// asked for) and what. A NaN value means "no data here" and breaks the line.
struct TimeSample
{
    qint64 timeMs = 0;
    float value = 0.0f;
};

// A read-only view of time-ordered samples held in at most two contiguous
// pieces, so a ring buffer can hand over its older and newer halves without
// copying. Random access lets the decimator find a window by binary search
// instead of walking a 12-hour history to draw its last 45 minutes.
class SampleSpan final
{
public:
    constexpr SampleSpan() = default;
    constexpr SampleSpan(std::span<const TimeSample> older, std::span<const TimeSample> newer = {})
        : m_first(older), m_second(newer) {}
    SampleSpan(const std::vector<TimeSample> &samples)
        : m_first(samples.data(), samples.size()) {}

    qsizetype size() const { return qsizetype(m_first.size() + m_second.size()); }
    bool isEmpty() const { return size() == 0; }
    const TimeSample &operator[](qsizetype i) const
    {
        const auto n = qsizetype(m_first.size());
        return i < n ? m_first[size_t(i)] : m_second[size_t(i - n)];
    }
    std::span<const TimeSample> first() const { return m_first; }
    std::span<const TimeSample> second() const { return m_second; }

    // Index of the first sample with timeMs >= t (lowerBound) or > t (upperBound).
    qsizetype lowerBound(qint64 timeMs) const;
    qsizetype upperBound(qint64 timeMs) const;

private:
    std::span<const TimeSample> m_first;
    std::span<const TimeSample> m_second;
};

// How a view gets at data it does not own: called at redraw time, the view it
// returns need only stay valid for the duration of that call.
using SampleSource = std::function<SampleSpan()>;

// Reduces a time window of samples to what a plot `width` pixels wide can show:
// per pixel column the minimum and maximum, in time order so the line keeps its
// shape, plus the first and last finite samples of the window so the edges stay
// exact. Extremes are never averaged away, so a one-sample spike survives and
// the y auto-range computed from the output equals the one from the input.
//
// Gaps: every run of NaN samples becomes one gap marker, a TimeSample whose
// value is NaN and whose time is that of the run's first sample. Consumers
// break the line there (isGap()). Within one pixel column only the first gap
// is kept; later ones are narrower than a pixel and are bridged.
//
// Neighbours (on by default): the last sample before the window and the first
// after it are added when finite, so a line runs to the plot's edges instead
// of stopping at the first sample inside.
//
// Size: a window holding at most 2·width samples is returned unchanged (NaN
// runs collapsed to one marker each). Otherwise at most 2·width + 2 finite
// points plus one gap marker per column, plus the two neighbours; without
// gaps and with the window covering the data, at most 2·width + 2.
//
// O(log n) to find the window, O(k) over its k samples; the output buffer is
// kept between calls, so steady redraws do not allocate.
class MinMaxDecimator final
{
public:
    static bool isGap(const TimeSample &sample) { return std::isnan(sample.value); }
    // Upper bound on points() for a plot of `width` pixels, gaps and neighbours included.
    static qsizetype maxOutputSize(int width);

    const std::vector<TimeSample> &decimate(const SampleSpan &samples, qint64 fromMs, qint64 toMs,
                                            int width);
    const std::vector<TimeSample> &points() const { return m_out; }

    void setIncludeNeighbours(bool include) { m_includeNeighbours = include; }
    bool includeNeighbours() const { return m_includeNeighbours; }

private:
    void passThrough(const SampleSpan &samples, qsizetype begin, qsizetype end);
    void reduce(const SampleSpan &samples, qsizetype begin, qsizetype end, qint64 fromMs,
                qint64 toMs, int width);
    void appendGap(qint64 timeMs);

    std::vector<TimeSample> m_out;
    bool m_includeNeighbours = true;
};

} // namespace sitroom::models
