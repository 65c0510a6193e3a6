#pragma once

#include <QString>
#include <QTimeZone>

namespace sitroom::widgets {

// Numbers as operators read them, in the UI language's locale.
QString formatCount(double value);                 // 1,234,567
QString formatRate(double perSecond);              // 1,234/s
QString formatPercent(double fraction, int decimals = 1); // 98.5 %
QString formatMs(double ms);                       // 850 ms, 4.2 s
QString formatDuration(double seconds);            // 45 s, 12 min, 1 h 05 min

// Times on the live system's clock are shown in its time zone (the
// configuration's IANA name, e.g. Asia/Seoul), so an alert raised at 20:01
// in Seoul reads 20:01 on a console whose machine runs on UTC too. An empty
// or unknown name gives Asia/Seoul (domain/LiveClock, which also labels them).
QTimeZone liveTimeZone(const QString &ianaName);
QString formatClock(qint64 epochMs, const QTimeZone &zone, const QString &format); // "HH:mm:ss"

} // namespace sitroom::widgets
