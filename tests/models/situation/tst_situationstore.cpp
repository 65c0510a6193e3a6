// The store's picture and how fresh it is: staleness before data, after
// silence and while not live; runs, backfill and layout changes; one signal
// per batch. Its control side (controls, results, audit, role) is in
// tst_storecontrol, its stale figures and command stages in tst_storefigures.
#include "tests/models/SituationFixtures.h"

#include "models/situation/SituationStore.h"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using sitroom::models::LinkState;
using sitroom::models::SituationStore;
using sitroom::models::TelemetryBatch;
using sitroom::models::TimeSample;
using namespace sitroom;
using namespace sitroom::testing;

Q_DECLARE_METATYPE(sitroom::models::LinkState)

namespace {

const std::vector<std::string> kProviders{"naver", "kakao", "pass"};
const std::vector<CohortSpec> kCohorts{{"80plus", 0, 600}, {"70s", 600, 1200}};
const std::vector<std::string> kCohortIds{"80plus", "70s"};

// sim time of second s of the run
qint64 sim(qint64 s) { return kSimStartMs + s * 1000; }

std::vector<TimeSample> queueSamples(const SituationStore &store)
{
    const auto &ring = store.history();
    const auto span = ring.span(ring.column(QStringLiteral("queue_depth")));
    std::vector<TimeSample> out;
    for (qsizetype i = 0; i < span.size(); ++i)
        out.push_back(span[i]);
    return out;
}

struct Spies
{
    explicit Spies(SituationStore *s)
        : configuration(s, &SituationStore::configurationChanged)
        , state(s, &SituationStore::stateChanged)
        , history(s, &SituationStore::historyChanged)
        , alerts(s, &SituationStore::alertsChanged)
        , link(s, &SituationStore::linkChanged)
        , freshness(s, &SituationStore::freshnessChanged)
    {
    }
    void clear()
    {
        for (QSignalSpy *spy : {&configuration, &state, &history, &alerts, &link, &freshness})
            spy->clear();
    }
    QSignalSpy configuration, state, history, alerts, link, freshness;
};

} // namespace

class tst_SituationStore : public QObject
{
    Q_OBJECT

private slots:
    void staleBeforeAnyData();
    void freshAfterLiveAndSnapshot_data();
    void freshAfterLiveAndSnapshot();
    void staleAfterSilence();
    void notLiveIsStale_data();
    void notLiveIsStale();
    void linkOnlyBatchKeepsMessageTime();
    void newRunClearsHistory_data();
    void newRunClearsHistory();
    void sameRunMergesBackfill();
    void configurationChangedOnLayoutOnly_data();
    void configurationChangedOnLayoutOnly();
    void signalsPerBatch();
    void tickUpdatesStateAndHistory();

private:
    // A store that is Live with a snapshot of the default run at sim second 10
    // (backfill 0..9) received at clock.now.
    void makeLive(SituationStore &store, FakeClock &clock, const v1::Configuration &config);
};

void tst_SituationStore::makeLive(SituationStore &store, FakeClock &clock, const v1::Configuration &config)
{
    TelemetryBatch b = snapshotBatch(config, makeState(sim(9), kProviders, kCohortIds), makeHistory(sim(0), 10), clock.now);
    b.link.push_back(linkEvent(LinkState::Live));
    store.apply(b);
}

void tst_SituationStore::staleBeforeAnyData()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    QSignalSpy freshness(&store, &SituationStore::freshnessChanged);
    QSignalSpy age(&store, &SituationStore::ageChanged);
    QVERIFY(store.isStale());
    QCOMPARE(store.ageMs(), qint64(-1));
    QVERIFY(!store.hasSnapshot());
    QCOMPARE(store.roundTripMs(), -1);
    store.checkFreshness();
    QVERIFY(store.isStale());
    QCOMPARE(freshness.count(), 0);
    QCOMPARE(age.count(), 1);
    QCOMPARE(age.at(0).at(0).toLongLong(), qint64(-1));

    // Live but no snapshot yet: still stale, and no message yet.
    store.apply(linkBatch(LinkState::Live));
    QVERIFY(store.isStale());
    QCOMPARE(store.ageMs(), qint64(-1));
    QCOMPARE(freshness.count(), 0);
}

void tst_SituationStore::freshAfterLiveAndSnapshot_data()
{
    QTest::addColumn<bool>("sameBatch");
    QTest::newRow("link and snapshot in one batch") << true;
    QTest::newRow("link, then snapshot") << false;
}

void tst_SituationStore::freshAfterLiveAndSnapshot()
{
    QFETCH(bool, sameBatch);
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    QSignalSpy freshness(&store, &SituationStore::freshnessChanged);
    store.apply(linkBatch(LinkState::Connecting));
    store.apply(linkBatch(LinkState::Handshaking));
    TelemetryBatch b = snapshotBatch(makeConfiguration(kProviders), makeState(sim(9), kProviders),
                                     makeHistory(sim(0), 10), clock.now);
    if (sameBatch)
        b.link.push_back(linkEvent(LinkState::Live));
    else
        store.apply(linkBatch(LinkState::Live));
    QVERIFY(store.isStale());
    store.apply(b);
    QVERIFY(!store.isStale());
    QVERIFY(store.hasSnapshot());
    QCOMPARE(store.ageMs(), qint64(0));
    QCOMPARE(freshness.count(), 1);
    QCOMPARE(freshness.at(0).at(0).toBool(), false);
    store.checkFreshness();
    QCOMPARE(freshness.count(), 1);
}

void tst_SituationStore::staleAfterSilence()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    makeLive(store, clock, makeConfiguration(kProviders));
    QSignalSpy freshness(&store, &SituationStore::freshnessChanged);
    QSignalSpy age(&store, &SituationStore::ageChanged);

    clock.now += 2999;
    store.checkFreshness();
    QVERIFY(!store.isStale());
    QCOMPARE(store.ageMs(), qint64(2999));
    QCOMPARE(freshness.count(), 0);
    QCOMPARE(age.last().at(0).toLongLong(), qint64(2999));

    clock.now += 2; // 3001 ms since the last message
    store.checkFreshness();
    QVERIFY(store.isStale());
    QCOMPARE(store.ageMs(), qint64(3001));
    QCOMPARE(freshness.count(), 1);
    QCOMPARE(freshness.at(0).at(0).toBool(), true);
    store.checkFreshness();
    QCOMPARE(freshness.count(), 1); // told once, not every check

    // A new message: fresh again.
    store.apply(tickBatch(makeState(sim(10), kProviders), makeHistory(sim(10), 1), clock.now));
    QVERIFY(!store.isStale());
    QCOMPARE(store.ageMs(), qint64(0));
    QCOMPARE(freshness.count(), 2);
    QCOMPARE(freshness.at(1).at(0).toBool(), false);
}

void tst_SituationStore::notLiveIsStale_data()
{
    QTest::addColumn<LinkState>("state");
    QTest::newRow("failed") << LinkState::Failed;
    QTest::newRow("refused") << LinkState::Refused;
    QTest::newRow("connecting") << LinkState::Connecting;
    QTest::newRow("stopped") << LinkState::Stopped;
}

void tst_SituationStore::notLiveIsStale()
{
    QFETCH(LinkState, state);
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    makeLive(store, clock, makeConfiguration(kProviders));
    QVERIFY(!store.isStale());
    QSignalSpy freshness(&store, &SituationStore::freshnessChanged);
    QSignalSpy link(&store, &SituationStore::linkChanged);
    clock.now += 10; // the last message is recent
    store.apply(linkBatch(state));
    QVERIFY(store.isStale());
    QCOMPARE(store.link().state, state);
    QCOMPARE(link.count(), 1);
    QCOMPARE(freshness.count(), 1);
    QCOMPARE(freshness.at(0).at(0).toBool(), true);
    QCOMPARE(store.ageMs(), qint64(10));
}

void tst_SituationStore::linkOnlyBatchKeepsMessageTime()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    makeLive(store, clock, makeConfiguration(kProviders));
    const qint64 serverTime = store.lastServerTimeMs();
    QCOMPARE(serverTime, sim(9));
    clock.now += 1000;
    store.apply(linkBatch(LinkState::Live));
    QCOMPARE(store.ageMs(), qint64(1000));
    QCOMPARE(store.lastServerTimeMs(), serverTime);
    clock.now += 2001;
    store.apply(linkBatch(LinkState::Live));
    QVERIFY(store.isStale()); // link events are not news from the live system
}

void tst_SituationStore::newRunClearsHistory_data()
{
    QTest::addColumn<QByteArray>("scenario");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<qint64>("simStartMs");
    QTest::newRow("other scenario") << QByteArray("day-two") << quint64(7) << kSimStartMs;
    QTest::newRow("other seed") << QByteArray("day-one") << quint64(8) << kSimStartMs;
    QTest::newRow("other start") << QByteArray("day-one") << quint64(7) << kSimStartMs - 3'600'000;
}

void tst_SituationStore::newRunClearsHistory()
{
    QFETCH(QByteArray, scenario);
    QFETCH(quint64, seed);
    QFETCH(qint64, simStartMs);
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    makeLive(store, clock, makeConfiguration(kProviders, kCohorts));
    QCOMPARE(store.sessionOriginMs(), sim(9));
    store.apply(tickBatch(makeState(sim(14), kProviders), makeHistory(sim(10), 5, 10), clock.now));
    QCOMPARE(store.history().size(), std::size_t(15));
    QCOMPARE(store.sessionOriginMs(), sim(9));

    // The new run's clock overlaps the old one's: nothing of the old may remain.
    Spies spies(&store);
    clock.now += 100;
    const v1::Configuration other = makeConfiguration(kProviders, kCohorts, scenario.toStdString(), seed, simStartMs);
    store.apply(snapshotBatch(other, makeState(sim(5), kProviders), makeHistory(sim(-3), 9, 1000), clock.now));
    QCOMPARE(store.sessionOriginMs(), sim(5));
    QCOMPARE(store.history().size(), std::size_t(9));
    QCOMPARE(store.history().firstTimeMs(), sim(-3));
    QCOMPARE(store.history().lastTimeMs(), sim(5));
    const std::vector<TimeSample> samples = queueSamples(store);
    QCOMPARE(samples.size(), std::size_t(9));
    for (std::size_t i = 0; i < samples.size(); ++i) {
        QCOMPARE(samples[i].timeMs, sim(-3 + qint64(i)));
        QCOMPARE(samples[i].value, float(1000 + i));
    }
    QCOMPARE(store.configuration().scenario_id(), scenario.toStdString());
    QCOMPARE(spies.history.count(), 1);
    QCOMPARE(spies.configuration.count(), 0); // same providers and cohorts
}

void tst_SituationStore::sameRunMergesBackfill()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    const v1::Configuration config = makeConfiguration(kProviders, kCohorts);
    makeLive(store, clock, config);                                           // seconds 0..9
    store.apply(tickBatch(makeState(sim(14), kProviders), makeHistory(sim(10), 5, 10), clock.now)); // 10..14
    store.apply(linkBatch(LinkState::Failed));
    QVERIFY(store.isStale());

    // Reconnected 15 s later: the backfill covers 0..29 with other values.
    clock.now += 15'000;
    Spies spies(&store);
    TelemetryBatch b = snapshotBatch(config, makeState(sim(29), kProviders), makeHistory(sim(0), 30, 1000), clock.now);
    b.link.push_back(linkEvent(LinkState::Live));
    store.apply(b);
    QVERIFY(!store.isStale());
    QCOMPARE(store.sessionOriginMs(), sim(9));
    const std::vector<TimeSample> samples = queueSamples(store);
    QCOMPARE(samples.size(), std::size_t(30));
    for (std::size_t i = 0; i < samples.size(); ++i) {
        QCOMPARE(samples[i].timeMs, sim(qint64(i)));
        // What we held stays; the gap is filled from the backfill.
        QCOMPARE(samples[i].value, i < 15 ? float(i) : float(1000 + i));
    }
    QCOMPARE(spies.configuration.count(), 0);
    QCOMPARE(spies.history.count(), 1);
    QCOMPARE(spies.freshness.count(), 1);
}

void tst_SituationStore::configurationChangedOnLayoutOnly_data()
{
    QTest::addColumn<QStringList>("providers");
    QTest::addColumn<QStringList>("cohorts");
    QTest::addColumn<bool>("otherRun");
    QTest::addColumn<bool>("otherNames");
    QTest::addColumn<int>("expected");
    const QStringList p{QStringLiteral("naver"), QStringLiteral("kakao"), QStringLiteral("pass")};
    const QStringList c{QStringLiteral("80plus"), QStringLiteral("70s")};
    QTest::newRow("same layout") << p << c << false << false << 0;
    QTest::newRow("same layout, other names and capacities") << p << c << false << true << 0;
    QTest::newRow("same layout, other run") << p << c << true << false << 0;
    QTest::newRow("provider added") << (p + QStringList{QStringLiteral("mobile")}) << c << false << false << 1;
    QTest::newRow("provider removed") << p.mid(0, 2) << c << false << false << 1;
    QTest::newRow("providers reordered")
        << QStringList{QStringLiteral("kakao"), QStringLiteral("naver"), QStringLiteral("pass")} << c << false << false << 1;
    QTest::newRow("provider replaced")
        << QStringList{QStringLiteral("naver"), QStringLiteral("kakao"), QStringLiteral("mobile")} << c << false << false << 1;
    QTest::newRow("cohort added") << p << (c + QStringList{QStringLiteral("60s")}) << false << false << 1;
    QTest::newRow("cohort replaced") << p << QStringList{QStringLiteral("80plus"), QStringLiteral("60s")} << false << false << 1;
}

void tst_SituationStore::configurationChangedOnLayoutOnly()
{
    QFETCH(QStringList, providers);
    QFETCH(QStringList, cohorts);
    QFETCH(bool, otherRun);
    QFETCH(bool, otherNames);
    QFETCH(int, expected);
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    QSignalSpy configuration(&store, &SituationStore::configurationChanged);
    makeLive(store, clock, makeConfiguration(kProviders, kCohorts));
    QCOMPARE(configuration.count(), 1); // the first snapshot always

    std::vector<std::string> p;
    for (const QString &id : providers)
        p.push_back(id.toStdString());
    std::vector<CohortSpec> c;
    for (const QString &id : cohorts)
        c.push_back({id.toStdString(), 0, 60});
    v1::Configuration next = makeConfiguration(p, c, "day-one", otherRun ? 99 : 7);
    if (otherNames) {
        for (auto &provider : *next.mutable_providers()) {
            provider.mutable_name()->set_en("renamed");
            provider.set_capacity_per_s(1);
        }
    }
    configuration.clear();
    store.apply(snapshotBatch(next, makeState(sim(20), p), makeHistory(sim(10), 11), clock.now));
    QCOMPARE(configuration.count(), expected);
    QCOMPARE(store.configuration().providers_size(), int(p.size()));
}

void tst_SituationStore::signalsPerBatch()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    Spies spies(&store);

    // A snapshot with samples after it, in one batch: each listener told once.
    TelemetryBatch b = snapshotBatch(makeConfiguration(kProviders), makeState(sim(9), kProviders),
                                     makeHistory(sim(0), 10), clock.now);
    b.link.push_back(linkEvent(LinkState::Live));
    b.samples = makeHistory(sim(10), 2, 10);
    b.state = makeState(sim(11), kProviders);
    store.apply(b);
    QCOMPARE(spies.configuration.count(), 1);
    QCOMPARE(spies.state.count(), 1);
    QCOMPARE(spies.history.count(), 1);
    QCOMPARE(spies.alerts.count(), 1);
    QCOMPARE(spies.link.count(), 1);
    QCOMPARE(spies.freshness.count(), 1);
    QCOMPARE(store.history().size(), std::size_t(12));
    QCOMPARE(store.state().sim_time_ms(), sim(11)); // the tick's state on top of the snapshot's

    // A tick with state and samples.
    spies.clear();
    store.apply(tickBatch(makeState(sim(12), kProviders), makeHistory(sim(12), 1, 12), clock.now));
    QCOMPARE(spies.configuration.count(), 0);
    QCOMPARE(spies.state.count(), 1);
    QCOMPARE(spies.history.count(), 1);
    QCOMPARE(spies.alerts.count(), 0);
    QCOMPARE(spies.link.count(), 0);
    QCOMPARE(spies.freshness.count(), 0);

    // A tick without completed seconds: no history news.
    spies.clear();
    store.apply(tickBatch(makeState(sim(12) + 500, kProviders), v1::History(), clock.now));
    QCOMPARE(spies.state.count(), 1);
    QCOMPARE(spies.history.count(), 0);

    // A heartbeat-only batch: nothing but freshness bookkeeping.
    spies.clear();
    TelemetryBatch heartbeat;
    heartbeat.messages = 1;
    heartbeat.lastMessageMonotonicMs = clock.now;
    heartbeat.roundTripMs = 42;
    store.apply(heartbeat);
    QCOMPARE(spies.state.count(), 0);
    QCOMPARE(spies.history.count(), 0);
    QCOMPARE(spies.link.count(), 0);
    QCOMPARE(store.roundTripMs(), 42);

    // Link events only.
    spies.clear();
    store.apply(linkBatch(LinkState::Live));
    QCOMPARE(spies.link.count(), 1);
    QCOMPARE(spies.state.count(), 0);
    QCOMPARE(spies.history.count(), 0);
    QCOMPARE(spies.configuration.count(), 0);
}

void tst_SituationStore::tickUpdatesStateAndHistory()
{
    FakeClock clock;
    SituationStore store(nullptr, clock.clock());
    makeLive(store, clock, makeConfiguration(kProviders));
    // Samples with a hole (the worker lost seconds 12..13) and an overlap.
    store.apply(tickBatch(makeState(sim(11), kProviders), makeHistory(sim(8), 4, 8), clock.now));
    store.apply(tickBatch(makeState(sim(15), kProviders), makeHistory(sim(14), 2, 14), clock.now));
    QCOMPARE(store.state().sim_time_ms(), sim(15));
    const std::vector<TimeSample> samples = queueSamples(store);
    QCOMPARE(samples.size(), std::size_t(16));
    for (std::size_t i = 0; i < samples.size(); ++i) {
        QCOMPARE(samples[i].timeMs, sim(qint64(i)));
        if (i == 12 || i == 13)
            QVERIFY(std::isnan(samples[i].value));
        else
            QCOMPARE(samples[i].value, float(i));
    }
}

QTEST_GUILESS_MAIN(tst_SituationStore)
#include "tst_situationstore.moc"
