// The store's stale figures (which, why, set and cleared) and its command
// stages (latest per command_id, never backwards, from the snapshot, results
// and CommandProgress events).
#include "tests/models/SituationFixtures.h"

#include "tests/support/CommandProgressFixtures.h"

#include <QSignalSpy>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::models::SituationStore;
using sitroom::models::StaleFigureReason;

class tst_StoreFigures : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock;

    void start(SituationStore &store, const v1::SystemState &state, v1::Snapshot *extra = nullptr)
    {
        store.apply(linkBatch(models::LinkState::Live));
        models::TelemetryBatch b = snapshotBatch(makeConfiguration({"kakao", "naver"}, {{"c1", 0, 60}}), state, {},
                                                 m_clock.now);
        if (extra)
            b.snapshot->MergeFrom(*extra);
        store.apply(b);
    }

private slots:
    void staleFiguresSetAndCleared()
    {
        SituationStore store(nullptr, m_clock.clock());
        QSignalSpy changed(&store, &SituationStore::staleFiguresChanged);
        v1::SystemState s = makeState(kSimStartMs, {"kakao", "naver"}, {"c1"});
        addStale(&s, "queue_depth");
        addStale(&s, "provider.kakao.p95_latency_ms", v1::STALE_TARGET_DOWN);
        addStale(&s, "provider.kakao.light", v1::STALE_NO_DATA);
        start(store, s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.staleFigures().size(), std::size_t(3));
        QVERIFY(store.isFigureStale(QStringLiteral("queue_depth")));
        QVERIFY(!store.isFigureStale(QStringLiteral("arrivals_per_s")));
        const models::StaleFigure *p95 = store.staleFigure(QStringLiteral("provider.kakao.p95_latency_ms"));
        QVERIFY(p95);
        QCOMPARE(p95->reason, StaleFigureReason::TargetDown);
        QVERIFY(p95->detail.contains(QStringLiteral("connection refused")));
        QCOMPARE(store.staleFiguresUnder(QStringLiteral("provider.kakao.")).size(), std::size_t(2));
        QVERIFY(store.staleFiguresUnder(QStringLiteral("provider.naver.")).empty());
        // The value stays in the state: the store says it is old, not gone.
        QCOMPARE(store.state().providers_size(), 2);

        // The same set again is not news.
        store.apply(tickBatch(s, {}, ++m_clock.now));
        QCOMPARE(changed.count(), 1);

        // One reason changes, one figure recovers.
        v1::SystemState next = makeState(kSimStartMs + 1000, {"kakao", "naver"}, {"c1"});
        addStale(&next, "queue_depth", v1::STALE_QUERY_FAILED);
        store.apply(tickBatch(next, {}, ++m_clock.now));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(store.staleFigures().size(), std::size_t(1));
        QCOMPARE(store.staleFigure(QStringLiteral("queue_depth"))->reason, StaleFigureReason::QueryFailed);

        // All live again.
        store.apply(tickBatch(makeState(kSimStartMs + 2000, {"kakao", "naver"}, {"c1"}), {}, ++m_clock.now));
        QCOMPARE(changed.count(), 3);
        QVERIFY(store.staleFigures().empty());
        QVERIFY(!store.isFigureStale(QStringLiteral("queue_depth")));
    }

    void sourceFromConfiguration()
    {
        SituationStore store(nullptr, m_clock.clock());
        QVERIFY(store.source().isEmpty());
        v1::Snapshot extra;
        extra.mutable_configuration()->set_source("prometheus:http://127.0.0.1:9090");
        start(store, makeState(kSimStartMs, {"kakao", "naver"}), &extra);
        QCOMPARE(store.source(), QStringLiteral("prometheus:http://127.0.0.1:9090"));
    }

    void progressKeptPerCommand()
    {
        SituationStore store(nullptr, m_clock.clock());
        v1::Snapshot extra;
        *extra.add_recent_progress() = progress("old", v1::COMMAND_STAGE_EFFECT_SEEN, 1500);
        start(store, makeState(kSimStartMs, {"kakao", "naver"}), &extra);
        QCOMPARE(store.commandProgress().size(), std::size_t(1));
        QVERIFY(store.progress(QStringLiteral("old")));
        QCOMPARE(store.progress(QStringLiteral("old"))->after_ms(), 1500u);

        QSignalSpy progressed(&store, &SituationStore::commandProgressed);
        QSignalSpy batches(&store, &SituationStore::progressChanged);

        // The answer carries the first stage; the events the next ones.
        models::TelemetryBatch answer;
        v1::CommandResult result;
        result.set_command_id("c-1");
        result.set_status(v1::COMMAND_APPLIED);
        result.set_stage(v1::COMMAND_STAGE_ACCEPTED);
        result.mutable_control()->set_revision(8);
        answer.commandResults.push_back(result);
        answer.events.push_back(progressEnvelope(progress("c-2", v1::COMMAND_STAGE_SENT)));
        store.apply(answer);
        QCOMPARE(progressed.count(), 2);
        QCOMPARE(batches.count(), 1);
        QCOMPARE(store.progress(QStringLiteral("c-1"))->stage(), v1::COMMAND_STAGE_ACCEPTED);
        QCOMPARE(store.progress(QStringLiteral("c-1"))->revision(), 8u);

        models::TelemetryBatch events;
        events.events.push_back(progressEnvelope(progress("c-1", v1::COMMAND_STAGE_EFFECT_SEEN, 2100)));
        events.events.push_back(progressEnvelope(progress("c-2", v1::COMMAND_STAGE_EFFECT_NOT_SEEN, 30000)));
        // Late and earlier: ignored.
        events.events.push_back(progressEnvelope(progress("c-1", v1::COMMAND_STAGE_ACCEPTED)));
        store.apply(events);
        QCOMPARE(progressed.count(), 4);
        QCOMPARE(batches.count(), 2);
        QCOMPARE(store.commandProgress().size(), std::size_t(3));
        const v1::CommandProgress *c1 = store.progress(QStringLiteral("c-1"));
        QCOMPARE(c1->stage(), v1::COMMAND_STAGE_EFFECT_SEEN);
        QCOMPARE(c1->after_ms(), 2100u);
        QCOMPARE(c1->action(), std::string("set admission rate to 500/s"));
        QCOMPARE(store.progress(QStringLiteral("c-2"))->stage(), v1::COMMAND_STAGE_EFFECT_NOT_SEEN);

        // A resync's snapshot repeats what we know: no news.
        v1::Snapshot again;
        *again.add_recent_progress() = progress("c-1", v1::COMMAND_STAGE_EFFECT_SEEN, 2100);
        start(store, makeState(kSimStartMs + 5000, {"kakao", "naver"}), &again);
        QCOMPARE(progressed.count(), 4);
    }

    void progressBounded()
    {
        SituationStore store(nullptr, m_clock.clock());
        start(store, makeState(kSimStartMs, {"kakao", "naver"}));
        models::TelemetryBatch many;
        for (std::size_t i = 0; i < SituationStore::kProgressCapacity + 5; ++i)
            many.events.push_back(progressEnvelope(progress("id-" + std::to_string(i), v1::COMMAND_STAGE_SENT)));
        store.apply(many);
        QCOMPARE(store.commandProgress().size(), SituationStore::kProgressCapacity);
        QVERIFY(!store.progress(QStringLiteral("id-0")));
        QVERIFY(store.progress(QStringLiteral("id-%1").arg(SituationStore::kProgressCapacity + 4)));
    }
};

QTEST_GUILESS_MAIN(tst_StoreFigures)
#include "tst_storefigures.moc"
