// The telemetry worker's pace: at once after 40 ms of quiet, coalesced
// within 40 ms, never more than 25 batches a second, and housekeeping (a
// heartbeat, a pong) never takes the frame a tick right behind it needs.
#include "models/telemetry/BatchPacer.h"

#include <QtTest>

#include <map>
#include <vector>

using sitroom::models::BatchPacer;

namespace {

struct Arrival
{
    qint64 atMs;
    bool data;
};

struct Emission
{
    qint64 atMs;
    std::vector<qint64> carried;  // arrival times of the data it carried
};

// Plays arrivals through the pacer as the worker does: each arrival asks for
// a delay, a timer fires at the earliest asked-for time, and an emission
// takes everything pending.
std::vector<Emission> play(const std::vector<Arrival> &arrivals, qint64 untilMs)
{
    BatchPacer pacer;
    std::vector<Emission> out;
    std::vector<qint64> pendingData;
    bool pending = false, pendingHasData = false;
    std::optional<qint64> timerAt;
    auto emitNow = [&](qint64 now) {
        out.push_back({now, pendingData});
        pendingData.clear();
        pending = pendingHasData = false;
        timerAt.reset();
        pacer.noteEmitted(now);
    };
    auto schedule = [&](qint64 now) {
        const qint64 delay = pacer.delayMs(now, pendingHasData);
        if (delay == 0)
            emitNow(now);
        else if (!timerAt || *timerAt > now + delay)
            timerAt = now + delay;
    };
    std::size_t next = 0;
    for (qint64 now = 0; now <= untilMs; ++now) {
        if (timerAt && *timerAt <= now && pending)
            emitNow(now);
        while (next < arrivals.size() && arrivals[next].atMs == now) {
            pending = true;
            if (arrivals[next].data) {
                pendingHasData = true;
                pendingData.push_back(now);
            }
            schedule(now);
            ++next;
        }
    }
    return out;
}

int maxInAnySecond(const std::vector<Emission> &emissions)
{
    int most = 0;
    for (std::size_t i = 0; i < emissions.size(); ++i) {
        int n = 0;
        for (std::size_t j = i; j < emissions.size() && emissions[j].atMs < emissions[i].atMs + 1000; ++j)
            ++n;
        most = std::max(most, n);
    }
    return most;
}

qint64 worstDataLatency(const std::vector<Emission> &emissions)
{
    qint64 worst = 0;
    for (const Emission &e : emissions)
        for (qint64 at : e.carried)
            worst = std::max(worst, e.atMs - at);
    return worst;
}

} // namespace

class TestBatchPacer final : public QObject
{
    Q_OBJECT

private slots:
    void firstBatchGoesAtOnce()
    {
        BatchPacer pacer;
        QCOMPARE(pacer.delayMs(5, true), qint64(0));
    }

    void aBatchGoesAtOnceAfterQuiet_data()
    {
        QTest::addColumn<qint64>("quietMs");
        QTest::addColumn<qint64>("delay");
        QTest::newRow("40 ms") << qint64(40) << qint64(0);
        QTest::newRow("41 ms") << qint64(41) << qint64(0);
        QTest::newRow("a second") << qint64(1000) << qint64(0);
        QTest::newRow("39 ms") << qint64(39) << qint64(1);
        QTest::newRow("10 ms") << qint64(10) << qint64(30);
        QTest::newRow("same ms") << qint64(0) << qint64(40);
    }

    void aBatchGoesAtOnceAfterQuiet()
    {
        QFETCH(qint64, quietMs);
        QFETCH(qint64, delay);
        BatchPacer pacer;
        pacer.noteEmitted(1000);
        QCOMPARE(pacer.delayMs(1000 + quietMs, true), delay);
    }

    void twoBatchesWithin40MsAreCoalesced()
    {
        // Emitted at 0; data at 10 and 25 both go out at 40, in one batch.
        const auto out = play({{0, true}, {10, true}, {25, true}}, 200);
        QCOMPARE(out.size(), std::size_t(2));
        QCOMPARE(out[0].atMs, qint64(0));
        QCOMPARE(out[1].atMs, qint64(40));
        QCOMPARE(out[1].carried, (std::vector<qint64>{10, 25}));
    }

    void neverMoreThan25ASecond_data()
    {
        QTest::addColumn<int>("everyMs");
        QTest::addColumn<int>("housekeepingEvery");
        QTest::newRow("data every ms") << 1 << 0;
        QTest::newRow("data every 7 ms, a pong in 3") << 7 << 3;
        QTest::newRow("20 Hz ticks, a pong in 2") << 50 << 2;
        QTest::newRow("data every 39 ms") << 39 << 0;
    }

    void neverMoreThan25ASecond()
    {
        QFETCH(int, everyMs);
        QFETCH(int, housekeepingEvery);
        std::vector<Arrival> arrivals;
        int n = 0;
        for (qint64 t = 0; t < 10'000; t += everyMs, ++n) {
            arrivals.push_back({t, true});
            if (housekeepingEvery && n % housekeepingEvery == 0 && t + 3 < t + everyMs)
                arrivals.push_back({t + 3, false});
        }
        std::sort(arrivals.begin(), arrivals.end(), [](const Arrival &a, const Arrival &b) { return a.atMs < b.atMs; });
        const auto out = play(arrivals, 11'000);
        QVERIFY2(maxInAnySecond(out) <= 25, qPrintable(QString::number(maxInAnySecond(out))));
        for (std::size_t i = 1; i < out.size(); ++i)
            QVERIFY(out[i].atMs - out[i - 1].atMs >= BatchPacer::kIntervalMs);
    }

    void aPongDoesNotDelayTheTickBehindIt()
    {
        // 20 Hz ticks; a pong 8 ms before each tick. The pong rides with the
        // tick instead of taking the frame: every tick goes out as it arrives.
        std::vector<Arrival> arrivals;
        for (qint64 t = 0; t < 5000; t += 50) {
            if (t > 0)
                arrivals.push_back({t - 8, false});
            arrivals.push_back({t, true});
        }
        const auto out = play(arrivals, 6000);
        QCOMPARE(worstDataLatency(out), qint64(0));
        QCOMPARE(out.size(), std::size_t(100));  // one frame per tick, as before
    }

    void housekeepingAloneWaitsThenGoes()
    {
        // No data at all (the live system is idle): heartbeats still reach the
        // GUI, within a second, well inside the 3 s stale threshold.
        std::vector<Arrival> arrivals;
        for (qint64 t = 0; t < 5000; t += 1000)
            arrivals.push_back({t + 100, false});
        const auto out = play(arrivals, 7000);
        QCOMPARE(out.size(), std::size_t(5));
        for (std::size_t i = 0; i < out.size(); ++i)
            QCOMPARE(out[i].atMs, qint64(i) * 1000 + 100 + BatchPacer::kHousekeepingWaitMs);
    }

    void dataShortensAHousekeepingWait()
    {
        BatchPacer pacer;
        pacer.noteEmitted(0);
        QCOMPARE(pacer.delayMs(100, false), BatchPacer::kHousekeepingWaitMs);
        // Data joins at 300: the batch goes at once, carrying both.
        QCOMPARE(pacer.delayMs(300, true), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestBatchPacer)
#include "tst_batchpacer.moc"
