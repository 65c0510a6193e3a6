#include "models/history/SlidingDecimation.h"

#include <cstring>

namespace sitroom::models {

namespace {

bool sameSample(const TimeSample &a, const TimeSample &b)
{
    // Bitwise, so that NaN equals NaN.
    return a.timeMs == b.timeMs && std::memcmp(&a.value, &b.value, sizeof a.value) == 0;
}

} // namespace

const std::vector<TimeSample> &SlidingDecimation::update(const SampleSpan &samples, qint64 fromMs, qint64 toMs,
                                                         int width)
{
    if (!canExtend(samples, fromMs, toMs, width)) {
        decimateInFull(samples, fromMs, toMs, width);
        return m_points;
    }
    m_lastFull = false;
    m_points.resize(m_baseCount);
    const qsizetype begin = samples.upperBound(m_baseToMs);
    const qsizetype end = samples.upperBound(toMs);
    for (qsizetype i = begin; i < end; ++i) {
        const TimeSample &s = samples[i];
        if (MinMaxDecimator::isGap(s)) {
            if (m_points.empty() || !MinMaxDecimator::isGap(m_points.back()))
                m_points.push_back(s);
        } else {
            m_points.push_back(s);
        }
    }
    // The neighbour after the window, as the full decimation adds it.
    if (m_decimator.includeNeighbours() && end < samples.size() && !MinMaxDecimator::isGap(samples[end]))
        m_points.push_back(samples[end]);
    return m_points;
}

bool SlidingDecimation::canExtend(const SampleSpan &samples, qint64 fromMs, qint64 toMs, int width) const
{
    if (m_baseWidth < 0 || width != m_baseWidth || fromMs < m_baseFromMs || toMs < m_baseToMs || samples.isEmpty())
        return false;
    // Within one pixel column of where the full decimation was made.
    const double columnMs = (double(m_baseToMs) - double(m_baseFromMs) + 1.0) / double(width);
    if (double(toMs - m_baseToMs) >= columnMs || double(fromMs - m_baseFromMs) >= columnMs)
        return false;
    // The full decimation ended at its window (no neighbour after it), so
    // what came later can follow it as it is.
    if (m_baseCount > 0 && m_points[m_baseCount - 1].timeMs > m_baseToMs)
        return false;
    // The data it saw is still there: its newest sample is unchanged.
    if (m_hasBaseLast) {
        const qsizetype at = samples.upperBound(m_baseToMs) - 1;
        if (at < 0 || !sameSample(samples[at], m_baseLast))
            return false;
    }
    return true;
}

void SlidingDecimation::decimateInFull(const SampleSpan &samples, qint64 fromMs, qint64 toMs, int width)
{
    m_lastFull = true;
    const auto &out = m_decimator.decimate(samples, fromMs, toMs, width);
    m_points.assign(out.begin(), out.end());
    m_baseCount = m_points.size();
    m_baseFromMs = fromMs;
    m_baseToMs = toMs;
    m_baseWidth = width;
    const qsizetype last = samples.upperBound(toMs) - 1;
    m_hasBaseLast = last >= 0;
    if (m_hasBaseLast)
        m_baseLast = samples[last];
}

} // namespace sitroom::models
