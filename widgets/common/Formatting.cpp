#include "Formatting.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace sitroom::widgets {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Formatting", text);
}
} // namespace

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
    return tr("%1/s").arg(formatCount(perSecond));
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
        return tr("%1 ms").arg(QLocale().toString(std::lround(ms)));
    return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}

QString formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("–");
    const auto s = std::llround(seconds);
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min").arg(s / 60);
    return tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60, 2, 10, QLatin1Char('0'));
}

QString formatCompact(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    const double a = std::abs(value);
    if (a >= 1e6)
        return tr("%1 M").arg(QLocale().toString(value / 1e6, 'f', a >= 1e7 ? 1 : 2));
    if (a >= 1e4)
        return tr("%1 k").arg(QLocale().toString(value / 1e3, 'f', 0));
    return formatCount(value);
}

} // namespace sitroom::widgets
