#include "server/gateway/AuditLog.h"
#include "server/gateway/StateDatabase.h"

#include <QtTest>

#include <QSqlQuery>
#include <QTemporaryDir>

using namespace sitroom::gateway;

namespace {

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
    return r;
}

void fill(AuditLog &log, int n)
{
    for (int i = 1; i <= n; ++i) {
        QString error;
        const auto e = log.append(row(i), &error);
        QVERIFY2(e.id() == std::uint64_t(i), qPrintable(error));
    }
}

} // namespace

class TestAuditLog final : public QObject
{
    Q_OBJECT

private slots:
    void chainVerifies()
    {
        StateDatabase db;
        QString error;
        QVERIFY2(db.open(QString(), &error), qPrintable(error));
        AuditLog log(db);
        QVERIFY(log.verify().ok);
        fill(log, 10);
        const AuditVerification v = log.verify();
        QVERIFY2(v.ok, qPrintable(v.detail));
        QCOMPARE(v.rowsChecked, 10u);
        QCOMPARE(v.firstBrokenId, 0u);
        // The first row chains to 32 zero bytes.
        const auto first = log.page(0, 1).front();
        QCOMPARE(QByteArray::fromStdString(first.hash()), AuditLog::chainHash(QByteArray(32, '\0'), first));
    }

    void pagesAndRecent()
    {
        StateDatabase db;
        QString error;
        QVERIFY(db.open(QString(), &error));
        AuditLog log(db);
        fill(log, 10);
        bool more = false;
        auto page = log.page(0, 4, &more);
        QCOMPARE(page.size(), size_t(4));
        QVERIFY(more);
        QCOMPARE(page.front().id(), 1u);
        page = log.page(8, 4, &more);
        QCOMPARE(page.size(), size_t(2));
        QVERIFY(!more);
        const auto recent = log.recent(3);
        QCOMPARE(recent.size(), size_t(3));
        QCOMPARE(recent.front().id(), 8u);
        QCOMPARE(recent.back().id(), 10u);
        QCOMPARE(recent.back().reason(), std::string("reason 10"));
    }

    void editedRowIsNamed()
    {
        QTemporaryDir dir;
        StateDatabase db;
        QString error;
        QVERIFY2(db.open(dir.path(), &error), qPrintable(error));
        AuditLog log(db);
        fill(log, 8);
        QSqlQuery q(db.database());
        QVERIFY(q.exec(QStringLiteral("UPDATE audit SET reason = 'nothing to see' WHERE id = 5")));
        const AuditVerification v = log.verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBrokenId, 5u);
        QVERIFY2(v.detail.contains(QStringLiteral("row 5")), qPrintable(v.detail));
    }

    void deletedRowIsNamed()
    {
        StateDatabase db;
        QString error;
        QVERIFY(db.open(QString(), &error));
        AuditLog log(db);
        fill(log, 8);
        QSqlQuery q(db.database());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM audit WHERE id = 3")));
        AuditVerification v = log.verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBrokenId, 3u);
        QVERIFY2(v.detail.contains(QStringLiteral("row 3 is missing")), qPrintable(v.detail));
    }

    void deletedLastRowIsNamed()
    {
        StateDatabase db;
        QString error;
        QVERIFY(db.open(QString(), &error));
        AuditLog log(db);
        fill(log, 8);
        QSqlQuery q(db.database());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM audit WHERE id = 8")));
        const AuditVerification v = log.verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBrokenId, 8u);
    }

    void stateDirIsLockedWhileOpen()
    {
        QTemporaryDir dir;
        QString error;
        auto first = std::make_unique<StateDatabase>();
        QVERIFY(first->open(dir.path(), &error));
        StateDatabase second;
        QVERIFY(!second.open(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("is in use by another process")), qPrintable(error));
        first.reset();
        StateDatabase third;
        QVERIFY2(third.open(dir.path(), &error), qPrintable(error));
    }

    void survivesReopening()
    {
        QTemporaryDir dir;
        QString error;
        {
            StateDatabase db;
            QVERIFY(db.open(dir.path(), &error));
            AuditLog log(db);
            fill(log, 3);
        }
        StateDatabase db;
        QVERIFY(db.open(dir.path(), &error));
        AuditLog log(db);
        QCOMPARE(log.append(row(4), &error).id(), 4u);
        const AuditVerification v = log.verify();
        QVERIFY2(v.ok, qPrintable(v.detail));
        QCOMPARE(v.rowsChecked, 4u);
        QSqlQuery q(db.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);  // FULL
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
