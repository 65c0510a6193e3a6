// An alert's figures as people read them: in their unit in the message, and
// as plain numbers (never "1.5e+04") in the audit's condition line.
#include "server/alerts/AlertMessage.h"

#include <QtTest>

#include <limits>

using sitroom::alerts::formatFigure;
using sitroom::alerts::plainFigure;

class TestAlertMessage final : public QObject
{
    Q_OBJECT

private slots:
    void plainFigureIsNeverExponential_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("p95 15 s in ms") << 15000.0 << QStringLiteral("15000");
        QTest::newRow("a million") << 1234567.4 << QStringLiteral("1234567");
        QTest::newRow("rounded from 1000 up") << 1999.6 << QStringLiteral("2000");
        QTest::newRow("whole") << 8000.0 << QStringLiteral("8000");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0");
        QTest::newRow("four digits") << 12.345 << QStringLiteral("12.35");
        QTest::newRow("just under 1000") << 999.5 << QStringLiteral("999.5");
        QTest::newRow("a ratio") << 0.153 << QStringLiteral("0.153");
        QTest::newRow("small") << 0.001234 << QStringLiteral("0.001234");
        QTest::newRow("negative") << -2.5 << QStringLiteral("-2.5");
        QTest::newRow("negative large") << -25000.0 << QStringLiteral("-25000");
    }
    void plainFigureIsNeverExponential()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(plainFigure(value), text);
        QVERIFY(!plainFigure(value).contains(u'e'));
    }

    void notANumberSaysSo()
    {
        QCOMPARE(plainFigure(std::numeric_limits<double>::quiet_NaN()), QStringLiteral("nan"));
    }

    void figuresInTheirUnit_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("korean");
        QTest::addColumn<QString>("english");
        QTest::newRow("ratio") << 0.126 << QStringLiteral("ratio") << QStringLiteral("13%") << QStringLiteral("13%");
        QTest::newRow("small ratio") << 0.034 << QStringLiteral("ratio") << QStringLiteral("3.4%") << QStringLiteral("3.4%");
        QTest::newRow("ms") << 15000.4 << QStringLiteral("ms") << QStringLiteral("15000 ms") << QStringLiteral("15000 ms");
        QTest::newRow("seconds") << 45.0 << QStringLiteral("s") << QStringLiteral("45초") << QStringLiteral("45 s");
        QTest::newRow("minutes") << 1860.0 << QStringLiteral("s") << QStringLiteral("31분") << QStringLiteral("31 min");
        QTest::newRow("times") << 23.14 << QStringLiteral("x") << QStringLiteral("23.1×") << QStringLiteral("23.1×");
        QTest::newRow("count") << 12.0 << QStringLiteral("count") << QStringLiteral("12건") << QStringLiteral("12");
        QTest::newRow("no unit, large") << 25000.0 << QString() << QStringLiteral("25000") << QStringLiteral("25000");
    }
    void figuresInTheirUnit()
    {
        QFETCH(double, value);
        QFETCH(QString, unit);
        QFETCH(QString, korean);
        QFETCH(QString, english);
        QCOMPARE(formatFigure(value, unit, true), korean);
        QCOMPARE(formatFigure(value, unit, false), english);
    }
};

QTEST_GUILESS_MAIN(TestAlertMessage)
#include "tst_alertmessage.moc"
