// The rules loader: the shipped file loads and covers every metric, and a bad
// file is refused whole, naming the rule and the field.
#include "server/alerts/AlertRules.h"
#include "server/alerts/MetricCatalogue.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace sitroom::alerts;

namespace {

QJsonObject validRule(const QString &id)
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("metric"), QStringLiteral("provider.error_rate")},
        {QStringLiteral("direction"), QStringLiteral("above")},
        {QStringLiteral("levels"), QJsonArray{QJsonObject{{QStringLiteral("severity"), QStringLiteral("major")},
                                                          {QStringLiteral("threshold"), 0.1}},
                                              QJsonObject{{QStringLiteral("severity"), QStringLiteral("critical")},
                                                          {QStringLiteral("threshold"), 0.3}}}},
        {QStringLiteral("on_delay_s"), 30},
        {QStringLiteral("off_delay_s"), 60},
        {QStringLiteral("hysteresis"), 0.2},
        {QStringLiteral("runbook"), QStringLiteral("provider-failing")},
        {QStringLiteral("message"), QJsonObject{{QStringLiteral("ko"), QStringLiteral("{provider_name} 실패율 {value}")},
                                                {QStringLiteral("en"), QStringLiteral("{provider_name} failing {value}")}}},
    };
}

QByteArray document(const QJsonArray &rules, const QJsonObject &extra = {})
{
    QJsonObject top{{QStringLiteral("version"), 1}, {QStringLiteral("rules"), rules}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        top.insert(it.key(), it.value());
    return QJsonDocument(top).toJson();
}

QJsonValue parse(const QByteArray &json)
{
    return QJsonDocument::fromJson("[" + json + "]").array().at(0);
}

} // namespace

class tst_AlertRules : public QObject
{
    Q_OBJECT

private slots:
    void shippedRulesLoad();
    void shippedRulesCoverEveryMetric();
    void shippedRunbooksExist();
    void validDocument();
    void badRule_data();
    void badRule();
    void badDocument_data();
    void badDocument();
    void oneBadRuleRefusesTheWholeFile();
    void missingFileNamesThePath();
};

void tst_AlertRules::shippedRulesLoad()
{
    QString error;
    const auto rules = loadAlertRules(defaultAlertRulesResource(), &error);
    QVERIFY2(rules, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(defaultAlertRules().rules.size(), rules->rules.size());
    QCOMPARE(rules->flood.startAbove, 10u);
    QCOMPARE(rules->flood.windowS, 600);
    // The resource is the file in the source tree.
    const auto fromSource = loadAlertRules(QStringLiteral(SITROOM_SOURCE_DIR "/resources/alerts/default-rules.json"), &error);
    QVERIFY2(fromSource, qPrintable(error));
    QCOMPARE(fromSource->rules.size(), rules->rules.size());
}

void tst_AlertRules::shippedRulesCoverEveryMetric()
{
    const AlertRuleSet rules = defaultAlertRules();
    QSet<QString> metrics;
    QSet<QString> runbooks;
    for (const AlertRule &rule : rules.rules) {
        metrics.insert(rule.metricName);
        runbooks.insert(rule.runbook);
        QVERIFY2(!rule.levels.empty(), qPrintable(rule.id));
        QVERIFY2(!rule.messageKo.isEmpty() && !rule.messageEn.isEmpty(), qPrintable(rule.id));
    }
    for (const char *metric : {"provider.error_rate", "provider.p95_latency_ms", "provider.red_s",
                               "admission.estimated_wait_s", "backend.utilization",
                               "verification.attempts_per_booking", "cohort.bookings_vs_envelope",
                               "telemetry.silence_s", "control.effect_not_seen", "source.stale_figures"})
        QVERIFY2(metrics.contains(QString::fromLatin1(metric)), metric);
    const QSet<QString> expected{QStringLiteral("provider-failing"), QStringLiteral("queue-wait"),
                                 QStringLiteral("backend-saturation"), QStringLiteral("verification-collapse"),
                                 QStringLiteral("bookings-below-envelope"), QStringLiteral("telemetry-silent"),
                                 QStringLiteral("control-effect-not-seen"), QStringLiteral("source-stale")};
    QCOMPARE(runbooks, expected);
    // The issue's example: the queue's wait is major beyond 30 minutes.
    for (const AlertRule &rule : rules.rules)
        if (rule.metric == Metric::QueueEstimatedWait)
            QCOMPARE(rule.levels.front().threshold, 1800.0);
}

void tst_AlertRules::shippedRunbooksExist()
{
    const QDir runbooks(QStringLiteral(SITROOM_SOURCE_DIR "/resources/runbooks"));
    QVERIFY2(runbooks.exists(), qPrintable(runbooks.path()));
    for (const AlertRule &rule : defaultAlertRules().rules) {
        for (const char *language : {"ko", "en"}) {
            const QString file = rule.runbook + u'.' + QString::fromLatin1(language) + QStringLiteral(".md");
            QVERIFY2(runbooks.exists(file), qPrintable(rule.id + QStringLiteral(": no runbook ") + file));
        }
    }
}

void tst_AlertRules::validDocument()
{
    QJsonObject attempts = validRule(QStringLiteral("attempts"));
    attempts[QStringLiteral("metric")] = QStringLiteral("verification.attempts_per_booking");
    attempts[QStringLiteral("window_s")] = 600;
    attempts[QStringLiteral("min_bookings")] = 20;
    attempts[QStringLiteral("message")] = QJsonObject{{QStringLiteral("ko"), QStringLiteral("{value}")},
                                                      {QStringLiteral("en"), QStringLiteral("{value}")}};
    QString error;
    const auto rules = parseAlertRules(document({validRule(QStringLiteral("r1")), attempts},
                                                {{QStringLiteral("flood"), QJsonObject{{QStringLiteral("start_above"), 20},
                                                                                       {QStringLiteral("end_at_or_below"), 8}}}}),
                                       QStringLiteral("rules.json"), &error);
    QVERIFY2(rules, qPrintable(error));
    QCOMPARE(rules->rules.size(), std::size_t(2));
    const AlertRule &r1 = rules->rules[0];
    QCOMPARE(r1.metric, Metric::ProviderErrorRate);
    QCOMPARE(r1.direction, Direction::Above);
    QCOMPARE(r1.levels.size(), std::size_t(2));
    QCOMPARE(r1.levels[1].severity, sitroom::v1::SEVERITY_CRITICAL);
    QCOMPARE(r1.levels[1].threshold, 0.3);
    QCOMPARE(r1.onDelayS, 30.0);
    QCOMPARE(r1.offDelayS, 60.0);
    QCOMPARE(r1.hysteresis, 0.2);
    QCOMPARE(rules->rules[1].windowS, 600.0);
    QCOMPARE(rules->rules[1].minBookings, 20.0);
    QCOMPARE(rules->flood.startAbove, 20u);
    QCOMPARE(rules->flood.endAtOrBelow, 8u);
    QCOMPARE(rules->flood.windowS, 600);
}

void tst_AlertRules::badRule_data()
{
    QTest::addColumn<QString>("field");      // "" to remove `remove`
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("remove");
    QTest::addColumn<QString>("expected");

    const QString none;
    QTest::newRow("metric missing") << none << QByteArray() << QStringLiteral("metric")
                                    << QStringLiteral("rules.json: rule 'r1': metric: is missing");
    QTest::newRow("metric unknown") << QStringLiteral("metric") << QByteArray("\"provider.bogus\"") << none
                                    << QStringLiteral("rules.json: rule 'r1': metric: unknown metric \"provider.bogus\"");
    QTest::newRow("direction") << QStringLiteral("direction") << QByteArray("\"sideways\"") << none
                               << QStringLiteral("rules.json: rule 'r1': direction: must be \"above\" or \"below\"");
    QTest::newRow("levels empty") << QStringLiteral("levels") << QByteArray("[]") << none
                                  << QStringLiteral("rules.json: rule 'r1': levels: must name at least one");
    QTest::newRow("levels not an array") << QStringLiteral("levels") << QByteArray("{}") << none
                                         << QStringLiteral("rules.json: rule 'r1': levels: must be an array");
    QTest::newRow("threshold not a number")
        << QStringLiteral("levels") << QByteArray(R"([{"severity":"major","threshold":0.1},{"severity":"critical","threshold":"high"}])")
        << none << QStringLiteral("rules.json: rule 'r1': levels[1].threshold: must be a number");
    QTest::newRow("severity unknown")
        << QStringLiteral("levels") << QByteArray(R"([{"severity":"fatal","threshold":0.1}])") << none
        << QStringLiteral("rules.json: rule 'r1': levels[0].severity: must be critical, major, minor or info");
    QTest::newRow("severity order")
        << QStringLiteral("levels") << QByteArray(R"([{"severity":"critical","threshold":0.1},{"severity":"major","threshold":0.3}])")
        << none << QStringLiteral("rules.json: rule 'r1': levels[1].severity: must be more severe");
    QTest::newRow("threshold order")
        << QStringLiteral("levels") << QByteArray(R"([{"severity":"major","threshold":0.3},{"severity":"critical","threshold":0.1}])")
        << none << QStringLiteral("rules.json: rule 'r1': levels[1].threshold: must be above");
    QTest::newRow("level unknown field")
        << QStringLiteral("levels") << QByteArray(R"([{"severity":"major","threshold":0.3,"colour":"red"}])")
        << none << QStringLiteral("rules.json: rule 'r1': levels[0].colour: unknown field");
    QTest::newRow("on delay negative") << QStringLiteral("on_delay_s") << QByteArray("-5") << none
                                       << QStringLiteral("rules.json: rule 'r1': on_delay_s: must be from 0");
    QTest::newRow("off delay missing") << none << QByteArray() << QStringLiteral("off_delay_s")
                                       << QStringLiteral("rules.json: rule 'r1': off_delay_s: is missing");
    QTest::newRow("hysteresis") << QStringLiteral("hysteresis") << QByteArray("1.5") << none
                                << QStringLiteral("rules.json: rule 'r1': hysteresis: must be from 0 to 0.9");
    QTest::newRow("runbook") << QStringLiteral("runbook") << QByteArray("\"Provider Failing\"") << none
                             << QStringLiteral("rules.json: rule 'r1': runbook: must be a runbook id");
    QTest::newRow("message en missing") << QStringLiteral("message") << QByteArray(R"({"ko":"실패"})") << none
                                        << QStringLiteral("rules.json: rule 'r1': message.en: is missing");
    QTest::newRow("unknown field") << QStringLiteral("severity") << QByteArray("\"major\"") << none
                                   << QStringLiteral("rules.json: rule 'r1': severity: unknown field");
    QTest::newRow("parameter of another metric") << QStringLiteral("window_s") << QByteArray("300") << none
                                                 << QStringLiteral("rules.json: rule 'r1': window_s: unknown field");
    QTest::newRow("slash in id") << QStringLiteral("id") << QByteArray("\"a/b\"") << none
                                 << QStringLiteral("rules.json: rule 'a/b': id: must not contain '/'");
    QTest::newRow("id missing") << none << QByteArray() << QStringLiteral("id")
                                << QStringLiteral("rules.json: rules[0]: id: is missing");
}

void tst_AlertRules::badRule()
{
    QFETCH(QString, field);
    QFETCH(QByteArray, value);
    QFETCH(QString, remove);
    QFETCH(QString, expected);
    QJsonObject rule = validRule(QStringLiteral("r1"));
    if (!remove.isEmpty())
        rule.remove(remove);
    if (!field.isEmpty())
        rule[field] = parse(value);
    QString error;
    const auto rules = parseAlertRules(document({rule}), QStringLiteral("rules.json"), &error);
    QVERIFY(!rules);
    QVERIFY2(error.startsWith(expected), qPrintable(error));
}

void tst_AlertRules::badDocument_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("not json") << QByteArray("{\"rules\": [") << QStringLiteral("rules.json: not valid JSON");
    QTest::newRow("not an object") << QByteArray("[]") << QStringLiteral("rules.json: must be a JSON object");
    QTest::newRow("no rules") << QByteArray(R"({"version":1})") << QStringLiteral("rules.json: rules: is missing");
    QTest::newRow("version") << QByteArray(R"({"version":2,"rules":[]})") << QStringLiteral("rules.json: version: must be from 1 to 1");
    QTest::newRow("flood never ends")
        << QByteArray(R"({"version":1,"rules":[],"flood":{"start_above":10,"end_at_or_below":10}})")
        << QStringLiteral("rules.json: flood.end_at_or_below: must be below start_above");
    QTest::newRow("unknown top field") << QByteArray(R"({"version":1,"rules":[],"rule":[]})")
                                       << QStringLiteral("rules.json: rule: unknown field");
    QJsonObject queueRule = validRule(QStringLiteral("q"));
    queueRule[QStringLiteral("metric")] = QStringLiteral("admission.estimated_wait_s");
    QTest::newRow("provider name without a provider")
        << document({queueRule}) << QStringLiteral("rules.json: rule 'q': message.ko: {provider_name} is only known");
    QTest::newRow("duplicate id") << document({validRule(QStringLiteral("r1")), validRule(QStringLiteral("r1"))})
                                  << QStringLiteral("rules.json: rule 'r1': id: used by an earlier rule");
    QJsonObject envelope = validRule(QStringLiteral("env"));
    envelope[QStringLiteral("metric")] = QStringLiteral("cohort.bookings_vs_envelope");
    envelope[QStringLiteral("message")] = QJsonObject{{QStringLiteral("ko"), QStringLiteral("{cohort_name}")},
                                                      {QStringLiteral("en"), QStringLiteral("{cohort_name}")}};
    envelope[QStringLiteral("grace_s")] = 600;
    envelope[QStringLiteral("horizon_s")] = 300;
    QTest::newRow("envelope horizon before grace")
        << document({envelope}) << QStringLiteral("rules.json: rule 'env': horizon_s: must be longer than grace_s");
}

void tst_AlertRules::badDocument()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!parseAlertRules(json, QStringLiteral("rules.json"), &error));
    QVERIFY2(error.startsWith(expected), qPrintable(error));
}

void tst_AlertRules::oneBadRuleRefusesTheWholeFile()
{
    QJsonObject bad = validRule(QStringLiteral("third"));
    bad[QStringLiteral("hysteresis")] = QStringLiteral("some");
    QString error;
    const auto rules = parseAlertRules(document({validRule(QStringLiteral("first")), validRule(QStringLiteral("second")), bad}),
                                       QStringLiteral("mine.json"), &error);
    QVERIFY(!rules);
    QCOMPARE(error, QStringLiteral("mine.json: rule 'third': hysteresis: must be a number, not \"some\""));
}

void tst_AlertRules::missingFileNamesThePath()
{
    QString error;
    QVERIFY(!loadAlertRules(QStringLiteral("/nonexistent/rules.json"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("/nonexistent/rules.json: cannot read")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_AlertRules)
#include "tst_alertrules.moc"
