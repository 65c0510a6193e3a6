#include "domain/LiveClock.h"

#include <QCoreApplication>

namespace sitroom::domain {

namespace {

QTimeZone zoneNamed(const QString &ianaName)
{
    if (!ianaName.isEmpty()) {
        QTimeZone zone(ianaName.toUtf8());
        if (zone.isValid())
            return zone;
    }
    QTimeZone seoul(LiveClock::kDefaultZone);
    // A machine without the zone database still shows Korea's offset, which
    // has kept no daylight saving since 1988.
    return seoul.isValid() ? seoul : QTimeZone(9 * 3600);
}

} // namespace

LiveClock::Stamp LiveClock::auditStamp(qint64 sourceTimeMs, qint64 wallTimeMs)
{
    if (sourceTimeMs > 0)
        return {sourceTimeMs, Source::LiveSystem};
    return {wallTimeMs, Source::GatewayWall};
}

LiveClock::LiveClock()
    : m_zone(zoneNamed({}))
{
}

LiveClock::LiveClock(const QString &ianaName)
    : m_zone(zoneNamed(ianaName))
{
}

QString LiveClock::zoneId() const
{
    return QString::fromUtf8(m_zone.id());
}

QString LiveClock::zoneLabel(qint64 epochMs) const
{
    const QString name = m_zone.abbreviation(at(epochMs));
    // tzdata writes zones without a short name as "+09"; Qt as "UTC+09".
    if (name.startsWith(u'+') || name.startsWith(u'-'))
        return QStringLiteral("UTC") + name;
    return name.isEmpty() ? QStringLiteral("UTC") : name;
}

QString LiveClock::zoneLabel() const
{
    return zoneLabel(QDateTime::currentMSecsSinceEpoch());
}

QDateTime LiveClock::at(qint64 epochMs) const
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, m_zone);
}

QString LiveClock::time(qint64 epochMs, const QString &format) const
{
    return at(epochMs).toString(format);
}

QString LiveClock::labelled(qint64 epochMs, const QString &format) const
{
    if (epochMs <= 0)
        return QStringLiteral("–");
    return time(epochMs, format) + u' ' + zoneLabel(epochMs);
}

QString LiveClock::labelled(const Stamp &stamp, const QString &format) const
{
    const QString text = labelled(stamp.ms, format);
    if (stamp.source == Source::LiveSystem || stamp.ms <= 0)
        return text;
    return text + u' ' + wallClockNote();
}

QString LiveClock::iso(qint64 epochMs) const
{
    return at(epochMs).toString(Qt::ISODateWithMs);
}

QString LiveClock::wallClockNote()
{
    return QCoreApplication::translate("LiveClock", "(gateway clock)");
}

} // namespace sitroom::domain
