#include "server/gateway/StateRows.h"

#include "server/gateway/AuditChain.h"

#include <QSqlQuery>
#include <QVariant>

namespace sitroom::gateway::staterows {

sitroom::v1::AuditEntry auditEntryFrom(const QSqlQuery &q)
{
    sitroom::v1::AuditEntry e;
    e.set_id(q.value(0).toULongLong());
    e.set_time_ms(q.value(1).toLongLong());
    e.set_user(q.value(2).toString().toStdString());
    e.set_site(q.value(3).toUInt());
    e.set_action(q.value(4).toString().toStdString());
    e.set_reason(q.value(5).toString().toStdString());
    e.set_before(q.value(6).toString().toStdString());
    e.set_after(q.value(7).toString().toStdString());
    e.set_outcome(q.value(8).toString().toStdString());
    const QByteArray hash = q.value(9).toByteArray();
    e.set_hash(hash.constData(), size_t(hash.size()));
    e.set_command_id(q.value(10).toString().toStdString());
    e.set_source_time_ms(q.value(11).toLongLong());
    auditchain::setWords(e, q.value(12).toByteArray());
    return e;
}

} // namespace sitroom::gateway::staterows
