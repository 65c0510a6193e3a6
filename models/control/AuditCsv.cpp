#include "models/control/AuditCsv.h"

#include "proto/sitroom/SiteKey.h"

#include <QStringList>

namespace sitroom::models {

QString csvField(const QString &value)
{
    const bool quote = value.contains(u',') || value.contains(u'"') || value.contains(u'\n')
        || value.contains(u'\r') || value.startsWith(u' ') || value.endsWith(u' ');
    if (!quote)
        return value;
    QString out = value;
    out.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + out + u'"';
}

QByteArray auditCsv(const std::deque<sitroom::v1::AuditEntry> &entries, const sitroom::domain::LiveClock &clock)
{
    using sitroom::domain::LiveClock;
    QString out = QStringLiteral("id,%1,clock,user,site,action,reason,before,after,outcome,hash,command_id\r\n")
                      .arg(csvField(QStringLiteral("time (live system, %1)").arg(clock.zoneLabel())));
    for (const sitroom::v1::AuditEntry &e : entries) {
        const LiveClock::Stamp stamp = LiveClock::auditStamp(e.source_time_ms(), e.time_ms());
        const QStringList fields{
            QString::number(e.id()),
            clock.iso(stamp.ms),
            stamp.source == LiveClock::Source::LiveSystem ? QStringLiteral("live system") : QStringLiteral("gateway"),
            QString::fromStdString(e.user()),
            siteKey(e.site()),
            QString::fromStdString(e.action()),
            QString::fromStdString(e.reason()),
            QString::fromStdString(e.before()),
            QString::fromStdString(e.after()),
            QString::fromStdString(e.outcome()),
            QString::fromLatin1(QByteArray::fromStdString(e.hash()).toHex()),
            QString::fromStdString(e.command_id()),
        };
        QStringList quoted;
        for (const QString &field : fields)
            quoted << csvField(field);
        out += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace sitroom::models
