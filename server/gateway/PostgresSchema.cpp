#include "server/gateway/PostgresSchema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace sitroom::gateway::postgres {

QString said(const QSqlError &e)
{
    return (e.databaseText().isEmpty() ? e.text() : e.databaseText()).simplified();
}

const std::vector<SchemaStep> &schemaSteps()
{
    static const std::vector<SchemaStep> steps{
        {1,
         {
             QStringLiteral("CREATE TABLE control_state (k smallint PRIMARY KEY CHECK (k = 1), "
                            "revision bigint NOT NULL DEFAULT 0, state bytea)"),
             QStringLiteral("INSERT INTO control_state (k) VALUES (1)"),
             QStringLiteral("CREATE TABLE command_results (command_id text PRIMARY KEY, result bytea NOT NULL, "
                            "stored_at timestamptz NOT NULL DEFAULT now())"),
             QStringLiteral("CREATE TABLE alerts (id text PRIMARY KEY, raised_order bigint GENERATED ALWAYS AS IDENTITY, "
                            "key text NOT NULL, state integer NOT NULL, alert bytea NOT NULL)"),
             QStringLiteral("CREATE TABLE alert_meta (k smallint PRIMARY KEY CHECK (k = 1), next_id bigint NOT NULL)"),
             QStringLiteral("CREATE TABLE audit (id bigint PRIMARY KEY CHECK (id > 0), time_ms bigint NOT NULL, "
                            "user_name text NOT NULL, site integer NOT NULL, action text NOT NULL, reason text NOT NULL, "
                            "before text NOT NULL, after text NOT NULL, outcome text NOT NULL, hash bytea NOT NULL, "
                            "command_id text NOT NULL DEFAULT '', source_time_ms bigint NOT NULL DEFAULT 0, "
                            "words bytea NOT NULL DEFAULT ''::bytea)"),
             // The chain's head, written with every row: a deleted last row shows.
             QStringLiteral("CREATE TABLE audit_head (k smallint PRIMARY KEY CHECK (k = 1), last_id bigint NOT NULL, "
                            "last_hash bytea NOT NULL)"),
             QStringLiteral("INSERT INTO audit_head (k, last_id, last_hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'))"),
         }},
        {2,
         {
             // Each gateway's last sign of life, by server id (GatewayPresence).
             QStringLiteral("CREATE TABLE gateway_presence (server_id text PRIMARY KEY, site integer NOT NULL, "
                            "last_seen_ms bigint NOT NULL)"),
         }},
        {3,
         {
             // Applied changes on their way to the live system (ControlOutbox),
             // written with the decision; leased by the gateway delivering them.
             QStringLiteral("CREATE TABLE control_outbox (command_id text PRIMARY KEY, revision bigint NOT NULL, "
                            "status smallint NOT NULL DEFAULT 0, attempts integer NOT NULL DEFAULT 0, "
                            "decided_at_ms bigint NOT NULL, lease_holder text NOT NULL DEFAULT '', "
                            "lease_until_ms bigint NOT NULL DEFAULT 0, answer text NOT NULL DEFAULT '', "
                            "payload bytea NOT NULL)"),
             QStringLiteral("CREATE INDEX control_outbox_pending ON control_outbox (revision) WHERE status = 0"),
         }},
    };
    return steps;
}

int knownVersion(const std::vector<SchemaStep> &steps)
{
    return steps.empty() ? 0 : steps.back().version;
}

int storedVersion(QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")) || !q.next()) {
        *error = said(q.lastError());
        return -1;
    }
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(QStringLiteral("SELECT version FROM schema_version WHERE k = 1"))) {
        *error = said(q.lastError());
        return -1;
    }
    return q.next() ? q.value(0).toInt() : 0;
}

bool prepareSchema(QSqlDatabase &db, const std::vector<SchemaStep> &steps, const QString &where, QString *error)
{
    const int known = knownVersion(steps);
    if (!db.transaction()) {
        *error = QStringLiteral("cannot prepare the shared state store %1: %2").arg(where, said(db.lastError()));
        return false;
    }
    QSqlQuery q(db);
    const auto fail = [&](const QString &message) {
        *error = message;
        q.finish();
        db.rollback();
        return false;
    };
    if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kSchemaLock))
        || !q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (k smallint PRIMARY KEY CHECK (k = 1), "
                                  "version integer NOT NULL, migrated_at timestamptz NOT NULL DEFAULT now())")))
        return fail(QStringLiteral("cannot prepare the shared state store %1: %2").arg(where, said(q.lastError())));
    QString why;
    const int stored = storedVersion(db, &why);
    if (stored < 0)
        return fail(QStringLiteral("cannot read the schema version of the shared state store %1: %2").arg(where, why));
    if (stored > known)
        return fail(QStringLiteral("the shared state store %1 has schema version %2, newer than this gateway knows "
                                   "(version %3): run a gateway as new as the one that wrote it")
                        .arg(where).arg(stored).arg(known));
    if (stored == known) {
        db.commit();
        return true;
    }
    for (const SchemaStep &step : steps) {
        if (step.version <= stored)
            continue;
        for (const QString &sql : step.statements)
            if (!q.exec(sql))
                return fail(QStringLiteral("cannot bring the shared state store %1 from schema version %2 to %3 "
                                           "(nothing was changed): %4")
                                .arg(where).arg(stored).arg(known).arg(said(q.lastError())));
    }
    q.prepare(QStringLiteral("INSERT INTO schema_version (k, version) VALUES (1, ?) "
                             "ON CONFLICT (k) DO UPDATE SET version = excluded.version, migrated_at = now()"));
    q.addBindValue(known);
    if (!q.exec())
        return fail(QStringLiteral("cannot record schema version %1 in the shared state store %2: %3")
                        .arg(known).arg(where, said(q.lastError())));
    q.finish();
    if (!db.commit())
        return fail(QStringLiteral("cannot bring the shared state store %1 from schema version %2 to %3: %4")
                        .arg(where).arg(stored).arg(known).arg(said(db.lastError())));
    return true;
}

} // namespace sitroom::gateway::postgres
