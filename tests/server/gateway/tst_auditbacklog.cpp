// The audit rows a sign-in leaves while the state store cannot take them
// (AuditBacklog): written at once when it can; otherwise kept in memory, in
// order, and written once it can, each with its own times (the gateway's and
// the live system's) and a reason saying it was recorded late and when; a
// row never jumps the ones waiting before it; at most so many wait, the
// rest are dropped, said in the log and counted in one row of the chain;
// and what is still waiting when the gateway goes is said lost.
#include "server/gateway/AuditBacklog.h"
#include "server/gateway/CommandPipeline.h"
#include "server/gateway/SqliteGatewayStore.h"

#include "tests/server/gateway/FlakyStore.h"

#include "proto/sitroom/PhraseBook.h"

#include <QRegularExpression>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::gateway;

namespace {

const qint64 kWall = 1'780'000'000'000;
const qint64 kSource = 1'790'000'000'000;

AuditRecord signIn(const char *user, qint64 wallMs)
{
    AuditRecord r;
    r.timeMs = wallMs;
    r.user = QString::fromLatin1(user);
    r.site = v1::SITE_SEOUL;
    r.sayAction(phrase::make("action.sign_in"));
    r.sayOutcome(phrase::make("signin.ok", {}, {{"role", phrase::make("role.operator")}}));
    return r;
}

QString what(const char *user)
{
    return QStringLiteral("the sign-in of %1 from 127.0.0.1").arg(QLatin1String(user));
}

std::string argOf(const v1::Phrase &p, const char *name)
{
    for (const auto &a : p.args())
        if (a.name() == name)
            return a.value();
    return {};
}

// A pipeline over an in-memory SQLite that can be made unreachable, with a
// live system's clock the test moves.
struct Fixture
{
    Fixture()
        : store(sqlite)
        , pipeline(store)
    {
        QString error;
        if (!sqlite.open(QString(), &error))
            qFatal("%s", qPrintable(error));
        pipeline.setSourceClock([this] { return sourceMs; });
    }
    SqliteGatewayStore sqlite;
    testing::FlakyStore store;
    CommandPipeline pipeline;
    qint64 sourceMs = kSource;
};

} // namespace

class TestAuditBacklog final : public QObject
{
    Q_OBJECT

private slots:
    void aRowTheStoreTakesIsWrittenAtOnce()
    {
        Fixture f;
        AuditBacklog backlog;
        QVERIFY(backlog.record(f.pipeline, signIn("kim", kWall), what("kim"), kWall));
        QCOMPARE(backlog.waiting(), std::size_t(0));
        const std::vector<v1::AuditEntry> rows = f.sqlite.recentAudit(10);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].time_ms(), kWall);
        QCOMPARE(rows[0].source_time_ms(), kSource);
        QVERIFY(rows[0].reason_words().code().empty());
        QCOMPARE(f.pipeline.takeAuditEvents().size(), std::size_t(1));
    }

    void rowsWaitInOrderAndAreWrittenLateWithTheirOwnTimes()
    {
        Fixture f;
        AuditBacklog backlog;
        QVERIFY(backlog.record(f.pipeline, signIn("lee", kWall), what("lee"), kWall));
        f.store.unreachable = true;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
            "^the sign-in of kim .* could not be written to the audit log \\(the shared state store cannot be reached: "
            "connection to server .*\\(1 waiting\\).* lost if this gateway stops before then$")));
        QVERIFY(!backlog.record(f.pipeline, signIn("kim", kWall + 1000), what("kim"), kWall + 1000));
        f.sourceMs = 0;   // the live system's clock not known for the next
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^the sign-in of park .*\\(2 waiting\\)")));
        QVERIFY(!backlog.record(f.pipeline, signIn("park", kWall + 2000), what("park"), kWall + 2000));
        f.sourceMs = kSource + 2000;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^the sign-in of han .*\\(3 waiting\\)")));
        QVERIFY(!backlog.record(f.pipeline, signIn("han", kWall + 3000), what("han"), kWall + 3000));
        QCOMPARE(backlog.waiting(), std::size_t(3));
        // Out of reach, nothing is tried.
        QCOMPARE(backlog.writeWaiting(f.pipeline, kWall + 4000), 0);
        QCOMPARE(f.sqlite.recentAudit(10).size(), std::size_t(1));

        // Back; the next sign-in goes after the three that waited, itself on time.
        f.store.unreachable = false;
        f.sourceMs = kSource + 60'000;
        const qint64 back = kWall + 60'000;
        QVERIFY(backlog.record(f.pipeline, signIn("choi", back), what("choi"), back));
        QVERIFY(backlog.isEmpty());
        const std::vector<v1::AuditEntry> rows = f.sqlite.recentAudit(10);
        QCOMPARE(rows.size(), std::size_t(5));
        const char *users[] = {"lee", "kim", "park", "han", "choi"};
        const qint64 times[] = {kWall, kWall + 1000, kWall + 2000, kWall + 3000, back};
        const qint64 sourceTimes[] = {kSource, kSource, 0, kSource + 2000, kSource + 60'000};
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(rows[i].user(), std::string(users[i]));
            QCOMPARE(rows[i].time_ms(), times[i]);
            QCOMPARE(rows[i].source_time_ms(), sourceTimes[i]);
            QCOMPARE(rows[i].outcome_words().code(), std::string("signin.ok"));
            const bool late = i >= 1 && i <= 3;
            QCOMPARE(rows[i].reason_words().code(), late ? std::string("audit.recorded_late") : std::string());
            if (late) {
                QCOMPARE(argOf(rows[i].reason_words(), "recorded_wall_ms"), std::to_string(back));
                QCOMPARE(QString::fromStdString(rows[i].reason()),
                         QStringLiteral("recorded late, at %1 ms: the audit log could not be written when it happened").arg(back));
            }
        }
        QVERIFY(f.sqlite.verifyAudit().ok);
        QCOMPARE(f.pipeline.takeAuditEvents().size(), std::size_t(5));
    }

    void theRowsAreWrittenOnceTheStoreIsBackAndNotBefore()
    {
        Fixture f;
        AuditBacklog backlog;
        f.store.unreachable = true;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^the sign-in of kim ")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^the sign-in of park ")));
        backlog.record(f.pipeline, signIn("kim", kWall), what("kim"), kWall);
        backlog.record(f.pipeline, signIn("park", kWall + 10), what("park"), kWall + 10);
        QCOMPARE(backlog.writeWaiting(f.pipeline, kWall + 500), 0);
        f.store.unreachable = false;
        // Reachable, but the first write still fails: both wait, in order.
        f.store.failCommits = 1;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("still cannot be written .*disk I/O error$")));
        QCOMPARE(backlog.writeWaiting(f.pipeline, kWall + 1000), 0);
        QCOMPARE(backlog.waiting(), std::size_t(2));
        QCOMPARE(backlog.writeWaiting(f.pipeline, kWall + 2000), 2);
        QVERIFY(backlog.isEmpty());
        QCOMPARE(backlog.writeWaiting(f.pipeline, kWall + 3000), 0);
        const std::vector<v1::AuditEntry> rows = f.sqlite.recentAudit(10);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].user(), std::string("kim"));
        QCOMPARE(rows[1].user(), std::string("park"));
        QCOMPARE(argOf(rows[1].reason_words(), "recorded_wall_ms"), std::to_string(kWall + 2000));
        QVERIFY(f.sqlite.verifyAudit().ok);
    }

    void aFullBacklogDropsTheRestAndTheAuditCountsThem()
    {
        Fixture f;
        AuditBacklog backlog(3);
        f.store.unreachable = true;
        for (const char *user : {"a1", "a2", "a3"}) {
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^the sign-in of %1 .*waits in memory").arg(QLatin1String(user))));
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
            "^the sign-in of a4 .* is not in the audit log and cannot wait for it: 3 rows wait already, so it is dropped "
            "and said here only \\(1 dropped so far;")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^the sign-in of a5 .*\\(2 dropped so far;")));
        const char *users[] = {"a1", "a2", "a3", "a4", "a5"};
        for (int i = 0; i < 5; ++i)
            QVERIFY(!backlog.record(f.pipeline, signIn(users[i], kWall + i * 1000), what(users[i]), kWall + i * 1000));
        QCOMPARE(backlog.waiting(), std::size_t(3));
        QCOMPARE(backlog.dropped(), std::size_t(2));

        f.store.unreachable = false;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^2 audit rows dropped from .* are counted in the audit log now$")));
        QCOMPARE(backlog.writeWaiting(f.pipeline, kWall + 9000), 4);
        QVERIFY(backlog.isEmpty());
        const std::vector<v1::AuditEntry> rows = f.sqlite.recentAudit(10);
        QCOMPARE(rows.size(), std::size_t(4));
        QCOMPARE(rows[2].user(), std::string("a3"));
        const v1::AuditEntry &lost = rows[3];
        QCOMPARE(lost.user(), std::string("system"));
        QCOMPARE(lost.time_ms(), kWall + 9000);
        QCOMPARE(lost.action_words().code(), std::string("action.audit_rows_lost"));
        QCOMPARE(argOf(lost.action_words(), "count"), std::string("2"));
        QCOMPARE(argOf(lost.action_words(), "first_wall_ms"), std::to_string(kWall + 3000));
        QCOMPARE(argOf(lost.action_words(), "last_wall_ms"), std::to_string(kWall + 4000));
        QCOMPARE(lost.reason_words().code(), std::string("reason.audit_backlog_full"));
        QCOMPARE(argOf(lost.reason_words(), "capacity"), std::string("3"));
        QVERIFY(f.sqlite.verifyAudit().ok);
    }

    void whatStillWaitsWhenTheGatewayGoesIsSaidLost()
    {
        Fixture f;
        f.store.unreachable = true;
        {
            AuditBacklog backlog;
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^the sign-in of kim ")));
            backlog.record(f.pipeline, signIn("kim", kWall), what("kim"), kWall);
            QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral(
                "^this gateway stops with 1 audit rows never written .*they are lost; the log above names each")));
        }
        f.store.unreachable = false;
        QVERIFY(f.sqlite.recentAudit(10).empty());
    }
};

QTEST_GUILESS_MAIN(TestAuditBacklog)
#include "tst_auditbacklog.moc"
