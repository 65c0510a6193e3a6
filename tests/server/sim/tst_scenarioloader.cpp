#include "server/sim/ScenarioLoader.h"

#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace sitroom::sim;

namespace {

QJsonObject shippedJson(const QString &name)
{
    QFile file(QStringLiteral(":/scenarios/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Returns `node` with the field at `path` set to `value` (removed when value is
// undefined); numeric path parts index arrays: "providers.1.capacity_per_s".
QJsonValue withField(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    const QString key = path.takeFirst();
    bool isIndex = false;
    const int index = key.toInt(&isIndex);
    if (isIndex) {
        QJsonArray array = node.toArray();
        array[index] = path.isEmpty() ? value : withField(array.at(index), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (!path.isEmpty())
        object[key] = withField(object.value(key), path, value);
    else if (value.isUndefined())
        object.remove(key);
    else
        object[key] = value;
    return object;
}

QJsonObject mutated(const QString &path, const QJsonValue &value)
{
    return withField(shippedJson(QStringLiteral("opening-18-49")), path.split(u'.'), value).toObject();
}

} // namespace

class TestScenarioLoader final : public QObject
{
    Q_OBJECT

private slots:
    void shipsTheScenarios()
    {
        const QStringList names = ScenarioLoader::shippedNames();
        for (const char *name : {"opening-18-49", "crash-50s", "provider-outage", "backend-saturation", "cascade-drill"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
    }

    void everyShippedScenarioLoads()
    {
        for (const QString &name : ScenarioLoader::shippedNames()) {
            ScenarioLoader loader;
            const auto s = loader.load(name);
            QVERIFY2(s.has_value(), qPrintable(loader.error()));
            QCOMPARE(s->id, name);
            QVERIFY(!s->providers.isEmpty());
            QVERIFY(!s->name.ko.isEmpty());
        }
    }

    void rotationExpandsIntoTenWindows()
    {
        ScenarioLoader loader;
        const auto s = loader.load(QStringLiteral("opening-18-49"));
        QVERIFY(s);
        QCOMPARE(s->cohorts.size(), 10);
        std::int64_t eligible = 0;
        for (const CohortWindow &w : s->cohorts)
            eligible += w.eligible;
        QCOMPARE(eligible, std::int64_t(15'620'000));
        // Birth dates ending 9 first, at 20:00 KST on 9 August, then a day apart.
        QCOMPARE(s->cohorts.first().birthDigits, QList<int>{9});
        QCOMPARE(s->cohorts.first().openMs, QDateTime::fromString(QStringLiteral("2021-08-09T20:00:00+09:00"), Qt::ISODate).toMSecsSinceEpoch());
        QCOMPARE(s->cohorts.at(1).openMs - s->cohorts.first().openMs, std::int64_t(86'400'000));
        QCOMPARE(s->cohorts.first().closeMs - s->cohorts.first().openMs, std::int64_t(22 * 3'600'000));
        QCOMPARE(s->utcOffsetS, 9 * 3600);
    }

    void variantsExtendTheOpeningDay()
    {
        ScenarioLoader loader;
        const auto base = loader.load(QStringLiteral("opening-18-49"));
        const auto outage = loader.load(QStringLiteral("provider-outage"));
        const auto saturated = loader.load(QStringLiteral("backend-saturation"));
        QVERIFY(base && outage && saturated);
        QCOMPARE(outage->events.size(), 1);
        QCOMPARE(outage->events.first().providerId, QStringLiteral("naver"));
        QCOMPARE(outage->providers.size(), base->providers.size());
        QVERIFY(saturated->backend.capacityPerS < base->backend.capacityPerS);
        QCOMPARE(saturated->backend.timeoutMs, base->backend.timeoutMs); // merged, not replaced
    }

    // Only the drill is marked one, its flag reaches the wire, and an
    // extension of a drill stays a drill unless it says otherwise.
    void drillFlag()
    {
        ScenarioLoader loader;
        for (const QString &name : ScenarioLoader::shippedNames()) {
            const auto s = loader.load(name);
            QVERIFY2(s, qPrintable(loader.error()));
            QCOMPARE(s->drill, name == u"cascade-drill");
        }
        QTemporaryDir dir;
        // False when the file cannot be written; the test stops there.
        const auto write = [&](const QString &file, const QByteArray &json) {
            QFile f(dir.filePath(file));
            return f.open(QIODevice::WriteOnly) && f.write(json) == json.size();
        };
        QVERIFY(write(QStringLiteral("again.json"), R"({"extends": "cascade-drill", "id": "again"})"));
        QVERIFY(write(QStringLiteral("real.json"), R"({"extends": "cascade-drill", "id": "real", "drill": false})"));
        QVERIFY(write(QStringLiteral("marked.json"), R"({"extends": "opening-18-49", "id": "marked", "drill": true})"));
        QVERIFY(write(QStringLiteral("word.json"), R"({"extends": "opening-18-49", "id": "word", "drill": "yes"})"));
        QCOMPARE(loader.load(dir.filePath(QStringLiteral("again.json")))->drill, true);
        QCOMPARE(loader.load(dir.filePath(QStringLiteral("real.json")))->drill, false);
        QCOMPARE(loader.load(dir.filePath(QStringLiteral("marked.json")))->drill, true);
        QVERIFY(!loader.load(dir.filePath(QStringLiteral("word.json"))));
        QVERIFY2(loader.error().contains(QStringLiteral("drill: must be true or false")), qPrintable(loader.error()));
    }

    void badFilesNameTheFieldAndTheReason_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << "backend.capacity_per_s" << QJsonValue(QJsonValue::Undefined)
                                 << "backend.capacity_per_s: is missing";
        QTest::newRow("wrong type") << "providers.1.capacity_per_s" << QJsonValue(QStringLiteral("lots"))
                                    << "providers[1].capacity_per_s: must be a number, not \"lots\"";
        QTest::newRow("out of range") << "citizens.retry_probability" << QJsonValue(1.5)
                                      << "citizens.retry_probability: must be from 0 to 0.99, not 1.5";
        QTest::newRow("unknown field") << "lights.yelow_p95_ms" << QJsonValue(100)
                                       << "lights.yelow_p95_ms: unknown field";
        QTest::newRow("time without offset") << "start" << QJsonValue(QStringLiteral("2021-08-09T19:30:00"))
                                             << "start: must be an ISO 8601 time with its UTC offset";
        QTest::newRow("duplicate provider") << "providers.1.id" << QJsonValue(QStringLiteral("kakao"))
                                            << "providers[1].id: \"kakao\" appears twice";
        QTest::newRow("thresholds out of order") << "lights.red_p95_ms" << QJsonValue(1000)
                                                 << "lights.red_p95_ms: must be above yellow_p95_ms";
        QTest::newRow("rate outside bounds") << "admission.rate_per_s" << QJsonValue(9000)
                                             << "admission.rate_per_s: must lie within";
        QTest::newRow("bad digit") << "cohorts.0.rotation.digits.3" << QJsonValue(12)
                                   << "cohorts[0].rotation.digits[3]: must be a digit 0-9";
        QTest::newRow("diurnal length") << "arrivals.diurnal" << QJsonValue(QJsonArray{1, 2, 3})
                                        << "arrivals.diurnal: must list 24 hourly weights, not 3";
        QTest::newRow("no providers") << "providers" << QJsonValue(QJsonArray())
                                      << "providers: must list at least one";
        QTest::newRow("event on unknown provider") << "events"
            << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("at"), QStringLiteral("2021-08-09T20:10:00+09:00")},
                                                 {QStringLiteral("target"), QStringLiteral("provider:toss")}}})
            << "events[0].target: names provider \"toss\", which the scenario does not have";
    }

    void badFilesNameTheFieldAndTheReason()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        ScenarioLoader loader;
        const auto s = loader.parse(QJsonDocument(mutated(path, value)).toJson(), QStringLiteral("bad.json"));
        QVERIFY(!s.has_value());
        QVERIFY2(loader.error().startsWith(QStringLiteral("bad.json: ") + expected), qPrintable(loader.error()));
    }

    void invalidJsonGivesTheLine()
    {
        ScenarioLoader loader;
        QVERIFY(!loader.parse("{\n  \"id\": \"x\",\n  oops\n}", QStringLiteral("broken.json")));
        QVERIFY2(loader.error().startsWith(QStringLiteral("broken.json: line 3: not valid JSON")), qPrintable(loader.error()));
    }

    void unknownNameListsTheShippedOnes()
    {
        ScenarioLoader loader;
        QVERIFY(!loader.load(QStringLiteral("opening-60s")));
        QVERIFY(loader.error().contains(QStringLiteral("no scenario named \"opening-60s\"")));
        QVERIFY(loader.error().contains(QStringLiteral("crash-50s")));
    }

    void loadsAFileThatExtendsAShippedScenario()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("drill.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"extends": "opening-18-49", "id": "drill", "admission": {"rate_per_s": 300}})");
        file.close();
        ScenarioLoader loader;
        const auto s = loader.load(file.fileName());
        QVERIFY2(s, qPrintable(loader.error()));
        QCOMPARE(s->id, QStringLiteral("drill"));
        QCOMPARE(s->admission.ratePerS, 300.0);
        QCOMPARE(s->admission.maxPerS, 3000.0);
    }

    void missingFileIsAClearError()
    {
        ScenarioLoader loader;
        QVERIFY(!loader.load(QStringLiteral("/nonexistent/drill.json")));
        QVERIFY2(loader.error().startsWith(QStringLiteral("/nonexistent/drill.json: cannot read")), qPrintable(loader.error()));
    }
};

QTEST_GUILESS_MAIN(TestScenarioLoader)
#include "tst_scenarioloader.moc"
