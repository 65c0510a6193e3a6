// One alert evaluator for two gateways on one PostgreSQL (issue 13): the
// first gateway to start holds the evaluator's advisory lock and raises the
// alert, once; the other serves the same alert to its consoles from the
// shared state. The holder's connection killed (pg_terminate_backend), the
// other takes over within a few seconds and carries on from the stored
// alert: nothing raised twice, and what it writes next (the alert returning
// to normal) reaches the first gateway's consoles. A gateway alone on SQLite
// always evaluates.
#include "server/gateway/PostgresSchema.h"
#include "tests/server/gateway/RoomsFixture.h"
#include "tests/support/TestAlertRules.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace sitroom::gateway::testing;
using sitroom::gateway::Gateway;
using sitroom::gateway::GatewayOptions;
using sitroom::v1::Envelope;

namespace {

// An estimated wait over 20 s is a major alert at once; it returns to normal at once.
constexpr char kRules[] = R"({
  "version": 1,
  "rules": [
    { "id": "queue.wait", "metric": "admission.estimated_wait_s", "direction": "above",
      "levels": [ { "severity": "major", "threshold": 20 } ],
      "on_delay_s": 0, "off_delay_s": 0, "hysteresis": 0.2, "runbook": "queue-wait",
      "message": { "ko": "대기열 예상 대기 {value}", "en": "Estimated wait {value}" } }
  ]
})";

sitroom::v1::SystemState waitAt(int second, double waitS)
{
    sitroom::v1::SystemState state = stateAt(second);
    state.mutable_admission()->set_estimated_wait_s(waitS);
    state.mutable_admission()->set_admitted_per_s(100);
    return state;
}

int eventsOf(const TestTlsClient &client, sitroom::v1::AlertTransition transition)
{
    int n = 0;
    for (const Envelope &e : client.received())
        n += e.has_alert_event() && e.alert_event().transition() == transition ? 1 : 0;
    return n;
}

} // namespace

class TestAlertEvaluator final : public QObject, private RoomsFixture
{
    Q_OBJECT

private:
    QString m_rules;
    QString m_database;
    std::vector<Gateway *> m_ticked;
    int m_second = 0;
    double m_wait = 30;
    QTimer m_ticks;

    Gateway *startWithRules(const QString &state, sitroom::v1::Site site)
    {
        return startRoomGateway(state, site, [this](GatewayOptions &o) { o.alertRulesFile = m_rules; });
    }

    // The live system's figures, a simulated second each, to every gateway started.
    void tick()
    {
        ++m_second;
        for (Gateway *g : m_ticked)
            g->publishTick(waitAt(m_second, m_wait), samplesBefore(m_second, 1));
    }

    QString sql(const QString &statement)
    {
        QString error, output;
        if (!m_cluster.execute(m_database.section(QLatin1Char('/'), -1), statement, &error, &output))
            return QStringLiteral("error: ") + error;
        return output.trimmed();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(prepareRooms(true, &error), qPrintable(error));
        m_rules = m_dir.filePath(QStringLiteral("rules.json"));
        QFile rules(m_rules);
        QVERIFY(rules.open(QIODevice::WriteOnly));
        rules.write(kRules);
        rules.close();
        m_ticks.setInterval(100);
        connect(&m_ticks, &QTimer::timeout, this, &TestAlertEvaluator::tick);
    }

    void cleanupTestCase()
    {
        m_ticks.stop();
        m_ticked.clear();
        dropRooms();
        m_cluster.stop();
    }

    void theOtherTakesOverWhenTheHoldersConnectionGoes()
    {
        m_database = freshDatabase();
        Gateway *seoul = startWithRules(m_database, sitroom::v1::SITE_SEOUL);
        QVERIFY(seoul);
        Gateway *osong = startWithRules(m_database, sitroom::v1::SITE_OSONG);
        QVERIFY(osong);
        QVERIFY(seoul->evaluatesAlerts());   // first there, first to hold the lock
        QVERIFY(!osong->evaluatesAlerts());
        TestTlsClient *inSeoul = signedIn(seoul, QStringLiteral("han"));
        TestTlsClient *inOsong = signedIn(osong, QStringLiteral("han"));
        QVERIFY(inSeoul && inOsong);
        m_ticked = {seoul, osong};
        m_ticks.start();

        // Raised once, by Seoul's engine, and on both rooms' consoles.
        QVERIFY(inSeoul->waitFor([&] { return eventsOf(*inSeoul, sitroom::v1::TRANSITION_RAISED) >= 1; }, kWaitMs));
        QVERIFY(inOsong->waitFor([&] { return eventsOf(*inOsong, sitroom::v1::TRANSITION_RAISED) >= 1; }, kWaitMs));
        const int secondRaised = m_second;
        QTRY_VERIFY_WITH_TIMEOUT(m_second >= secondRaised + 10, 10000);   // ten more seconds of the same figures
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM alerts")), QStringLiteral("1"));
        QCOMPARE(eventsOf(*inSeoul, sitroom::v1::TRANSITION_RAISED), 1);
        QCOMPARE(eventsOf(*inOsong, sitroom::v1::TRANSITION_RAISED), 1);

        // The holder's connection goes, and its lock with it.
        const qint64 key = sitroom::gateway::postgres::kAlertEvaluatorLock;
        const QString holder = QStringLiteral("FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = %1 AND objid = %2")
                                   .arg(quint32(quint64(key) >> 32))
                                   .arg(quint32(quint64(key) & 0xffffffffu));
        const QString pid = sql(QStringLiteral("SELECT pid ") + holder);
        QVERIFY2(!pid.isEmpty() && !pid.startsWith(QLatin1String("error")), qPrintable(pid));
        QSignalSpy osongTakes(osong, &Gateway::alertEvaluatorChanged);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(sql(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)), QStringLiteral("t"));
        QTRY_VERIFY_WITH_TIMEOUT(osong->evaluatesAlerts(), 5000);
        const qint64 takeoverMs = clock.elapsed();
        qInfo("Osong's gateway evaluates the alerts %lld ms after Seoul's connection was killed", takeoverMs);
        QCOMPARE(osongTakes.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!seoul->evaluatesAlerts(), 5000);
        QVERIFY(sql(QStringLiteral("SELECT pid ") + holder) != pid);

        // It carries on from the stored alert: the same figures raise nothing.
        const int secondTaken = m_second;
        QTRY_VERIFY_WITH_TIMEOUT(m_second >= secondTaken + 10, 10000);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM alerts")), QStringLiteral("1"));
        QCOMPARE(eventsOf(*inSeoul, sitroom::v1::TRANSITION_RAISED), 1);
        QCOMPARE(eventsOf(*inOsong, sitroom::v1::TRANSITION_RAISED), 1);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM audit WHERE action LIKE 'alert A1 raised%'")), QStringLiteral("1"));

        // What the new evaluator writes reaches the first gateway's consoles too.
        m_wait = 0;
        QVERIFY(inOsong->waitFor([&] { return eventsOf(*inOsong, sitroom::v1::TRANSITION_RETURNED) == 1; }, kWaitMs));
        QVERIFY(inSeoul->waitFor([&] { return eventsOf(*inSeoul, sitroom::v1::TRANSITION_RETURNED) == 1; }, kWaitMs));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM audit WHERE action LIKE 'alert A1 returned%'")), QStringLiteral("1"));
        QVERIFY(osong->evaluatesAlerts());
        QVERIFY(!seoul->evaluatesAlerts());
        m_ticks.stop();
        m_ticked.clear();
        dropRooms();
    }

    void aGatewayAloneAlwaysEvaluates()
    {
        QTemporaryDir state;
        QVERIFY(state.isValid());
        Gateway *alone = startWithRules(state.path(), sitroom::v1::SITE_SEOUL);
        QVERIFY(alone);
        QVERIFY(alone->evaluatesAlerts());
        dropRooms();
    }
};

QTEST_GUILESS_MAIN(TestAlertEvaluator)
#include "tst_alertevaluator.moc"
