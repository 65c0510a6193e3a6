// The flood view's grouping: by flood_group (else source), counts, worst
// severity, the first-out alert's group first and the first-out leading it;
// a stable order that follows events row by row, so a selected row keeps its
// place and its selection when new alerts arrive.
#include "tests/models/SituationFixtures.h"

#include "models/alerts/AlarmLoad.h"
#include "models/itemmodels/AlertGroupModel.h"
#include "models/itemmodels/AlertModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
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
    void rowKeepsItsPlaceAndSelection();
    void newFirstOutMovesItsGroupUp();
    void clearedAndRegrouped();
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
    // Then the order of arrival, not severity: naver's minor (t+8 s) before the queue's critical (t+9 s).
    QCOMPARE(groups.index(1, 0).data(AlertModel::GroupRole).toString(), QStringLiteral("provider/naver"));
    QCOMPARE(groups.index(2, 0).data(AlertModel::GroupRole).toString(), QStringLiteral("queue"));
    QCOMPARE(groups.index(2, 0).data(AlertModel::SeverityRole).toInt(), int(v1::SEVERITY_CRITICAL));
    // Within kakao's group: the first out, then in order of arrival.
    QCOMPARE(groups.index(1, 0, first).data(AlertModel::IdRole).toString(), QStringLiteral("k2"));
    QCOMPARE(groups.index(2, 0, first).data(AlertModel::IdRole).toString(), QStringLiteral("k3"));
    QCOMPARE(groups.index(3, 0, first).data(AlertModel::IdRole).toString(), QStringLiteral("b1"));
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

namespace {

TelemetryBatch eventBatch(const v1::Alert &a, v1::AlertTransition transition)
{
    TelemetryBatch b;
    v1::Envelope e;
    *e.mutable_alert_event()->mutable_alert() = a;
    e.mutable_alert_event()->set_transition(transition);
    b.events.push_back(e);
    b.messages = 1;
    return b;
}

struct Flood
{
    Flood()
        : store(nullptr, clock.clock())
        , alerts(store)
        , groups(&alerts)
        , tester(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest)
        , selection(&groups)
    {
        store.apply(snapshotBatch(makeConfiguration({"kakao", "naver"}), makeState(t, {"kakao", "naver"}),
                                  makeHistory(t - 2000, 2), clock.now,
                                  {alert("k1", "provider/kakao", v1::SEVERITY_CRITICAL, t + 1000, true),
                                   alert("n1", "provider/naver", v1::SEVERITY_MINOR, t + 2000),
                                   alert("n2", "provider/naver", v1::SEVERITY_MAJOR, t + 3000),
                                   alert("q1", "queue", v1::SEVERITY_MAJOR, t + 4000)}));
    }
    QString id(int group, int row) const
    {
        return groups.index(row, 0, groups.index(group, 0)).data(AlertModel::IdRole).toString();
    }
    QString key(int group) const { return groups.index(group, 0).data(AlertModel::GroupRole).toString(); }

    const qint64 t = kSimStartMs;
    FakeClock clock;
    SituationStore store;
    AlertModel alerts;
    AlertGroupModel groups;
    QAbstractItemModelTester tester;
    QItemSelectionModel selection;
};

} // namespace

void tst_AlertGroupModel::rowKeepsItsPlaceAndSelection()
{
    Flood f;
    QCOMPARE(f.groups.groupCount(), 3);
    QCOMPARE(f.key(0), QStringLiteral("provider/kakao"));
    QCOMPARE(f.key(1), QStringLiteral("provider/naver"));
    QCOMPARE(f.key(2), QStringLiteral("queue"));
    // The operator's cursor on naver's n2 (group 1, row 1).
    const QModelIndex n2 = f.groups.indexOfAlert(QStringLiteral("n2"));
    QCOMPARE(n2.row(), 1);
    f.selection.setCurrentIndex(n2, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QPersistentModelIndex held(n2);
    QSignalSpy resets(&f.groups, &QAbstractItemModel::modelReset);
    QSignalSpy moves(&f.groups, &QAbstractItemModel::rowsMoved);

    // A storm of new alerts: a critical for naver (it would sort first by
    // severity), a new group, another kakao alert, and an escalation.
    f.store.apply(eventBatch(alert("n3", "provider/naver", v1::SEVERITY_CRITICAL, f.t + 5000), v1::TRANSITION_RAISED));
    f.store.apply(eventBatch(alert("b1", "backend", v1::SEVERITY_CRITICAL, f.t + 6000), v1::TRANSITION_RAISED));
    f.store.apply(eventBatch(alert("k2", "provider/kakao", v1::SEVERITY_MAJOR, f.t + 7000), v1::TRANSITION_RAISED));
    f.store.apply(eventBatch(alert("q1", "queue", v1::SEVERITY_CRITICAL, f.t + 4000), v1::TRANSITION_ESCALATED));

    QCOMPARE(resets.count(), 0);
    QCOMPARE(moves.count(), 0);
    QCOMPARE(f.groups.groupCount(), 4);
    QCOMPARE(f.key(0), QStringLiteral("provider/kakao"));
    QCOMPARE(f.key(1), QStringLiteral("provider/naver"));
    QCOMPARE(f.key(2), QStringLiteral("queue"));
    QCOMPARE(f.key(3), QStringLiteral("backend"));   // a new group at the end
    QCOMPARE(f.id(0, 0), QStringLiteral("k1"));
    QCOMPARE(f.id(0, 1), QStringLiteral("k2"));      // a new alert at its group's end
    QCOMPARE(f.id(1, 0), QStringLiteral("n1"));
    QCOMPARE(f.id(1, 1), QStringLiteral("n2"));
    QCOMPARE(f.id(1, 2), QStringLiteral("n3"));
    // The selected row kept its index and its selection.
    QVERIFY(held.isValid());
    QCOMPARE(held.row(), 1);
    QCOMPARE(held.parent().row(), 1);
    QCOMPARE(held.data(AlertModel::IdRole).toString(), QStringLiteral("n2"));
    QCOMPARE(f.selection.currentIndex(), QModelIndex(held));
    QVERIFY(f.selection.isRowSelected(1, f.groups.index(1, 0)));
    QCOMPARE(f.selection.selectedRows().size(), 1);
    QCOMPARE(f.selection.selectedRows().front().data(AlertModel::IdRole).toString(), QStringLiteral("n2"));
    // The groups' figures followed.
    QCOMPARE(f.groups.index(1, 0).data(AlertGroupModel::CountRole).toInt(), 3);
    QCOMPARE(f.groups.index(1, 0).data(AlertModel::SeverityRole).toInt(), int(v1::SEVERITY_CRITICAL));
    QCOMPARE(f.groups.index(2, 0).data(AlertModel::SeverityRole).toInt(), int(v1::SEVERITY_CRITICAL));
}

void tst_AlertGroupModel::newFirstOutMovesItsGroupUp()
{
    Flood f;
    // The engine's first out was k1; now it names naver's n2 (a new flood).
    const QPersistentModelIndex q1(f.groups.indexOfAlert(QStringLiteral("q1")));
    f.selection.setCurrentIndex(q1, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    v1::Alert k1 = alert("k1", "provider/kakao", v1::SEVERITY_CRITICAL, f.t + 1000, false);
    f.store.apply(eventBatch(k1, v1::TRANSITION_FLOOD_CHANGED));
    v1::Alert n2 = alert("n2", "provider/naver", v1::SEVERITY_MAJOR, f.t + 3000, true);
    f.store.apply(eventBatch(n2, v1::TRANSITION_FLOOD_CHANGED));
    QCOMPARE(f.key(0), QStringLiteral("provider/naver"));
    QCOMPARE(f.id(0, 0), QStringLiteral("n2"));   // leads its group
    QCOMPARE(f.id(0, 1), QStringLiteral("n1"));
    QCOMPARE(f.key(1), QStringLiteral("provider/kakao"));
    QCOMPARE(f.key(2), QStringLiteral("queue"));
    QVERIFY(f.groups.index(0, 0).data(AlertModel::FirstOutRole).toBool());
    QVERIFY(!f.groups.index(1, 0).data(AlertModel::FirstOutRole).toBool());
    // The selection moved with its row.
    QCOMPARE(f.selection.currentIndex().data(AlertModel::IdRole).toString(), QStringLiteral("q1"));
    QCOMPARE(QModelIndex(q1), f.groups.indexOfAlert(QStringLiteral("q1")));
}

void tst_AlertGroupModel::clearedAndRegrouped()
{
    Flood f;
    const QPersistentModelIndex q1(f.groups.indexOfAlert(QStringLiteral("q1")));
    // n1 clears: its row goes, n2 moves up within naver's group.
    v1::Alert n1 = alert("n1", "provider/naver", v1::SEVERITY_MINOR, f.t + 2000);
    n1.set_state(v1::ALERT_CLEARED);
    f.store.apply(eventBatch(n1, v1::TRANSITION_CLEARED));
    QCOMPARE(f.groups.rowCount(f.groups.index(1, 0)), 1);
    QCOMPARE(f.id(1, 0), QStringLiteral("n2"));
    // The engine regroups q1 under naver: it leaves the queue's group, which goes.
    f.store.apply(eventBatch(alert("q1", "queue", v1::SEVERITY_MAJOR, f.t + 4000, false, "provider/naver"),
                             v1::TRANSITION_FLOOD_CHANGED));
    QCOMPARE(f.groups.groupCount(), 2);
    QCOMPARE(f.id(1, 1), QStringLiteral("q1"));
    QVERIFY(q1.isValid());   // moved, not removed and inserted again
    QCOMPARE(q1.parent().row(), 1);
    QCOMPARE(q1.row(), 1);
    QCOMPARE(f.groups.index(1, 0).data(AlertGroupModel::UnackedRole).toInt(), 2);
    // Acknowledged: still there, one fewer unacknowledged.
    v1::Alert acked = alert("q1", "queue", v1::SEVERITY_MAJOR, f.t + 4000, false, "provider/naver");
    acked.set_state(v1::ALERT_ACTIVE_ACKED);
    f.store.apply(eventBatch(acked, v1::TRANSITION_ACKNOWLEDGED));
    QCOMPARE(f.groups.index(1, 0).data(AlertGroupModel::UnackedRole).toInt(), 1);
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
