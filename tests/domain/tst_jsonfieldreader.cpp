// The JSON reader behind every loader (scenarios, site configurations, alert
// rules): typed fields, defaults only where the caller gives one, and the
// first problem reported with its full path, so a bad file is refused with the
// field and the reason. An unknown field is a problem too.
#include "domain/JsonFieldReader.h"

#include <QJsonDocument>
#include <QTest>

using sitroom::domain::JsonFieldReader;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("test JSON does not parse: %s", qPrintable(error.errorString()));
    return doc.object();
}

} // namespace

class TestJsonFieldReader final : public QObject
{
    Q_OBJECT

private slots:
    void readsTypedFields();
    void fallbacksOnlyWhenAbsent();
    void numberProblems_data();
    void numberProblems();
    void integerProblems_data();
    void integerProblems();
    void stringMustHoldText();
    void booleanMustBeABoolean();
    void timeNeedsItsOffset_data();
    void timeNeedsItsOffset();
    void nestedPathsNameTheField();
    void elementThatIsNotAnObject();
    void firstProblemWins();
    void unknownFieldsAreRefused();
    void topLevelFailure();
};

void TestJsonFieldReader::readsTypedFields()
{
    JsonFieldReader r(json(R"({"rate": 2.5, "count": 7, "name": "카카오", "on": true, "list": [1, 2]})"));
    QCOMPARE(r.number(QStringLiteral("rate"), 0, 10), 2.5);
    QCOMPARE(r.integer(QStringLiteral("count"), 0, 10), std::int64_t(7));
    QCOMPARE(r.string(QStringLiteral("name")), QStringLiteral("카카오"));
    QCOMPARE(r.boolean(QStringLiteral("on"), false), true);
    QCOMPARE(r.array(QStringLiteral("list")).size(), 2);
    QVERIFY(r.has(QStringLiteral("rate")));
    QVERIFY(!r.has(QStringLiteral("absent")));
    r.rejectUnknownFields();
    QVERIFY2(r.ok(), qPrintable(r.error()));
}

void TestJsonFieldReader::fallbacksOnlyWhenAbsent()
{
    JsonFieldReader r(json(R"({"given": 3})"));
    QCOMPARE(r.number(QStringLiteral("absent"), 0, 10, 4.5), 4.5);
    QCOMPARE(r.integer(QStringLiteral("absent2"), 0, 10, 9), std::int64_t(9));
    QCOMPARE(r.string(QStringLiteral("absent3"), QStringLiteral("dflt")), QStringLiteral("dflt"));
    QCOMPARE(r.boolean(QStringLiteral("absent4"), true), true);
    QVERIFY(r.array(QStringLiteral("absent5"), false).isEmpty());
    // A field that is there is read and checked, never replaced by the fallback.
    QCOMPARE(r.number(QStringLiteral("given"), 0, 10, 1), 3.0);
    r.rejectUnknownFields();
    QVERIFY2(r.ok(), qPrintable(r.error()));

    // A required field that is missing is a problem.
    JsonFieldReader missing(json("{}"));
    missing.number(QStringLiteral("rate"), 0, 10);
    QCOMPARE(missing.error(), QStringLiteral("rate: is missing"));
}

void TestJsonFieldReader::numberProblems_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("string") << QByteArray(R"({"x": "5"})") << QStringLiteral("x: must be a number, not \"5\"");
    QTest::newRow("below") << QByteArray(R"({"x": -1})") << QStringLiteral("x: must be from 0 to 10, not -1");
    QTest::newRow("above") << QByteArray(R"({"x": 10.5})") << QStringLiteral("x: must be from 0 to 10, not 10.5");
    QTest::newRow("null") << QByteArray(R"({"x": null})") << QStringLiteral("x: must be a number, not null");
    QTest::newRow("array") << QByteArray(R"({"x": [1]})") << QStringLiteral("x: must be a number, not an array");
}

void TestJsonFieldReader::numberProblems()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    JsonFieldReader r(json(text.constData()));
    QCOMPARE(r.number(QStringLiteral("x"), 0, 10), 0.0);  // the minimum stands in for a bad value
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), error);
}

void TestJsonFieldReader::integerProblems_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("fraction") << QByteArray(R"({"n": 1.5})") << QStringLiteral("n: must be a whole number, not 1.5");
    QTest::newRow("boolean") << QByteArray(R"({"n": true})") << QStringLiteral("n: must be a whole number, not true");
    QTest::newRow("too big") << QByteArray(R"({"n": 3601})") << QStringLiteral("n: must be from 0 to 3600, not 3601");
}

void TestJsonFieldReader::integerProblems()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    JsonFieldReader r(json(text.constData()));
    r.integer(QStringLiteral("n"), 0, 3600);
    QCOMPARE(r.error(), error);
}

void TestJsonFieldReader::stringMustHoldText()
{
    JsonFieldReader blank(json(R"({"s": "   "})"));
    QVERIFY(blank.string(QStringLiteral("s")).isEmpty());
    QCOMPARE(blank.error(), QStringLiteral("s: must be a non-empty string, not \"   \""));

    JsonFieldReader number(json(R"({"s": 4})"));
    number.string(QStringLiteral("s"), QStringLiteral("fallback"));
    QCOMPARE(number.error(), QStringLiteral("s: must be a non-empty string, not 4"));
}

void TestJsonFieldReader::booleanMustBeABoolean()
{
    JsonFieldReader r(json(R"({"b": "yes"})"));
    QCOMPARE(r.boolean(QStringLiteral("b"), true), true);  // the fallback, and a problem
    QCOMPARE(r.error(), QStringLiteral("b: must be true or false, not \"yes\""));
}

void TestJsonFieldReader::timeNeedsItsOffset_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");       // -1: refused
    QTest::addColumn<int>("offsetS");
    // 20:00 in Seoul on 9 August 2021 is 11:00 UTC.
    QTest::newRow("KST") << QStringLiteral("2021-08-09T20:00:00+09:00") << qint64(1628506800000) << 9 * 3600;
    QTest::newRow("UTC") << QStringLiteral("2021-08-09T11:00:00Z") << qint64(1628506800000) << 0;
    QTest::newRow("milliseconds") << QStringLiteral("2021-08-09T11:00:00.250Z") << qint64(1628506800250) << 0;
    QTest::newRow("west of Greenwich") << QStringLiteral("2021-08-09T07:00:00-04:00") << qint64(1628506800000) << -4 * 3600;
    QTest::newRow("no offset") << QStringLiteral("2021-08-09T20:00:00") << qint64(-1) << 0;
    QTest::newRow("not a time") << QStringLiteral("tonight") << qint64(-1) << 0;
}

void TestJsonFieldReader::timeNeedsItsOffset()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QFETCH(int, offsetS);
    JsonFieldReader r(QJsonObject{{QStringLiteral("at"), text}});
    int offset = 12345;
    const std::int64_t read = r.time(QStringLiteral("at"), &offset);
    if (ms < 0) {
        QCOMPARE(read, std::int64_t(0));
        QVERIFY(r.error().startsWith(QStringLiteral("at: must be an ISO 8601 time with its UTC offset")));
        QVERIFY2(r.error().contains(text), qPrintable(r.error()));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(read, std::int64_t(ms));
    QCOMPARE(offset, offsetS);
}

void TestJsonFieldReader::nestedPathsNameTheField()
{
    JsonFieldReader r(json(R"({"providers": [{"id": "naver", "capacity_per_s": 10}, {"id": "kakao", "capacity_per_s": -3}]})"));
    const QJsonArray providers = r.array(QStringLiteral("providers"));
    for (qsizetype i = 0; i < providers.size(); ++i) {
        JsonFieldReader p = r.element(providers, QStringLiteral("providers"), i);
        p.string(QStringLiteral("id"));
        p.number(QStringLiteral("capacity_per_s"), 0, 1000);
    }
    QCOMPARE(r.error(), QStringLiteral("providers[1].capacity_per_s: must be from 0 to 1000, not -3"));

    JsonFieldReader top(json(R"({"queue": {"capacity": "lots"}})"));
    JsonFieldReader queue = top.object(QStringLiteral("queue"));
    queue.integer(QStringLiteral("capacity"), 0, 10);
    QCOMPARE(top.error(), QStringLiteral("queue.capacity: must be a whole number, not \"lots\""));
    QCOMPARE(queue.pathOf(QStringLiteral("x")), QStringLiteral("queue.x"));
    QCOMPARE(queue.pathOf(QStringLiteral("[2]")), QStringLiteral("queue[2]"));

    JsonFieldReader notObject(json(R"({"queue": 5})"));
    notObject.object(QStringLiteral("queue"));
    QCOMPARE(notObject.error(), QStringLiteral("queue: must be an object, not 5"));
}

void TestJsonFieldReader::elementThatIsNotAnObject()
{
    JsonFieldReader r(json(R"({"cohorts": [{}, "18-49"]})"));
    const QJsonArray cohorts = r.array(QStringLiteral("cohorts"));
    r.element(cohorts, QStringLiteral("cohorts"), 0);
    QVERIFY(r.ok());
    r.element(cohorts, QStringLiteral("cohorts"), 1);
    QCOMPARE(r.error(), QStringLiteral("cohorts[1]: must be an object, not \"18-49\""));
}

void TestJsonFieldReader::firstProblemWins()
{
    // Readers of nested objects share the problem: the first one anywhere stands.
    JsonFieldReader r(json(R"({"a": "x", "inner": {"b": "y"}})"));
    r.number(QStringLiteral("a"), 0, 1);
    JsonFieldReader inner = r.object(QStringLiteral("inner"));
    inner.number(QStringLiteral("b"), 0, 1);
    r.fail(QStringLiteral("c"), QStringLiteral("later"));
    QCOMPARE(r.error(), QStringLiteral("a: must be a number, not \"x\""));
    QCOMPARE(inner.error(), r.error());
}

void TestJsonFieldReader::unknownFieldsAreRefused()
{
    // A misspelt key must not silently fall back to a default.
    JsonFieldReader r(json(R"({"window_hours": 12, "windw_hours": 24})"));
    r.number(QStringLiteral("window_hours"), 1, 48, 24);
    r.number(QStringLiteral("first_open_hour"), 0, 23, 20);
    r.rejectUnknownFields();
    QCOMPARE(r.error(), QStringLiteral("windw_hours: unknown field (known here: first_open_hour, window_hours)"));
}

void TestJsonFieldReader::topLevelFailure()
{
    JsonFieldReader r(json("{}"));
    r.fail(QString(), QStringLiteral("is empty"));
    QCOMPARE(r.error(), QStringLiteral("(top level): is empty"));

    JsonFieldReader named(QJsonObject(), QStringLiteral("rules[3]"));
    named.fail(QString(), QStringLiteral("names no metric"));
    QCOMPARE(named.error(), QStringLiteral("rules[3]: names no metric"));
}

QTEST_GUILESS_MAIN(TestJsonFieldReader)
#include "tst_jsonfieldreader.moc"
