#include "widgets/common/Formatting.h"

#include "domain/LiveClock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace sitroom::widgets {


QString formatCount(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    return QLocale().toString(qlonglong(std::llround(value)));
}

QString formatRate(double perSecond)
{
    if (!std::isfinite(perSecond))
        return QStringLiteral("–");
    return QCoreApplication::translate("Formatting", "%1/s").arg(formatCount(perSecond));
}

QString formatPercent(double fraction, int decimals)
{
    if (!std::isfinite(fraction))
        return QStringLiteral("–");
    return QLocale().toString(fraction * 100.0, 'f', decimals) + QStringLiteral(" %");
}

QString formatMs(double ms)
{
    if (!std::isfinite(ms))
        return QStringLiteral("–");
    if (ms < 1000.0)
        return QCoreApplication::translate("Formatting", "%1 ms").arg(QLocale().toString(std::lround(ms)));
    return QCoreApplication::translate("Formatting", "%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}

QString formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("–");
    const auto s = std::llround(seconds);
    if (s < 60)
        return QCoreApplication::translate("Formatting", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("Formatting", "%1 min").arg(s / 60);
    return QCoreApplication::translate("Formatting", "%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60, 2, 10, QLatin1Char('0'));
}

QTimeZone liveTimeZone(const QString &ianaName)
{
    return sitroom::domain::LiveClock(ianaName).zone();
}

// LiveClock (domain/, outside lupdate's reach) words the wall-clock fallback
// in this context; the console's catalogue carries it from here.
[[maybe_unused]] constexpr const char *kLiveClockWords[] = {
    QT_TRANSLATE_NOOP("LiveClock", "(gateway clock)"),
};

QString formatClock(qint64 epochMs, const QTimeZone &zone, const QString &format)
{
    const QDateTime when = zone.isValid() ? QDateTime::fromMSecsSinceEpoch(epochMs, zone)
                                          : QDateTime::fromMSecsSinceEpoch(epochMs);
    return QLocale().toString(when, format);
}

} // namespace sitroom::widgets
