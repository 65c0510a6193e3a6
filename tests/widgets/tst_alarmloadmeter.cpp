// The alarm load meter on its own, offscreen: its words (the counts and one
// verdict, so it reads without colour, and for a screen reader), its bar's
// three bands painted where ISA-18.2's targets are (≤ 2 calm, 3–10 busy,
// > 10 flood, on a scale to 20), the marker at the load and held at the end
// beyond it, and a critical alert nobody acknowledged in white on red, never
// called calm however quiet the rate.
#include "widgets/alerts/AlarmLoadMeter.h"

#include <QImage>

#include <cmath>
#include <QtTest>

using sitroom::models::AlarmLoadBand;
using sitroom::models::AlarmPicture;
using sitroom::models::AlarmVerdict;
using sitroom::widgets::AlarmLoadMeter;

Q_DECLARE_METATYPE(sitroom::models::AlarmPicture)

namespace {

const QRgb kCalmBand = qRgb(0xe0, 0xe0, 0xe0);
const QRgb kBusyBand = qRgb(0xf6, 0xd8, 0x8a);
const QRgb kFloodBand = qRgb(0xef, 0xa0, 0xa0);
const QRgb kMarker = qRgb(0x21, 0x21, 0x21);
const QRgb kAlarmRed = qRgb(0xa3, 0x1c, 0x1c);
constexpr double kScale = 20;   // the bar's end, in starts per 10 minutes

AlarmPicture picture(quint32 started, int standing = 0, int unacked = 0, int critical = 0, bool flood = false)
{
    AlarmPicture p;
    p.startedLast10min = started;
    p.standing = standing;
    p.unacknowledged = unacked;
    p.unacknowledgedCritical = critical;
    p.flood = flood;
    return p;
}

QImage paint(AlarmLoadMeter &meter)
{
    return meter.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

// The bar's middle row: the rows that hold the busy band's colour a third of the way along.
int barRow(const QImage &image)
{
    const int x = image.width() * 3 / 10;
    int first = -1, last = -1;
    for (int y = 0; y < image.height(); ++y) {
        if (image.pixel(x, y) == kBusyBand) {
            if (first < 0)
                first = y;
            last = y;
        }
    }
    return first < 0 ? -1 : (first + last) / 2;
}

// The marker's x on that row (the middle of its dark pixels), or -1.
double markerAt(const QImage &image, int row)
{
    int sum = 0, n = 0;
    for (int x = 0; x < image.width(); ++x) {
        if (image.pixel(x, row) == kMarker) {
            sum += x;
            ++n;
        }
    }
    return n == 0 ? -1 : double(sum) / n;
}

int pixelsOf(const QImage &image, QRgb colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += image.pixel(x, y) == colour;
    }
    return n;
}

} // namespace

class tst_AlarmLoadMeter : public QObject
{
    Q_OBJECT

private slots:
    void wordsAndVerdicts_data()
    {
        QTest::addColumn<AlarmPicture>("picture");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QString>("text");
        QTest::newRow("calm") << picture(1, 1, 0) << int(AlarmVerdict::Calm)
                              << QStringLiteral("1 started / 10 min · 1 standing · 0 unacknowledged · Calm (target ≤ 2)");
        QTest::newRow("waiting") << picture(1, 1, 1) << int(AlarmVerdict::Waiting)
                                 << QStringLiteral("1 started / 10 min · 1 standing · 1 unacknowledged · Waiting: acknowledge the alerts");
        QTest::newRow("many standing") << picture(0, 12, 0) << int(AlarmVerdict::Waiting)
                                       << QStringLiteral("0 started / 10 min · 12 standing · 0 unacknowledged · Many standing (target < 10)");
        QTest::newRow("busy") << picture(5, 5, 0) << int(AlarmVerdict::Busy)
                              << QStringLiteral("5 started / 10 min · 5 standing · 0 unacknowledged · Busy (above target)");
        QTest::newRow("quiet but a critical waits") << picture(0, 1, 1, 1) << int(AlarmVerdict::CriticalUnacknowledged)
                                                    << QStringLiteral("0 started / 10 min · 1 standing · 1 unacknowledged (1 critical) · "
                                                                      "Critical unacknowledged: acknowledge now");
        QTest::newRow("flood") << picture(14, 14, 14, 10) << int(AlarmVerdict::Flood)
                               << QStringLiteral("14 started / 10 min · 14 standing · 14 unacknowledged (10 critical) · "
                                                 "Flood: grouped by source");
    }

    void wordsAndVerdicts()
    {
        QFETCH(AlarmPicture, picture);
        QFETCH(int, verdict);
        QFETCH(QString, text);
        AlarmLoadMeter meter;
        meter.setPicture(picture);
        QCOMPARE(int(meter.verdict()), verdict);
        QCOMPARE(meter.text(), text);
        QCOMPARE(meter.accessibleName(), text);   // what a screen reader says is what is shown
    }

    void shelvedAreCountedApart()
    {
        AlarmLoadMeter meter;
        AlarmPicture p = picture(2, 3, 0);
        p.shelved = 2;
        meter.setPicture(p);
        QCOMPARE(meter.figuresText(), QStringLiteral("2 started / 10 min · 3 standing · 0 unacknowledged · 2 shelved"));
    }

    void barHasItsThreeBandsWhereTheTargetsAre()
    {
        AlarmLoadMeter meter;
        meter.resize(400, meter.sizeHint().height());
        meter.setPicture(picture(0));
        const QImage image = paint(meter);
        const int row = barRow(image);
        QVERIFY(row > 0);
        // The bar spans the width; each band from its target to the next.
        const auto at = [&](double load) { return int(1 + (image.width() - 2) * load / kScale); };
        QCOMPARE(image.pixel(at(1.5), row), kCalmBand);
        QCOMPARE(image.pixel(at(3.5), row), kBusyBand);
        QCOMPARE(image.pixel(at(9.5), row), kBusyBand);
        QCOMPARE(image.pixel(at(11.5), row), kFloodBand);
        QCOMPARE(image.pixel(at(19), row), kFloodBand);
    }

    void markerSitsAtTheLoadAndStaysOnTheBarBeyondIt_data()
    {
        QTest::addColumn<uint>("load");
        QTest::addColumn<double>("expected");   // in starts per 10 minutes along the bar
        QTest::newRow("calm") << 1u << 1.0;
        QTest::newRow("busy") << 7u << 7.0;
        QTest::newRow("flood") << 14u << 14.0;
        QTest::newRow("beyond the scale") << 45u << kScale;
    }

    void markerSitsAtTheLoadAndStaysOnTheBarBeyondIt()
    {
        QFETCH(uint, load);
        QFETCH(double, expected);
        AlarmLoadMeter meter;
        meter.resize(400, meter.sizeHint().height());
        meter.setPicture(picture(load, int(load)));
        const QImage image = paint(meter);
        const int row = barRow(image);
        QVERIFY(row > 0);
        const double x = markerAt(image, row);
        const double want = 1 + (image.width() - 2) * expected / kScale;
        QVERIFY2(x >= 0 && std::abs(x - want) <= 3.0, qPrintable(QStringLiteral("marker at %1, expected about %2").arg(x).arg(want)));
        QVERIFY(x < image.width() - 1);   // never off the bar
    }

    void criticalUnacknowledgedIsWhiteOnRed()
    {
        AlarmLoadMeter meter;
        meter.resize(400, meter.sizeHint().height());
        meter.setPicture(picture(0, 1, 1, 1));
        QCOMPARE(meter.band(), AlarmLoadBand::Calm);   // the rate alone would be calm…
        QVERIFY(pixelsOf(paint(meter), kAlarmRed) > 200);   // …the word stands in its red block
        QVERIFY(pixelsOf(paint(meter), qRgb(0xff, 0xff, 0xff)) > 0);
        // Acknowledged: no red block.
        meter.setPicture(picture(0, 1, 0, 0));
        QCOMPARE(pixelsOf(paint(meter), kAlarmRed), 0);
    }

    void sizeFollowsTheWords()
    {
        AlarmLoadMeter meter;
        meter.setPicture(picture(1));
        const int narrow = meter.sizeHint().width();
        AlarmPicture wide = picture(1234, 5678, 910, 11);
        wide.shelved = 1213;
        meter.setPicture(wide);
        QVERIFY(meter.sizeHint().width() > narrow);
        QCOMPARE(meter.sizeHint().height(), meter.minimumSizeHint().height());
    }
};


QTEST_MAIN(tst_AlarmLoadMeter)
#include "tst_alarmloadmeter.moc"
