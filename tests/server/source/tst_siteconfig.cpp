// The site configuration: the shipped one loads as the simulator is, and a
// bad one is refused naming the field and the reason.
#include "tests/server/source/SiteFixtures.h"

#include <QJsonArray>
#include <QTest>

using namespace sitroom;

class tst_SiteConfig final : public QObject
{
    Q_OBJECT

private slots:
    void shippedConfigurationLoads();
    void badConfigurationNamesTheField_data();
    void badConfigurationNamesTheField();
    void missingFileNamesThePath();
    void drillFlag();
};

void tst_SiteConfig::shippedConfigurationLoads()
{
    QString error;
    const auto site = source::loadSiteConfig(QStringLiteral(SITROOM_SOURCE_DIR "/resources/sources/sim-prometheus.json"), &error);
    QVERIFY2(site, qPrintable(error));
    const v1::Configuration &c = site->configuration;
    QCOMPARE(c.providers_size(), 5);
    QCOMPARE(c.providers(0).name().ko(), "카카오");
    // The 10부제 rotation: ten windows a day apart, named as the scenario names them.
    QCOMPARE(c.cohorts_size(), 10);
    QCOMPARE(c.cohorts(0).id(), "18-49/9");
    QCOMPARE(c.cohorts(1).window_open_ms() - c.cohorts(0).window_open_ms(), 86'400'000);
    QCOMPARE(c.timezone(), "Asia/Seoul");
    QCOMPARE(c.admission_rate_max_per_s(), 3000.0);
    QCOMPARE(site->initialRatePerS, 700.0);
    QVERIFY(site->publishesLights());
    QCOMPARE(site->scalars.size(), std::size_t(11));
    QCOMPARE(site->perProvider.size(), std::size_t(5));
    QCOMPARE(site->perCohort.size(), std::size_t(2));
    QCOMPARE(site->effectTimeoutMs, 30000);
}

void tst_SiteConfig::badConfigurationNamesTheField_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QString>("expected");
    QTest::newRow("query missing") << "drop queries.queue_depth" << "queries.queue_depth: is missing";
    QTest::newRow("provider query missing") << "drop queries.provider.enabled" << "queries.provider.enabled: is missing";
    QTest::newRow("empty query") << "empty queries.paused" << "queries.paused: must be a non-empty string";
    QTest::newRow("unknown query") << "add queries.queue_lenght" << "queries.queue_lenght: unknown field";
    QTest::newRow("bad zone") << "zone" << "timezone: \"Mars/Olympus\" is not an IANA time zone name";
    QTest::newRow("rate outside bounds") << "rate" << "admission.rate_per_s: must be within min_per_s and max_per_s";
    QTest::newRow("duplicate provider") << "duplicate provider" << "providers[1].id: \"kakao\" is listed twice";
    QTest::newRow("lights reversed") << "lights" << "lights.red_p95_ms: must be above yellow_p95_ms";
}

void tst_SiteConfig::badConfigurationNamesTheField()
{
    QFETCH(QString, edit);
    QFETCH(QString, expected);
    QJsonObject json = shippedSiteJson();
    QJsonObject queries = json.value(QStringLiteral("queries")).toObject();
    QJsonObject provider = queries.value(QStringLiteral("provider")).toObject();
    if (edit == u"drop queries.queue_depth")
        queries.remove(QStringLiteral("queue_depth"));
    else if (edit == u"drop queries.provider.enabled")
        provider.remove(QStringLiteral("enabled"));
    else if (edit == u"empty queries.paused")
        queries[QStringLiteral("paused")] = QStringLiteral("  ");
    else if (edit == u"add queries.queue_lenght")
        queries[QStringLiteral("queue_lenght")] = QStringLiteral("x");
    else if (edit == u"zone")
        json[QStringLiteral("timezone")] = QStringLiteral("Mars/Olympus");
    else if (edit == u"rate") {
        QJsonObject a = json.value(QStringLiteral("admission")).toObject();
        a[QStringLiteral("rate_per_s")] = 99999;
        json[QStringLiteral("admission")] = a;
    } else if (edit == u"duplicate provider") {
        QJsonArray p = json.value(QStringLiteral("providers")).toArray();
        p.replace(1, p.at(0));
        json[QStringLiteral("providers")] = p;
    } else if (edit == u"lights") {
        QJsonObject l = json.value(QStringLiteral("lights")).toObject();
        l[QStringLiteral("red_p95_ms")] = 100;
        json[QStringLiteral("lights")] = l;
    }
    queries[QStringLiteral("provider")] = provider;
    json[QStringLiteral("queries")] = queries;
    QString error;
    QVERIFY(!source::parseSiteConfig(QJsonDocument(json).toJson(), QStringLiteral("site.json"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("site.json: ")), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void tst_SiteConfig::missingFileNamesThePath()
{
    QString error;
    QVERIFY(!source::loadSiteConfig(QStringLiteral("/nonexistent/site.json"), &error));
    QVERIFY2(error.contains(QStringLiteral("/nonexistent/site.json")), qPrintable(error));
    QVERIFY(!source::parseSiteConfig("{ not json", QStringLiteral("x.json"), &error));
    QVERIFY2(error.contains(QStringLiteral("not a JSON object")), qPrintable(error));
}


void tst_SiteConfig::drillFlag()
{
    // Real operations unless the site configuration says it is a drill.
    QString error;
    QJsonObject json = shippedSiteJson();
    QVERIFY(!json.contains(QStringLiteral("drill")));
    auto site = source::parseSiteConfig(QJsonDocument(json).toJson(), QStringLiteral("site.json"), &error);
    QVERIFY2(site, qPrintable(error));
    QVERIFY(!site->configuration.drill());
    json[QStringLiteral("drill")] = true;
    site = source::parseSiteConfig(QJsonDocument(json).toJson(), QStringLiteral("site.json"), &error);
    QVERIFY2(site, qPrintable(error));
    QVERIFY(site->configuration.drill());
    json[QStringLiteral("drill")] = 1;
    QVERIFY(!source::parseSiteConfig(QJsonDocument(json).toJson(), QStringLiteral("site.json"), &error));
    QVERIFY2(error.contains(QStringLiteral("drill: must be true or false")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_SiteConfig)
#include "tst_siteconfig.moc"
