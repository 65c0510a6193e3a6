#include "models/itemmodels/CohortCompletion.h"

#include <QtTest>

#include <limits>

using sitroom::models::CompletionEstimate;
using sitroom::models::estimateCompletion;

namespace {
constexpr qint64 kNow = 1'628'506'800'000;       // 2021-08-09 20:00 KST
constexpr qint64 kClose = kNow + 22 * 3'600'000; // the window's close, 22 h later
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
} // namespace

// When today's group is fully booked at the current rate, and when that cannot be said.
class tst_CohortCompletion : public QObject
{
    Q_OBJECT

private slots:
    void remainingOverRate()
    {
        // 300,000 eligible, 240,000 booked, 1,000 a minute: an hour to go.
        const CompletionEstimate e = estimateCompletion(240'000, 300'000, 1'000, kNow, kClose);
        QCOMPARE(e.kind, CompletionEstimate::Kind::Estimated);
        QCOMPARE(e.remaining, 60'000.0);
        QCOMPARE(e.atMs, kNow + 3'600'000);
        QVERIFY(!e.afterClose);
    }

    void laterThanTheClose()
    {
        // 10 a minute for 60,000: 100 hours, past the 22-hour window.
        const CompletionEstimate e = estimateCompletion(240'000, 300'000, 10, kNow, kClose);
        QCOMPARE(e.kind, CompletionEstimate::Kind::Estimated);
        QCOMPARE(e.atMs, kNow + 6'000 * 60'000LL);
        QVERIFY(e.afterClose);
    }

    void rateZeroGivesNoTime()
    {
        const CompletionEstimate e = estimateCompletion(240'000, 300'000, 0, kNow, kClose);
        QCOMPARE(e.kind, CompletionEstimate::Kind::NoRate);
        QCOMPARE(e.remaining, 60'000.0);
        QCOMPARE(e.atMs, qint64(0));
        // A trickle that would take more than a month is no estimate either.
        QCOMPARE(estimateCompletion(0, 300'000, 1, kNow, kClose).kind, CompletionEstimate::Kind::NoRate);
    }

    void missingDataGivesNoTime_data()
    {
        QTest::addColumn<double>("booked");
        QTest::addColumn<double>("eligible");
        QTest::addColumn<double>("perMinute");
        QTest::newRow("bookings not live") << kNaN << 300'000.0 << 1'000.0;
        QTest::newRow("rate not live") << 240'000.0 << 300'000.0 << kNaN;
        QTest::newRow("nobody eligible") << 0.0 << 0.0 << 1'000.0;
        QTest::newRow("negative rate") << 240'000.0 << 300'000.0 << -5.0;
    }

    void missingDataGivesNoTime()
    {
        QFETCH(double, booked);
        QFETCH(double, eligible);
        QFETCH(double, perMinute);
        const CompletionEstimate e = estimateCompletion(booked, eligible, perMinute, kNow, kClose);
        QCOMPARE(e.kind, CompletionEstimate::Kind::NoData);
        QCOMPARE(e.atMs, qint64(0));
    }

    void alreadyComplete()
    {
        QCOMPARE(estimateCompletion(300'000, 300'000, 0, kNow, kClose).kind, CompletionEstimate::Kind::Complete);
        QCOMPARE(estimateCompletion(300'001, 300'000, kNaN, kNow, kClose).kind, CompletionEstimate::Kind::Complete);
    }
};

QTEST_APPLESS_MAIN(tst_CohortCompletion)
#include "tst_cohortcompletion.moc"
