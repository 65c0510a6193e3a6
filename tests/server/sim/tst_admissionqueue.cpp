#include "server/sim/AdmissionQueue.h"
#include "server/sim/Rng.h"

#include <QtTest>

using sitroom::sim::AdmissionQueue;
using sitroom::sim::Rng;

class TestAdmissionQueue final : public QObject
{
    Q_OBJECT

private slots:
    void admitsAtTheRate()
    {
        AdmissionQueue queue(100, 1800);
        Rng rng(1);
        const auto s = queue.step(1000, rng);
        QCOMPARE(s.arrivals, 1000u);
        QCOMPARE(s.admitted, 100u);
        QVERIFY(s.depth <= 900u && s.depth >= 890u); // a few may give up at once
        QVERIFY(s.estimatedWaitS > 8.0 && s.estimatedWaitS < 9.1);
    }

    void fractionalRatesCarryOver()
    {
        AdmissionQueue queue(2.5, 1800);
        Rng rng(1);
        queue.step(100, rng);
        std::uint64_t admitted = 0;
        for (int i = 0; i < 10; ++i)
            admitted += queue.step(0, rng).admitted;
        QVERIFY(admitted >= 24 && admitted <= 26);
    }

    void emptyRoomDoesNotBankAdmissions()
    {
        AdmissionQueue queue(100, 1800);
        Rng rng(1);
        for (int i = 0; i < 60; ++i)
            queue.step(0, rng);
        QCOMPARE(queue.step(1000, rng).admitted, 100u);
    }

    void pauseStopsAdmission()
    {
        AdmissionQueue queue(100, 1800);
        Rng rng(1);
        queue.setPaused(true);
        const auto s = queue.step(500, rng);
        QCOMPARE(s.admitted, 0u);
        QCOMPARE(s.estimatedWaitS, -1.0);
        queue.setPaused(false);
        QCOMPARE(queue.step(0, rng).admitted, 100u);
    }

    void longWaitsLoseMorePeople()
    {
        Rng rng(9);
        AdmissionQueue shortWait(1000, 1800);
        AdmissionQueue longWait(10, 1800);
        std::uint64_t lostShort = 0;
        std::uint64_t lostLong = 0;
        for (int i = 0; i < 600; ++i) {
            lostShort += shortWait.step(900, rng).abandoned;
            lostLong += longWait.step(900, rng).abandoned;
        }
        QCOMPARE(lostShort, 0u);
        QVERIFY(lostLong > 10000u);
        QVERIFY(longWait.depth() + lostLong + 600 * 10 == 600 * 900); // nobody is lost or made up
    }
};

QTEST_APPLESS_MAIN(TestAdmissionQueue)
#include "tst_admissionqueue.moc"
