#include "server/gateway/PasswordHash.h"
#include "server/gateway/UsersFile.h"

#include <QtTest>

using namespace sitroom::gateway;

namespace {

const QByteArray kHash = "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA=";

QByteArray user(const QByteArray &name, const QByteArray &role, const QByteArray &site, const QByteArray &hash = kHash)
{
    return "    {\n      \"name\": \"" + name + "\",\n      \"role\": \"" + role + "\",\n      \"site\": \"" + site
        + "\",\n      \"password_hash\": \"" + hash + "\"\n    }";
}

QByteArray file(const QList<QByteArray> &users)
{
    QByteArray text = "{\n  \"users\": [\n";
    for (qsizetype i = 0; i < users.size(); ++i)
        text += users[i] + (i + 1 < users.size() ? ",\n" : "\n");
    return text + "  ]\n}\n";
}

} // namespace

class TestUsersFile final : public QObject
{
    Q_OBJECT

private slots:
    void loadsAccounts()
    {
        QString error;
        const auto users = UsersFile::parse(file({user("kim", "operator", "seoul"), user("park", "supervisor", "ministry"),
                                                  user("han", "viewer", "osong")}),
                                            QStringLiteral("users.json"), &error);
        QVERIFY2(users, qPrintable(error));
        QCOMPARE(users->accounts().size(), 3);
        QCOMPARE(users->find(QStringLiteral("park"))->role, sitroom::v1::ROLE_SUPERVISOR);
        QCOMPARE(users->find(QStringLiteral("park"))->site, sitroom::v1::SITE_MINISTRY);
        QCOMPARE(users->find(QStringLiteral("kim"))->role, sitroom::v1::ROLE_OPERATOR);
        QVERIFY(!users->find(QStringLiteral("nobody")));
        QVERIFY(PasswordHash::verify(QStringLiteral("password"), users->find(QStringLiteral("han"))->passwordHash));
    }

    void badFilesNameLineAndReason_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        // Each user object is 6 lines; users[i]'s name is on line 4 + 6 i.
        QTest::newRow("bad role") << file({user("kim", "operator", "seoul"), user("lee", "admin", "seoul")})
                                  << "users.json: line 10: users[1].role: must be viewer, operator or supervisor, not \"admin\"";
        QTest::newRow("bad site") << file({user("kim", "operator", "busan")})
                                  << "users.json: line 4: users[0].site: must be seoul, osong or ministry, not \"busan\"";
        QTest::newRow("bad hash") << file({user("kim", "operator", "seoul"), user("lee", "operator", "osong"),
                                           user("park", "supervisor", "seoul", "plain")})
                                  << "users.json: line 16: users[2].password_hash: must be pbkdf2-sha256$";
        QTest::newRow("duplicate") << file({user("kim", "operator", "seoul"), user("kim", "viewer", "seoul")})
                                   << "users.json: line 10: users[1].name: \"kim\" is listed twice";
        QTest::newRow("empty name") << file({user("", "operator", "seoul")})
                                    << "users.json: line 2: users[0].name: must be a non-empty string";
        QTest::newRow("syntax") << QByteArray("{\n  \"users\": [\n    {\"name\": \"kim\",,}\n  ]\n}\n")
                                << "users.json: line 3: not valid JSON";
        QTest::newRow("not an object") << QByteArray("[]") << "users.json: line 1: must be an object {\"users\": [...]}";
        QTest::newRow("unknown field") << QByteArray("{\"users\": [{\"name\": \"kim\", \"role\": \"viewer\", \"site\": \"seoul\", "
                                                     "\"password_hash\": \"" + kHash + "\", \"admin\": true}]}")
                                       << "users.json: line 1: users[0].admin: unknown field";
    }

    void badFilesNameLineAndReason()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!UsersFile::parse(text, QStringLiteral("users.json"), &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void missingFile()
    {
        QString error;
        QVERIFY(!UsersFile::load(QStringLiteral("/nonexistent/users.json"), &error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/users.json: cannot read")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestUsersFile)
#include "tst_usersfile.moc"
