#include "models/telemetry/HistoryAppend.h"

#include <google/protobuf/repeated_field.h>

#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>

namespace sitroom::models {

namespace {

using google::protobuf::RepeatedField;
using sitroom::v1::History;
using sitroom::v1::ProviderSeries;

constexpr float kNoSample = std::numeric_limits<float>::quiet_NaN();
constexpr int kNoLight = sitroom::v1::LIGHT_UNSPECIFIED;

template <typename T>
void fit(RepeatedField<T> *column, int length, T pad)
{
    if (column->size() > length)
        column->Truncate(length);
    while (column->size() < length)
        column->Add(pad);
}

// Appends more[from, from + count) to into (first fitted to intoLength),
// padding where more's column is short.
template <typename T>
void appendColumn(RepeatedField<T> *into, int intoLength, const RepeatedField<T> &more,
                  int from, int count, T pad)
{
    fit(into, intoLength, pad);
    into->Reserve(intoLength + count);
    for (int i = from; i < from + count; ++i)
        into->Add(i < more.size() ? more.Get(i) : pad);
}

void appendSeries(ProviderSeries *into, int intoLength, const ProviderSeries *more, int from, int count)
{
    static const ProviderSeries empty;
    const ProviderSeries &source = more ? *more : empty;
    appendColumn(into->mutable_light(), intoLength, source.light(), from, count, kNoLight);
    appendColumn(into->mutable_p95_latency_ms(), intoLength, source.p95_latency_ms(), from, count, kNoSample);
    appendColumn(into->mutable_error_rate(), intoLength, source.error_rate(), from, count, kNoSample);
    appendColumn(into->mutable_requests_per_s(), intoLength, source.requests_per_s(), from, count, kNoSample);
}

// into := more[from, end), every column fitted to the same length.
void appendSamples(History &into, const History &more, int from)
{
    const int intoLength = sampleCount(into);
    const int count = sampleCount(more) - from;

    appendColumn(into.mutable_queue_depth(), intoLength, more.queue_depth(), from, count, std::uint64_t(0));
    appendColumn(into.mutable_arrivals_per_s(), intoLength, more.arrivals_per_s(), from, count, kNoSample);
    appendColumn(into.mutable_admitted_per_s(), intoLength, more.admitted_per_s(), from, count, kNoSample);
    appendColumn(into.mutable_abandoned_per_s(), intoLength, more.abandoned_per_s(), from, count, kNoSample);
    appendColumn(into.mutable_bookings_per_s(), intoLength, more.bookings_per_s(), from, count, kNoSample);
    appendColumn(into.mutable_auth_attempts_per_s(), intoLength, more.auth_attempts_per_s(), from, count, kNoSample);
    appendColumn(into.mutable_backend_utilization(), intoLength, more.backend_utilization(), from, count, kNoSample);
    appendColumn(into.mutable_rate_limit_per_s(), intoLength, more.rate_limit_per_s(), from, count, kNoSample);

    std::unordered_map<std::string, const ProviderSeries *> moreById;
    for (const ProviderSeries &series : more.providers())
        moreById.emplace(series.id(), &series);
    for (ProviderSeries &series : *into.mutable_providers()) {
        const auto found = moreById.find(series.id());
        appendSeries(&series, intoLength, found == moreById.end() ? nullptr : found->second, from, count);
        if (found != moreById.end())
            moreById.erase(found);
    }
    // Providers new in `more`, in more's order.
    for (const ProviderSeries &series : more.providers()) {
        if (!moreById.contains(series.id()))
            continue;
        moreById.erase(series.id());
        ProviderSeries *added = into.add_providers();
        added->set_id(series.id());
        appendSeries(added, intoLength, &series, from, count);
    }
}

void replace(History &into, const History &more)
{
    into.Clear();
    into.set_first_time_ms(more.first_time_ms());
    into.set_step_ms(more.step_ms());
    appendSamples(into, more, 0);
}

} // namespace

HistoryJoin appendHistory(History &into, const History &more)
{
    const int moreCount = sampleCount(more);
    if (moreCount == 0)
        return HistoryJoin::Nothing;
    const int intoCount = sampleCount(into);
    if (intoCount == 0) {
        replace(into, more);
        return HistoryJoin::Appended;
    }
    if (more.step_ms() != into.step_ms() || into.step_ms() == 0) {
        replace(into, more);
        return HistoryJoin::Replaced;
    }
    const std::int64_t step = into.step_ms();
    const std::int64_t expectedFirst = into.first_time_ms() + std::int64_t(intoCount) * step;
    const std::int64_t lead = expectedFirst - more.first_time_ms();
    if (lead == 0) {
        appendSamples(into, more, 0);
        return HistoryJoin::Appended;
    }
    if (lead > 0 && lead % step == 0) {
        const std::int64_t overlap = lead / step;
        if (overlap >= moreCount)
            return HistoryJoin::Nothing;
        appendSamples(into, more, int(overlap));
        return HistoryJoin::Overlapped;
    }
    replace(into, more);
    return HistoryJoin::Replaced;
}

} // namespace sitroom::models
