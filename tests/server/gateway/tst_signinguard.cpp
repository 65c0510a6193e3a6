#include "gateway/SignInGuard.h"

#include <QtTest>

using namespace sitroom::gateway;

class TestSignInGuard final : public QObject
{
    Q_OBJECT

private slots:
    void locksAfterFiveFailuresInAMinute()
    {
        SignInGuard guard;
        const qint64 t0 = 1'000'000;
        for (int i = 0; i < 5; ++i) {
            QVERIFY(!guard.isLocked(QStringLiteral("kim"), t0 + i * 1000));
            guard.recordFailure(QStringLiteral("kim"), t0 + i * 1000);
        }
        QVERIFY(guard.isLocked(QStringLiteral("kim"), t0 + 5000));
        // Another name is not affected.
        QVERIFY(!guard.isLocked(QStringLiteral("lee"), t0 + 5000));
        // Until the first failure is a minute old.
        QVERIFY(guard.isLocked(QStringLiteral("kim"), t0 + 59'999));
        QVERIFY(!guard.isLocked(QStringLiteral("kim"), t0 + 60'000));
    }

    void failuresSpreadOverMoreThanAMinuteDoNotLock()
    {
        SignInGuard guard;
        for (int i = 0; i < 20; ++i) {
            QVERIFY(!guard.isLocked(QStringLiteral("kim"), i * 15'000));
            guard.recordFailure(QStringLiteral("kim"), i * 15'000);
        }
    }

    void attemptsInFlightCount()
    {
        SignInGuard guard;
        for (int i = 0; i < 3; ++i)
            guard.recordFailure(QStringLiteral("kim"), i);
        QCOMPARE(guard.failures(QStringLiteral("kim"), 10), 3);
        QVERIFY(!guard.isLocked(QStringLiteral("kim"), 10, 1));
        QVERIFY(guard.isLocked(QStringLiteral("kim"), 10, 2));
    }

    void successClears()
    {
        SignInGuard guard;
        for (int i = 0; i < 4; ++i)
            guard.recordFailure(QStringLiteral("kim"), i);
        guard.recordSuccess(QStringLiteral("kim"));
        guard.recordFailure(QStringLiteral("kim"), 10);
        QVERIFY(!guard.isLocked(QStringLiteral("kim"), 11));
    }
};

QTEST_GUILESS_MAIN(TestSignInGuard)
#include "tst_signinguard.moc"
