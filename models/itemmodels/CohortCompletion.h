#pragma once

#include <QtGlobal>

namespace sitroom::models {

// When today's group will be fully booked (every eligible citizen) if
// bookings go on at the current rate: remaining / rate from now. The panel
// says "추정 불가" rather than a time whenever it cannot be worked out.
struct CompletionEstimate
{
    enum class Kind {
        Estimated,  // atMs holds the time
        Complete,   // booked ≥ eligible already
        NoRate,     // nobody booked in the last minute: no time can be given
        NoData,     // bookings or the rate are not live, or nobody is eligible
    };
    Kind kind = Kind::NoData;
    qint64 atMs = 0;
    double remaining = 0.0;     // citizens still to book (Estimated, NoRate)
    bool afterClose = false;    // Estimated, and later than the window's close
};

// booked and perMinute are NaN when missing (not live); eligible 0 means the
// group is unknown. An estimate further out than kMaxCompletionDays is no
// estimate (NoRate): a trickle of bookings says nothing about next month.
inline constexpr double kMaxCompletionDays = 30.0;

CompletionEstimate estimateCompletion(double booked, double eligible, double perMinute, qint64 nowMs,
                                      qint64 closeMs);

} // namespace sitroom::models
