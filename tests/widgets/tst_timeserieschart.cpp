#include "widgets/chart/TimeSeriesChart.h"

#include <QCoreApplication>
#include <QImage>
#include <QPixmap>
#include <QTime>
#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using sitroom::models::SampleSpan;
using sitroom::models::TimeSample;
using sitroom::widgets::TimeSeriesChart;

namespace {

constexpr qint64 kSecond = 1000;
constexpr int kTwelveHours = 12 * 3600;
constexpr qint64 kOrigin = 1'700'000'000'000; // a session start on the epoch clock

std::vector<TimeSample> shift(int series, int count = kTwelveHours)
{
    std::vector<TimeSample> samples(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        const float v = 100.0f * float(series + 1) + 30.0f * std::sin(float(i) / float(500 + 37 * series))
                        + float((i * 7919) % 13);
        samples[size_t(i)] = {kOrigin + qint64(i) * kSecond, v};
    }
    return samples;
}

// Pixels of exactly this colour in the image.
int pixelsOf(const QImage &image, QRgb colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            n += (line[x] & 0xffffff) == (colour & 0xffffff);
    }
    return n;
}

// Drawn, and nothing more to draw: a rebuild done, none pending, and none
// asked for by the layout of what it drew (the chart's plot area settles in
// posted layout events, which may ask for a follow-up rebuild).
bool drawnAndLaidOut(TimeSeriesChart &chart)
{
    QCoreApplication::sendPostedEvents();
    return chart.rebuildCount() > 0 && !chart.rebuildPending();
}

} // namespace

class TestTimeSeriesChart final : public QObject
{
    Q_OBJECT

private slots:
    void shiftOfEightSeriesIsDecimated();
    void burstOfUpdatesCostsOneRebuild();
    void resizeReDecimates();
    void axisFollowsTheWindow();
    void gapsSplitTheLine();
    void thresholdsAndBandsCountInTheRange();
    void zeroBased();
    void linesArePaintedInTheirColours();
    void axisReadsTheLiveSystemsClock_data();
    void axisReadsTheLiveSystemsClock();
    void noTimesBeforeAnythingPlacesTheAxis();
};

void TestTimeSeriesChart::shiftOfEightSeriesIsDecimated()
{
    TimeSeriesChart chart;
    chart.setOrigin(kOrigin);
    chart.resize(1200, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));

    std::vector<std::vector<TimeSample>> data;
    for (int s = 0; s < 8; ++s) {
        data.push_back(shift(s));
        const int index = chart.addSeries(QStringLiteral("series %1").arg(s), QColor::fromHsv(s * 40, 200, 150));
        QCOMPARE(index, s);
        chart.setSamples(index, data.back());
    }
    QTRY_VERIFY(chart.rebuildCount() > 0 && !chart.rebuildPending());
    const int width = chart.plotPixelWidth();
    QVERIFY(width > 100 && width < 1200);
    for (int s = 0; s < 8; ++s) {
        QVERIFY2(chart.pointCount(s) > width, qPrintable(QString::number(chart.pointCount(s))));
        QVERIFY(chart.pointCount(s) <= 2 * width + 2);
    }
    // Extremes survive decimation, so the value axis covers every series.
    const auto [lo, hi] = chart.displayedValueRange();
    QVERIFY(lo <= 100.0 - 30.0);
    QVERIFY(hi >= 800.0 + 30.0);

    const QImage image = chart.grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), chart.size() * image.devicePixelRatio());
    // Something other than the background got drawn.
    const QRgb background = image.pixel(2, 2);
    int other = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            other += image.pixel(x, y) != background ? 1 : 0;
    }
    QVERIFY(other > 100);
}

void TestTimeSeriesChart::burstOfUpdatesCostsOneRebuild()
{
    TimeSeriesChart chart;
    chart.setOrigin(kOrigin);
    chart.resize(800, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const int series = chart.addSeries(QStringLiteral("queue"), Qt::darkGray);
    auto data = shift(0, 3600);
    chart.setSamples(series, data);
    // The first drawing changes the value labels' width and so the plot area,
    // which asks for one follow-up rebuild; let that settle first: a rebuild
    // done, and none asked for once the chart has laid out what it drew.
    QTRY_VERIFY(drawnAndLaidOut(chart));

    const int before = chart.rebuildCount();
    for (int i = 0; i < 200; ++i) {
        data[size_t(i)].value = float(i);
        chart.setSamples(series, data);
        chart.samplesChanged();
    }
    QCOMPARE(chart.rebuildCount(), before); // nothing drawn synchronously
    QVERIFY(chart.rebuildPending());
    QTRY_VERIFY(!chart.rebuildPending());
    QCOMPARE(chart.rebuildCount(), before + 1);
    QVERIFY(chart.pointCount(series) > 0);
}

void TestTimeSeriesChart::resizeReDecimates()
{
    TimeSeriesChart chart;
    chart.setOrigin(kOrigin);
    chart.resize(1400, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const int series = chart.addSeries(QStringLiteral("arrivals"), Qt::darkBlue);
    const auto data = shift(1);
    chart.setSamples(series, data);
    QTRY_VERIFY(chart.rebuildCount() > 0 && !chart.rebuildPending());
    const int wideWidth = chart.plotPixelWidth();
    const int widePoints = chart.pointCount(series);
    QVERIFY(widePoints > wideWidth);

    chart.resize(400, 300);
    QTRY_VERIFY(chart.plotPixelWidth() < wideWidth / 2);
    QTRY_VERIFY(!chart.rebuildPending());
    const int narrowWidth = chart.plotPixelWidth();
    QTRY_VERIFY(chart.pointCount(series) <= 2 * narrowWidth + 2);
    QVERIFY(chart.pointCount(series) < widePoints);
}

void TestTimeSeriesChart::axisFollowsTheWindow()
{
    TimeSeriesChart chart;
    chart.setOrigin(kOrigin);
    chart.resize(900, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const int series = chart.addSeries(QStringLiteral("bookings"), Qt::black);
    const auto data = shift(2);
    chart.setSamples(series, data);

    // Without a window the chart follows the data.
    QTRY_VERIFY(chart.rebuildCount() > 0 && !chart.rebuildPending());
    QCOMPARE(chart.displayedTimeWindow().first, data.front().timeMs);
    QCOMPARE(chart.displayedTimeWindow().second, data.back().timeMs);

    const qint64 from = kOrigin + 6 * 3600 * kSecond;
    const qint64 to = from + 45 * 60 * kSecond;
    chart.setTimeWindow(from, to);
    QTRY_COMPARE(chart.displayedTimeWindow(), std::make_pair(from, to));
    // 45 minutes at 1 Hz is 2700 samples: more than 2 per pixel at 900 px, so decimated.
    QVERIFY(chart.pointCount(series) <= 2 * chart.plotPixelWidth() + 4);

    chart.setTimeWindow(to, to + 60 * kSecond);
    QTRY_COMPARE(chart.displayedTimeWindow(), std::make_pair(to, to + 60 * kSecond));
    // 61 samples plus the two neighbours: shown as they are.
    QCOMPARE(chart.pointCount(series), 63);
}

void TestTimeSeriesChart::gapsSplitTheLine()
{
    TimeSeriesChart chart;
    chart.resize(900, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const int series = chart.addSeries(QStringLiteral("p95"), Qt::black);
    std::vector<TimeSample> data;
    for (int i = 0; i < 100; ++i)
        data.push_back({qint64(i) * kSecond, (i >= 40 && i < 60) ? std::numeric_limits<float>::quiet_NaN()
                                                                   : float(i)});
    chart.setSamples(series, data);
    QTRY_VERIFY(chart.rebuildCount() > 0 && !chart.rebuildPending());
    QCOMPARE(chart.pointCount(series), 80); // the 20 NaN seconds are a break, not points
    const auto [lo, hi] = chart.displayedValueRange();
    QVERIFY(lo <= 0.0 && hi >= 99.0);
    QVERIFY(!chart.grab().isNull());
}

void TestTimeSeriesChart::thresholdsAndBandsCountInTheRange()
{
    TimeSeriesChart chart;
    chart.resize(700, 350);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const int series = chart.addSeries(QStringLiteral("bookings/min"), Qt::black);
    std::vector<TimeSample> data = {{0, 10.0f}, {60'000, 12.0f}, {120'000, 11.0f}};
    chart.setSamples(series, data);
    const int threshold = chart.addThreshold(50.0, Qt::darkRed, QStringLiteral("limit"));
    QTRY_VERIFY(chart.rebuildCount() > 0 && !chart.rebuildPending());
    QVERIFY(chart.displayedValueRange().second >= 50.0);

    chart.setThresholdValue(threshold, 20.0);
    const int band = chart.addBand(QStringLiteral("expected"), QColor(0x80, 0x80, 0xc0));
    const std::vector<TimeSample> lower = {{0, 5.0f}, {120'000, 8.0f}};
    const std::vector<TimeSample> upper = {{0, 15.0f}, {120'000, 300.0f}};
    chart.setBandSamples(band, lower, upper);
    QTRY_VERIFY(chart.displayedValueRange().second >= 300.0);
    QVERIFY(chart.displayedValueRange().second < 1000.0);
    QVERIFY(chart.displayedValueRange().first <= 5.0);
    QVERIFY(!chart.grab().isNull());
}

void TestTimeSeriesChart::zeroBased()
{
    TimeSeriesChart chart;
    chart.resize(600, 300);
    const int series = chart.addSeries(QStringLiteral("queue"), Qt::black);
    std::vector<TimeSample> data = {{0, 1000.0f}, {1000, 1010.0f}, {2000, 1005.0f}};
    chart.setSamples(series, data);
    QTRY_VERIFY(chart.rebuildCount() > 0 && !chart.rebuildPending());
    QVERIFY(chart.displayedValueRange().first > 900.0);
    chart.setZeroBased(true);
    QTRY_COMPARE(chart.displayedValueRange().first, 0.0);
}

// The lines are ours to paint (TraceLayer): each visible series' colour is on
// screen, dense (12 h at 1 Hz) and sparse (a minute) alike, with a break where
// the data has a gap; a hidden series is not.
void TestTimeSeriesChart::linesArePaintedInTheirColours()
{
    TimeSeriesChart chart;
    chart.resize(900, 400);
    chart.setLegendVisible(false); // the legend's markers would show the colours too
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QColor dense(0xd0, 0x10, 0x10);
    const QColor sparse(0x10, 0x10, 0xd0);
    const QColor hidden(0x10, 0xa0, 0x10);
    const auto twelveHours = shift(0);
    std::vector<TimeSample> minute;
    for (int i = 0; i < 60; ++i)
        minute.push_back({kOrigin + qint64(i) * 720 * kSecond, 180.0f});
    const int a = chart.addSeries(QStringLiteral("dense"), dense, 2.0);
    const int b = chart.addSeries(QStringLiteral("sparse"), sparse, 2.0);
    const int c = chart.addSeries(QStringLiteral("hidden"), hidden, 2.0);
    chart.setSamples(a, twelveHours);
    chart.setSamples(b, minute);
    chart.setSamples(c, twelveHours);
    chart.setSeriesVisible(c, false);
    QTRY_VERIFY(chart.rebuildCount() > 0 && !chart.rebuildPending());
    const QImage image = chart.grab().toImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY2(pixelsOf(image, dense.rgb()) > 200, qPrintable(QString::number(pixelsOf(image, dense.rgb()))));
    QVERIFY2(pixelsOf(image, sparse.rgb()) > 200, qPrintable(QString::number(pixelsOf(image, sparse.rgb()))));
    QCOMPARE(pixelsOf(image, hidden.rgb()), 0);
    // Nothing is drawn outside the plot area: the top rows (margin) stay clear.
    QCOMPARE(pixelsOf(image.copy(0, 0, image.width(), 3), dense.rgb()), 0);
}

void TestTimeSeriesChart::axisReadsTheLiveSystemsClock_data()
{
    QTest::addColumn<QByteArray>("machineZone");
    QTest::newRow("machine on UTC") << QByteArrayLiteral("UTC");
    QTest::newRow("machine in New York") << QByteArrayLiteral("America/New_York");
}

// Clock times on the live system's clock at round times (20:00, 20:15), not
// "-30 min" from a session start that is not now; the title names the clock.
void TestTimeSeriesChart::axisReadsTheLiveSystemsClock()
{
    QFETCH(QByteArray, machineZone);
    qputenv("TZ", machineZone);
    constexpr qint64 kSessionStart = 1628504580000; // 2021-08-09 19:23:00 KST: an odd minute
    constexpr qint64 k1950 = 1628506200000;         // 19:50 KST
    TimeSeriesChart chart;
    chart.setOrigin(kSessionStart);
    chart.resize(900, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const int series = chart.addSeries(QStringLiteral("queue"), Qt::black);
    std::vector<TimeSample> data;
    for (qint64 t = kSessionStart; t <= k1950 + 40 * 60 * kSecond; t += 10 * kSecond)
        data.push_back({t, float((t / 1000) % 97)});
    chart.setSamples(series, data);
    chart.setTimeWindow(k1950, k1950 + 30 * 60 * kSecond);
    QTRY_VERIFY(chart.rebuildCount() > 0 && !chart.rebuildPending());
    QTRY_COMPARE(chart.displayedTimeWindow().first, k1950);

    const QStringList labels = chart.timeAxisLabels();
    QVERIFY2(labels.contains(QStringLiteral("20:00")), qPrintable(labels.join(u' ')));
    QVERIFY2(labels.contains(QStringLiteral("20:15")), qPrintable(labels.join(u' ')));
    QVERIFY2(labels.contains(QStringLiteral("19:50")), qPrintable(labels.join(u' ')));
    for (const QString &label : labels) {
        QVERIFY2(QTime::fromString(label, QStringLiteral("HH:mm")).isValid(), qPrintable(label));
        QCOMPARE(QTime::fromString(label, QStringLiteral("HH:mm")).minute() % 5, 0);
    }
    QCOMPARE(chart.timeAxisTitle(), QStringLiteral("Live system's clock (KST)"));

    // A live system in another zone: the same instants, read on its clock.
    chart.setClock(sitroom::domain::LiveClock(QStringLiteral("UTC")));
    QTRY_VERIFY(chart.timeAxisLabels().contains(QStringLiteral("11:00")));
    QVERIFY(!chart.timeAxisLabels().contains(QStringLiteral("20:00")));
    QCOMPARE(chart.timeAxisTitle(), QStringLiteral("Live system's clock (UTC)"));
}

// Before any sample or window (the live system's clock not known yet) the
// axis has no labels: not 09:00:00, the Unix epoch read in KST.
void TestTimeSeriesChart::noTimesBeforeAnythingPlacesTheAxis()
{
    TimeSeriesChart chart;
    chart.resize(900, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const int series = chart.addSeries(QStringLiteral("queue"), Qt::black);
    QTRY_VERIFY(chart.rebuildCount() > 0 && !chart.rebuildPending());
    QVERIFY2(chart.timeAxisLabels().isEmpty(), qPrintable(chart.timeAxisLabels().join(u' ')));

    constexpr qint64 k2000 = 1628506800000;   // 2021-08-09 20:00 KST
    std::vector<TimeSample> data;
    for (qint64 t = k2000; t <= k2000 + 10 * 60 * kSecond; t += 10 * kSecond)
        data.push_back({t, 1.0f});
    chart.setSamples(series, data);
    QTRY_VERIFY2(chart.timeAxisLabels().contains(QStringLiteral("20:10")), qPrintable(chart.timeAxisLabels().join(u' ')));
}

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_timeserieschart.moc"
