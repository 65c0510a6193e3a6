// The process's monotonic milliseconds: the telemetry worker stamps messages
// with it on its thread and the situation store ages figures with it on the
// GUI thread, so a stamp must compare across threads and never run backwards.
#include "domain/MonotonicClock.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using sitroom::domain::monotonicNowMs;

class TestMonotonicClock final : public QObject
{
    Q_OBJECT

private slots:
    void neverRunsBackwards();
    void advancesWithElapsedTime();
    void comparesAcrossThreads();
};

void TestMonotonicClock::neverRunsBackwards()
{
    qint64 last = monotonicNowMs();
    QVERIFY(last > 0);
    for (int i = 0; i < 100000; ++i) {
        const qint64 now = monotonicNowMs();
        QVERIFY2(now >= last, qPrintable(QStringLiteral("%1 after %2").arg(now).arg(last)));
        last = now;
    }
}

void TestMonotonicClock::advancesWithElapsedTime()
{
    // Against QElapsedTimer, the clock Qt's own timers run on: it advanced
    // at least as long as was spent between the reads (spinning, not
    // sleeping), and no longer than the time around them.
    QElapsedTimer around;
    around.start();
    const qint64 before = monotonicNowMs();
    QElapsedTimer between;
    between.start();
    while (between.elapsed() < 30) {
    }
    const qint64 spent = between.elapsed();
    const qint64 advanced = monotonicNowMs() - before;
    const qint64 whole = around.elapsed();
    QVERIFY2(advanced >= spent - 1 && advanced <= whole + 1,
             qPrintable(QStringLiteral("advanced %1 ms; %2 ms spent between the reads, %3 around them")
                            .arg(advanced).arg(spent).arg(whole)));
}

void TestMonotonicClock::comparesAcrossThreads()
{
    // A stamp taken on another thread after one taken here is not earlier:
    // the worker's message times and the store's "now" share one clock.
    const qint64 here = monotonicNowMs();
    std::atomic<qint64> there{0};
    std::unique_ptr<QThread> thread(QThread::create([&there] { there = monotonicNowMs(); }));
    thread->start();
    QVERIFY(thread->wait(10000));
    QVERIFY(there.load() >= here);
    QVERIFY(monotonicNowMs() >= there.load());
}

QTEST_GUILESS_MAIN(TestMonotonicClock)
#include "tst_monotonicclock.moc"
