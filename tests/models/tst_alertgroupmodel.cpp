// The flood view's grouping: by flood_group (else source), counts, worst
// severity, the first-out alert's group first and the first-out leading it.
#include "SituationFixtures.h"

#include "alerts/AlarmLoad.h"
#include "itemmodels/AlertGroupModel.h"
#include "itemmodels/AlertModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::models;
using namespace sitroom::testing;

namespace {

v1::Alert alert(const std::string &id, const std::string &source, v1::Severity severity, qint64 raisedMs,
                bool firstOut = false, const std::string &group = {})
{
    v1::Alert a;
    a.set_id(id);
    a.set_source(source);
    a.set_flood_group(group);
    a.set_severity(severity);
    a.set_state(v1::ALERT_ACTIVE_UNACKED);
    a.mutable_message()->set_ko("경보 " + id);
    a.set_raised_ms(raisedMs);
    a.set_first_out(firstOut);
    return a;
}

} // namespace

class tst_AlertGroupModel : public QObject
{
    Q_OBJECT

private slots:
    void groupsWithFirstOutFirst();
    void followsEvents();
    void alarmLoadBands_data();
    void alarmLoadBands();
};

void tst_AlertGroupModel::groupsWithFirstOutFirst()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    AlertModel alerts(store);
    AlertGroupModel groups(&alerts);
    QAbstractItemModelTester tester(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 t = kSimStartMs;
    TelemetryBatch b = snapshotBatch(makeConfiguration({"kakao", "naver"}), makeState(t, {"kakao", "naver"}),
                                     makeHistory(t - 2000, 2), clock.now,
                                     {alert("q1", "queue", v1::SEVERITY_CRITICAL, t + 9000),
                                      alert("k1", "provider/kakao", v1::SEVERITY_MAJOR, t + 1000, true),
                                      alert("k2", "provider/kakao", v1::SEVERITY_MAJOR, t + 5000),
                                      alert("k3", "provider/kakao", v1::SEVERITY_MINOR, t + 6000),
                                      alert("b1", "backend", v1::SEVERITY_MINOR, t + 7000, false, "provider/kakao"),
                                      alert("n1", "provider/naver", v1::SEVERITY_MINOR, t + 8000)});
    store.apply(b);
    QCOMPARE(groups.groupCount(), 3);
    const QModelIndex first = groups.index(0, 0);
    QCOMPARE(first.data(AlertModel::GroupRole).toString(), QStringLiteral("provider/kakao"));
    QCOMPARE(first.data(AlertGroupModel::CountRole).toInt(), 4);   // b1 grouped under kakao by the engine
    QCOMPARE(first.data(AlertGroupModel::UnackedRole).toInt(), 4);
    QVERIFY(first.data(AlertModel::FirstOutRole).toBool());
    QCOMPARE(first.data(AlertModel::SeverityRole).toInt(), int(v1::SEVERITY_MAJOR));
    QCOMPARE(groups.rowCount(first), 4);
    QCOMPARE(groups.index(0, 0, first).data(AlertModel::IdRole).toString(), QStringLiteral("k1"));
    QVERIFY(groups.index(0, 0, first).data(AlertModel::FirstOutRole).toBool());
    QCOMPARE(groups.index(0, AlertModel::Message, first).data().toString(), QStringLiteral("경보 k1"));
    // Then worst severity: the queue's critical before naver's minor.
    QCOMPARE(groups.index(1, 0).data(AlertModel::GroupRole).toString(), QStringLiteral("queue"));
    QCOMPARE(groups.index(2, 0).data(AlertModel::GroupRole).toString(), QStringLiteral("provider/naver"));
    const QModelIndex k3 = groups.indexOfAlert(QStringLiteral("k3"));
    QVERIFY(k3.isValid());
    QCOMPARE(k3.parent(), first);
    QCOMPARE(alerts.index(groups.sourceRow(k3), 0).data(AlertModel::IdRole).toString(), QStringLiteral("k3"));
    QCOMPARE(groups.sourceRow(first), -1);
}

void tst_AlertGroupModel::followsEvents()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    AlertModel alerts(store);
    AlertGroupModel groups(&alerts);
    QAbstractItemModelTester tester(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 t = kSimStartMs;
    store.apply(snapshotBatch(makeConfiguration({"kakao"}), makeState(t, {"kakao"}), makeHistory(t - 2000, 2), clock.now,
                              {alert("k1", "provider/kakao", v1::SEVERITY_MAJOR, t)}));
    QCOMPARE(groups.groupCount(), 1);
    TelemetryBatch b;
    v1::Envelope e;
    *e.mutable_alert_event()->mutable_alert() = alert("q1", "queue", v1::SEVERITY_MAJOR, t + 1000, true);
    e.mutable_alert_event()->set_transition(v1::TRANSITION_RAISED);
    e.mutable_alert_event()->set_flood(true);
    b.events.push_back(e);
    b.messages = 1;
    store.apply(b);
    QCOMPARE(groups.groupCount(), 2);
    QCOMPARE(groups.index(0, 0).data(AlertModel::GroupRole).toString(), QStringLiteral("queue"));
}

void tst_AlertGroupModel::alarmLoadBands_data()
{
    QTest::addColumn<uint>("count");
    QTest::addColumn<int>("band");
    QTest::newRow("none") << 0u << int(AlarmLoadBand::Calm);
    QTest::newRow("two, the target") << 2u << int(AlarmLoadBand::Calm);
    QTest::newRow("three") << 3u << int(AlarmLoadBand::Busy);
    QTest::newRow("ten") << 10u << int(AlarmLoadBand::Busy);
    QTest::newRow("eleven, a flood") << 11u << int(AlarmLoadBand::Flood);
}

void tst_AlertGroupModel::alarmLoadBands()
{
    QFETCH(uint, count);
    QFETCH(int, band);
    QCOMPARE(int(alarmLoadBand(count)), band);
}

QTEST_GUILESS_MAIN(tst_AlertGroupModel)
#include "tst_alertgroupmodel.moc"
