#include "HistoryRing.h"

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

void HistoryRing::append(const sitroom::v1::History &history)
{
    const int count = history.queue_depth_size();
    if (count == 0)
        return;
    const std::int64_t step = history.step_ms() > 0 ? std::int64_t(history.step_ms()) : m_stepMs;

    struct Source
    {
        int column;
        const google::protobuf::RepeatedField<float> *values;
    };
    std::vector<Source> floats;
    const auto addFloat = [&](const char *name, const google::protobuf::RepeatedField<float> &values) {
        floats.push_back({ensureColumn(QLatin1String(name)), &values});
    };
    const int queueColumn = ensureColumn(QStringLiteral("queue_depth"));
    addFloat("arrivals", history.arrivals_per_s());
    addFloat("admitted", history.admitted_per_s());
    addFloat("abandoned", history.abandoned_per_s());
    addFloat("bookings", history.bookings_per_s());
    addFloat("attempts", history.auth_attempts_per_s());
    addFloat("backend_utilization", history.backend_utilization());
    addFloat("rate_limit", history.rate_limit_per_s());
    struct LightSource
    {
        int column;
        const google::protobuf::RepeatedField<int> *values;
    };
    std::vector<LightSource> lights;
    for (const sitroom::v1::ProviderSeries &series : history.providers()) {
        const QString id = QString::fromStdString(series.id());
        lights.push_back({ensureColumn(providerColumn(id, "light")), &series.light()});
        floats.push_back({ensureColumn(providerColumn(id, "p95")), &series.p95_latency_ms()});
        floats.push_back({ensureColumn(providerColumn(id, "error_rate")), &series.error_rate()});
        floats.push_back({ensureColumn(providerColumn(id, "requests")), &series.requests_per_s()});
    }

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
        setLast(queueColumn, float(history.queue_depth(i)));
        for (const Source &s : floats) {
            if (i < s.values->size())
                setLast(s.column, s.values->Get(i));
        }
        for (const LightSource &s : lights) {
            if (i < s.values->size())
                setLast(s.column, float(s.values->Get(i)));
        }
    }
}

} // namespace sitroom::models
