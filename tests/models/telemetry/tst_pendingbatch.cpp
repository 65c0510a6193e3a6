#include "models/telemetry/PendingBatch.h"

#include <QtTest>

using sitroom::models::LinkEvent;
using sitroom::models::LinkState;
using sitroom::models::PendingBatch;
using sitroom::models::TelemetryBatch;
using namespace sitroom;

namespace {

v1::Envelope tick(quint64 seq, qint64 simMs, int depth)
{
    v1::Envelope e;
    e.set_seq(seq);
    e.set_server_time_ms(1'700'000'000'000 + qint64(seq));
    e.set_sim_time_ms(simMs);
    e.mutable_tick()->mutable_state()->set_sim_time_ms(simMs);
    v1::History *samples = e.mutable_tick()->mutable_samples();
    samples->set_first_time_ms(simMs - 1000);
    samples->set_step_ms(1000);
    samples->add_queue_depth(quint64(depth));
    return e;
}

} // namespace

class TestPendingBatch final : public QObject
{
    Q_OBJECT

private slots:
    void ticksFoldIntoLatestStateAndConcatenatedSamples()
    {
        PendingBatch pending;
        QVERIFY(pending.isEmpty());
        for (int i = 1; i <= 3; ++i) {
            const v1::Envelope e = tick(quint64(i), 10'000 + i * 1000, i);
            pending.noteMessage(e, 100 + i);
            pending.addTick(e.tick());
        }
        const TelemetryBatch batch = pending.take();
        QVERIFY(pending.isEmpty());
        QCOMPARE(batch.messages, 3u);
        QVERIFY(batch.hasState);
        QCOMPARE(batch.state.sim_time_ms(), 13'000);
        QCOMPARE(batch.samples.queue_depth_size(), 3);
        QCOMPARE(batch.samples.first_time_ms(), 10'000);
        QCOMPARE(batch.lastMessageMonotonicMs, 103);
        QCOMPARE(batch.lastSimTimeMs, 13'000);
        QCOMPARE(batch.lastServerTimeMs, 1'700'000'000'003);
        QVERIFY(!batch.snapshot);
    }

    // The worker moves each decoded tick in; the batch is the same as from copies.
    void movedTicksFoldLikeCopies()
    {
        PendingBatch copied;
        PendingBatch moved;
        for (int i = 1; i <= 3; ++i) {
            v1::Envelope e = tick(quint64(i), 10'000 + i * 1000, i);
            copied.addTick(e.tick());
            moved.addTick(std::move(*e.mutable_tick()));
        }
        const TelemetryBatch a = copied.take();
        const TelemetryBatch b = moved.take();
        QCOMPARE(b.samples.queue_depth_size(), 3);
        QCOMPARE(b.samples.SerializeAsString(), a.samples.SerializeAsString());
        QCOMPARE(b.state.SerializeAsString(), a.state.SerializeAsString());
        QCOMPARE(b.state.sim_time_ms(), 13'000);
    }

    void snapshotDropsWhatCameBeforeIt()
    {
        PendingBatch pending;
        LinkEvent live;
        live.state = LinkState::Live;
        pending.addLinkEvent(live);
        const v1::Envelope before = tick(1, 5000, 1);
        pending.addTick(before.tick());
        v1::Envelope event;
        event.mutable_alert_event();
        pending.addEvent(event);

        v1::Snapshot snapshot;
        snapshot.mutable_state()->set_sim_time_ms(9000);
        snapshot.mutable_history()->add_queue_depth(42);
        pending.setSnapshot(snapshot, true);
        const v1::Envelope after = tick(2, 10'000, 2);
        pending.addTick(after.tick());
        pending.countGap();

        const TelemetryBatch batch = pending.take();
        QVERIFY(batch.snapshot);
        QVERIFY(batch.snapshotAfterGap);
        QCOMPARE(batch.link.size(), size_t(1));          // link events are kept
        QVERIFY(batch.events.empty());                    // the snapshot holds them
        QCOMPARE(batch.samples.queue_depth_size(), 1);    // only what came after
        QCOMPARE(batch.samples.queue_depth(0), 2u);
        QCOMPARE(batch.state.sim_time_ms(), 10'000);
        QCOMPARE(batch.gaps, 1u);
    }

    void heartbeatAndRoundTrip()
    {
        PendingBatch pending;
        v1::Heartbeat heartbeat;
        heartbeat.set_source_idle(true);
        pending.addHeartbeat(heartbeat);
        pending.setRoundTrip(12);
        QVERIFY(!pending.isEmpty());
        const TelemetryBatch batch = pending.take();
        QCOMPARE(batch.sourceIdle, std::optional<bool>(true));
        QCOMPARE(batch.roundTripMs, std::optional<int>(12));
    }
};

QTEST_GUILESS_MAIN(TestPendingBatch)
#include "tst_pendingbatch.moc"
