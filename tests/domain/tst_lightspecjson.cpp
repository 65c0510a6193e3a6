// The providers' light thresholds as scenarios and site configurations write
// them: every field read and range-checked, red above yellow, nothing unknown.
#include "domain/LightSpecJson.h"

#include <QTest>

using namespace sitroom::domain;

namespace {

QJsonObject lights()
{
    return QJsonObject{{QStringLiteral("yellow_p95_ms"), 3000}, {QStringLiteral("red_p95_ms"), 8000},
                       {QStringLiteral("yellow_error_rate"), 0.05}, {QStringLiteral("red_error_rate"), 0.2},
                       {QStringLiteral("hysteresis"), 0.2}, {QStringLiteral("min_dwell_s"), 60},
                       {QStringLiteral("smoothing_s"), 10}};
}

QJsonObject with(const QString &field, const QJsonValue &value)
{
    QJsonObject o = lights();
    if (value.isUndefined())
        o.remove(field);
    else
        o.insert(field, value);
    return o;
}

} // namespace

class TestLightSpecJson final : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryField();
    void refuses_data();
    void refuses();
    void pathOfTheEnclosingObject();
};

void TestLightSpecJson::readsEveryField()
{
    JsonFieldReader r(lights());
    const LightSpec spec = readLightSpec(r);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(spec.yellowP95Ms, 3000.0);
    QCOMPARE(spec.redP95Ms, 8000.0);
    QCOMPARE(spec.yellowErrorRate, 0.05);
    QCOMPARE(spec.redErrorRate, 0.2);
    QCOMPARE(spec.hysteresis, 0.2);
    QCOMPARE(spec.minDwellS, 60);
    QCOMPARE(spec.smoothingS, 10.0);
}

void TestLightSpecJson::refuses_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("error");
    QTest::newRow("red not above yellow p95") << with(QStringLiteral("red_p95_ms"), 3000)
                                              << QStringLiteral("red_p95_ms: must be above yellow_p95_ms");
    QTest::newRow("red not above yellow errors") << with(QStringLiteral("red_error_rate"), 0.01)
                                                 << QStringLiteral("red_error_rate: must be above yellow_error_rate");
    QTest::newRow("error rate above 1") << with(QStringLiteral("red_error_rate"), 1.5)
                                        << QStringLiteral("red_error_rate: must be from 0 to 1, not 1.5");
    QTest::newRow("hysteresis too large") << with(QStringLiteral("hysteresis"), 0.95)
                                          << QStringLiteral("hysteresis: must be from 0 to 0.9, not 0.95");
    QTest::newRow("dwell a fraction") << with(QStringLiteral("min_dwell_s"), 2.5)
                                      << QStringLiteral("min_dwell_s: must be a whole number, not 2.5");
    QTest::newRow("no smoothing") << with(QStringLiteral("smoothing_s"), QJsonValue(QJsonValue::Undefined))
                                  << QStringLiteral("smoothing_s: is missing");
    QTest::newRow("misspelt") << with(QStringLiteral("hysteresys"), 0.1)
                              << QStringLiteral("hysteresys: unknown field (known here: hysteresis, min_dwell_s, "
                                                "red_error_rate, red_p95_ms, smoothing_s, yellow_error_rate, yellow_p95_ms)");
}

void TestLightSpecJson::refuses()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, error);
    JsonFieldReader r(object);
    readLightSpec(r);
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), error);
}

void TestLightSpecJson::pathOfTheEnclosingObject()
{
    // As a scenario nests it: the problem names the whole path.
    JsonFieldReader scenario(QJsonObject{{QStringLiteral("lights"), with(QStringLiteral("red_p95_ms"), 10)}});
    readLightSpec(scenario.object(QStringLiteral("lights")));
    QCOMPARE(scenario.error(), QStringLiteral("lights.red_p95_ms: must be above yellow_p95_ms"));
}

QTEST_GUILESS_MAIN(TestLightSpecJson)
#include "tst_lightspecjson.moc"
