// What only the shared PostgreSQL store does (tst_gatewaystore has what
// every backend does): its schema created, migrated in one transaction and a
// newer one refused; two stores on one database as two gateways would hold
// them: a stale revision is a conflict, a command_id is applied once, the
// audit chain stays one and verifies while the other appends; a change
// reaches the other store within a second; the server stopped is said
// plainly, and its return is noticed by itself.
#include "server/gateway/CommandPipeline.h"
#include "server/gateway/ControlCommands.h"
#include "server/gateway/PostgresGatewayStore.h"
#include "tests/support/PostgresCluster.h"

#include <QtTest>

#include <atomic>
#include <memory>

using namespace sitroom;
using namespace sitroom::gateway;

namespace {

const qint64 kWall = 1'780'000'000'000;
const qint64 kSource = 1'790'000'000'000;
const Identity kOperator{QStringLiteral("kim"), v1::ROLE_OPERATOR, v1::SITE_SEOUL};
// Another operator of the room in command, signed in at the other gateway.
const Identity kOtherOperator{QStringLiteral("jung"), v1::ROLE_OPERATOR, v1::SITE_SEOUL};

v1::Configuration configuration()
{
    v1::Configuration c;
    c.set_admission_rate_min_per_s(50);
    c.set_admission_rate_max_per_s(3000);
    c.set_admission_rate_step_per_s(50);
    c.set_hazardous_rate_cut_fraction(0.9);
    return c;
}

v1::ControlState initial()
{
    v1::ControlState s;
    s.set_revision(1);
    s.set_admission_rate_per_s(700);
    auto *p = s.add_providers();
    p->set_id("kakao");
    p->set_enabled(true);
    return s;
}

v1::Command rate(const char *commandId, std::uint64_t revision, double r)
{
    v1::Command c;
    c.set_command_id(commandId);
    c.set_expected_revision(revision);
    c.set_reason("queue grows");
    c.mutable_set_admission_rate()->set_rate_per_s(r);
    return c;
}

AuditRecord row(const QString &user, int i)
{
    AuditRecord r;
    r.timeMs = kWall + i;
    r.user = user;
    r.action = QStringLiteral("row %1").arg(i);
    r.outcome = QStringLiteral("applied");
    return r;
}

// One gateway's side: its own store on the shared database, its pipeline
// and control commands, as the gateway wires them.
struct Room
{
    PostgresGatewayStore store;
    std::unique_ptr<CommandPipeline> pipeline;
    std::unique_ptr<ControlCommands> controls;
    std::vector<StoreChanges> heard;

    bool open(const QString &url, QString *error)
    {
        if (!store.open(url, error))
            return false;
        store.setChangeListener([this](const StoreChanges &c) { heard.push_back(c); });
        pipeline = std::make_unique<CommandPipeline>(store);
        controls = std::make_unique<ControlCommands>(*pipeline);
        pipeline->addHandler(controls.get());
        pipeline->setControlInForce([this]() -> const v1::ControlState & { return controls->control(); });
        controls->setConfiguration(configuration());
        controls->initialize(initial());
        return true;
    }
    v1::CommandResult handle(const v1::Command &c, const Identity &who)
    {
        return pipeline->handle(c, who, kWall, kSource);
    }
};

int auditRowsFor(GatewayStore &store, const std::string &commandId)
{
    int n = 0;
    for (const v1::AuditEntry &e : store.auditPage(0, 1000))
        n += e.command_id() == commandId ? 1 : 0;
    return n;
}

} // namespace

class TestPostgresGatewayStore final : public QObject
{
    Q_OBJECT

private:
    testing::PostgresCluster m_cluster;
    int m_databases = 0;

    // A new empty database of the cluster; its URL.
    QString freshDatabase(QString *name = nullptr)
    {
        const QString database = QStringLiteral("db_%1").arg(++m_databases);
        QString error;
        if (!m_cluster.createDatabase(database, &error))
            qFatal("%s", qPrintable(error));
        if (name)
            *name = database;
        return m_cluster.url(database);
    }
    QString sql(const QString &database, const QString &statement)
    {
        QString error, out;
        if (!m_cluster.execute(database, statement, &error, &out))
            return QStringLiteral("ERROR ") + error;
        return out;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        qInfo("cluster started in %lld ms", m_cluster.lastStartMs());
    }

    void theSchemaIsCreated()
    {
        QString database;
        const QString url = freshDatabase(&database);
        QString error;
        PostgresGatewayStore store;
        QVERIFY2(store.open(url, &error), qPrintable(error));
        QCOMPARE(sql(database, QStringLiteral("SELECT version FROM schema_version")),
                 QString::number(postgres::knownVersion()));
        QCOMPARE(sql(database, QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
                                              "AND table_name IN ('schema_version', 'control_state', 'command_results', "
                                              "'alerts', 'alert_meta', 'audit', 'audit_head')")),
                 QStringLiteral("7"));
        QVERIFY(store.isReachable());
        QCOMPARE(store.location(), url);
        // Opened again: nothing to do, nothing lost.
        PostgresGatewayStore again;
        QVERIFY2(again.open(url, &error), qPrintable(error));
    }

    void anOlderSchemaIsMigratedInOneTransaction()
    {
        QString database;
        const QString url = freshDatabase(&database);
        QString error;
        {
            PostgresGatewayStore v1Store;
            QVERIFY2(v1Store.open(url, &error), qPrintable(error));
            const auto tx = v1Store.begin(&error);
            QVERIFY2(tx, qPrintable(error));
            QCOMPARE(tx->appendAudit(row(QStringLiteral("kim"), 1), &error).id(), 1u);
            QVERIFY2(tx->commit(&error), qPrintable(error));
        }
        const int known = postgres::knownVersion();
        // A step that fails half way: nothing of it stays, the version neither.
        std::vector<postgres::SchemaStep> failing = postgres::schemaSteps();
        failing.push_back({known + 1, {QStringLiteral("CREATE TABLE half (v int)"), QStringLiteral("SELECT * FROM nowhere")}});
        {
            PostgresGatewayStore store;
            QVERIFY(!store.open(url, failing, &error));
            QVERIFY2(error.contains(QStringLiteral("from schema version %1 to %2").arg(known).arg(known + 1)), qPrintable(error));
            QVERIFY2(error.contains(QLatin1String("nowhere")), qPrintable(error));
        }
        QCOMPARE(sql(database, QStringLiteral("SELECT version FROM schema_version")), QString::number(known));
        QCOMPARE(sql(database, QStringLiteral("SELECT to_regclass('half') IS NULL")), QStringLiteral("t"));
        // Two steps ahead: both taken, the rows kept.
        std::vector<postgres::SchemaStep> newer = postgres::schemaSteps();
        newer.push_back({known + 1, {QStringLiteral("CREATE TABLE later (command_id text PRIMARY KEY)")}});
        newer.push_back({known + 2, {QStringLiteral("ALTER TABLE later ADD COLUMN tries integer NOT NULL DEFAULT 0")}});
        PostgresGatewayStore store;
        QVERIFY2(store.open(url, newer, &error), qPrintable(error));
        QCOMPARE(sql(database, QStringLiteral("SELECT version FROM schema_version")), QString::number(known + 2));
        QCOMPARE(sql(database, QStringLiteral("SELECT count(tries) FROM later")), QStringLiteral("0"));
        QCOMPARE(store.recentAudit(5).size(), std::size_t(1));
    }

    void aNewerSchemaIsRefused()
    {
        QString database;
        const QString url = freshDatabase(&database);
        QString error;
        {
            PostgresGatewayStore store;
            QVERIFY2(store.open(url, &error), qPrintable(error));
        }
        const int newer = postgres::knownVersion() + 3;
        QCOMPARE(sql(database, QStringLiteral("UPDATE schema_version SET version = %1").arg(newer)), QString());
        PostgresGatewayStore store;
        QVERIFY(!store.open(url, &error));
        QVERIFY2(error.contains(QStringLiteral("schema version %1, newer than this gateway knows (version %2)")
                                    .arg(newer).arg(postgres::knownVersion())),
                 qPrintable(error));
        QVERIFY2(error.contains(url), qPrintable(error));
        // Left as it was.
        QCOMPARE(sql(database, QStringLiteral("SELECT version FROM schema_version")), QString::number(newer));
    }

    void aTransactionHoldsTheStateAgainstTheOtherStore()
    {
        const QString url = freshDatabase();
        QString error;
        PostgresGatewayStore seoul, osong;
        QVERIFY2(seoul.open(url, &error), qPrintable(error));
        QVERIFY2(osong.open(url, &error), qPrintable(error));
        osong.setLockWaitMs(200);
        {
            const auto tx = seoul.begin(&error);
            QVERIFY2(tx, qPrintable(error));
            QElapsedTimer waited;
            waited.start();
            QVERIFY(!osong.begin(&error));
            QVERIFY2(error.contains(QLatin1String("lock timeout")), qPrintable(error));
            QVERIFY2(waited.elapsed() < 3000, qPrintable(QString::number(waited.elapsed())));
            QVERIFY(osong.isReachable());   // busy, not gone
        }
        QVERIFY2(osong.begin(&error), qPrintable(error));
    }

    void aStaleRevisionIsAConflictWhicheverStoreItCameThrough()
    {
        const QString url = freshDatabase();
        QString error;
        Room seoul, osong;
        QVERIFY2(seoul.open(url, &error), qPrintable(error));
        QVERIFY2(osong.open(url, &error), qPrintable(error));
        QCOMPARE(seoul.handle(rate("s-1", 1, 600), kOperator).status(), v1::COMMAND_APPLIED);
        // Osong has not heard yet: it decides on revision 1, which is gone.
        const v1::CommandResult late = osong.handle(rate("o-1", 1, 500), kOtherOperator);
        QCOMPARE(late.status(), v1::COMMAND_CONFLICT);
        QCOMPARE(late.control().revision(), 2u);   // told what is in force now
        QCOMPARE(osong.controls->control().admission_rate_per_s(), 600.0);
        QCOMPARE(seoul.store.loadControl()->revision(), 2u);
        QCOMPARE(seoul.store.loadControl()->admission_rate_per_s(), 600.0);
        // On the revision in force it goes through, and Seoul is the stale one.
        QCOMPARE(osong.handle(rate("o-2", 2, 500), kOtherOperator).status(), v1::COMMAND_APPLIED);
        QCOMPARE(seoul.handle(rate("s-2", 2, 400), kOperator).status(), v1::COMMAND_CONFLICT);
        QCOMPARE(osong.store.loadControl()->admission_rate_per_s(), 500.0);
        const AuditVerification v = seoul.store.verifyAudit();
        QVERIFY2(v.ok, qPrintable(v.detail));
    }

    void theRevisionTheOtherStoreJustMadeIsNoConflict()
    {
        // A console told of Seoul's change (revision 2) sends through Osong
        // before Osong's gateway has heard of it: decided on what is stored,
        // not refused for what this gateway has not read yet.
        const QString url = freshDatabase();
        QString error;
        Room seoul, osong;
        QVERIFY2(seoul.open(url, &error), qPrintable(error));
        QVERIFY2(osong.open(url, &error), qPrintable(error));
        QCOMPARE(seoul.handle(rate("s-1", 1, 600), kOperator).status(), v1::COMMAND_APPLIED);
        QCOMPARE(osong.controls->control().revision(), 1u);
        const v1::CommandResult next = osong.handle(rate("o-1", 2, 500), kOtherOperator);
        QVERIFY2(next.status() == v1::COMMAND_APPLIED, next.message().c_str());
        QCOMPARE(next.control().revision(), 3u);
        QCOMPARE(seoul.store.loadControl()->revision(), 3u);
        QCOMPARE(seoul.store.loadControl()->admission_rate_per_s(), 500.0);
        // Osong's consoles are told Seoul's change too, before its own.
        const std::vector<ControlChange> told = osong.controls->takeControlChanges();
        QCOMPARE(told.size(), std::size_t(2));
        QCOMPARE(told.front().control.revision(), 2u);
        QCOMPARE(told.back().control.revision(), 3u);
        // A revision no one has made yet is still a conflict, told what is in force.
        const v1::CommandResult ahead = osong.handle(rate("o-2", 9, 450), kOtherOperator);
        QCOMPARE(ahead.status(), v1::COMMAND_CONFLICT);
        QCOMPARE(ahead.control().revision(), 3u);
        const AuditVerification v = seoul.store.verifyAudit();
        QVERIFY2(v.ok, qPrintable(v.detail));
    }

    void aCommandIdIsAppliedOnceAcrossStores()
    {
        const QString url = freshDatabase();
        QString error;
        Room seoul, osong;
        QVERIFY2(seoul.open(url, &error), qPrintable(error));
        QVERIFY2(osong.open(url, &error), qPrintable(error));
        // Sent again through the other room (a console that moved): the first answer.
        const v1::CommandResult first = seoul.handle(rate("c-1", 1, 600), kOperator);
        QCOMPARE(first.status(), v1::COMMAND_APPLIED);
        const v1::CommandResult again = osong.handle(rate("c-1", 1, 600), kOperator);
        QCOMPARE(again.SerializeAsString(), first.SerializeAsString());
        QCOMPARE(auditRowsFor(osong.store, "c-1"), 1);
        // Decided in both rooms before either wrote it: written once, the second told the first answer.
        osong.controls->storeMovedOn();
        CommandDecision inSeoul = seoul.pipeline->decide(rate("c-2", 2, 550), kOperator, kWall, kSource);
        CommandDecision inOsong = osong.pipeline->decide(rate("c-2", 2, 550), kOperator, kWall, kSource);
        const v1::CommandResult written = seoul.pipeline->commit(inSeoul);
        QCOMPARE(written.status(), v1::COMMAND_APPLIED);
        QCOMPARE(osong.pipeline->commit(inOsong).SerializeAsString(), written.SerializeAsString());
        QCOMPARE(auditRowsFor(seoul.store, "c-2"), 1);
        QCOMPARE(seoul.store.loadControl()->revision(), 3u);
    }

    void theAuditChainIsOneWhicheverStoreAppends()
    {
        const QString url = freshDatabase();
        QString error;
        PostgresGatewayStore seoul, osong;
        QVERIFY2(seoul.open(url, &error), qPrintable(error));
        QVERIFY2(osong.open(url, &error), qPrintable(error));
        for (int i = 1; i <= 20; ++i) {
            PostgresGatewayStore &store = (i % 3 == 0) ? seoul : osong;
            const auto tx = store.begin(&error);
            QVERIFY2(tx, qPrintable(error));
            QCOMPARE(tx->appendAudit(row(i % 3 == 0 ? QStringLiteral("kim") : QStringLiteral("lee"), i), &error).id(),
                     std::uint64_t(i));
            QVERIFY2(tx->commit(&error), qPrintable(error));
        }
        for (PostgresGatewayStore *store : {&seoul, &osong}) {
            const AuditVerification v = store->verifyAudit();
            QVERIFY2(v.ok, qPrintable(v.detail));
            QCOMPARE(v.rowsChecked, 20u);
        }
    }

    // The chain verified through one gateway while the other appends to it
    // (the chaos run's finding, issue 13): the rows and the head were read
    // in two statements, so a row appended between them read as "the last 1
    // row(s) are missing", a tampering alarm for an intact chain. The head is
    // read first now, and the rows up to it.
    void verifyingWhileTheOtherStoreAppendsIsNoAlarm()
    {
        QString database;
        const QString url = freshDatabase(&database);
        QString error;
        PostgresGatewayStore seoul;
        QVERIFY2(seoul.open(url, &error), qPrintable(error));
        {
            // Enough rows that hashing them takes a while.
            const auto tx = seoul.begin(&error);
            QVERIFY2(tx, qPrintable(error));
            for (int i = 1; i <= 3000; ++i)
                QVERIFY2(tx->appendAudit(row(QStringLiteral("kim"), i), &error).id() != 0, qPrintable(error));
            QVERIFY2(tx->commit(&error), qPrintable(error));
        }
        std::atomic<bool> stop{false};
        std::atomic<int> appended{0};
        QString writerError;
        std::unique_ptr<QThread> writer(QThread::create([&] {
            PostgresGatewayStore osong;
            QString e;
            if (!osong.open(url, &e)) {
                writerError = e;
                return;
            }
            for (int i = 0; !stop && i < 100000; ++i) {
                const auto tx = osong.begin(&e);
                if (!tx || tx->appendAudit(row(QStringLiteral("lee"), i), &e).id() == 0 || !tx->commit(&e)) {
                    writerError = e;
                    return;
                }
                ++appended;
            }
        }));
        writer->start();
        // Stopped however this test ends.
        const auto stopWriter = qScopeGuard([&] {
            stop = true;
            writer->wait();
        });
        QTRY_VERIFY_WITH_TIMEOUT(appended > 0 || writer->isFinished(), 10000);
        for (int n = 0; n < 10 && !writer->isFinished(); ++n) {
            const AuditVerification v = seoul.verifyAudit();
            QVERIFY2(v.ok, qPrintable(QStringLiteral("verification %1 with %2 rows appended meanwhile: row %3: %4")
                                          .arg(n)
                                          .arg(appended.load())
                                          .arg(v.firstBrokenId)
                                          .arg(v.detail)));
            QVERIFY(v.rowsChecked >= 3000u);
        }
        stop = true;
        writer->wait();
        QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
        const AuditVerification all = seoul.verifyAudit();
        QVERIFY2(all.ok, qPrintable(all.detail));
        QCOMPARE(all.rowsChecked, std::uint64_t(3000 + appended.load()));
        // A row put past the head, not by a gateway, still shows.
        QCOMPARE(sql(database, QStringLiteral("CREATE TEMP TABLE forged AS SELECT * FROM audit ORDER BY id DESC LIMIT 1; "
                                              "UPDATE forged SET id = id + 1; INSERT INTO audit SELECT * FROM forged;"))
                     .startsWith(QStringLiteral("ERROR")),
                 false);
        const AuditVerification forged = seoul.verifyAudit();
        QVERIFY(!forged.ok);
        QVERIFY(forged.checked);   // read to the end: broken, not unread
    }

    void aChangeReachesTheOtherStoreWithinASecond()
    {
        const QString url = freshDatabase();
        QString error;
        Room seoul, osong;
        QVERIFY2(seoul.open(url, &error), qPrintable(error));
        QVERIFY2(osong.open(url, &error), qPrintable(error));
        QElapsedTimer took;
        took.start();
        QCOMPARE(seoul.handle(rate("n-1", 1, 650), kOperator).status(), v1::COMMAND_APPLIED);
        QTRY_VERIFY_WITH_TIMEOUT(!osong.heard.empty(), 1000);
        qInfo("heard by the other store after %lld ms", took.elapsed());
        const StoreChanges &c = osong.heard.front();
        QVERIFY(c.control);
        QCOMPARE(c.controlRevision, 2u);
        QVERIFY(c.audit);
        QCOMPARE(c.lastAuditId, 1u);
        QVERIFY(!c.alerts);
        // Its own commit is not news to the writer.
        QVERIFY(seoul.heard.empty());
        // What the gateway does with it: the state in force moves on.
        osong.controls->storeMovedOn();
        QCOMPARE(osong.controls->control().admission_rate_per_s(), 650.0);
        QCOMPARE(osong.controls->takeControlChanges().size(), std::size_t(1));
    }

    void theServerStoppedIsSaidAndItsReturnNoticed()
    {
        QString database;
        freshDatabase(&database);
        // With a password (trust lets any through): never shown.
        const QString url = QStringLiteral("postgresql://sitroom:s3cret-pw@127.0.0.1:%1/%2").arg(m_cluster.port()).arg(database);
        QString error;
        Room seoul, osong;
        QVERIFY2(seoul.open(url, &error), qPrintable(error));
        QVERIFY2(osong.open(url, &error), qPrintable(error));
        QVERIFY(!seoul.store.location().contains(QLatin1String("s3cret")));
        seoul.store.setRetryIntervalMs(200);
        osong.store.setRetryIntervalMs(200);

        QVERIFY(m_cluster.stop());
        QTRY_VERIFY_WITH_TIMEOUT(!seoul.store.isReachable(), 3000);
        QVERIFY(!seoul.store.begin(&error));
        QVERIFY2(error.startsWith(QLatin1String("the shared state store cannot be reached: ")), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String("s3cret")), qPrintable(error));
        // A command is refused saying so, and nothing of it is written.
        const v1::CommandResult refused = seoul.handle(rate("d-1", 1, 600), kOperator);
        QCOMPARE(refused.status(), v1::COMMAND_REFUSED);
        QVERIFY2(QString::fromStdString(refused.message()).contains(QLatin1String("cannot be reached")), refused.message().c_str());
        QVERIFY(!seoul.store.loadControl());
        // The chain cannot be read: not checked, which is not broken.
        const AuditVerification unread = seoul.store.verifyAudit();
        QVERIFY(!unread.ok);
        QVERIFY(!unread.checked);
        QCOMPARE(unread.firstBrokenId, 0u);
        QVERIFY2(unread.detail.startsWith(QLatin1String("cannot read the audit log: the shared state store cannot be reached")),
                 qPrintable(unread.detail));

        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(seoul.store.isReachable() && osong.store.isReachable(), 5000);
        // Told that anything may have changed while it was away.
        QTRY_VERIFY_WITH_TIMEOUT(!osong.heard.empty(), 1000);
        QVERIFY(osong.heard.back().control && osong.heard.back().alerts && osong.heard.back().audit);
        osong.heard.clear();
        // The same command again: applied now, once, and heard by the other.
        QCOMPARE(seoul.handle(rate("d-1", 1, 600), kOperator).status(), v1::COMMAND_APPLIED);
        QCOMPARE(auditRowsFor(seoul.store, "d-1"), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!osong.heard.empty() && osong.heard.back().controlRevision == 2u, 1000);
    }
};

QTEST_GUILESS_MAIN(TestPostgresGatewayStore)
#include "tst_postgresgatewaystore.moc"
