#include "server/gateway/PasswordHash.h"

#include <QtTest>

using namespace sitroom::gateway;

class TestPasswordHash final : public QObject
{
    Q_OBJECT

private slots:
    void hashesVerify()
    {
        const QString h = PasswordHash::hash(QStringLiteral("비밀 pass"), 1000);
        QVERIFY(h.startsWith(QStringLiteral("pbkdf2-sha256$1000$")));
        QVERIFY(PasswordHash::isWellFormed(h));
        QVERIFY(PasswordHash::verify(QStringLiteral("비밀 pass"), h));
        QVERIFY(!PasswordHash::verify(QStringLiteral("비밀 pasS"), h));
        QVERIFY(!PasswordHash::verify(QString(), h));
    }

    void saltsDiffer()
    {
        QVERIFY(PasswordHash::hash(QStringLiteral("a"), 1000) != PasswordHash::hash(QStringLiteral("a"), 1000));
    }

    void knownVector()
    {
        // Python: base64(hashlib.pbkdf2_hmac("sha256", b"password", b"saltsaltsaltsalt", 1000, 32)).
        const QString h = QStringLiteral("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$"
                                         "8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA=");
        QVERIFY(PasswordHash::verify(QStringLiteral("password"), h));
        QVERIFY(!PasswordHash::verify(QStringLiteral("Password"), h));
    }

    void malformedHashesAreRefused_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::newRow("empty") << QString();
        QTest::newRow("scheme") << QStringLiteral("bcrypt$1000$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        QTest::newRow("few iterations") << QStringLiteral("pbkdf2-sha256$10$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        QTest::newRow("bad salt") << QStringLiteral("pbkdf2-sha256$1000$!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        QTest::newRow("short key") << QStringLiteral("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$AAAA");
        QTest::newRow("parts") << QStringLiteral("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==");
    }

    void malformedHashesAreRefused()
    {
        QFETCH(QString, encoded);
        QString why;
        QVERIFY(!PasswordHash::isWellFormed(encoded, &why));
        QVERIFY(!why.isEmpty());
        QVERIFY(!PasswordHash::verify(QStringLiteral("x"), encoded));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
