#include "server/gateway/PostgresRows.h"

#include "server/gateway/StateRows.h"

#include <QSqlQuery>
#include <QVariant>

namespace sitroom::gateway::pgrows {

std::optional<sitroom::v1::CommandResult> findResult(QSqlQuery &q, const QString &commandId,
                                                     const std::function<void()> &failed)
{
    q.prepare(QStringLiteral("SELECT result FROM command_results WHERE command_id = ?"));
    q.addBindValue(commandId);
    if (!q.exec()) {
        failed();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return staterows::parsed<sitroom::v1::CommandResult>(q.value(0).toByteArray());
}

} // namespace sitroom::gateway::pgrows
