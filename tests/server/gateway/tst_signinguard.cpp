#include "server/gateway/SignInGuard.h"

#include <QtTest>

using namespace sitroom::gateway;

namespace {

const QString kim = QStringLiteral("kim");
const QString here = QStringLiteral("127.0.0.1");
const QString there = QStringLiteral("127.0.0.2");

} // namespace

class TestSignInGuard final : public QObject
{
    Q_OBJECT

private slots:
    void fiveFailuresLockThatAddressOnly()
    {
        SignInGuard guard;
        const qint64 t0 = 1'000'000;
        for (int i = 0; i < 5; ++i) {
            QVERIFY(!guard.check(kim, here, t0 + i * 1000).locked());
            guard.recordFailure(kim, here, t0 + i * 1000);
        }
        const SignInGuard::Verdict locked = guard.check(kim, here, t0 + 5000);
        QCOMPARE(locked.lock, SignInGuard::Lock::ThisAddress);
        // A minute from the fifth failure (at t0 + 4 s).
        QCOMPARE(locked.retryAfterS, 59);
        // The same user from another address, and another user from here, go on.
        QVERIFY(!guard.check(kim, there, t0 + 5000).locked());
        QVERIFY(!guard.check(QStringLiteral("lee"), here, t0 + 5000).locked());
    }

    void lockOutExpires_data()
    {
        QTest::addColumn<qint64>("after");
        QTest::addColumn<bool>("locked");
        QTest::addColumn<int>("retryAfterS");
        QTest::newRow("just after") << qint64(1) << true << 60;
        QTest::newRow("half way") << qint64(30'000) << true << 30;
        QTest::newRow("last ms") << qint64(59'999) << true << 1;
        QTest::newRow("a minute") << qint64(60'000) << false << 0;
        QTest::newRow("later") << qint64(600'000) << false << 0;
    }

    void lockOutExpires()
    {
        QFETCH(qint64, after);
        QFETCH(bool, locked);
        QFETCH(int, retryAfterS);
        SignInGuard guard;
        for (int i = 0; i < 5; ++i)
            guard.recordFailure(kim, here, 0);
        const SignInGuard::Verdict verdict = guard.check(kim, here, after);
        QCOMPARE(verdict.locked(), locked);
        QCOMPARE(verdict.retryAfterS, retryAfterS);
    }

    void afterALockOutTheCountStartsAgain()
    {
        SignInGuard guard;
        for (int i = 0; i < 5; ++i)
            guard.recordFailure(kim, here, i);
        QVERIFY(guard.check(kim, here, 60'003).locked());
        QVERIFY(!guard.check(kim, here, 60'004).locked());
        // Four more mistakes do not lock again; the fifth does.
        for (int i = 0; i < 4; ++i) {
            guard.recordFailure(kim, here, 61'000 + i);
            QVERIFY(!guard.check(kim, here, 61'000 + i).locked());
        }
        guard.recordFailure(kim, here, 62'000);
        QVERIFY(guard.check(kim, here, 62'000).locked());
    }

    void failuresSpreadOverMoreThanAMinuteDoNotLock()
    {
        SignInGuard guard;
        for (int i = 0; i < 20; ++i) {
            QVERIFY(!guard.check(kim, here, i * 15'000).locked());
            guard.recordFailure(kim, here, i * 15'000);
        }
    }

    void oneAddressNeverReachesTheUserCeiling()
    {
        // A guesser at one address, as fast as the lock allows, for an hour:
        // the user stays free from everywhere else.
        SignInGuard guard;
        qint64 now = 0;
        int attempts = 0;
        while (now < 3'600'000) {
            const SignInGuard::Verdict v = guard.check(kim, here, now);
            if (v.locked()) {
                QCOMPARE(v.lock, SignInGuard::Lock::ThisAddress);
                now += qint64(v.retryAfterS) * 1000;
                continue;
            }
            guard.recordFailure(kim, here, now);
            ++attempts;
            QVERIFY2(!guard.check(kim, there, now).locked(), qPrintable(QString::number(now)));
            now += 10;
        }
        QVERIFY(attempts > 250);
        QVERIFY(guard.failuresForUser(kim, now) < guard.policy().maxFailuresPerUser);
    }

    void theUserCeilingHoldsAcrossAddresses()
    {
        SignInGuard guard;
        const int ceiling = guard.policy().maxFailuresPerUser;
        // Distributed guessing: four failures from each of many addresses.
        int n = 0;
        for (int a = 0; n < ceiling; ++a) {
            const QString address = QStringLiteral("127.0.%1.%2").arg(a / 200).arg(a % 200 + 10);
            for (int i = 0; i < 4 && n < ceiling; ++i, ++n) {
                QVERIFY(!guard.check(kim, address, 1000 + n).locked());
                guard.recordFailure(kim, address, 1000 + n);
            }
        }
        const SignInGuard::Verdict verdict = guard.check(kim, there, 1000 + n);
        QCOMPARE(verdict.lock, SignInGuard::Lock::AllAddresses);
        // Until the oldest failure (at 1000 ms) is 15 minutes old.
        QCOMPARE(verdict.retryAfterS, 900);
        QVERIFY(!guard.check(QStringLiteral("lee"), there, 1000 + n).locked());
        QVERIFY(guard.check(kim, there, 1000 + 15 * 60'000 - 1).locked());
        QVERIFY(!guard.check(kim, there, 1000 + 15 * 60'000).locked());
    }

    void attemptsInFlightCount()
    {
        SignInGuard guard;
        for (int i = 0; i < 3; ++i)
            guard.recordFailure(kim, here, i);
        QCOMPARE(guard.failuresFromAddress(kim, here, 10), 3);
        QVERIFY(!guard.check(kim, here, 10, 1, 1).locked());
        const SignInGuard::Verdict inFlight = guard.check(kim, here, 10, 2, 2);
        QCOMPARE(inFlight.lock, SignInGuard::Lock::ThisAddress);
        QVERIFY(inFlight.retryAfterS >= 1);
        // In flight elsewhere counts toward the ceiling only.
        QVERIFY(!guard.check(kim, there, 10, 0, 2).locked());
        QCOMPARE(guard.check(kim, there, 10, 0, guard.policy().maxFailuresPerUser).lock,
                 SignInGuard::Lock::AllAddresses);
    }

    void successClearsThisAddressOnly()
    {
        SignInGuard guard;
        for (int i = 0; i < 4; ++i) {
            guard.recordFailure(kim, here, i);
            guard.recordFailure(kim, there, i);
        }
        guard.recordSuccess(kim, here);
        guard.recordFailure(kim, here, 10);
        QVERIFY(!guard.check(kim, here, 11).locked());
        guard.recordFailure(kim, there, 10);
        QVERIFY(guard.check(kim, there, 11).locked());
        // The user-wide count keeps every failure.
        QCOMPARE(guard.failuresForUser(kim, 11), 10);
    }
};

QTEST_GUILESS_MAIN(TestSignInGuard)
#include "tst_signinguard.moc"
