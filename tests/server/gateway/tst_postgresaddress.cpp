// The shared state store's address as libpq takes it, URL or key=value: what
// the connection gets, what is shown (never the password) and what is refused.
#include "server/gateway/PostgresAddress.h"

#include <QtTest>

#include <QSqlDatabase>

using namespace sitroom::gateway;

class TestPostgresAddress final : public QObject
{
    Q_OBJECT

private slots:
    void readsBothForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("dbname");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("shown");
        QTest::newRow("url") << "postgresql://gw@127.0.0.1:5433/sitroom" << "127.0.0.1" << "5433" << "sitroom" << "gw" << ""
                             << "postgresql://gw@127.0.0.1:5433/sitroom";
        QTest::newRow("url with a password, percent-encoded")
            << "postgres://gw:p%40ss%3Aword@db.example:5432/state" << "db.example" << "5432" << "state" << "gw" << "p@ss:word"
            << "postgresql://gw@db.example:5432/state";
        QTest::newRow("url, IPv6 and no port") << "postgresql://[::1]/sitroom" << "::1" << "" << "sitroom" << "" << ""
                                               << "postgresql://::1/sitroom";
        QTest::newRow("url, two hosts") << "postgresql://gw@seoul-db:5432,osong-db:5433/sitroom" << "seoul-db,osong-db"
                                        << "5432,5433" << "sitroom" << "gw" << ""
                                        << "postgresql://gw@seoul-db,osong-db:5432,5433/sitroom";
        QTest::newRow("key=value") << "host=127.0.0.1 port=5433 dbname=sitroom user=gw password=secret" << "127.0.0.1" << "5433"
                                   << "sitroom" << "gw" << "secret" << "postgresql://gw@127.0.0.1:5433/sitroom";
        QTest::newRow("key = 'quoted value'") << "host = db  dbname='my db' user=gw password='it\\'s \\\\ here'" << "db" << ""
                                              << "my db" << "gw" << "it's \\ here" << "postgresql://gw@db/my db";
    }
    void readsBothForms()
    {
        QFETCH(QString, text);
        QVERIFY(PostgresAddress::looksLikeOne(text));
        QString error;
        const auto address = PostgresAddress::parse(text, &error);
        QVERIFY2(address, qPrintable(error));
        QTEST(address->value(QStringLiteral("host")), "host");
        QTEST(address->value(QStringLiteral("port")), "port");
        QTEST(address->value(QStringLiteral("dbname")), "dbname");
        QTEST(address->value(QStringLiteral("user")), "user");
        QTEST(address->value(QStringLiteral("password")), "password");
        QTEST(address->describe(), "shown");
    }

    void theConnectionGetsItAndTheDefaults()
    {
        QString error;
        const auto address = PostgresAddress::parse(
            QStringLiteral("postgresql://gw:pw@10.0.0.5:6432/sitroom?sslmode=require&application_name=seoul%20gateway"), &error);
        QVERIFY2(address, qPrintable(error));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("address-test"));
        address->applyTo(db);
        QCOMPARE(db.hostName(), QStringLiteral("10.0.0.5"));
        QCOMPARE(db.port(), 6432);
        QCOMPARE(db.databaseName(), QStringLiteral("sitroom"));
        QCOMPARE(db.userName(), QStringLiteral("gw"));
        QCOMPARE(db.password(), QStringLiteral("pw"));
        const QStringList options = db.connectOptions().split(QLatin1Char(';'));
        QVERIFY2(options.contains(QStringLiteral("sslmode=require")), qPrintable(db.connectOptions()));
        QVERIFY2(options.contains(QStringLiteral("application_name='seoul gateway'")), qPrintable(db.connectOptions()));
        QVERIFY2(options.contains(QStringLiteral("connect_timeout=3")), qPrintable(db.connectOptions()));
        QVERIFY2(options.contains(QStringLiteral("keepalives=1")), qPrintable(db.connectOptions()));
        QVERIFY2(!db.connectOptions().contains(QLatin1String("pw")), qPrintable(db.connectOptions()));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("address-test"));
    }

    void refusesWhatIsNotOne_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("said");
        QTest::newRow("empty") << "  " << "empty";
        QTest::newRow("bad port") << "postgresql://gw@db:54x2/sitroom" << "\"54x2\" is not a port number";
        QTest::newRow("no value") << "host=db dbname" << "\"dbname\" in the PostgreSQL address has no '=' and value";
        QTest::newRow("unclosed quote") << "host=db password='abc" << "the value of password in the PostgreSQL address has no closing quote";
        QTest::newRow("a semicolon Qt would split") << "host=db options='-c a=1;b=2'" << "may not contain ';'";
        QTest::newRow("not a keyword") << "Host=db" << "\"Host\" is not a PostgreSQL connection setting";
    }
    void refusesWhatIsNotOne()
    {
        QFETCH(QString, text);
        QFETCH(QString, said);
        QString error;
        QVERIFY(!PostgresAddress::parse(text, &error));
        QVERIFY2(error.contains(said), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String("abc")), qPrintable(error));
    }

    void tellsAnAddressFromAFolder()
    {
        QVERIFY(!PostgresAddress::looksLikeOne(QStringLiteral("/var/lib/sitroom")));
        QVERIFY(!PostgresAddress::looksLikeOne(QStringLiteral("state")));
        QVERIFY(PostgresAddress::looksLikeOne(QStringLiteral("dbname=sitroom")));
    }
};

QTEST_GUILESS_MAIN(TestPostgresAddress)
#include "tst_postgresaddress.moc"
