// The private PostgreSQL cluster the PostgreSQL tests stand on: it answers on
// its port, stops and starts again there with its data, and leaves neither a
// server nor a folder behind, even after a test that was killed.
#include "tests/support/PostgresCluster.h"

#include <QtTest>

#include <QDir>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <sys/wait.h>
#include <unistd.h>

using namespace sitroom::testing;

namespace {

bool answers(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(1000);
}

} // namespace

class TestPostgresCluster final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (PostgresCluster::binDir().isEmpty())
            QFAIL("PostgreSQL is not installed (scripts/setup installs Debian's postgresql)");
    }

    void startsAnswersStopsAndStartsAgain()
    {
        QString error;
        QString dataAt;
        {
            PostgresCluster cluster;
            QVERIFY2(cluster.start(&error), qPrintable(error));
            qInfo("a new cluster started in %lld ms", cluster.lastStartMs());
            QVERIFY(cluster.isRunning());
            QVERIFY(cluster.port() != 0);
            QCOMPARE(cluster.url(QStringLiteral("x")),
                     QStringLiteral("postgresql://sitroom@127.0.0.1:%1/x").arg(cluster.port()));
            QVERIFY2(cluster.createDatabase(QStringLiteral("kept"), &error), qPrintable(error));
            QString out;
            QVERIFY2(cluster.execute(QStringLiteral("kept"), QStringLiteral("CREATE TABLE t (v int); INSERT INTO t VALUES (42)"),
                                     &error), qPrintable(error));
            QVERIFY2(cluster.execute(QStringLiteral("kept"), QStringLiteral("SHOW server_version_num"), &error, &out),
                     qPrintable(error));
            QVERIFY2(out.toInt() >= 150000, qPrintable(out));

            const quint16 port = cluster.port();
            QVERIFY(cluster.stop());
            QVERIFY(!cluster.isRunning());
            QVERIFY(!answers(port));
            QVERIFY(!cluster.execute(QStringLiteral("kept"), QStringLiteral("SELECT 1"), &error));

            // Again on the same port, with what was written.
            QVERIFY2(cluster.start(&error), qPrintable(error));
            qInfo("restarted in %lld ms", cluster.lastStartMs());
            QCOMPARE(cluster.port(), port);
            QVERIFY2(cluster.execute(QStringLiteral("kept"), QStringLiteral("SELECT v FROM t"), &error, &out), qPrintable(error));
            QCOMPARE(out, QStringLiteral("42"));
            dataAt = cluster.folder();
            QVERIFY(QFileInfo::exists(dataAt + QStringLiteral("/data/postmaster.pid")));
        }
        // Gone with the object: the server and its folder.
        QVERIFY2(!QFileInfo::exists(dataAt), qPrintable(dataAt));
    }

    void aFolderLeftByAKilledTestIsRemoved()
    {
        // A folder as a killed test leaves it: its owner's pid no longer runs.
        pid_t gone = fork();
        if (gone == 0)
            _exit(0);
        QVERIFY(gone > 0);
        int status = 0;
        QCOMPARE(waitpid(gone, &status, 0), gone);
        QTemporaryDir left(PostgresCluster::parentFolder() + QStringLiteral("/sitroom-pg-XXXXXX"));
        QVERIFY(left.isValid());
        left.setAutoRemove(false);
        QFile owner(left.filePath(QStringLiteral("owner.pid")));
        QVERIFY(owner.open(QIODevice::WriteOnly));
        owner.write(QByteArray::number(gone) + '\n');
        owner.close();

        QString error;
        PostgresCluster cluster;
        QVERIFY2(cluster.start(&error), qPrintable(error));
        QVERIFY2(!QFileInfo::exists(left.path()), qPrintable(left.path()));
    }
};

QTEST_GUILESS_MAIN(TestPostgresCluster)
#include "tst_postgrescluster.moc"
