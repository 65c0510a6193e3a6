// A site's key, as the users file, --site, sitroomctl, the audit CSV and the
// control webhook write it: one table, both ways.
#include "proto/sitroom/SiteKey.h"

#include <QTest>

using namespace sitroom;

class TestSiteKey final : public QObject
{
    Q_OBJECT

private slots:
    void bothWays_data();
    void bothWays();
    void unknownValues();
    void unknownKeys_data();
    void unknownKeys();
    void everyKeyInOrder();
};

void TestSiteKey::bothWays_data()
{
    QTest::addColumn<int>("site");
    QTest::addColumn<QString>("key");
    QTest::newRow("seoul") << int(v1::SITE_SEOUL) << QStringLiteral("seoul");
    QTest::newRow("osong") << int(v1::SITE_OSONG) << QStringLiteral("osong");
    QTest::newRow("ministry") << int(v1::SITE_MINISTRY) << QStringLiteral("ministry");
}

void TestSiteKey::bothWays()
{
    QFETCH(int, site);
    QFETCH(QString, key);
    QCOMPARE(siteKey(v1::Site(site)), key);
    QCOMPARE(siteKey(quint32(site)), key);   // as Actor.site carries it
    QCOMPARE(siteFromKey(key), std::optional<v1::Site>(v1::Site(site)));
}

void TestSiteKey::unknownValues()
{
    QVERIFY(siteKey(v1::SITE_UNSPECIFIED).isEmpty());
    QVERIFY(siteKey(quint32(0)).isEmpty());
    QVERIFY(siteKey(quint32(42)).isEmpty());   // a newer gateway's site
}

void TestSiteKey::unknownKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("empty") << QString();
    QTest::newRow("capitalised") << QStringLiteral("Seoul");   // callers that forgive case lower it first
    QTest::newRow("other") << QStringLiteral("busan");
    QTest::newRow("blank") << QStringLiteral("seoul ");
}

void TestSiteKey::unknownKeys()
{
    QFETCH(QString, key);
    QVERIFY(!siteFromKey(key).has_value());
}

void TestSiteKey::everyKeyInOrder()
{
    QCOMPARE(siteKeys(), (QStringList{QStringLiteral("seoul"), QStringLiteral("osong"), QStringLiteral("ministry")}));
    // Every named site of the enum has a key.
    for (int s = v1::Site_MIN; s <= v1::Site_MAX; ++s) {
        if (s != v1::SITE_UNSPECIFIED && v1::Site_IsValid(s))
            QVERIFY2(!siteKey(v1::Site(s)).isEmpty(), qPrintable(QString::number(s)));
    }
}

QTEST_GUILESS_MAIN(TestSiteKey)
#include "tst_sitekey.moc"
