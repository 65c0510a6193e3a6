// What every backend of the gateway's state must do (GatewayStore), run
// against each backend this build has: the same cases, data-driven over a
// list of backends, each able to open a store at a place and open it again
// there. SQLite in a file and in memory, and PostgreSQL (issue 13): a place
// is a database of a private cluster, started for the first PostgreSQL row.
#include "server/gateway/GatewayStore.h"
#include "server/gateway/PostgresGatewayStore.h"
#include "server/gateway/SqliteGatewayStore.h"
#include "tests/support/PostgresCluster.h"

#include <QtTest>

#include <QDateTime>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

#include <functional>
#include <memory>

using namespace sitroom;
using namespace sitroom::gateway;

namespace {

struct Backend
{
    const char *name;
    // Outlives a reopening at the same place.
    bool persistent;
    std::function<std::unique_ptr<GatewayStore>(const QString &place, QString *error)> open;
};

std::unique_ptr<GatewayStore> sqliteAt(const QString &folder, QString *error)
{
    auto store = std::make_unique<SqliteGatewayStore>();
    if (!store->open(folder, error))
        return nullptr;
    return store;
}

// The cluster of the PostgreSQL rows, owned by the test object so that it
// stops before the application goes; its databases, by place.
testing::PostgresCluster *g_cluster = nullptr;
QSet<QString> g_databases;

std::unique_ptr<GatewayStore> postgresAt(const QString &place, QString *error)
{
    if (!g_cluster->isRunning() && !g_cluster->start(error))
        return nullptr;
    const QString database = QFileInfo(place).fileName().replace(QLatin1Char('-'), QLatin1Char('_'));
    if (!g_databases.contains(database)) {
        if (!g_cluster->createDatabase(database, error))
            return nullptr;
        g_databases.insert(database);
    }
    auto store = std::make_unique<PostgresGatewayStore>();
    if (!store->open(g_cluster->url(database), error))
        return nullptr;
    return store;
}

const std::vector<Backend> &backends()
{
    static const std::vector<Backend> all{
        {"sqlite file", true, [](const QString &place, QString *error) { return sqliteAt(place, error); }},
        {"sqlite in memory", false, [](const QString &, QString *error) { return sqliteAt(QString(), error); }},
        {"postgresql", true, [](const QString &place, QString *error) { return postgresAt(place, error); }},
    };
    return all;
}

const Backend &backendNamed(const QString &name)
{
    for (const Backend &b : backends())
        if (name == QLatin1String(b.name))
            return b;
    qFatal("no backend %s", qPrintable(name));
}

void addBackendRows(bool persistentOnly = false)
{
    QTest::addColumn<QString>("backend");
    for (const Backend &b : backends())
        if (b.persistent || !persistentOnly)
            QTest::newRow(b.name) << QString::fromLatin1(b.name);
}

AuditRecord row(int i)
{
    AuditRecord r;
    r.timeMs = 1'700'000'000'000 + i;
    r.user = QStringLiteral("kim");
    r.site = 1;
    r.action = QStringLiteral("set admission rate to %1/s").arg(100 + i);
    r.reason = QStringLiteral("reason %1").arg(i);
    r.before = QStringLiteral("{\"admission_rate_per_s\":700}");
    r.after = QStringLiteral("{\"admission_rate_per_s\":%1}").arg(100 + i);
    r.outcome = QStringLiteral("applied");
    r.commandId = QStringLiteral("cmd-%1").arg(i);
    r.sourceTimeMs = 1'600'000'000'000 + i;
    return r;
}

v1::ControlState control(std::uint64_t revision, double rate)
{
    v1::ControlState s;
    s.set_revision(revision);
    s.set_admission_rate_per_s(rate);
    auto *p = s.add_providers();
    p->set_id("kakao");
    p->set_enabled(true);
    return s;
}

v1::CommandResult result(const char *commandId, v1::CommandStatus status)
{
    v1::CommandResult r;
    r.set_command_id(commandId);
    r.set_status(status);
    r.set_message("as decided");
    return r;
}

v1::Alert alert(const char *id, const char *key, v1::AlertState state)
{
    v1::Alert a;
    a.set_id(id);
    a.set_key(key);
    a.set_state(state);
    a.set_severity(v1::SEVERITY_MAJOR);
    return a;
}

// Appends rows from..to, each in a transaction of its own.
bool appendRows(GatewayStore &store, int from, int to, QString *error)
{
    for (int i = from; i <= to; ++i) {
        const std::unique_ptr<GatewayTransaction> tx = store.begin(error);
        if (!tx || tx->appendAudit(row(i), error).id() != std::uint64_t(i) || !tx->commit(error))
            return false;
    }
    return true;
}

} // namespace

class TestGatewayStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_places = 0;
    testing::PostgresCluster m_cluster;

    // A fresh place for the backend to keep its state.
    QString freshPlace() { return m_dir.filePath(QStringLiteral("state-%1").arg(++m_places)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        g_cluster = &m_cluster;
    }
    void cleanupTestCase() { g_cluster = nullptr; }

    void anEmptyStoreHoldsNothing_data() { addBackendRows(); }
    void anEmptyStoreHoldsNothing()
    {
        QFETCH(QString, backend);
        QString error;
        const auto store = backendNamed(backend).open(freshPlace(), &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(!store->loadControl());
        QVERIFY(!store->findResult(QStringLiteral("cmd-1")));
        QVERIFY(store->loadOpenAlerts().empty());
        QCOMPARE(store->loadNextAlertId(), 1u);
        QVERIFY(store->recentAudit(10).empty());
        const AuditVerification v = store->verifyAudit();
        QVERIFY2(v.ok, qPrintable(v.detail));
        QCOMPARE(v.rowsChecked, 0u);
        QCOMPARE(store->isPersistent(), backendNamed(backend).persistent);
        QVERIFY(store->isReachable());
    }

    void oneTransactionWritesEverything_data() { addBackendRows(); }
    void oneTransactionWritesEverything()
    {
        QFETCH(QString, backend);
        QString error;
        const auto store = backendNamed(backend).open(freshPlace(), &error);
        QVERIFY2(store, qPrintable(error));
        {
            const std::unique_ptr<GatewayTransaction> tx = store->begin(&error);
            QVERIFY2(tx, qPrintable(error));
            std::uint64_t revision = 99;
            QVERIFY2(tx->readControlRevision(&revision, &error), qPrintable(error));
            QCOMPARE(revision, 0u);   // none stored yet
            QCOMPARE(tx->appendAudit(row(1), &error).id(), 1u);
            QVERIFY2(tx->saveControl(control(2, 600), &error), qPrintable(error));
            QVERIFY2(tx->saveResult(result("cmd-1", v1::COMMAND_APPLIED), &error), qPrintable(error));
            QVERIFY2(tx->saveAlert(alert("A1", "queue.wait", v1::ALERT_ACTIVE_UNACKED), &error), qPrintable(error));
            QVERIFY2(tx->saveNextAlertId(2, &error), qPrintable(error));
            // Inside the transaction, its own writes are read back.
            QVERIFY2(tx->readControlRevision(&revision, &error), qPrintable(error));
            QCOMPARE(revision, 2u);
            QVERIFY(tx->findResult(QStringLiteral("cmd-1")));
            QVERIFY2(tx->commit(&error), qPrintable(error));
        }
        QCOMPARE(store->loadControl()->revision(), 2u);
        QCOMPARE(store->loadControl()->admission_rate_per_s(), 600.0);
        QCOMPARE(store->findResult(QStringLiteral("cmd-1"))->status(), v1::COMMAND_APPLIED);
        QCOMPARE(store->loadOpenAlerts().size(), std::size_t(1));
        QCOMPARE(store->loadNextAlertId(), 2u);
        const auto audit = store->recentAudit(10);
        QCOMPARE(audit.size(), std::size_t(1));
        QCOMPARE(audit.front().command_id(), std::string("cmd-1"));
        QCOMPARE(audit.front().source_time_ms(), 1'600'000'000'001);
    }

    void rollbackLeavesNothing_data() { addBackendRows(); }
    void rollbackLeavesNothing()
    {
        QFETCH(QString, backend);
        QString error;
        const auto store = backendNamed(backend).open(freshPlace(), &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY2(appendRows(*store, 1, 2, &error), qPrintable(error));
        {
            // Everything written, then abandoned: the transaction goes uncommitted.
            const std::unique_ptr<GatewayTransaction> tx = store->begin(&error);
            QVERIFY2(tx, qPrintable(error));
            QCOMPARE(tx->appendAudit(row(3), &error).id(), 3u);
            QVERIFY(tx->saveControl(control(5, 300), &error));
            QVERIFY(tx->saveResult(result("cmd-3", v1::COMMAND_APPLIED), &error));
            QVERIFY(tx->saveAlert(alert("A9", "backend.saturation", v1::ALERT_ACTIVE_UNACKED), &error));
            QVERIFY(tx->saveNextAlertId(10, &error));
        }
        QVERIFY(!store->loadControl());
        QVERIFY(!store->findResult(QStringLiteral("cmd-3")));
        QVERIFY(store->loadOpenAlerts().empty());
        QCOMPARE(store->loadNextAlertId(), 1u);
        QCOMPARE(store->recentAudit(10).size(), std::size_t(2));
        // The chain goes on from the last row committed.
        QVERIFY2(appendRows(*store, 3, 3, &error), qPrintable(error));
        const AuditVerification v = store->verifyAudit();
        QVERIFY2(v.ok, qPrintable(v.detail));
        QCOMPARE(v.rowsChecked, 3u);
    }

    void theFirstResultStays_data() { addBackendRows(); }
    void theFirstResultStays()
    {
        QFETCH(QString, backend);
        QString error;
        const auto store = backendNamed(backend).open(freshPlace(), &error);
        QVERIFY2(store, qPrintable(error));
        for (const v1::CommandStatus status : {v1::COMMAND_PENDING_APPROVAL, v1::COMMAND_APPLIED}) {
            const std::unique_ptr<GatewayTransaction> tx = store->begin(&error);
            QVERIFY2(tx, qPrintable(error));
            QVERIFY2(tx->saveResult(result("cmd-7", status), &error), qPrintable(error));
            QVERIFY2(tx->commit(&error), qPrintable(error));
        }
        QCOMPARE(store->findResult(QStringLiteral("cmd-7"))->status(), v1::COMMAND_PENDING_APPROVAL);
        QVERIFY(!store->findResult(QStringLiteral("cmd-8")));
    }

    void theAuditChainVerifies_data() { addBackendRows(); }
    void theAuditChainVerifies()
    {
        QFETCH(QString, backend);
        QString error;
        const auto store = backendNamed(backend).open(freshPlace(), &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY2(appendRows(*store, 1, 10, &error), qPrintable(error));
        const AuditVerification v = store->verifyAudit();
        QVERIFY2(v.ok, qPrintable(v.detail));
        QCOMPARE(v.rowsChecked, 10u);
        QCOMPARE(v.firstBrokenId, 0u);
        // Each row hashes the one before it; the first chains to 32 zero bytes.
        QByteArray previous = auditchain::genesis();
        for (const v1::AuditEntry &e : store->auditPage(0, 100)) {
            QCOMPARE(QByteArray::fromStdString(e.hash()), auditchain::chainHash(previous, e));
            previous = QByteArray::fromStdString(e.hash());
        }
        // Pages and the newest rows.
        bool more = false;
        auto page = store->auditPage(0, 4, &more);
        QCOMPARE(page.size(), std::size_t(4));
        QVERIFY(more);
        QCOMPARE(page.front().id(), 1u);
        page = store->auditPage(8, 4, &more);
        QCOMPARE(page.size(), std::size_t(2));
        QVERIFY(!more);
        const auto recent = store->recentAudit(3);
        QCOMPARE(recent.size(), std::size_t(3));
        QCOMPARE(recent.front().id(), 8u);
        QCOMPARE(recent.back().id(), 10u);
        QCOMPARE(recent.back().reason(), std::string("reason 10"));
    }

    void alertsAndTheCounter_data() { addBackendRows(); }
    void alertsAndTheCounter()
    {
        QFETCH(QString, backend);
        QString error;
        const auto store = backendNamed(backend).open(freshPlace(), &error);
        QVERIFY2(store, qPrintable(error));
        const auto write = [&](const v1::Alert &a, std::uint64_t nextId) {
            const std::unique_ptr<GatewayTransaction> tx = store->begin(&error);
            return tx && tx->saveAlert(a, &error) && tx->saveNextAlertId(nextId, &error) && tx->commit(&error);
        };
        QVERIFY2(write(alert("A1", "queue.wait", v1::ALERT_ACTIVE_UNACKED), 2), qPrintable(error));
        QVERIFY2(write(alert("A2", "provider.red/kakao", v1::ALERT_ACTIVE_UNACKED), 3), qPrintable(error));
        QVERIFY2(write(alert("A3", "backend.saturation", v1::ALERT_SHELVED), 4), qPrintable(error));
        // A1 moves on: one alert per id, as it stands now.
        QVERIFY2(write(alert("A1", "queue.wait", v1::ALERT_ACTIVE_ACKED), 4), qPrintable(error));
        auto open = store->loadOpenAlerts();
        QCOMPARE(open.size(), std::size_t(3));
        QCOMPARE(open[0].id(), std::string("A1"));   // oldest first
        QCOMPARE(open[0].state(), v1::ALERT_ACTIVE_ACKED);
        QCOMPARE(open[2].state(), v1::ALERT_SHELVED);
        // A cleared alert is kept but not open.
        QVERIFY2(write(alert("A2", "provider.red/kakao", v1::ALERT_CLEARED), 4), qPrintable(error));
        open = store->loadOpenAlerts();
        QCOMPARE(open.size(), std::size_t(2));
        QCOMPARE(open[1].id(), std::string("A3"));
        QCOMPARE(store->loadNextAlertId(), 4u);
    }

    // Each gateway's sign of life: one row per server id, the last one kept,
    // outside any transaction; kept across a reopening where the state is.
    void presenceIsKeptPerGateway_data() { addBackendRows(); }
    void presenceIsKeptPerGateway()
    {
        QFETCH(QString, backend);
        const Backend &b = backendNamed(backend);
        const QString place = freshPlace();
        QString error;
        {
            const auto store = b.open(place, &error);
            QVERIFY2(store, qPrintable(error));
            QVERIFY(store->loadPresence().empty());
            QVERIFY2(store->recordPresence({QStringLiteral("seoul-gw"), v1::SITE_SEOUL, 1000}, &error), qPrintable(error));
            QVERIFY2(store->recordPresence({QStringLiteral("osong-gw"), v1::SITE_OSONG, 1500}, &error), qPrintable(error));
            QVERIFY2(store->recordPresence({QStringLiteral("seoul-gw"), v1::SITE_SEOUL, 6000}, &error), qPrintable(error));
            const std::vector<GatewayPresence> seen = store->loadPresence();
            QCOMPARE(seen.size(), std::size_t(2));
            QCOMPARE(seen[0].serverId, QStringLiteral("osong-gw"));
            QCOMPARE(seen[0].site, v1::SITE_OSONG);
            QCOMPARE(seen[0].lastSeenMs, 1500);
            QCOMPARE(seen[1].serverId, QStringLiteral("seoul-gw"));
            QCOMPARE(seen[1].lastSeenMs, 6000);
            // Nothing of it is audited.
            QVERIFY(store->recentAudit(10).empty());
        }
        if (!b.persistent)
            return;
        const auto again = b.open(place, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->loadPresence().size(), std::size_t(2));
    }

    // The delivery outbox: a row written with its decision, leased to one
    // gateway at a time, taken by another once the lease runs out, ended
    // with the result it replaces.
    void deliveriesAreLeasedToOneHolderAtATime_data() { addBackendRows(); }
    void deliveriesAreLeasedToOneHolderAtATime()
    {
        QFETCH(QString, backend);
        QString error;
        const auto store = backendNamed(backend).open(freshPlace(), &error);
        QVERIFY2(store, qPrintable(error));
        OutboxEntry e;
        e.commandId = QStringLiteral("cmd-1");
        e.revision = 2;
        e.decidedAtMs = 1'700'000'000'000;
        e.leaseHolder = QStringLiteral("gw-a");
        e.leaseUntilMs = QDateTime::currentMSecsSinceEpoch() + 60000;
        e.request.commandId = e.commandId;
        e.request.revision = 2;
        e.request.change = QJsonObject{{QStringLiteral("action"), QStringLiteral("set_admission_rate")}};
        e.request.control = control(2, 600);
        e.request.actor.set_user("kim");
        e.request.sentAtMs = 1'700'000'000'123;
        e.restore = control(1, 700);
        e.summary.set_code("command.set_admission_rate");
        {
            const std::unique_ptr<GatewayTransaction> tx = store->begin(&error);
            QVERIFY2(tx, qPrintable(error));
            QVERIFY(tx->saveControl(control(2, 600), &error));
            v1::CommandResult sent = result("cmd-1", v1::COMMAND_APPLIED);
            sent.set_stage(v1::COMMAND_STAGE_SENT);
            QVERIFY(tx->saveResult(sent, &error));
            QVERIFY2(tx->saveDelivery(e, &error), qPrintable(error));
            QVERIFY(!tx->findAlert(QStringLiteral("A1")));
            QVERIFY2(tx->commit(&error), qPrintable(error));
        }
        std::vector<OutboxEntry> pending = store->pendingDeliveries();
        QCOMPARE(pending.size(), std::size_t(1));
        const OutboxEntry &stored = pending.front();
        QCOMPARE(stored.commandId, e.commandId);
        QCOMPARE(stored.revision, 2u);
        QCOMPARE(stored.leaseHolder, QStringLiteral("gw-a"));
        QCOMPARE(stored.request.sentAtMs, e.request.sentAtMs);
        QCOMPARE(stored.request.control.admission_rate_per_s(), 600.0);
        QCOMPARE(stored.request.actor.user(), std::string("kim"));
        QCOMPARE(stored.request.change, e.request.change);
        QCOMPARE(stored.restore.admission_rate_per_s(), 700.0);
        QCOMPARE(stored.summary.code(), std::string("command.set_admission_rate"));
        // Held by gw-a: not gw-b's to take until it runs out.
        QVERIFY(!store->takeDelivery(e.commandId, QStringLiteral("gw-b"), 60000, true, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(store->takeDelivery(e.commandId, QStringLiteral("gw-a"), 100, true, &error));
        bool taken = false;   // taken once: QTRY_VERIFY evaluates its expression again after success
        QTRY_VERIFY_WITH_TIMEOUT(taken = taken || store->takeDelivery(e.commandId, QStringLiteral("gw-b"), 60000, true, &error),
                                 5000);
        QVERIFY(!store->takeDelivery(e.commandId, QStringLiteral("gw-a"), 60000, true, &error));
        pending = store->pendingDeliveries();
        QCOMPARE(pending.front().leaseHolder, QStringLiteral("gw-b"));
        QCOMPARE(pending.front().attempts, 2);
        // Ended, with the result it replaces; no longer anybody's to take.
        {
            const std::unique_ptr<GatewayTransaction> tx = store->begin(&error);
            QVERIFY2(tx, qPrintable(error));
            OutboxEntry ended = pending.front();
            ended.status = DeliveryStatus::Answered;
            QVERIFY(tx->saveDelivery(ended, &error));
            v1::CommandResult accepted = result("cmd-1", v1::COMMAND_APPLIED);
            accepted.set_stage(v1::COMMAND_STAGE_ACCEPTED);
            QVERIFY(tx->replaceResult(accepted, &error));
            QCOMPARE(tx->findDelivery(e.commandId)->status, DeliveryStatus::Answered);
            QVERIFY2(tx->commit(&error), qPrintable(error));
        }
        QVERIFY(store->pendingDeliveries().empty());
        QCOMPARE(store->findResult(QStringLiteral("cmd-1"))->stage(), v1::COMMAND_STAGE_ACCEPTED);
        QVERIFY(!store->takeDelivery(e.commandId, QStringLiteral("gw-b"), 60000, true, &error));
        QVERIFY(store->holdAlertEvaluator());
    }

    void everythingComesBackAfterReopening_data() { addBackendRows(true); }
    void everythingComesBackAfterReopening()
    {
        QFETCH(QString, backend);
        const Backend &b = backendNamed(backend);
        const QString place = freshPlace();
        QString error;
        {
            const auto store = b.open(place, &error);
            QVERIFY2(store, qPrintable(error));
            QVERIFY2(appendRows(*store, 1, 3, &error), qPrintable(error));
            const std::unique_ptr<GatewayTransaction> tx = store->begin(&error);
            QVERIFY2(tx, qPrintable(error));
            v1::ControlState c = control(4, 500);
            auto *pending = c.add_pending();
            pending->set_request_id("r-1");
            pending->set_expires_ms(1'700'000'300'000);
            QVERIFY(tx->saveControl(c, &error));
            QVERIFY(tx->saveResult(result("cmd-3", v1::COMMAND_PENDING_APPROVAL), &error));
            QVERIFY(tx->saveAlert(alert("A5", "queue.wait", v1::ALERT_RTN_UNACKED), &error));
            QVERIFY(tx->saveNextAlertId(6, &error));
            QVERIFY2(tx->commit(&error), qPrintable(error));
        }
        const auto store = b.open(place, &error);
        QVERIFY2(store, qPrintable(error));
        const auto c = store->loadControl();
        QVERIFY(c);
        QCOMPARE(c->revision(), 4u);
        QCOMPARE(c->admission_rate_per_s(), 500.0);
        QCOMPARE(c->pending_size(), 1);
        QCOMPARE(c->pending(0).request_id(), std::string("r-1"));
        QCOMPARE(store->findResult(QStringLiteral("cmd-3"))->status(), v1::COMMAND_PENDING_APPROVAL);
        QCOMPARE(store->loadOpenAlerts().size(), std::size_t(1));
        QCOMPARE(store->loadNextAlertId(), 6u);
        // The chain goes on where it stopped.
        QVERIFY2(appendRows(*store, 4, 4, &error), qPrintable(error));
        const AuditVerification v = store->verifyAudit();
        QVERIFY2(v.ok, qPrintable(v.detail));
        QCOMPARE(v.rowsChecked, 4u);
    }
};

QTEST_GUILESS_MAIN(TestGatewayStore)
#include "tst_gatewaystore.moc"
