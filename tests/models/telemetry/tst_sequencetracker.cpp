#include "models/telemetry/SequenceTracker.h"

#include <QtTest>

using sitroom::models::SequenceTracker;
using sitroom::models::SequenceVerdict;

namespace {

// One step of a script: a broadcast ('b'), a unicast ('u') or a snapshot ('s')
// with its seq, and for broadcasts the verdict expected.
struct Step
{
    char kind;
    quint64 seq;
    SequenceVerdict verdict = SequenceVerdict::Accept;
};

} // namespace

Q_DECLARE_METATYPE(std::vector<Step>)

class TestSequenceTracker final : public QObject
{
    Q_OBJECT

private slots:
    void script_data()
    {
        using V = SequenceVerdict;
        QTest::addColumn<std::vector<Step>>("steps");
        QTest::addColumn<quint64>("gaps");
        QTest::addColumn<bool>("awaiting");
        QTest::addColumn<quint64>("lastSeen");

        QTest::newRow("in order after Welcome")
            << std::vector<Step>{{'u', 10}, {'s', 10}, {'b', 11}, {'b', 12}, {'b', 13}} << quint64(0) << false << quint64(13);
        QTest::newRow("first broadcast without any unicast is accepted")
            << std::vector<Step>{{'b', 500}, {'b', 501}} << quint64(0) << false << quint64(501);
        QTest::newRow("gap, then everything dropped until the snapshot")
            << std::vector<Step>{{'u', 10}, {'b', 11}, {'b', 13, V::Gap}, {'b', 14, V::AwaitingSnapshot},
                                 {'b', 15, V::AwaitingSnapshot}}
            << quint64(1) << true << quint64(11);
        QTest::newRow("snapshot after a gap resumes at its seq + 1")
            << std::vector<Step>{{'u', 10}, {'b', 11}, {'b', 13, V::Gap}, {'s', 20}, {'b', 21}, {'b', 22}}
            << quint64(1) << false << quint64(22);
        QTest::newRow("broadcast older than the snapshot is a duplicate")
            << std::vector<Step>{{'u', 10}, {'b', 13, V::Gap}, {'s', 20}, {'b', 20, V::Duplicate}, {'b', 19, V::Duplicate},
                                 {'b', 21}}
            << quint64(1) << false << quint64(21);
        QTest::newRow("duplicate and old are dropped, not gaps")
            << std::vector<Step>{{'u', 5}, {'b', 6}, {'b', 6, V::Duplicate}, {'b', 2, V::Duplicate}, {'b', 7}}
            << quint64(0) << false << quint64(7);
        QTest::newRow("unicast resets the expectation")
            << std::vector<Step>{{'u', 5}, {'b', 6}, {'u', 9}, {'b', 10}} << quint64(0) << false << quint64(10);
        QTest::newRow("unicast carrying the current seq changes nothing")
            << std::vector<Step>{{'u', 5}, {'b', 6}, {'u', 6}, {'b', 7}} << quint64(0) << false << quint64(7);
        QTest::newRow("a unicast does not end the wait for a snapshot")
            << std::vector<Step>{{'u', 5}, {'b', 8, V::Gap}, {'u', 9}, {'b', 10, V::AwaitingSnapshot}}
            << quint64(1) << true << quint64(9);
        QTest::newRow("two gaps, two snapshots")
            << std::vector<Step>{{'u', 1}, {'b', 3, V::Gap}, {'s', 4}, {'b', 5}, {'b', 9, V::Gap}, {'s', 9}, {'b', 10}}
            << quint64(2) << false << quint64(10);
        QTest::newRow("seq zero stream (Welcome at 0)")
            << std::vector<Step>{{'u', 0}, {'s', 0}, {'b', 1}, {'b', 2}} << quint64(0) << false << quint64(2);
    }

    void script()
    {
        QFETCH(std::vector<Step>, steps);
        QFETCH(quint64, gaps);
        QFETCH(bool, awaiting);
        QFETCH(quint64, lastSeen);

        SequenceTracker tracker;
        for (size_t i = 0; i < steps.size(); ++i) {
            const Step &step = steps[i];
            switch (step.kind) {
            case 'b':
                QCOMPARE(tracker.onBroadcast(step.seq), step.verdict);
                break;
            case 'u':
                tracker.onUnicast(step.seq);
                break;
            case 's':
                tracker.onSnapshot(step.seq);
                break;
            }
        }
        QCOMPARE(tracker.gaps(), gaps);
        QCOMPARE(tracker.awaitingSnapshot(), awaiting);
        QCOMPARE(tracker.lastSeen(), lastSeen);
    }

    void snapshotSaysWhetherItWasAskedFor()
    {
        SequenceTracker tracker;
        tracker.onUnicast(3);
        QCOMPARE(tracker.onSnapshot(3), false);
        QCOMPARE(tracker.onBroadcast(4), SequenceVerdict::Accept);
        QCOMPARE(tracker.onBroadcast(6), SequenceVerdict::Gap);
        QCOMPARE(tracker.lastSeen(), quint64(4));  // what SnapshotRequest.last_seen_seq carries
        QCOMPARE(tracker.onSnapshot(7), true);
        QCOMPARE(tracker.onSnapshot(7), false);
    }

    void resetForgetsTheExpectation()
    {
        SequenceTracker tracker;
        tracker.onUnicast(100);
        QCOMPARE(tracker.onBroadcast(150), SequenceVerdict::Gap);
        tracker.reset();
        QVERIFY(!tracker.awaitingSnapshot());
        QVERIFY(!tracker.hasLastSeen());
        // A restarted server starts again from a low seq: fine after a reset.
        tracker.onUnicast(2);
        QCOMPARE(tracker.onBroadcast(3), SequenceVerdict::Accept);
        QCOMPARE(tracker.gaps(), quint64(1));  // a statistic, kept
    }
};

QTEST_GUILESS_MAIN(TestSequenceTracker)
#include "tst_sequencetracker.moc"
