#include "tests/models/SituationFixtures.h"

#include "models/itemmodels/AlertModel.h"
#include "models/situation/SituationStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using sitroom::models::AlertModel;
using sitroom::models::LinkState;
using sitroom::models::SituationStore;
using sitroom::models::TelemetryBatch;
using namespace sitroom;
using namespace sitroom::testing;

namespace {

const std::vector<std::string> kProviders{"naver", "kakao"};

v1::Alert makeAlert(const std::string &id, v1::Severity severity, v1::AlertState state, qint64 raisedMs, bool firstOut)
{
    v1::Alert a;
    a.set_id(id);
    a.set_key("provider.error_rate/" + id);
    a.set_severity(severity);
    a.set_state(state);
    a.set_source("provider/" + id);
    a.mutable_message()->set_ko("오류율 높음 " + id);
    a.mutable_message()->set_en("High error rate " + id);
    a.set_runbook("runbooks/" + id + ".md");
    a.set_raised_ms(raisedMs);
    a.set_first_out(firstOut);
    return a;
}

} // namespace

class tst_AlertModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rowsFromSnapshot();
    void ticksLeaveAlertsAlone();
    void messagesInTheConsolesLanguage();
    void eventsChangeSingleRows_data();
    void eventsChangeSingleRows();
    void escalationMovesTheRow();
    void clearedRemovesAndUnknownClearIsIgnored();
    void eventsAfterSnapshotInOneBatch();
    void alarmLoadFromTicksAndEvents();

private:
    void sendEvent(const v1::Alert &alert, v1::AlertTransition transition, v1::AlertState previous = v1::ALERT_STATE_UNSPECIFIED,
               quint32 last10 = 1, bool flood = false);
    void snapshot(std::vector<v1::Alert> alerts, int second = 10);

    ConsoleLanguage m_korean{QStringLiteral("ko")};
    FakeClock m_clock;
    std::unique_ptr<SituationStore> m_store;
    std::unique_ptr<AlertModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_AlertModel::init()
{
    m_store = std::make_unique<SituationStore>(nullptr, m_clock.clock());
    m_model = std::make_unique<AlertModel>(*m_store);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_AlertModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_store.reset();
}

void tst_AlertModel::snapshot(std::vector<v1::Alert> alerts, int second)
{
    const qint64 now = kSimStartMs + second * 1000;
    TelemetryBatch b = snapshotBatch(makeConfiguration(kProviders), makeState(now, kProviders),
                                     makeHistory(now - 5000, 5), m_clock.now, std::move(alerts));
    b.link.push_back(linkEvent(LinkState::Live));
    m_store->apply(b);
}

void tst_AlertModel::sendEvent(const v1::Alert &alert, v1::AlertTransition transition, v1::AlertState previous,
                           quint32 last10, bool flood)
{
    TelemetryBatch b;
    v1::Envelope e;
    v1::AlertEvent *ev = e.mutable_alert_event();
    *ev->mutable_alert() = alert;
    ev->set_transition(transition);
    ev->set_previous_state(previous);
    ev->set_alerts_last_10min(last10);
    ev->set_flood(flood);
    ev->mutable_actor()->set_user("system");
    b.events.push_back(e);
    b.messages = 1;
    b.lastMessageMonotonicMs = m_clock.now;
    m_store->apply(b);
}

void tst_AlertModel::rowsFromSnapshot()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(AlertModel::ColumnCount));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    snapshot({makeAlert("kakao", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs + 1000, true),
              makeAlert("naver", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_ACKED, kSimStartMs + 2000, false)});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) { return m_model->index(row, column).data(role); };
    QCOMPARE(cell(0, AlertModel::Severity).toInt(), int(v1::SEVERITY_MAJOR));
    QCOMPARE(cell(0, AlertModel::Raised).toLongLong(), kSimStartMs + 1000);
    QCOMPARE(cell(0, AlertModel::Source).toString(), QStringLiteral("provider/kakao"));
    QCOMPARE(cell(0, AlertModel::Message).toString(), QStringLiteral("오류율 높음 kakao"));
    QCOMPARE(cell(0, AlertModel::State).toInt(), int(v1::ALERT_ACTIVE_UNACKED));
    QCOMPARE(cell(0, AlertModel::Raised, AlertModel::RawValueRole).toLongLong(), kSimStartMs + 1000);
    QCOMPARE(cell(0, 0, AlertModel::IdRole).toString(), QStringLiteral("kakao"));
    QCOMPARE(cell(0, 0, AlertModel::KeyRole).toString(), QStringLiteral("provider.error_rate/kakao"));
    QCOMPARE(cell(0, 0, AlertModel::SeverityRole).toInt(), int(v1::SEVERITY_MAJOR));
    QCOMPARE(cell(0, 0, AlertModel::StateRole).toInt(), int(v1::ALERT_ACTIVE_UNACKED));
    QCOMPARE(cell(0, 0, AlertModel::RunbookRole).toString(), QStringLiteral("runbooks/kakao.md"));
    QCOMPARE(cell(0, 0, AlertModel::FirstOutRole).toBool(), true);
    QCOMPARE(cell(1, AlertModel::Severity).toInt(), int(v1::SEVERITY_MINOR));
    QCOMPARE(cell(1, AlertModel::State, AlertModel::RawValueRole).toInt(), int(v1::ALERT_ACTIVE_ACKED));
    QCOMPARE(cell(1, 0, AlertModel::FirstOutRole).toBool(), false);
    QCOMPARE(cell(1, 0, AlertModel::IdRole).toString(), QStringLiteral("naver"));

    // The next snapshot replaces the list.
    snapshot({makeAlert("pass", v1::SEVERITY_CRITICAL, v1::ALERT_RTN_UNACKED, kSimStartMs + 9000, false)}, 20);
    QCOMPARE(reset.count(), 2);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(cell(0, 0, AlertModel::IdRole).toString(), QStringLiteral("pass"));
    QCOMPARE(cell(0, AlertModel::Severity).toInt(), int(v1::SEVERITY_CRITICAL));
    snapshot({}, 30);
    QCOMPARE(m_model->rowCount(), 0);
    for (int c = 0; c < AlertModel::ColumnCount; ++c)
        QVERIFY(!m_model->headerData(c, Qt::Horizontal).toString().isEmpty());
}

void tst_AlertModel::ticksLeaveAlertsAlone()
{
    snapshot({makeAlert("kakao", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs, true)});
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    for (int s = 11; s < 15; ++s) {
        const qint64 t = kSimStartMs + s * 1000;
        m_store->apply(tickBatch(makeState(t, kProviders), makeHistory(t, 1), m_clock.now));
    }
    m_store->apply(linkBatch(LinkState::Failed));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_model->rowCount(), 1);
}

void tst_AlertModel::messagesInTheConsolesLanguage()
{
    snapshot({makeAlert("kakao", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs, true),
              makeAlert("naver", v1::SEVERITY_INFO, v1::ALERT_SHELVED, kSimStartMs, false)});
    QCOMPARE(m_model->index(1, AlertModel::Message).data().toString(), QStringLiteral("오류율 높음 naver"));
    {
        const ConsoleLanguage english(QStringLiteral("en"));
        QCOMPARE(m_model->index(1, AlertModel::Message).data().toString(), QStringLiteral("High error rate naver"));
    }
    QCOMPARE(m_model->index(1, AlertModel::Message).data().toString(), QStringLiteral("오류율 높음 naver"));
}

void tst_AlertModel::eventsChangeSingleRows_data()
{
    QTest::addColumn<int>("transition");
    QTest::addColumn<int>("previous");
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("removed");
    QTest::newRow("acknowledged") << int(v1::TRANSITION_ACKNOWLEDGED) << int(v1::ALERT_ACTIVE_UNACKED) << int(v1::ALERT_ACTIVE_ACKED) << false;
    QTest::newRow("returned") << int(v1::TRANSITION_RETURNED) << int(v1::ALERT_ACTIVE_UNACKED) << int(v1::ALERT_RTN_UNACKED) << false;
    QTest::newRow("reactivated") << int(v1::TRANSITION_REACTIVATED) << int(v1::ALERT_RTN_UNACKED) << int(v1::ALERT_ACTIVE_UNACKED) << false;
    QTest::newRow("shelved") << int(v1::TRANSITION_SHELVED_BY_HAND) << int(v1::ALERT_ACTIVE_UNACKED) << int(v1::ALERT_SHELVED) << false;
    QTest::newRow("unshelved") << int(v1::TRANSITION_UNSHELVED_BY_HAND) << int(v1::ALERT_SHELVED) << int(v1::ALERT_ACTIVE_ACKED) << false;
    QTest::newRow("shelf expired") << int(v1::TRANSITION_SHELF_EXPIRED) << int(v1::ALERT_SHELVED) << int(v1::ALERT_ACTIVE_UNACKED) << false;
    QTest::newRow("flood changed") << int(v1::TRANSITION_FLOOD_CHANGED) << int(v1::ALERT_ACTIVE_UNACKED) << int(v1::ALERT_ACTIVE_UNACKED) << false;
    QTest::newRow("cleared") << int(v1::TRANSITION_CLEARED) << int(v1::ALERT_ACTIVE_ACKED) << int(v1::ALERT_CLEARED) << true;
}

void tst_AlertModel::eventsChangeSingleRows()
{
    QFETCH(int, transition);
    QFETCH(int, previous);
    QFETCH(int, state);
    QFETCH(bool, removed);
    snapshot({makeAlert("kakao", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs + 1000, false),
              makeAlert("naver", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs + 2000, false)});
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy removedRows(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy storeEvents(m_store.get(), &SituationStore::alertEvent);

    // A new alert goes where it sorts: a critical above both.
    sendEvent(makeAlert("pass", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, kSimStartMs + 3000, false), v1::TRANSITION_RAISED);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_store->alerts().size(), std::size_t(3));
    QCOMPARE(m_model->index(0, 0).data(AlertModel::IdRole).toString(), QStringLiteral("pass"));

    v1::Alert naver = makeAlert("naver", v1::SEVERITY_MINOR, v1::AlertState(state), kSimStartMs + 2000, false);
    naver.set_first_out(transition == v1::TRANSITION_FLOOD_CHANGED);
    naver.mutable_acknowledged_by()->set_user("park");
    sendEvent(naver, v1::AlertTransition(transition), v1::AlertState(previous));
    QCOMPARE(storeEvents.count(), 2);
    QCOMPARE(reset.count(), 0);
    if (removed) {
        QCOMPARE(removedRows.count(), 1);
        QCOMPARE(removedRows.at(0).at(1).toInt(), 2);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->rowOf(QStringLiteral("naver")), -1);
        QVERIFY(!m_store->alert(QStringLiteral("naver")));
    } else {
        QCOMPARE(removedRows.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(m_model->index(2, AlertModel::State).data().toInt(), state);
        QCOMPARE(m_model->index(2, 0).data(AlertModel::FirstOutRole).toBool(), transition == v1::TRANSITION_FLOOD_CHANGED);
        QCOMPARE(m_store->alert(QStringLiteral("naver"))->state(), v1::AlertState(state));
    }
}

void tst_AlertModel::escalationMovesTheRow()
{
    snapshot({makeAlert("kakao", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs + 1000, false),
              makeAlert("naver", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_ACKED, kSimStartMs + 2000, false),
              makeAlert("pass", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs + 500, false)});
    // Severity first, then newest first among equals.
    QCOMPARE(m_model->index(1, 0).data(AlertModel::IdRole).toString(), QStringLiteral("naver"));
    QCOMPARE(m_model->index(2, 0).data(AlertModel::IdRole).toString(), QStringLiteral("pass"));
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    sendEvent(makeAlert("pass", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, kSimStartMs + 500, false),
          v1::TRANSITION_ESCALATED, v1::ALERT_ACTIVE_UNACKED);
    QCOMPARE(moved.count(), 1);
    QStringList order;
    for (int r = 0; r < m_model->rowCount(); ++r)
        order << m_model->index(r, 0).data(AlertModel::IdRole).toString();
    QCOMPARE(order, QStringList({QStringLiteral("pass"), QStringLiteral("kakao"), QStringLiteral("naver")}));
    // And down again when an acknowledgement drops the latch to the active level.
    sendEvent(makeAlert("pass", v1::SEVERITY_INFO, v1::ALERT_ACTIVE_ACKED, kSimStartMs + 500, false),
          v1::TRANSITION_ACKNOWLEDGED, v1::ALERT_ACTIVE_UNACKED);
    QCOMPARE(moved.count(), 2);
    QCOMPARE(m_model->index(2, 0).data(AlertModel::IdRole).toString(), QStringLiteral("pass"));
    QCOMPARE(m_model->rowCount(), 3);
}

void tst_AlertModel::clearedRemovesAndUnknownClearIsIgnored()
{
    snapshot({makeAlert("kakao", v1::SEVERITY_MAJOR, v1::ALERT_RTN_UNACKED, kSimStartMs, false)});
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    sendEvent(makeAlert("ghost", v1::SEVERITY_MAJOR, v1::ALERT_CLEARED, kSimStartMs, false), v1::TRANSITION_CLEARED);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(m_model->rowCount(), 1);
    sendEvent(makeAlert("kakao", v1::SEVERITY_MAJOR, v1::ALERT_CLEARED, kSimStartMs, false), v1::TRANSITION_CLEARED,
          v1::ALERT_RTN_UNACKED);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_store->alerts().empty());
}

void tst_AlertModel::eventsAfterSnapshotInOneBatch()
{
    const qint64 now = kSimStartMs + 10000;
    TelemetryBatch b = snapshotBatch(makeConfiguration(kProviders), makeState(now, kProviders),
                                     makeHistory(now - 5000, 5), m_clock.now,
                                     {makeAlert("kakao", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs, false)});
    v1::Envelope e;
    *e.mutable_alert_event()->mutable_alert() = makeAlert("naver", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED, now, false);
    e.mutable_alert_event()->set_transition(v1::TRANSITION_RAISED);
    b.events.push_back(e);
    m_store->apply(b);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_store->alerts().size(), std::size_t(2));
}

void tst_AlertModel::alarmLoadFromTicksAndEvents()
{
    snapshot({});
    QCOMPARE(m_store->alertsLast10min(), 0u);
    QSignalSpy load(m_store.get(), &SituationStore::alarmLoadChanged);
    sendEvent(makeAlert("kakao", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs, false), v1::TRANSITION_RAISED,
          v1::ALERT_STATE_UNSPECIFIED, 12, true);
    QCOMPARE(load.count(), 1);
    QCOMPARE(m_store->alertsLast10min(), 12u);
    QVERIFY(m_store->alertFlood());
    v1::SystemState s = makeState(kSimStartMs + 20000, kProviders);
    s.set_alerts_last_10min(3);
    s.set_alert_flood(false);
    m_store->apply(tickBatch(s, makeHistory(kSimStartMs + 20000, 1), m_clock.now));
    QCOMPARE(load.count(), 2);
    QCOMPARE(m_store->alertsLast10min(), 3u);
    QVERIFY(!m_store->alertFlood());
    m_store->apply(tickBatch(s, makeHistory(kSimStartMs + 21000, 1), m_clock.now));
    QCOMPARE(load.count(), 2);  // unchanged: no signal
}

QTEST_GUILESS_MAIN(tst_AlertModel)
#include "tst_alertmodel.moc"
