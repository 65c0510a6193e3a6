#include "SituationFixtures.h"

#include "itemmodels/AlertModel.h"
#include "situation/SituationStore.h"

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
    void messagesSwitchLanguage();

private:
    void snapshot(std::vector<v1::Alert> alerts, int second = 10);

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

void tst_AlertModel::messagesSwitchLanguage()
{
    snapshot({makeAlert("kakao", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, kSimStartMs, true),
              makeAlert("naver", v1::SEVERITY_INFO, v1::ALERT_SHELVED, kSimStartMs, false)});
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setEnglishMessages(true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(0, AlertModel::Message));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(1, AlertModel::Message));
    QCOMPARE(m_model->index(1, AlertModel::Message).data().toString(), QStringLiteral("High error rate naver"));
    m_model->setEnglishMessages(false);
    QCOMPARE(m_model->index(1, AlertModel::Message).data().toString(), QStringLiteral("오류율 높음 naver"));
}

QTEST_GUILESS_MAIN(tst_AlertModel)
#include "tst_alertmodel.moc"
