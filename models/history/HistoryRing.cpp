#include "models/history/HistoryRing.h"

#include <algorithm>

namespace sitroom::models {

namespace {
constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();
}

HistoryRing::HistoryRing(std::int64_t windowMs, std::int64_t stepMs)
    : m_stepMs(std::max<std::int64_t>(1, stepMs))
    , m_capacity(std::size_t(std::max<std::int64_t>(1, windowMs / std::max<std::int64_t>(1, stepMs))))
{
}

QString HistoryRing::providerColumn(const QString &providerId, const char *what)
{
    return QStringLiteral("provider/") + providerId + u'/' + QLatin1String(what);
}

int HistoryRing::column(const QString &name) const
{
    return int(m_names.indexOf(name));
}

int HistoryRing::ensureColumn(const QString &name)
{
    const int existing = column(name);
    if (existing >= 0)
        return existing;
    m_names.append(name);
    // A column that appears late (a provider added) is missing before then.
    std::vector<TimeSample> values(m_capacity, TimeSample{0, kMissing});
    for (std::size_t i = 0; i < m_size; ++i)
        values[physical(i)].timeMs = m_firstTimeMs + std::int64_t(i) * m_stepMs;
    m_columns.push_back(std::move(values));
    return int(m_columns.size() - 1);
}

std::int64_t HistoryRing::firstTimeMs() const
{
    return m_firstTimeMs;
}

std::int64_t HistoryRing::lastTimeMs() const
{
    return m_size == 0 ? 0 : m_firstTimeMs + std::int64_t(m_size - 1) * m_stepMs;
}

float HistoryRing::latest(int column) const
{
    if (column < 0 || m_size == 0)
        return kMissing;
    return m_columns[std::size_t(column)][physical(m_size - 1)].value;
}

SampleSpan HistoryRing::span(int column) const
{
    if (column < 0 || m_size == 0)
        return {};
    const std::vector<TimeSample> &values = m_columns[std::size_t(column)];
    const std::size_t firstPiece = std::min(m_size, m_capacity - m_start);
    return SampleSpan(std::span<const TimeSample>(values.data() + m_start, firstPiece),
                      std::span<const TimeSample>(values.data(), m_size - firstPiece));
}

void HistoryRing::clear()
{
    m_start = 0;
    m_size = 0;
    m_firstTimeMs = 0;
    for (std::vector<TimeSample> &values : m_columns)
        std::fill(values.begin(), values.end(), TimeSample{0, kMissing});
}

void HistoryRing::pushTime(std::int64_t timeMs)
{
    if (m_size == 0) {
        m_firstTimeMs = timeMs;
        m_start = 0;
        m_size = 1;
    } else if (m_size < m_capacity) {
        ++m_size;
    } else {
        // Full: the oldest sample makes room.
        m_start = (m_start + 1) % m_capacity;
        m_firstTimeMs += m_stepMs;
    }
    const std::size_t slot = physical(m_size - 1);
    for (std::vector<TimeSample> &values : m_columns)
        values[slot] = TimeSample{timeMs, kMissing};
}

void HistoryRing::setLast(int column, float value)
{
    m_columns[std::size_t(column)][physical(m_size - 1)].value = value;
}

const HistoryRing::ColumnLayout &HistoryRing::layoutFor(const sitroom::v1::History &history)
{
    const auto &series = history.providers();
    bool same = m_hasLayout && std::size_t(series.size()) == m_layout.providerIds.size();
    for (int p = 0; same && p < series.size(); ++p)
        same = series.Get(p).id() == m_layout.providerIds[std::size_t(p)];
    if (same)
        return m_layout;
    // Columns are never removed (clear() keeps them), so indices stay valid.
    static const char *const kFixed[] = {"queue_depth", "arrivals", "admitted", "abandoned",
                                         "bookings", "attempts", "backend_utilization", "rate_limit"};
    for (std::size_t k = 0; k < m_layout.fixed.size(); ++k)
        m_layout.fixed[k] = ensureColumn(QLatin1String(kFixed[k]));
    m_layout.providerIds.clear();
    m_layout.providers.clear();
    for (const sitroom::v1::ProviderSeries &s : series) {
        const QString id = QString::fromStdString(s.id());
        m_layout.providerIds.push_back(s.id());
        m_layout.providers.push_back({ensureColumn(providerColumn(id, "light")), ensureColumn(providerColumn(id, "p95")),
                                      ensureColumn(providerColumn(id, "error_rate")),
                                      ensureColumn(providerColumn(id, "requests"))});
    }
    m_hasLayout = true;
    return m_layout;
}

void HistoryRing::append(const sitroom::v1::History &history)
{
    const int count = history.queue_depth_size();
    if (count == 0)
        return;
    const std::int64_t step = history.step_ms() > 0 ? std::int64_t(history.step_ms()) : m_stepMs;
    const ColumnLayout &layout = layoutFor(history);
    const google::protobuf::RepeatedField<float> *fixedFloats[] = {
        &history.arrivals_per_s(), &history.admitted_per_s(), &history.abandoned_per_s(),
        &history.bookings_per_s(), &history.auth_attempts_per_s(), &history.backend_utilization(),
        &history.rate_limit_per_s()};

    for (int i = 0; i < count; ++i) {
        const std::int64_t t = history.first_time_ms() + std::int64_t(i) * step;
        if (m_size > 0 && t <= lastTimeMs())
            continue; // already held (an overlapping backfill)
        if (m_size > 0) {
            const std::int64_t missing = (t - lastTimeMs()) / m_stepMs - 1;
            if (missing >= std::int64_t(m_capacity)) {
                clear();
            } else {
                for (std::int64_t k = 0; k < missing; ++k)
                    pushTime(lastTimeMs() + m_stepMs);
            }
        }
        pushTime(t);
        setLast(layout.fixed[0], float(history.queue_depth(i)));
        for (std::size_t k = 0; k < std::size(fixedFloats); ++k) {
            if (i < fixedFloats[k]->size())
                setLast(layout.fixed[k + 1], fixedFloats[k]->Get(i));
        }
        for (int p = 0; p < history.providers_size(); ++p) {
            const sitroom::v1::ProviderSeries &s = history.providers(p);
            const std::array<int, 4> &columns = layout.providers[std::size_t(p)];
            if (i < s.light_size())
                setLast(columns[0], float(s.light(i)));
            if (i < s.p95_latency_ms_size())
                setLast(columns[1], s.p95_latency_ms(i));
            if (i < s.error_rate_size())
                setLast(columns[2], s.error_rate(i));
            if (i < s.requests_per_s_size())
                setLast(columns[3], s.requests_per_s(i));
        }
    }
}

} // namespace sitroom::models
