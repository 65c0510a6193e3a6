#include "models/itemmodels/CohortCompletion.h"

#include <cmath>

namespace sitroom::models {

CompletionEstimate estimateCompletion(double booked, double eligible, double perMinute, qint64 nowMs,
                                      qint64 closeMs)
{
    CompletionEstimate e;
    if (!std::isfinite(booked) || booked < 0.0 || !std::isfinite(eligible) || eligible <= 0.0)
        return e;
    if (booked >= eligible) {
        e.kind = CompletionEstimate::Kind::Complete;
        return e;
    }
    e.remaining = eligible - booked;
    if (!std::isfinite(perMinute) || perMinute < 0.0)
        return e;
    const double minutes = e.remaining / perMinute; // +inf at a rate of 0
    if (!(minutes <= kMaxCompletionDays * 24.0 * 60.0)) {
        e.kind = CompletionEstimate::Kind::NoRate;
        return e;
    }
    e.kind = CompletionEstimate::Kind::Estimated;
    e.atMs = nowMs + qint64(std::ceil(minutes * 60'000.0));
    e.afterClose = closeMs > 0 && e.atMs > closeMs;
    return e;
}

} // namespace sitroom::models
