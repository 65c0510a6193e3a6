#include "models/history/MinMaxDecimator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sitroom::models {

qsizetype SampleSpan::lowerBound(qint64 timeMs) const
{
    qsizetype lo = 0;
    qsizetype hi = size();
    while (lo < hi) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if ((*this)[mid].timeMs < timeMs)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

qsizetype SampleSpan::upperBound(qint64 timeMs) const
{
    qsizetype lo = 0;
    qsizetype hi = size();
    while (lo < hi) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if ((*this)[mid].timeMs <= timeMs)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

qsizetype MinMaxDecimator::maxOutputSize(int width)
{
    const qsizetype w = std::max(width, 1);
    // 2 finite per column + 1 gap per column + first/last + two neighbours,
    // plus a gap marker between each neighbour and the window.
    return 3 * w + 2 + 2 + 2;
}

void MinMaxDecimator::appendGap(qint64 timeMs)
{
    // One marker per run: a second one would only add a point the chart must skip.
    if (!m_out.empty() && isGap(m_out.back()))
        return;
    m_out.push_back({timeMs, std::numeric_limits<float>::quiet_NaN()});
}

const std::vector<TimeSample> &MinMaxDecimator::decimate(const SampleSpan &samples, qint64 fromMs,
                                                         qint64 toMs, int width)
{
    m_out.clear();
    if (width < 1 || toMs < fromMs || samples.isEmpty())
        return m_out;

    const qsizetype begin = samples.lowerBound(fromMs);
    const qsizetype end = samples.upperBound(toMs);

    if (m_includeNeighbours && begin > 0 && !isGap(samples[begin - 1]))
        m_out.push_back(samples[begin - 1]);

    if (end - begin <= 2 * qsizetype(width))
        passThrough(samples, begin, end);
    else
        reduce(samples, begin, end, fromMs, toMs, width);

    if (m_includeNeighbours && end < samples.size() && !isGap(samples[end]))
        m_out.push_back(samples[end]);
    return m_out;
}

void MinMaxDecimator::passThrough(const SampleSpan &samples, qsizetype begin, qsizetype end)
{
    for (qsizetype i = begin; i < end; ++i) {
        const TimeSample &s = samples[i];
        if (isGap(s))
            appendGap(s.timeMs);
        else
            m_out.push_back(s);
    }
}

void MinMaxDecimator::reduce(const SampleSpan &samples, qsizetype begin, qsizetype end,
                             qint64 fromMs, qint64 toMs, int width)
{
    // The first and last finite samples are kept even when they are neither
    // minimum nor maximum of their column, so the line starts and ends where
    // the data does. Trailing NaNs are few, so finding them is cheap.
    qsizetype firstFinite = begin;
    while (firstFinite < end && isGap(samples[firstFinite]))
        ++firstFinite;
    if (firstFinite == end) {
        appendGap(samples[begin].timeMs);
        return;
    }
    qsizetype lastFinite = end - 1;
    while (isGap(samples[lastFinite]))
        --lastFinite;

    // double: (t - t0) · width would overflow qint64 for absurd windows.
    const double scale = double(width) / (double(toMs) - double(fromMs) + 1.0);

    struct Candidate
    {
        qsizetype index;
        bool gap;
    };
    Candidate candidates[5];

    int column = -1;
    qsizetype minIndex = -1;
    qsizetype maxIndex = -1;
    qsizetype gapIndex = -1;
    qsizetype edgeIndex[2] = {-1, -1};
    // A column starts empty: any finite value is below +inf and above -inf,
    // and NaN compares false both ways, so the scan needs no "first sample"
    // branch and the compiler can keep the min/max updates branch-free (noisy
    // data makes those branches coin flips).
    constexpr float kInf = std::numeric_limits<float>::infinity();
    float minValue = kInf;
    float maxValue = -kInf;
    bool inGap = false;

    const auto flush = [&] {
        int n = 0;
        const auto add = [&](qsizetype index, bool gap) {
            if (index < 0)
                return;
            for (int k = 0; k < n; ++k) {
                if (candidates[k].index == index)
                    return;
            }
            candidates[n++] = {index, gap};
        };
        add(minIndex, false);
        add(maxIndex, false);
        add(edgeIndex[0], false);
        add(edgeIndex[1], false);
        add(gapIndex, true);
        // At most five: an insertion sort puts them back in time order.
        for (int k = 1; k < n; ++k) {
            for (int j = k; j > 0 && candidates[j - 1].index > candidates[j].index; --j)
                std::swap(candidates[j - 1], candidates[j]);
        }
        for (int k = 0; k < n; ++k) {
            const TimeSample &s = samples[candidates[k].index];
            if (candidates[k].gap)
                appendGap(s.timeMs);
            else
                m_out.push_back(s);
        }
        minIndex = maxIndex = gapIndex = -1;
        edgeIndex[0] = edgeIndex[1] = -1;
        minValue = kInf;
        maxValue = -kInf;
    };

    const auto columnOf = [&](qint64 timeMs) {
        return std::clamp(int((double(timeMs) - double(fromMs)) * scale), 0, width - 1);
    };
    // The first time that falls in a later column than `col`: samples before
    // it need no column arithmetic, only one comparison each.
    const auto boundaryAfter = [&](int col) -> qint64 {
        if (col >= width - 1)
            return std::numeric_limits<qint64>::max();
        qint64 b = fromMs + qint64(std::ceil(double(col + 1) / scale));
        while (columnOf(b) <= col)
            ++b;
        while (b > fromMs && columnOf(b - 1) > col)
            --b;
        return b;
    };
    qint64 nextBoundary = std::numeric_limits<qint64>::min();

    // The span's two pieces are walked as plain arrays; i is the index in the span.
    const auto scan = [&](const TimeSample *piece, qsizetype base, qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            const TimeSample &s = piece[i - base];
            if (s.timeMs >= nextBoundary) {
                const int col = columnOf(s.timeMs);
                if (col != column) {
                    flush();
                    column = col;
                }
                nextBoundary = boundaryAfter(col);
            }
            const float v = s.value;
            if (std::isnan(v)) {
                if (!inGap && gapIndex < 0)
                    gapIndex = i;
                inGap = true;
                continue;
            }
            inGap = false;
            const bool lower = v < minValue;
            minValue = lower ? v : minValue;
            minIndex = lower ? i : minIndex;
            const bool higher = v > maxValue;
            maxValue = higher ? v : maxValue;
            maxIndex = higher ? i : maxIndex;
            if (i == firstFinite)
                edgeIndex[0] = i;
            if (i == lastFinite)
                edgeIndex[1] = i;
        }
    };
    const auto firstPiece = samples.first();
    const auto secondPiece = samples.second();
    const qsizetype split = qsizetype(firstPiece.size());
    if (begin < split)
        scan(firstPiece.data(), 0, begin, std::min(end, split));
    if (end > split)
        scan(secondPiece.data(), split, std::max(begin, split), end);
    flush();
}

} // namespace sitroom::models
