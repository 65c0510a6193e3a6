// An alert severity's key, as the gateway's records, sitroomctl and the
// server's phrases ("severity.critical") write it: one table, both ways.
#include "proto/sitroom/SeverityKey.h"

#include "proto/sitroom/PhraseBook.h"

#include <QTest>

using namespace sitroom;

class TestSeverityKey final : public QObject
{
    Q_OBJECT

private slots:
    void bothWays_data();
    void bothWays();
    void unknown();
};

void TestSeverityKey::bothWays_data()
{
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("key");
    QTest::newRow("critical") << int(v1::SEVERITY_CRITICAL) << QStringLiteral("critical");
    QTest::newRow("major") << int(v1::SEVERITY_MAJOR) << QStringLiteral("major");
    QTest::newRow("minor") << int(v1::SEVERITY_MINOR) << QStringLiteral("minor");
    QTest::newRow("info") << int(v1::SEVERITY_INFO) << QStringLiteral("info");
}

void TestSeverityKey::bothWays()
{
    QFETCH(int, severity);
    QFETCH(QString, key);
    QCOMPARE(severityKey(v1::Severity(severity)), key);
    QCOMPARE(severityFromKey(key), std::optional<v1::Severity>(v1::Severity(severity)));
    // The phrase book words every severity under its key.
    QVERIFY(phrase::englishTemplate("severity." + key.toStdString()));
}

void TestSeverityKey::unknown()
{
    QVERIFY(severityKey(v1::SEVERITY_UNSPECIFIED).isEmpty());
    QVERIFY(!severityFromKey(QStringLiteral("Critical")).has_value());
    QVERIFY(!severityFromKey(QStringLiteral("warning")).has_value());
    QVERIFY(!severityFromKey(QString()).has_value());
}

QTEST_GUILESS_MAIN(TestSeverityKey)
#include "tst_severitykey.moc"
