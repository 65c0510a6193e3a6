#include "tests/models/SituationFixtures.h"

#include "models/itemmodels/ProviderModel.h"
#include "models/situation/SituationStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using sitroom::models::LinkState;
using sitroom::models::ProviderModel;
using sitroom::models::SituationStore;
using sitroom::models::TelemetryBatch;
using namespace sitroom;
using namespace sitroom::testing;

namespace {

qint64 sim(qint64 s) { return kSimStartMs + s * 1000; }

const std::vector<std::string> kConfigured{"naver", "kakao", "pass"};

QString q(const std::string &s) { return QString::fromStdString(s); }

} // namespace

class tst_ProviderModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void emptyBeforeSnapshot();
    void valuesByIdNotOrder_data();
    void valuesByIdNotOrder();
    void providerMissingFromState();
    void oneDataChangedPerUpdate();
    void layoutChangeResets();
    void namesInTheConsolesLanguage();
    void headers();

private:
    void snapshot(const std::vector<std::string> &configured, const std::vector<std::string> &inState, int tick = 0);
    void tick(const std::vector<std::string> &inState, int tick);
    void verifyRow(int row, const std::string &id, int tick);

    ConsoleLanguage m_korean{QStringLiteral("ko")};
    FakeClock m_clock;
    std::unique_ptr<SituationStore> m_store;
    std::unique_ptr<ProviderModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_ProviderModel::init()
{
    m_store = std::make_unique<SituationStore>(nullptr, m_clock.clock());
    m_model = std::make_unique<ProviderModel>(*m_store);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_ProviderModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_store.reset();
}

void tst_ProviderModel::snapshot(const std::vector<std::string> &configured, const std::vector<std::string> &inState, int t)
{
    TelemetryBatch b = snapshotBatch(makeConfiguration(configured), makeState(sim(t), inState, {}, t),
                                     makeHistory(sim(0), t + 1), m_clock.now);
    b.link.push_back(linkEvent(LinkState::Live));
    m_store->apply(b);
}

void tst_ProviderModel::tick(const std::vector<std::string> &inState, int t)
{
    m_store->apply(tickBatch(makeState(sim(t), inState, {}, t), makeHistory(sim(t), 1, t), m_clock.now));
}

void tst_ProviderModel::verifyRow(int row, const std::string &id, int t)
{
    v1::ProviderState e;
    fillProvider(&e, id, saltOf(id), t);
    const auto raw = [&](int column) { return m_model->index(row, column).data(ProviderModel::RawValueRole); };
    const auto display = [&](int column) { return m_model->index(row, column).data(Qt::DisplayRole); };
    const QModelIndex name = m_model->index(row, ProviderModel::Name);
    QCOMPARE(name.data(ProviderModel::IdRole).toString(), q(id));
    QCOMPARE(m_model->rowOf(q(id)), row);
    QCOMPARE(name.data().toString(), q("공급자-" + id));   // the console speaks Korean here
    QCOMPARE(raw(ProviderModel::Name).toString(), q(id));
    QCOMPARE(raw(ProviderModel::Light).toInt(), int(e.light()));
    QCOMPARE(display(ProviderModel::Light).toInt(), int(e.light()));
    QCOMPARE(raw(ProviderModel::P95Latency).toDouble(), e.p95_latency_ms());
    QCOMPARE(display(ProviderModel::P95Latency).toDouble(), e.p95_latency_ms());
    QCOMPARE(raw(ProviderModel::SuccessRate).toDouble(), e.success_rate());
    QCOMPARE(raw(ProviderModel::RequestsPerSecond).toDouble(), e.requests_per_s());
    QCOMPARE(raw(ProviderModel::Share).toDouble(), e.share());
    QCOMPARE(raw(ProviderModel::InFlight).toULongLong(), qulonglong(e.in_flight()));
    QCOMPARE(name.data(ProviderModel::LightRole).toInt(), int(e.light()));
    QCOMPARE(name.data(ProviderModel::EnabledRole).toBool(), e.enabled());
    QCOMPARE(name.data(ProviderModel::LightSinceRole).toLongLong(), qint64(e.light_since_ms()));
    // From the configuration (in its order).
    const auto &config = m_store->configuration().providers(row);
    QCOMPARE(config.id(), id);
    QCOMPARE(name.data(ProviderModel::CapacityRole).toDouble(), config.capacity_per_s());
    QCOMPARE(name.data(ProviderModel::SimpleAuthRole).toBool(), config.simple_auth());
}

void tst_ProviderModel::emptyBeforeSnapshot()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(ProviderModel::ColumnCount));
    QCOMPARE(m_model->rowOf(QStringLiteral("naver")), -1);
    m_store->apply(linkBatch(LinkState::Live));
    QCOMPARE(m_model->rowCount(), 0);
}

void tst_ProviderModel::valuesByIdNotOrder_data()
{
    QTest::addColumn<QStringList>("stateOrder");
    QTest::newRow("same order") << QStringList{QStringLiteral("naver"), QStringLiteral("kakao"), QStringLiteral("pass")};
    QTest::newRow("reversed") << QStringList{QStringLiteral("pass"), QStringLiteral("kakao"), QStringLiteral("naver")};
    QTest::newRow("rotated, extra unknown")
        << QStringList{QStringLiteral("kakao"), QStringLiteral("mobile"), QStringLiteral("pass"), QStringLiteral("naver")};
}

void tst_ProviderModel::valuesByIdNotOrder()
{
    QFETCH(QStringList, stateOrder);
    std::vector<std::string> inState;
    for (const QString &id : stateOrder)
        inState.push_back(id.toStdString());
    snapshot(kConfigured, inState);
    QCOMPARE(m_model->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        verifyRow(row, kConfigured[std::size_t(row)], 0);
    for (int t = 1; t <= 3; ++t) {
        std::rotate(inState.begin(), inState.begin() + 1, inState.end()); // order changes tick to tick
        tick(inState, t);
        for (int row = 0; row < 3; ++row)
            verifyRow(row, kConfigured[std::size_t(row)], t);
    }
}

void tst_ProviderModel::providerMissingFromState()
{
    snapshot(kConfigured, {"pass", "naver"});
    QCOMPARE(m_model->rowCount(), 3);
    verifyRow(0, "naver", 0);
    verifyRow(2, "pass", 0);
    const QModelIndex kakao = m_model->index(1, ProviderModel::Light);
    QVERIFY(!kakao.data(ProviderModel::LightRole).isValid());
    QVERIFY(!kakao.data(ProviderModel::RawValueRole).isValid());
    QVERIFY(!m_model->index(1, ProviderModel::P95Latency).data().isValid());
    QVERIFY(!kakao.data(ProviderModel::EnabledRole).isValid());
    QCOMPARE(m_model->index(1, ProviderModel::Name).data().toString(), QStringLiteral("공급자-kakao"));
    // It comes back in the next tick.
    tick(kConfigured, 1);
    verifyRow(1, "kakao", 1);
}

void tst_ProviderModel::oneDataChangedPerUpdate()
{
    snapshot(kConfigured, kConfigured);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    for (int t = 1; t <= 5; ++t) {
        tick(kConfigured, t);
        QCOMPARE(changed.count(), t);
        const QModelIndex topLeft = changed.last().at(0).value<QModelIndex>();
        const QModelIndex bottomRight = changed.last().at(1).value<QModelIndex>();
        QCOMPARE(topLeft, m_model->index(0, 0));
        QCOMPARE(bottomRight, m_model->index(2, ProviderModel::ColumnCount - 1));
    }
    // A heartbeat or a link event is no news for the rows.
    TelemetryBatch heartbeat;
    heartbeat.messages = 1;
    heartbeat.lastMessageMonotonicMs = m_clock.now;
    m_store->apply(heartbeat);
    m_store->apply(linkBatch(LinkState::Failed));
    QCOMPARE(changed.count(), 5);
    // A resync of the same layout: one dataChanged, no reset.
    snapshot(kConfigured, kConfigured, 6);
    QCOMPARE(changed.count(), 6);
    QCOMPARE(reset.count(), 0);
    verifyRow(2, "pass", 6);
}

void tst_ProviderModel::layoutChangeResets()
{
    snapshot(kConfigured, kConfigured);
    QSignalSpy aboutToReset(m_model.get(), &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const std::vector<std::string> next{"mobile", "naver", "certificate", "kakao"};
    snapshot(next, {"kakao", "certificate", "mobile", "naver"}, 1);
    QCOMPARE(aboutToReset.count(), 1);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(changed.count(), 1); // one per store update, the reset included
    QCOMPARE(m_model->rowCount(), 4);
    for (int row = 0; row < 4; ++row)
        verifyRow(row, next[std::size_t(row)], 1);
    QCOMPARE(m_model->rowOf(QStringLiteral("pass")), -1);
    // Fewer providers.
    snapshot({"kakao"}, {"kakao"}, 2);
    QCOMPARE(reset.count(), 2);
    QCOMPARE(m_model->rowCount(), 1);
    verifyRow(0, "kakao", 2);
}

void tst_ProviderModel::namesInTheConsolesLanguage()
{
    snapshot(kConfigured, kConfigured);
    QCOMPARE(m_model->index(0, ProviderModel::Name).data().toString(), QStringLiteral("공급자-naver"));
    {
        // The model keeps no language of its own: it names in the one the console installed.
        const ConsoleLanguage english(QStringLiteral("en"));
        QCOMPARE(m_model->index(0, ProviderModel::Name).data().toString(), QStringLiteral("Provider naver"));
        QCOMPARE(m_model->index(2, ProviderModel::Name).data().toString(), QStringLiteral("Provider pass"));
        // The id is not translated.
        QCOMPARE(m_model->index(2, ProviderModel::Name).data(ProviderModel::RawValueRole).toString(), QStringLiteral("pass"));
        tick(kConfigured, 1); // survives updates
        QCOMPARE(m_model->index(1, ProviderModel::Name).data().toString(), QStringLiteral("Provider kakao"));
    }
    QCOMPARE(m_model->index(1, ProviderModel::Name).data().toString(), QStringLiteral("공급자-kakao"));
    // A live system that names a provider in one language only: that name, whatever the console speaks.
    v1::Configuration config = makeConfiguration(kConfigured);
    config.mutable_providers(0)->mutable_name()->clear_ko();
    m_store->apply(snapshotBatch(config, makeState(sim(2), kConfigured, {}, 2), makeHistory(sim(0), 3), m_clock.now));
    QCOMPARE(m_model->index(0, ProviderModel::Name).data().toString(), QStringLiteral("Provider naver"));
}

void tst_ProviderModel::headers()
{
    for (int c = 0; c < ProviderModel::ColumnCount; ++c)
        QVERIFY(!m_model->headerData(c, Qt::Horizontal).toString().isEmpty());
    QVERIFY(!m_model->headerData(ProviderModel::ColumnCount, Qt::Horizontal).isValid());
    const QHash<int, QByteArray> roles = m_model->roleNames();
    QCOMPARE(roles.value(ProviderModel::IdRole), QByteArray("providerId"));
    QCOMPARE(roles.value(ProviderModel::RawValueRole), QByteArray("rawValue"));
}

QTEST_GUILESS_MAIN(tst_ProviderModel)
#include "tst_providermodel.moc"
