#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace sitroom::domain {

// The live system's clock as people read it: every time the console, its CSV
// export and sitroomctl show is on this clock, in the live system's zone
// (Configuration.timezone; Asia/Seoul when unset or unknown), and says so
// ("20:01:27 KST"), whatever zone the machine that shows it runs in. One
// place, so an alert raised at 20:01:27 is never acknowledged at 13:57:01.
class LiveClock final
{
public:
    static constexpr const char *kDefaultZone = "Asia/Seoul";

    // Which clock a time was read on. Audit rows written before the gateway
    // kept the live system's clock carry only the gateway's wall clock:
    // shown in the same zone, but labelled as that other clock.
    enum class Source { LiveSystem, GatewayWall };
    struct Stamp
    {
        qint64 ms = 0;
        Source source = Source::LiveSystem;
    };
    // The live system's time when there is one, else the wall time, labelled.
    static Stamp auditStamp(qint64 sourceTimeMs, qint64 wallTimeMs);

    LiveClock();
    explicit LiveClock(const QString &ianaName);

    const QTimeZone &zone() const { return m_zone; }
    QString zoneId() const;
    // The zone's short name at that moment ("KST"), or "UTC+09" for a zone
    // without one. Without a moment: now.
    QString zoneLabel(qint64 epochMs) const;
    QString zoneLabel() const;

    QDateTime at(qint64 epochMs) const;
    // Bare: for a cell whose column header carries the label ("20:01:27").
    QString time(qint64 epochMs, const QString &format = QStringLiteral("HH:mm:ss")) const;
    // Labelled: "20:01:27 KST"; "–" for 0 (no time).
    QString labelled(qint64 epochMs, const QString &format = QStringLiteral("HH:mm:ss")) const;
    // A stamp, labelled, with "(gateway clock)" after a wall-clock fallback
    // (translated: the console's catalogue carries the context "LiveClock").
    QString labelled(const Stamp &stamp, const QString &format = QStringLiteral("HH:mm:ss")) const;
    // ISO 8601 with the zone's offset, for files and scripts:
    // "2021-08-09T20:01:27.000+09:00".
    QString iso(qint64 epochMs) const;
    static QString wallClockNote();

private:
    QTimeZone m_zone;
};

} // namespace sitroom::domain
