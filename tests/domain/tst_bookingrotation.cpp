// The 10부제 booking rotation as scenarios and site configurations write it:
// a cohort opens to one birth-date digit a day, and the groups add up to the
// cohort exactly.
#include "domain/BookingRotation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace sitroom::domain;

namespace {

constexpr std::int64_t kFirstOpen = 1628506800000;   // 2021-08-09T20:00:00+09:00
constexpr std::int64_t kDayMs = 86'400'000;

QJsonObject rotation(const QJsonValue &digits, const QJsonValue &hours = 22)
{
    return QJsonObject{{QStringLiteral("first_open"), QStringLiteral("2021-08-09T20:00:00+09:00")},
                       {QStringLiteral("window_hours"), hours},
                       {QStringLiteral("digits"), digits}};
}

} // namespace

class TestBookingRotation final : public QObject
{
    Q_OBJECT

private slots:
    void readsARotation();
    void refusesBadRotations_data();
    void refusesBadRotations();
    void windowsOneDayApart();
    void groupsAddUpToTheCohort_data();
    void groupsAddUpToTheCohort();
    void noDigitsNoWindows();
};

void TestBookingRotation::readsARotation()
{
    JsonFieldReader r(rotation(QJsonArray{9, 0, 1, 2, 3, 4, 5, 6, 7, 8}));
    const Rotation read = readRotation(r);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(read.firstOpenMs, kFirstOpen);
    QCOMPARE(read.windowHours, 22.0);
    QCOMPARE(read.digits, (QList<int>{9, 0, 1, 2, 3, 4, 5, 6, 7, 8}));
}

void TestBookingRotation::refusesBadRotations_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("error");
    QTest::newRow("digit twice") << rotation(QJsonArray{1, 2, 1}) << QStringLiteral("digits[2]: must be a digit 0-9, each once");
    QTest::newRow("not a digit") << rotation(QJsonArray{1, 10}) << QStringLiteral("digits[1]: must be a digit 0-9, each once");
    QTest::newRow("fraction") << rotation(QJsonArray{1.5}) << QStringLiteral("digits[0]: must be a digit 0-9, each once");
    QTest::newRow("string") << rotation(QJsonArray{QStringLiteral("3")}) << QStringLiteral("digits[0]: must be a digit 0-9, each once");
    QTest::newRow("none") << rotation(QJsonArray{}) << QStringLiteral("digits: must list at least one digit");
    QTest::newRow("window too short") << rotation(QJsonArray{1}, 0.5) << QStringLiteral("window_hours: must be from 1 to 168, not 0.5");
    QJsonObject extra = rotation(QJsonArray{1});
    extra.insert(QStringLiteral("window_hour"), 2);
    QTest::newRow("unknown field") << extra
                                   << QStringLiteral("window_hour: unknown field (known here: digits, first_open, window_hours)");
    QJsonObject local = rotation(QJsonArray{1});
    local.insert(QStringLiteral("first_open"), QStringLiteral("2021-08-09T20:00:00"));
    QTest::newRow("no offset") << local << QStringLiteral("first_open: must be an ISO 8601 time with its UTC offset");
}

void TestBookingRotation::refusesBadRotations()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, error);
    JsonFieldReader r(object);
    readRotation(r);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().startsWith(error), qPrintable(r.error()));
}

void TestBookingRotation::windowsOneDayApart()
{
    const QList<RotationWindow> windows = rotationWindows(QStringLiteral("18-49"), QStringLiteral("18–49세"),
                                                          QStringLiteral("Ages 18-49"), 100, 10, kFirstOpen, 22, {9, 0, 1});
    QCOMPARE(windows.size(), 3);
    QCOMPARE(windows[0].id, QStringLiteral("18-49/9"));
    QCOMPARE(windows[0].digit, 9);
    QCOMPARE(windows[0].nameKo, QStringLiteral("18–49세 (끝자리 9)"));
    QCOMPARE(windows[0].nameEn, QStringLiteral("Ages 18-49 (birth date ending 9)"));
    QCOMPARE(windows[1].id, QStringLiteral("18-49/0"));
    QCOMPARE(windows[2].id, QStringLiteral("18-49/1"));
    for (int i = 0; i < windows.size(); ++i) {
        // In the order of the digits, a day apart, each open for window_hours.
        QCOMPARE(windows[i].openMs, kFirstOpen + i * kDayMs);
        QCOMPARE(windows[i].closeMs, windows[i].openMs + 22 * 3'600'000);
    }
}

void TestBookingRotation::groupsAddUpToTheCohort_data()
{
    QTest::addColumn<qint64>("eligible");
    QTest::addColumn<qint64>("booked");
    QTest::addColumn<int>("groups");
    QTest::newRow("even") << qint64(1000) << qint64(100) << 10;
    QTest::newRow("remainder") << qint64(15'441'703) << qint64(1'234'567) << 10;
    QTest::newRow("fewer people than groups") << qint64(3) << qint64(1) << 7;
    QTest::newRow("one group") << qint64(42) << qint64(0) << 1;
}

void TestBookingRotation::groupsAddUpToTheCohort()
{
    QFETCH(qint64, eligible);
    QFETCH(qint64, booked);
    QFETCH(int, groups);
    QList<int> digits;
    for (int d = 0; d < groups; ++d)
        digits << d;
    const QList<RotationWindow> windows = rotationWindows(QStringLiteral("c"), QStringLiteral("코호트"), QStringLiteral("Cohort"),
                                                          eligible, booked, kFirstOpen, 12, digits);
    QCOMPARE(windows.size(), groups);
    std::int64_t sumEligible = 0;
    std::int64_t sumBooked = 0;
    std::int64_t smallest = eligible;
    std::int64_t largest = 0;
    for (const RotationWindow &w : windows) {
        sumEligible += w.eligible;
        sumBooked += w.alreadyBooked;
        smallest = std::min(smallest, w.eligible);
        largest = std::max(largest, w.eligible);
    }
    QCOMPARE(sumEligible, std::int64_t(eligible));
    QCOMPARE(sumBooked, std::int64_t(booked));
    // Spread evenly: no group holds more than one person more than another.
    QVERIFY(largest - smallest <= 1);
}

void TestBookingRotation::noDigitsNoWindows()
{
    QVERIFY(rotationWindows(QStringLiteral("c"), {}, {}, 10, 0, kFirstOpen, 12, {}).isEmpty());
}

QTEST_GUILESS_MAIN(TestBookingRotation)
#include "tst_bookingrotation.moc"
