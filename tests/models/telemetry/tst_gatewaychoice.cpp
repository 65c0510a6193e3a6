// Which gateway the telemetry worker uses, and when it moves, without a
// socket: attempts that fail go on to the next at once and wait the backoff
// only when every one has failed; a dead link goes to the next at once; a
// level below the threshold sends it probing, to the first healthy one or
// else the best, if better.
#include "models/telemetry/GatewayChoice.h"

#include <QtTest>

using sitroom::models::GatewayChoice;

class TestGatewayChoice final : public QObject
{
    Q_OBJECT

private slots:
    void oneGatewayAlwaysWaitsItsBackoff()
    {
        GatewayChoice choice(1, 200);
        QVERIFY(!choice.hasAlternatives());
        QCOMPARE(choice.current(), 0);
        QVERIFY(choice.attemptFailed());
        QCOMPARE(choice.current(), 0);
        choice.wentLive(10);
        QVERIFY(!choice.wantsBetter());   // nowhere else to go
        choice.linkLost();
        QCOMPARE(choice.current(), 0);
    }

    void failedAttemptsGoOnAtOnceUntilARoundHasFailed()
    {
        GatewayChoice choice(3, 200);
        QCOMPARE(choice.current(), 0);
        QVERIFY(!choice.attemptFailed());
        QCOMPARE(choice.current(), 1);
        QVERIFY(!choice.attemptFailed());
        QCOMPARE(choice.current(), 2);
        // The third failure in a row closes the round: back to the first, after the backoff.
        QVERIFY(choice.attemptFailed());
        QCOMPARE(choice.current(), 0);
        QVERIFY(!choice.attemptFailed());
        QCOMPARE(choice.current(), 1);
    }

    void aDeadLinkGoesToTheNextAndTriesItsOwnLast()
    {
        GatewayChoice choice(3, 200);
        QVERIFY(!choice.attemptFailed());   // 0 down, 1 next
        choice.wentLive(255);
        QCOMPARE(choice.current(), 1);
        choice.linkLost();
        QCOMPARE(choice.current(), 2);
        QVERIFY(!choice.currentLevel());   // not live
        QVERIFY(!choice.attemptFailed());
        QCOMPARE(choice.current(), 0);
        QVERIFY(!choice.attemptFailed());
        QCOMPARE(choice.current(), 1);      // the one that died, last
        QVERIFY(choice.attemptFailed());    // all three: the backoff
        QCOMPARE(choice.current(), 0);
    }

    void aHealthyLevelWantsNothing()
    {
        GatewayChoice choice(2, 200);
        choice.wentLive(200);
        QVERIFY(choice.isHealthy());
        QVERIFY(!choice.wantsBetter());
        choice.levelChanged(199);
        QVERIFY(choice.wantsBetter());
        choice.levelChanged(255);
        QVERIFY(!choice.wantsBetter());
    }

    void probesGoInOrderAndSkipTheCurrentOne()
    {
        GatewayChoice choice(4, 200);
        QVERIFY(!choice.attemptFailed());
        QVERIFY(!choice.attemptFailed());
        choice.wentLive(50);   // live on 2
        choice.beginProbeRound();
        QCOMPARE(choice.nextProbe(), std::optional<int>(0));
        QCOMPARE(choice.probed(0, 100), std::nullopt);
        QCOMPARE(choice.nextProbe(), std::optional<int>(1));
        QCOMPARE(choice.probed(1, std::nullopt), std::nullopt);   // no answer
        QCOMPARE(choice.nextProbe(), std::optional<int>(3));
        QCOMPARE(choice.probed(3, 120), std::nullopt);
        QCOMPARE(choice.nextProbe(), std::nullopt);
        // None healthy: the best heard, since it beats 50.
        QCOMPARE(choice.bestOfRound(), std::optional<int>(3));
    }

    void theFirstHealthyOneIsMovedToAtOnce()
    {
        GatewayChoice choice(3, 200);
        choice.wentLive(120);
        choice.beginProbeRound();
        QCOMPARE(choice.nextProbe(), std::optional<int>(1));
        QCOMPARE(choice.probed(1, 230), std::optional<int>(1));
        choice.moveTo(1);
        QCOMPARE(choice.current(), 1);
        QVERIFY(!choice.probing());
        QVERIFY(!choice.currentLevel());   // not live until its Welcome
    }

    void noBetterOneMeansStaying_data()
    {
        QTest::addColumn<quint32>("own");
        QTest::addColumn<int>("other");   // -1: no answer
        QTest::newRow("other worse") << 150u << 100;
        QTest::newRow("other equal") << 150u << 150;
        QTest::newRow("other silent") << 150u << -1;
        QTest::newRow("other shutting down") << 1u << 0;
    }

    void noBetterOneMeansStaying()
    {
        QFETCH(quint32, own);
        QFETCH(int, other);
        GatewayChoice choice(2, 200);
        choice.wentLive(own);
        choice.beginProbeRound();
        QCOMPARE(choice.nextProbe(), std::optional<int>(1));
        QCOMPARE(choice.probed(1, other < 0 ? std::nullopt : std::optional<quint32>(quint32(other))), std::nullopt);
        QCOMPARE(choice.nextProbe(), std::nullopt);
        QCOMPARE(choice.bestOfRound(), std::nullopt);
        QCOMPARE(choice.current(), 0);
    }

    void recoveringEndsTheRound()
    {
        GatewayChoice choice(2, 200);
        choice.wentLive(100);
        choice.beginProbeRound();
        QVERIFY(choice.probing());
        choice.levelChanged(240);
        QVERIFY(!choice.probing());
        QCOMPARE(choice.nextProbe(), std::nullopt);
        // A late answer to the ended round moves nothing.
        QCOMPARE(choice.probed(1, 255), std::nullopt);
    }

    void aNewRoundForgetsTheLastOnesAnswers()
    {
        GatewayChoice choice(2, 200);
        choice.wentLive(100);
        choice.beginProbeRound();
        QCOMPARE(choice.nextProbe(), std::optional<int>(1));
        choice.probed(1, 150);
        QCOMPARE(choice.bestOfRound(), std::optional<int>(1));
        choice.endProbeRound();
        choice.beginProbeRound();
        QCOMPARE(choice.bestOfRound(), std::nullopt);
    }
};

QTEST_APPLESS_MAIN(TestGatewayChoice)
#include "tst_gatewaychoice.moc"
