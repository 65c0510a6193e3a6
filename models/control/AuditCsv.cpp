#include "AuditCsv.h"

#include <QDateTime>
#include <QStringList>

namespace sitroom::models {

namespace {

QString siteName(quint32 site)
{
    switch (site) {
    case 1: return QStringLiteral("seoul");
    case 2: return QStringLiteral("osong");
    case 3: return QStringLiteral("ministry");
    default: return QString();
    }
}

} // namespace

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

QByteArray auditCsv(const std::deque<sitroom::v1::AuditEntry> &entries)
{
    QString out = QStringLiteral("id,time,user,site,action,reason,before,after,outcome,hash\r\n");
    for (const sitroom::v1::AuditEntry &e : entries) {
        const QStringList fields{
            QString::number(e.id()),
            QDateTime::fromMSecsSinceEpoch(e.time_ms(), Qt::UTC).toString(Qt::ISODateWithMs),
            QString::fromStdString(e.user()),
            siteName(e.site()),
            QString::fromStdString(e.action()),
            QString::fromStdString(e.reason()),
            QString::fromStdString(e.before()),
            QString::fromStdString(e.after()),
            QString::fromStdString(e.outcome()),
            QString::fromLatin1(QByteArray::fromStdString(e.hash()).toHex()),
        };
        QStringList quoted;
        for (const QString &field : fields)
            quoted << csvField(field);
        out += quoted.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace sitroom::models
