// The alarm picture ISA-18.2 watches: alerts started in the last 10 minutes
// beside those standing and unacknowledged, counted from the store's alerts;
// the verdict is never calm while a critical alert stands unacknowledged.
#include "tests/models/SituationFixtures.h"

#include "models/alerts/AlarmLoad.h"
#include "models/situation/SituationStore.h"

#include <QtTest>

using namespace sitroom;
using namespace sitroom::models;
using namespace sitroom::testing;

namespace {

v1::Alert alert(const std::string &id, v1::Severity severity, v1::AlertState state)
{
    v1::Alert a;
    a.set_id(id);
    a.set_source("provider/kakao");
    a.set_severity(severity);
    a.set_state(state);
    a.set_raised_ms(kSimStartMs);
    return a;
}

// "C" critical, "M" major; then the state: "u" active unacknowledged, "a"
// acknowledged, "r" returned unacknowledged, "s" shelved. "Cu Ma Mr".
std::vector<v1::Alert> alerts(const QString &spec)
{
    std::vector<v1::Alert> out;
    int n = 0;
    for (const QString &item : spec.split(u' ', Qt::SkipEmptyParts)) {
        const v1::Severity severity = item[0] == u'C' ? v1::SEVERITY_CRITICAL : v1::SEVERITY_MAJOR;
        const v1::AlertState state = item[1] == u'u' ? v1::ALERT_ACTIVE_UNACKED
            : item[1] == u'a'                        ? v1::ALERT_ACTIVE_ACKED
            : item[1] == u'r'                        ? v1::ALERT_RTN_UNACKED
                                                     : v1::ALERT_SHELVED;
        out.push_back(alert("A" + std::to_string(++n), severity, state));
    }
    return out;
}

} // namespace

class tst_AlarmPicture : public QObject
{
    Q_OBJECT

private slots:
    void counts_data();
    void counts();
    void verdict_data();
    void verdict();
    void fromTheStore();
};

void tst_AlarmPicture::counts_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("standing");
    QTest::addColumn<int>("unacknowledged");
    QTest::addColumn<int>("critical");
    QTest::addColumn<int>("shelved");
    QTest::newRow("none") << QString() << 0 << 0 << 0 << 0;
    QTest::newRow("one unacknowledged critical") << "Cu" << 1 << 1 << 1 << 0;
    QTest::newRow("acknowledged stands, not unacknowledged") << "Ca Ma" << 2 << 0 << 0 << 0;
    QTest::newRow("returned: unacknowledged, not standing") << "Mr Cr" << 0 << 2 << 1 << 0;
    QTest::newRow("shelved apart") << "Cs Ms Mu" << 1 << 1 << 0 << 2;
    QTest::newRow("mixed") << "Cu Cu Ca Mu Mr Ms" << 4 << 4 << 2 << 1;
}

void tst_AlarmPicture::counts()
{
    QFETCH(QString, spec);
    QFETCH(int, standing);
    QFETCH(int, unacknowledged);
    QFETCH(int, critical);
    QFETCH(int, shelved);
    const AlarmPicture p = alarmPicture(alerts(spec), 3, false);
    QCOMPARE(p.startedLast10min, 3u);
    QCOMPARE(p.standing, standing);
    QCOMPARE(p.unacknowledged, unacknowledged);
    QCOMPARE(p.unacknowledgedCritical, critical);
    QCOMPARE(p.shelved, shelved);
}

void tst_AlarmPicture::verdict_data()
{
    QTest::addColumn<uint>("started");
    QTest::addColumn<bool>("flood");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("verdict");
    const auto v = [](AlarmVerdict verdict) { return int(verdict); };
    QTest::newRow("nothing") << 0u << false << QString() << v(AlarmVerdict::Calm);
    QTest::newRow("two starts, handled") << 2u << false << "Ma Ma" << v(AlarmVerdict::Calm);
    // The night of issue 11: the flood's aftermath, no new starts, 14 unacknowledged (10 critical).
    QTest::newRow("aftermath: never calm") << 0u << false << "Cu Cu Cu Cu Cu Cu Cu Cu Cu Cu Mu Mu Mu Mu"
                                           << v(AlarmVerdict::CriticalUnacknowledged);
    QTest::newRow("one returned critical unacknowledged") << 0u << false << "Cr" << v(AlarmVerdict::CriticalUnacknowledged);
    QTest::newRow("critical acknowledged: not alarming") << 0u << false << "Ca" << v(AlarmVerdict::Calm);
    QTest::newRow("critical shelved: not alarming") << 0u << false << "Cs" << v(AlarmVerdict::Calm);
    QTest::newRow("a major unacknowledged waits") << 1u << false << "Mu" << v(AlarmVerdict::Waiting);
    QTest::newRow("ten standing, acknowledged") << 0u << false << "Ma Ma Ma Ma Ma Ma Ma Ma Ma Ma" << v(AlarmVerdict::Waiting);
    QTest::newRow("nine standing, acknowledged") << 0u << false << "Ma Ma Ma Ma Ma Ma Ma Ma Ma" << v(AlarmVerdict::Calm);
    QTest::newRow("busy rate") << 5u << false << "Mu" << v(AlarmVerdict::Busy);
    QTest::newRow("busy rate with a critical") << 5u << false << "Cu" << v(AlarmVerdict::CriticalUnacknowledged);
    QTest::newRow("flood by count") << 11u << false << "Cu" << v(AlarmVerdict::Flood);
    QTest::newRow("flood by the engine") << 4u << true << QString() << v(AlarmVerdict::Flood);
}

void tst_AlarmPicture::verdict()
{
    QFETCH(uint, started);
    QFETCH(bool, flood);
    QFETCH(QString, spec);
    QFETCH(int, verdict);
    const AlarmPicture p = alarmPicture(alerts(spec), started, flood);
    QCOMPARE(int(p.verdict()), verdict);
    if (p.unacknowledgedCritical > 0)
        QVERIFY(p.verdict() != AlarmVerdict::Calm && p.verdict() != AlarmVerdict::Waiting);
}

void tst_AlarmPicture::fromTheStore()
{
    // The store's own list, kept by snapshots and events, is what is counted.
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    models::TelemetryBatch b = snapshotBatch(makeConfiguration({"kakao"}), makeState(kSimStartMs, {"kakao"}),
                                             makeHistory(kSimStartMs - 2000, 2), clock.now, alerts(QStringLiteral("Cu Cu Ma")));
    store.apply(b);
    AlarmPicture p = alarmPicture(store.alerts(), store.alertsLast10min(), store.alertFlood());
    QCOMPARE(p.standing, 3);
    QCOMPARE(p.unacknowledgedCritical, 2);
    QCOMPARE(p.verdict(), AlarmVerdict::CriticalUnacknowledged);
    // Both criticals acknowledged: calm again.
    for (const char *id : {"A1", "A2"}) {
        models::TelemetryBatch ack;
        v1::Envelope e;
        *e.mutable_alert_event()->mutable_alert() = alert(id, v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_ACKED);
        e.mutable_alert_event()->set_transition(v1::TRANSITION_ACKNOWLEDGED);
        ack.events.push_back(e);
        ack.messages = 1;
        store.apply(ack);
    }
    p = alarmPicture(store.alerts(), store.alertsLast10min(), store.alertFlood());
    QCOMPARE(p.unacknowledged, 0);
    QCOMPARE(p.standing, 3);
    QCOMPARE(p.verdict(), AlarmVerdict::Calm);
}

QTEST_GUILESS_MAIN(tst_AlarmPicture)
#include "tst_alarmpicture.moc"
