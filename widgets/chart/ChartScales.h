#pragma once

#include <QtGlobal>

namespace sitroom::widgets {

// Axis arithmetic shared by the chart and the sparkline; no Qt Charts here.

struct ValueScale
{
    double min = 0.0;
    double max = 1.0;
    double step = 0.2;
    int tickCount = 6; // lines including both ends
};

// Round numbers (1, 2, 2.5, 5 × 10ⁿ) around [lo, hi], about `intervals` of them,
// so an operator reads the axis at a glance. An empty or flat range is widened.
ValueScale niceValueScale(double lo, double hi, int intervals = 5);

// A time step a person counts in (10 s … 1 day), the smallest giving at most
// `maxTicks` ticks across `spanMs`.
qint64 niceTimeStep(qint64 spanMs, int maxTicks);

// Floor division that rounds towards −∞, for tick alignment before the origin.
qint64 floorDiv(qint64 a, qint64 b);

} // namespace sitroom::widgets
