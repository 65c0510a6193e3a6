// What only the SQLite backend of the gateway's state does (the cases every
// backend shares are in tst_gatewaystore): rows changed or deleted behind the
// gateway's back are named by the chain check, the state folder is locked
// while open, the file is written durably, and a database of an older
// version is completed on open and still verifies.
#include "server/gateway/SqliteGatewayStore.h"

#include <QtTest>

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace sitroom;
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

bool fill(GatewayStore &store, int n, QString *error)
{
    for (int i = 1; i <= n; ++i) {
        const std::unique_ptr<GatewayTransaction> tx = store.begin(error);
        if (!tx || tx->appendAudit(row(i), error).id() != std::uint64_t(i) || !tx->commit(error))
            return false;
    }
    return true;
}

} // namespace

class TestSqliteGatewayStore final : public QObject
{
    Q_OBJECT

private slots:
    void editedRowIsNamed()
    {
        QTemporaryDir dir;
        SqliteGatewayStore store;
        QString error;
        QVERIFY2(store.open(dir.path(), &error), qPrintable(error));
        QVERIFY2(fill(store, 8, &error), qPrintable(error));
        QSqlQuery q(store.database());
        QVERIFY(q.exec(QStringLiteral("UPDATE audit SET reason = 'nothing to see' WHERE id = 5")));
        const AuditVerification v = store.verifyAudit();
        QVERIFY(!v.ok);
        QVERIFY(v.checked);   // broken, which is not "could not be read"
        QCOMPARE(v.firstBrokenId, 5u);
        QVERIFY2(v.detail.contains(QStringLiteral("row 5")), qPrintable(v.detail));
    }

    void deletedRowIsNamed()
    {
        SqliteGatewayStore store;
        QString error;
        QVERIFY(store.open(QString(), &error));
        QVERIFY2(fill(store, 8, &error), qPrintable(error));
        QSqlQuery q(store.database());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM audit WHERE id = 3")));
        AuditVerification v = store.verifyAudit();
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBrokenId, 3u);
        QVERIFY2(v.detail.contains(QStringLiteral("row 3 is missing")), qPrintable(v.detail));
    }

    void deletedLastRowIsNamed()
    {
        SqliteGatewayStore store;
        QString error;
        QVERIFY(store.open(QString(), &error));
        QVERIFY2(fill(store, 8, &error), qPrintable(error));
        QSqlQuery q(store.database());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM audit WHERE id = 8")));
        const AuditVerification v = store.verifyAudit();
        QVERIFY(!v.ok);
        QVERIFY(v.checked);
        QCOMPARE(v.firstBrokenId, 8u);
        QVERIFY2(v.detail.contains(QStringLiteral("the last 1 row(s) are missing")), qPrintable(v.detail));
    }

    void stateFolderIsLockedWhileOpen()
    {
        QTemporaryDir dir;
        QString error;
        auto first = std::make_unique<SqliteGatewayStore>();
        QVERIFY(first->open(dir.path(), &error));
        SqliteGatewayStore second;
        QVERIFY(!second.open(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("is in use by another process")), qPrintable(error));
        // The message names the folder, not any program's option.
        QVERIFY2(error.contains(dir.path()) && !error.contains(QStringLiteral("--")), qPrintable(error));
        first.reset();
        SqliteGatewayStore third;
        QVERIFY2(third.open(dir.path(), &error), qPrintable(error));
    }

    void aFolderThatCannotBeMadeIsNamed()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("a-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString inside = file.fileName() + QStringLiteral("/state");
        SqliteGatewayStore store;
        QString error;
        QVERIFY(!store.open(inside, &error));
        QCOMPARE(error, QStringLiteral("cannot create the state folder %1").arg(inside));
    }

    void writesDurablyAndSurvivesReopening()
    {
        QTemporaryDir dir;
        QString error;
        {
            SqliteGatewayStore store;
            QVERIFY(store.open(dir.path(), &error));
            QVERIFY2(fill(store, 3, &error), qPrintable(error));
        }
        SqliteGatewayStore store;
        QVERIFY(store.open(dir.path(), &error));
        QCOMPARE(store.path(), QDir(dir.path()).absoluteFilePath(QStringLiteral("sitroom.db")));
        QCOMPARE(store.location(), store.path());
        QSqlQuery q(store.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);  // FULL
        QCOMPARE(store.verifyAudit().rowsChecked, 3u);
    }

    void anOlderDatabaseIsCompletedAndStillVerifies()
    {
        // A database from before the audit kept the command, the live
        // clock and the Phrases: its rows were hashed without them.
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).absoluteFilePath(SqliteGatewayStore::fileName());
        AuditRecord old = row(1);
        const v1::AuditEntry sealed = auditchain::seal(old, 1, auditchain::genesis());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("older"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER NOT NULL, "
                                          "user TEXT NOT NULL, site INTEGER NOT NULL, action TEXT NOT NULL, reason TEXT NOT NULL, "
                                          "before TEXT NOT NULL, after TEXT NOT NULL, outcome TEXT NOT NULL, hash BLOB NOT NULL)")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE audit_head (k INTEGER PRIMARY KEY CHECK (k = 1), "
                                          "last_id INTEGER NOT NULL, last_hash BLOB NOT NULL)")));
            q.prepare(QStringLiteral("INSERT INTO audit VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            for (const QVariant &v : {QVariant(old.timeMs), QVariant(old.user), QVariant(old.site), QVariant(old.action),
                                      QVariant(old.reason), QVariant(old.before), QVariant(old.after), QVariant(old.outcome),
                                      QVariant(QByteArray::fromStdString(sealed.hash()))})
                q.addBindValue(v);
            QVERIFY(q.exec());
            q.prepare(QStringLiteral("INSERT INTO audit_head VALUES (1, 1, ?)"));
            q.addBindValue(QByteArray::fromStdString(sealed.hash()));
            QVERIFY(q.exec());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("older"));

        SqliteGatewayStore store;
        QString error;
        QVERIFY2(store.open(dir.path(), &error), qPrintable(error));
        const std::unique_ptr<GatewayTransaction> tx = store.begin(&error);
        QVERIFY2(tx, qPrintable(error));
        AuditRecord now = row(2);
        now.commandId = QStringLiteral("cmd-2");
        QCOMPARE(tx->appendAudit(now, &error).id(), 2u);
        QVERIFY2(tx->commit(&error), qPrintable(error));
        const AuditVerification v = store.verifyAudit();
        QVERIFY2(v.ok, qPrintable(v.detail));
        QCOMPARE(v.rowsChecked, 2u);
        QCOMPARE(store.recentAudit(1).front().command_id(), std::string("cmd-2"));
    }
};

QTEST_GUILESS_MAIN(TestSqliteGatewayStore)
#include "tst_sqlitegatewaystore.moc"
