#include "server/gateway/OutboxRows.h"

#include <QSqlQuery>
#include <QVariant>

namespace sitroom::gateway::outboxrows {

namespace {

// A null QString or QByteArray is bound as NULL; the columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

std::optional<OutboxEntry> entryFrom(const QSqlQuery &q)
{
    OutboxEntry e;
    e.commandId = q.value(0).toString();
    e.revision = q.value(1).toULongLong();
    const int status = q.value(2).toInt();
    e.status = status == 1 ? DeliveryStatus::Answered : status == 2 ? DeliveryStatus::Failed : DeliveryStatus::Pending;
    e.attempts = q.value(3).toInt();
    e.decidedAtMs = q.value(4).toLongLong();
    e.leaseHolder = q.value(5).toString();
    e.leaseUntilMs = q.value(6).toLongLong();
    e.answer = q.value(7).toString();
    if (!e.readPayload(q.value(8).toByteArray()))
        return std::nullopt;
    return e;
}

void bindAll(QSqlQuery &q, const OutboxEntry &e)
{
    q.addBindValue(text(e.commandId));
    q.addBindValue(qlonglong(e.revision));
    q.addBindValue(int(e.status));
    q.addBindValue(e.attempts);
    q.addBindValue(qlonglong(e.decidedAtMs));
    q.addBindValue(text(e.leaseHolder));
    q.addBindValue(qlonglong(e.leaseUntilMs));
    q.addBindValue(text(e.answer));
    q.addBindValue(e.payload());
}

} // namespace sitroom::gateway::outboxrows
