#include "domain/LiveClock.h"

#include <QTest>

using sitroom::domain::LiveClock;

namespace {

constexpr qint64 kRaised = 1628506887000;      // 2021-08-09T11:01:27Z: 20:01:27 in Seoul
constexpr qint64 kWinter = 1640995200000;      // 2022-01-01T00:00:00Z: 09:00 in Seoul

} // namespace

// Whatever zone the machine runs in (the test sets TZ before any date is
// made), the live system's times read in the live system's zone.
class TestLiveClock final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void seoulByDefault();
    void labelled_data();
    void labelled();
    void noDaylightSavingInKorea();
    void otherZone();
    void unknownZoneFallsBackToSeoul();
    void isoCarriesTheOffset();
    void auditStampFallsBackToWallClock();
    void noTimeIsADash();
};

void TestLiveClock::initTestCase_data()
{
    // The machine's zone must not matter; checked from two that differ from KST.
    QTest::addColumn<QByteArray>("machineZone");
    QTest::newRow("UTC") << QByteArrayLiteral("UTC");
    QTest::newRow("New York") << QByteArrayLiteral("America/New_York");
}

void TestLiveClock::seoulByDefault()
{
    QFETCH_GLOBAL(QByteArray, machineZone);
    qputenv("TZ", machineZone);
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(kRaised).offsetFromUtc() == 9 * 3600, false);
    const LiveClock clock;
    QCOMPARE(clock.zoneId(), QStringLiteral("Asia/Seoul"));
    QCOMPARE(clock.time(kRaised), QStringLiteral("20:01:27"));
    QCOMPARE(clock.zoneLabel(kRaised), QStringLiteral("KST"));
    QCOMPARE(LiveClock(QString()).zoneId(), QStringLiteral("Asia/Seoul"));
}

void TestLiveClock::labelled_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("time") << kRaised << QStringLiteral("HH:mm:ss") << QStringLiteral("20:01:27 KST");
    QTest::newRow("minutes") << kRaised << QStringLiteral("HH:mm") << QStringLiteral("20:01 KST");
    QTest::newRow("date and time") << kRaised << QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                   << QStringLiteral("2021-08-09 20:01:27 KST");
    // 11:01 UTC on the 9th is still the 9th in Seoul; 20:00 UTC on the 31st is the 1st.
    QTest::newRow("next day in Seoul") << qint64(1640980800000) << QStringLiteral("M/d HH:mm")
                                       << QStringLiteral("1/1 05:00 KST");
}

void TestLiveClock::labelled()
{
    QFETCH_GLOBAL(QByteArray, machineZone);
    qputenv("TZ", machineZone);
    QFETCH(qint64, ms);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    QCOMPARE(LiveClock(QStringLiteral("Asia/Seoul")).labelled(ms, format), expected);
}

void TestLiveClock::noDaylightSavingInKorea()
{
    QFETCH_GLOBAL(QByteArray, machineZone);
    qputenv("TZ", machineZone);
    const LiveClock clock;
    // Summer and winter: the same offset and the same name, unlike New York.
    QCOMPARE(clock.at(kRaised).offsetFromUtc(), 9 * 3600);
    QCOMPARE(clock.at(kWinter).offsetFromUtc(), 9 * 3600);
    QCOMPARE(clock.labelled(kWinter), QStringLiteral("09:00:00 KST"));
    QCOMPARE(clock.zoneLabel(kWinter), clock.zoneLabel(kRaised));
}

void TestLiveClock::otherZone()
{
    QFETCH_GLOBAL(QByteArray, machineZone);
    qputenv("TZ", machineZone);
    const LiveClock ny(QStringLiteral("America/New_York"));
    QCOMPARE(ny.labelled(kRaised), QStringLiteral("07:01:27 EDT"));
    QCOMPARE(ny.labelled(kWinter), QStringLiteral("19:00:00 EST"));
    QCOMPARE(LiveClock(QStringLiteral("UTC")).labelled(kRaised), QStringLiteral("11:01:27 UTC"));
}

void TestLiveClock::unknownZoneFallsBackToSeoul()
{
    QFETCH_GLOBAL(QByteArray, machineZone);
    qputenv("TZ", machineZone);
    const LiveClock clock(QStringLiteral("Mars/Olympus_Mons"));
    QCOMPARE(clock.zoneId(), QStringLiteral("Asia/Seoul"));
    QCOMPARE(clock.labelled(kRaised), QStringLiteral("20:01:27 KST"));
}

void TestLiveClock::isoCarriesTheOffset()
{
    QFETCH_GLOBAL(QByteArray, machineZone);
    qputenv("TZ", machineZone);
    QCOMPARE(LiveClock().iso(kRaised + 5), QStringLiteral("2021-08-09T20:01:27.005+09:00"));
}

void TestLiveClock::auditStampFallsBackToWallClock()
{
    QFETCH_GLOBAL(QByteArray, machineZone);
    qputenv("TZ", machineZone);
    const LiveClock clock;
    // A row with the live system's clock: that one, plainly labelled.
    const LiveClock::Stamp live = LiveClock::auditStamp(kRaised, kWinter);
    QCOMPARE(live.ms, kRaised);
    QVERIFY(live.source == LiveClock::Source::LiveSystem);
    QCOMPARE(clock.labelled(live), QStringLiteral("20:01:27 KST"));
    // An old row (source_time_ms 0): the gateway's wall clock, said to be so.
    const LiveClock::Stamp old = LiveClock::auditStamp(0, kWinter);
    QCOMPARE(old.ms, kWinter);
    QVERIFY(old.source == LiveClock::Source::GatewayWall);
    QCOMPARE(clock.labelled(old), QStringLiteral("09:00:00 KST (gateway clock)"));
}

void TestLiveClock::noTimeIsADash()
{
    QCOMPARE(LiveClock().labelled(0), QStringLiteral("–"));
    QCOMPARE(LiveClock().labelled(LiveClock::auditStamp(0, 0)), QStringLiteral("–"));
}

QTEST_GUILESS_MAIN(TestLiveClock)
#include "tst_liveclock.moc"
