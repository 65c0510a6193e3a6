#pragma once

#include "models/history/MinMaxDecimator.h"

#include "sitroom/v1/telemetry.pb.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace sitroom::models {

// Per-second history of the live system, bounded by a time window (12 h at
// 1 s by default): one column of (time, value) samples per series,
// filled from the protocol's History columns (a snapshot's backfill, then each
// tick's samples). Seconds that never arrived are NaN, so charts show a gap
// rather than a made-up line. Memory is fixed once the window is full.
class HistoryRing final
{
public:
    static constexpr std::int64_t kDefaultWindowMs = 12LL * 3600 * 1000;

    explicit HistoryRing(std::int64_t windowMs = kDefaultWindowMs, std::int64_t stepMs = 1000);

    // Series names: "queue_depth", "arrivals", "admitted", "abandoned",
    // "bookings", "attempts", "backend_utilization", "rate_limit", and per
    // provider "provider/<id>/light", ".../p95", ".../error_rate", ".../requests".
    static QString providerColumn(const QString &providerId, const char *what);

    // Appends samples; ones at or before the last time held are skipped (a
    // resync's backfill overlaps what we have), a jump forward leaves NaN.
    void append(const sitroom::v1::History &history);
    void clear();

    int column(const QString &name) const;          // -1 if unknown
    QStringList columnNames() const { return m_names; }
    std::size_t size() const { return m_size; }
    std::size_t capacity() const { return m_capacity; }
    std::int64_t stepMs() const { return m_stepMs; }
    bool isEmpty() const { return m_size == 0; }
    std::int64_t firstTimeMs() const;
    std::int64_t lastTimeMs() const;
    float latest(int column) const;

    // The column as at most two contiguous pieces, oldest first, for the
    // charts' decimator; valid until the next append or clear.
    SampleSpan span(int column) const;

    // Calls visit(timeMs, value) for each sample of `column` with
    // fromMs <= time <= toMs, oldest first. No copies.
    template<typename Visit>
    void forEach(int column, std::int64_t fromMs, std::int64_t toMs, Visit &&visit) const
    {
        if (column < 0 || m_size == 0)
            return;
        const std::int64_t first = firstTimeMs();
        std::int64_t begin = fromMs <= first ? 0 : (fromMs - first + m_stepMs - 1) / m_stepMs;
        std::int64_t end = toMs < first ? -1 : std::min<std::int64_t>(std::int64_t(m_size) - 1, (toMs - first) / m_stepMs);
        const std::vector<TimeSample> &values = m_columns[std::size_t(column)];
        for (std::int64_t i = begin; i <= end; ++i) {
            const TimeSample &s = values[physical(std::size_t(i))];
            visit(s.timeMs, s.value);
        }
    }

private:
    // Column indices for one History layout (its provider ids, in order), so
    // a tick laid out like the one before costs no lookups by name.
    struct ColumnLayout
    {
        std::vector<std::string> providerIds;
        std::array<int, 8> fixed{};                 // queue_depth, arrivals, ... rate_limit
        std::vector<std::array<int, 4>> providers;  // light, p95, error_rate, requests
    };
    const ColumnLayout &layoutFor(const sitroom::v1::History &history);
    int ensureColumn(const QString &name);
    void pushTime(std::int64_t timeMs);
    std::size_t physical(std::size_t logical) const { return (m_start + logical) % m_capacity; }
    void setLast(int column, float value);

    std::int64_t m_stepMs;
    std::size_t m_capacity;
    std::size_t m_start = 0;   // physical index of the oldest sample
    std::size_t m_size = 0;
    std::int64_t m_firstTimeMs = 0;
    QStringList m_names;
    std::vector<std::vector<TimeSample>> m_columns;
    ColumnLayout m_layout;
    bool m_hasLayout = false;
};

} // namespace sitroom::models
