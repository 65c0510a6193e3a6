#pragma once

#include <QString>
#include <QStringList>

#include <vector>

class QSqlDatabase;
class QSqlError;

namespace sitroom::gateway::postgres {

// The tables of the shared state, and how a database gets them. Version N's
// step takes a database at version N-1 to N; a database with none of them
// is at version 0. The gateway brings the database to the newest version it
// knows when it opens it, every missing step in one transaction, and refuses
// a database whose version is newer than it knows.
//
// Version 1:
//   schema_version  (k = 1)          the version, and when it was reached
//   control_state   (k = 1)          the control state with its pending
//                                    approvals; its row always exists (state
//                                    NULL: none stored) and every writing
//                                    transaction locks it first, so the two
//                                    gateways' decisions take turns
//   command_results (command_id)     every command's first result
//   alerts          (id)             every alert as it stands, in raising order
//   alert_meta      (k = 1)          the next alert number
//   audit           (id)             the hash-chained audit rows (AuditChain)
//   audit_head      (k = 1)          the chain's last row and hash
// Version 2:
//   gateway_presence (server_id)     each gateway's room and last sign of
//                                    life (GatewayPresence), for takeovers
// Version 3:
//   control_outbox  (command_id)     applied changes on their way to the live
//                                    system (ControlOutbox): status, attempts,
//                                    the lease of the gateway delivering one,
//                                    and what it sends and restores
// The alert evaluator has no table: it is whoever holds the advisory lock
// kAlertEvaluatorLock on its connection.
struct SchemaStep
{
    int version = 0;
    QStringList statements;
};

// The steps this gateway knows, oldest first.
const std::vector<SchemaStep> &schemaSteps();
// The version its steps lead to.
int knownVersion(const std::vector<SchemaStep> &steps = schemaSteps());

// Advisory lock keys (one 64-bit space for every client of the database).
inline constexpr qint64 kSchemaLock = 0x5369'7472'6f6f'6d01;        // held while the schema is created or migrated
inline constexpr qint64 kAlertEvaluatorLock = 0x5369'7472'6f6f'6d02; // held by the gateway evaluating the alerts

// The channel every committed change is announced on, and its payload's
// words: "control=REVISION", "alerts", "audit=LAST_ID", "outbox", space-separated.
inline constexpr char kChangeChannel[] = "sitroom_state";

// What went wrong in libpq's words, on one line (the driver's own words,
// "QPSQL: Unable to ...", add nothing).
QString said(const QSqlError &error);

// The version a database is at (0 when it has no schema_version table);
// -1, with error, when it cannot be read.
int storedVersion(QSqlDatabase &db, QString *error);

// Brings the database to the last of steps in one transaction, under
// kSchemaLock so two gateways starting at once migrate it once. False, and
// nothing changed, when a step fails or the database is newer than the steps
// know; where names the database in the message.
bool prepareSchema(QSqlDatabase &db, const std::vector<SchemaStep> &steps, const QString &where, QString *error);

} // namespace sitroom::gateway::postgres
