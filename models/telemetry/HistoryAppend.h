#pragma once

#include "sitroom/v1/telemetry.pb.h"

namespace sitroom::models {

enum class HistoryJoin {
    Appended,     // more followed on from into (or into was empty)
    Overlapped,   // more began inside into: only its newer samples were appended
    Replaced,     // a hole in time or a different step: into now holds more alone
    Nothing,      // more held no sample newer than into's
};

// Appends the per-second samples of `more` to `into`, column by column, so that
// every column of the result has the same length (sample i at
// first_time_ms + i * step_ms). The sample count of a History is the length of
// queue_depth; any other column shorter or longer than that is padded or cut.
//
// Provider series are matched by id, not by position. A provider missing from
// one part is padded over that part's samples with "no sample": LIGHT_UNSPECIFIED
// for the light and NaN for the numbers (a chart leaves NaN out). A provider
// new in `more` is appended after the known ones, padded over into's samples.
//
// A columnar History cannot hold a hole, so when `more` does not follow on
// (a time hole, a different step) into is replaced by `more`: the newest data
// wins. In the worker that cannot happen without a sequence gap, after which a
// snapshot replaces everything anyway.
HistoryJoin appendHistory(sitroom::v1::History &into, const sitroom::v1::History &more);

// Number of samples in a History (the length of queue_depth).
inline int sampleCount(const sitroom::v1::History &history) { return history.queue_depth_size(); }

} // namespace sitroom::models
