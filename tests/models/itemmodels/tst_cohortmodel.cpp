#include "tests/models/SituationFixtures.h"

#include "models/itemmodels/CohortModel.h"
#include "models/situation/SituationStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using sitroom::models::CohortModel;
using sitroom::models::LinkState;
using sitroom::models::SituationStore;
using sitroom::models::TelemetryBatch;
using namespace sitroom;
using namespace sitroom::testing;

using Status = CohortModel::WindowStatus;
Q_DECLARE_METATYPE(CohortModel::WindowStatus)

namespace {

// Configuration order is not opening order: 60s opens last but is listed first.
const std::vector<CohortSpec> kCohorts{{"60s", 1200, 1800}, {"80plus", 0, 600}, {"70s", 600, 1200}};
const std::vector<std::string> kIds{"60s", "80plus", "70s"};

qint64 atMinute(double m) { return kSimStartMs + qint64(m * double(kMinuteMs)); }

} // namespace

class tst_CohortModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void valuesByIdNotOrder();
    void cohortMissingFromState();
    void windows_data();
    void windows();
    void oneDataChangedPerUpdate();
    void layoutChangeResets();
    void namesInTheConsolesLanguage();

private:
    void snapshot(const std::vector<CohortSpec> &cohorts, const std::vector<std::string> &inState, qint64 simMs, int tick = 0);
    void verifyRow(int row, const std::string &id, int tick);

    ConsoleLanguage m_korean{QStringLiteral("ko")};
    FakeClock m_clock;
    std::unique_ptr<SituationStore> m_store;
    std::unique_ptr<CohortModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_CohortModel::init()
{
    m_store = std::make_unique<SituationStore>(nullptr, m_clock.clock());
    m_model = std::make_unique<CohortModel>(*m_store);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_CohortModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_store.reset();
}

void tst_CohortModel::snapshot(const std::vector<CohortSpec> &cohorts, const std::vector<std::string> &inState, qint64 simMs, int t)
{
    TelemetryBatch b = snapshotBatch(makeConfiguration({"naver"}, cohorts), makeState(simMs, {"naver"}, inState, t),
                                     makeHistory(simMs - 10'000, 10), m_clock.now);
    b.link.push_back(linkEvent(LinkState::Live));
    m_store->apply(b);
}

void tst_CohortModel::verifyRow(int row, const std::string &id, int t)
{
    const auto &config = m_store->configuration().cohorts(row);
    QCOMPARE(config.id(), id);
    const quint64 booked = quint64(10 * id.size() + std::size_t(t));
    const auto raw = [&](int column) { return m_model->index(row, column).data(CohortModel::RawValueRole); };
    const QModelIndex name = m_model->index(row, CohortModel::Name);
    QCOMPARE(name.data(CohortModel::IdRole).toString(), QString::fromStdString(id));
    QCOMPARE(raw(CohortModel::Name).toString(), QString::fromStdString(id));
    QCOMPARE(raw(CohortModel::Booked).toULongLong(), booked);
    QCOMPARE(m_model->index(row, CohortModel::Booked).data().toULongLong(), booked);
    QCOMPARE(raw(CohortModel::Eligible).toULongLong(), config.eligible());
    QCOMPARE(raw(CohortModel::Progress).toDouble(), double(booked) / double(config.eligible()));
    QCOMPARE(raw(CohortModel::BookingsPerMinute).toDouble(), 2.5 * double(id.size()) + t);
    QCOMPARE(name.data(CohortModel::WindowOpenMsRole).toLongLong(), config.window_open_ms());
    QCOMPARE(name.data(CohortModel::WindowCloseMsRole).toLongLong(), config.window_close_ms());
    QCOMPARE(name.data(CohortModel::BirthDigitsRole).value<QList<int>>(),
             (QList<int>{int(config.birth_digits(0)), int(config.birth_digits(1))}));
}

void tst_CohortModel::valuesByIdNotOrder()
{
    snapshot(kCohorts, {"70s", "60s", "80plus"}, atMinute(10));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(CohortModel::ColumnCount));
    for (int row = 0; row < 3; ++row)
        verifyRow(row, kIds[std::size_t(row)], 0);
    m_store->apply(tickBatch(makeState(atMinute(11), {"naver"}, {"80plus", "70s", "60s"}, 4), makeHistory(atMinute(11), 1), m_clock.now));
    for (int row = 0; row < 3; ++row)
        verifyRow(row, kIds[std::size_t(row)], 4);
}

void tst_CohortModel::cohortMissingFromState()
{
    snapshot(kCohorts, {"80plus"}, atMinute(10));
    verifyRow(1, "80plus", 0);
    QVERIFY(!m_model->index(0, CohortModel::Booked).data(CohortModel::RawValueRole).isValid());
    QVERIFY(!m_model->index(0, CohortModel::Progress).data(CohortModel::RawValueRole).isValid());
    QVERIFY(!m_model->index(2, CohortModel::BookingsPerMinute).data().isValid());
    QCOMPARE(m_model->index(0, CohortModel::Eligible).data().toULongLong(), quint64(1000));
}

void tst_CohortModel::windows_data()
{
    QTest::addColumn<double>("minute");
    QTest::addColumn<QList<Status>>("statuses"); // rows 60s, 80plus, 70s
    QTest::addColumn<int>("current");
    QTest::newRow("before any") << -10.0 << QList<Status>{Status::Upcoming, Status::Upcoming, Status::Upcoming} << 1;
    QTest::newRow("first opens") << 0.0 << QList<Status>{Status::Upcoming, Status::Open, Status::Upcoming} << 1;
    QTest::newRow("first open") << 300.0 << QList<Status>{Status::Upcoming, Status::Open, Status::Upcoming} << 1;
    QTest::newRow("first closes, second opens") << 600.0 << QList<Status>{Status::Upcoming, Status::Closed, Status::Open} << 2;
    QTest::newRow("last minute of second") << 1199.5 << QList<Status>{Status::Upcoming, Status::Closed, Status::Open} << 2;
    QTest::newRow("third open") << 1500.0 << QList<Status>{Status::Open, Status::Closed, Status::Closed} << 0;
    QTest::newRow("all closed") << 1800.0 << QList<Status>{Status::Closed, Status::Closed, Status::Closed} << -1;
}

void tst_CohortModel::windows()
{
    QFETCH(double, minute);
    QFETCH(QList<Status>, statuses);
    QFETCH(int, current);
    snapshot(kCohorts, kIds, atMinute(minute));
    QCOMPARE(m_model->currentRow(), current);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(m_model->status(row), statuses.at(row));
        QCOMPARE(m_model->index(row, CohortModel::Window).data(CohortModel::RawValueRole).toInt(), int(statuses.at(row)));
        QCOMPARE(m_model->index(row, CohortModel::Name).data(CohortModel::OpenRole).toBool(), statuses.at(row) == Status::Open);
    }
}

void tst_CohortModel::oneDataChangedPerUpdate()
{
    snapshot(kCohorts, kIds, atMinute(100));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    for (int t = 1; t <= 4; ++t) {
        m_store->apply(tickBatch(makeState(atMinute(100 + t), {"naver"}, kIds, t), makeHistory(atMinute(100 + t), 1), m_clock.now));
        QCOMPARE(changed.count(), t);
        QCOMPARE(changed.last().at(0).value<QModelIndex>(), m_model->index(0, 0));
        QCOMPARE(changed.last().at(1).value<QModelIndex>(), m_model->index(2, CohortModel::ColumnCount - 1));
    }
    m_store->apply(linkBatch(LinkState::Failed));
    QCOMPARE(changed.count(), 4);
    snapshot(kCohorts, kIds, atMinute(110), 5);
    QCOMPARE(changed.count(), 5);
    QCOMPARE(reset.count(), 0);
}

void tst_CohortModel::layoutChangeResets()
{
    snapshot(kCohorts, kIds, atMinute(100));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const std::vector<CohortSpec> next{{"80plus", 0, 600}, {"50s", 1800, 2400}};
    snapshot(next, {"50s", "80plus"}, atMinute(100), 2);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    verifyRow(0, "80plus", 2);
    verifyRow(1, "50s", 2);
    QCOMPARE(m_model->currentRow(), 0);
}

void tst_CohortModel::namesInTheConsolesLanguage()
{
    snapshot(kCohorts, kIds, atMinute(100));
    QCOMPARE(m_model->index(1, CohortModel::Name).data().toString(), QStringLiteral("코호트-80plus"));
    {
        const ConsoleLanguage english(QStringLiteral("en"));
        QCOMPARE(m_model->index(1, CohortModel::Name).data().toString(), QStringLiteral("Cohort 80plus"));
    }
    QCOMPARE(m_model->index(2, CohortModel::Name).data().toString(), QStringLiteral("코호트-70s"));
    for (int c = 0; c < CohortModel::ColumnCount; ++c)
        QVERIFY(!m_model->headerData(c, Qt::Horizontal).toString().isEmpty());
}

QTEST_GUILESS_MAIN(tst_CohortModel)
#include "tst_cohortmodel.moc"
