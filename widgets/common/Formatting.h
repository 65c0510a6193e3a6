#pragma once

#include <QString>

namespace sitroom::widgets {

// Numbers as operators read them, in the UI language's locale.
QString formatCount(double value);                 // 1,234,567
QString formatRate(double perSecond);              // 1,234/s
QString formatPercent(double fraction, int decimals = 1); // 98.5 %
QString formatMs(double ms);                       // 850 ms, 4.2 s
QString formatDuration(double seconds);            // 45 s, 12 min, 1 h 05 min

} // namespace sitroom::widgets
