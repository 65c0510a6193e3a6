#include "widgets/chart/ChartScales.h"

#include <algorithm>
#include <cmath>

namespace sitroom::widgets {

ValueScale niceValueScale(double lo, double hi, int intervals)
{
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0.0;
        hi = 1.0;
    }
    if (hi < lo)
        std::swap(lo, hi);
    if (hi - lo < 1e-12) {
        // A flat line sits mid-axis rather than on an edge.
        const double pad = lo == 0.0 ? 1.0 : std::abs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    intervals = std::max(intervals, 1);
    const double raw = (hi - lo) / intervals;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double normalised = raw / magnitude;
    double nice = 10.0;
    if (normalised <= 1.0)
        nice = 1.0;
    else if (normalised <= 2.0)
        nice = 2.0;
    else if (normalised <= 2.5)
        nice = 2.5;
    else if (normalised <= 5.0)
        nice = 5.0;
    const double step = nice * magnitude;

    ValueScale scale;
    scale.step = step;
    scale.min = std::floor(lo / step + 1e-9) * step;
    scale.max = std::ceil(hi / step - 1e-9) * step;
    if (scale.max <= scale.min)
        scale.max = scale.min + step;
    scale.tickCount = int(std::lround((scale.max - scale.min) / step)) + 1;
    return scale;
}

qint64 niceTimeStep(qint64 spanMs, int maxTicks)
{
    static constexpr qint64 kSecond = 1000;
    static constexpr qint64 kMinute = 60 * kSecond;
    static constexpr qint64 kHour = 60 * kMinute;
    static constexpr qint64 kSteps[] = {
        10 * kSecond, 15 * kSecond, 30 * kSecond, kMinute, 2 * kMinute, 5 * kMinute,
        10 * kMinute, 15 * kMinute, 30 * kMinute, kHour, 2 * kHour, 3 * kHour,
        6 * kHour, 12 * kHour, 24 * kHour};
    maxTicks = std::max(maxTicks, 1);
    for (qint64 step : kSteps) {
        if (spanMs / step + 1 <= maxTicks)
            return step;
    }
    // Beyond a day per tick: whole days.
    return ((spanMs / maxTicks) / (24 * kHour) + 1) * 24 * kHour;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

} // namespace sitroom::widgets
