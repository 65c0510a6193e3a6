#include "widgets/chart/Sparkline.h"

#include <QImage>
#include <QPixmap>
#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using sitroom::models::SampleSpan;
using sitroom::models::TimeSample;
using sitroom::widgets::Sparkline;

class TestSparkline final : public QObject
{
    Q_OBJECT

private slots:
    void paintsAnyAmount_data();
    void paintsAnyAmount();
    void abnormalColourShows();
    void sourceIsReadAtPaintTime();
    void minimumSize();
};

void TestSparkline::paintsAnyAmount_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("withGap");
    QTest::newRow("empty") << 0 << 120 << false;
    QTest::newRow("one") << 1 << 120 << false;
    QTest::newRow("two") << 2 << 80 << false;
    QTest::newRow("ten minutes at 1 Hz") << 600 << 80 << false;
    QTest::newRow("twelve hours at 1 Hz") << 43'200 << 200 << false;
    QTest::newRow("with a gap") << 600 << 120 << true;
}

void TestSparkline::paintsAnyAmount()
{
    QFETCH(int, count);
    QFETCH(int, width);
    QFETCH(bool, withGap);
    std::vector<TimeSample> data;
    for (int i = 0; i < count; ++i) {
        const bool gap = withGap && i >= 200 && i < 260;
        data.push_back({qint64(i) * 1000,
                        gap ? std::numeric_limits<float>::quiet_NaN() : float(std::sin(i / 30.0) * 10.0)});
    }
    Sparkline spark;
    spark.resize(width, 24);
    spark.setThreshold(5.0);
    spark.setSamples(data);
    const QImage image = spark.grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), width * int(image.devicePixelRatio()));

    const int inWindow = std::min(count, 601); // last 10 minutes at 1 Hz, both ends
    QVERIFY(spark.pointCount() <= 2 * spark.plotPixelWidth() + 2);
    if (count == 0)
        QCOMPARE(spark.pointCount(), 0);
    else if (inWindow <= 2 * spark.plotPixelWidth())
        QCOMPARE(spark.pointCount(), withGap ? inWindow - 60 : inWindow);
    else
        QVERIFY(spark.pointCount() > spark.plotPixelWidth());
}

void TestSparkline::abnormalColourShows()
{
    std::vector<TimeSample> data;
    for (int i = 0; i < 600; ++i)
        data.push_back({qint64(i) * 1000, float(i % 50)});
    Sparkline spark;
    spark.resize(100, 30);
    spark.setSamples(data);
    spark.setAbnormalColor(QColor(255, 0, 0));
    const auto hasRed = [&] {
        const QImage image = spark.grab().toImage();
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.red() > 200 && c.green() < 80 && c.blue() < 80)
                    return true;
            }
        }
        return false;
    };
    QVERIFY(!hasRed());
    spark.setAbnormal(true);
    QVERIFY(hasRed());
}

void TestSparkline::sourceIsReadAtPaintTime()
{
    std::vector<TimeSample> ring;
    Sparkline spark;
    spark.resize(100, 30);
    int calls = 0;
    spark.setSource([&] {
        ++calls;
        return SampleSpan(ring);
    });
    spark.grab();
    QCOMPARE(spark.pointCount(), 0);
    for (int i = 0; i < 30; ++i)
        ring.push_back({qint64(i) * 1000, float(i)});
    spark.samplesChanged();
    spark.grab();
    QCOMPARE(spark.pointCount(), 30);
    QVERIFY(calls >= 2);
}

void TestSparkline::minimumSize()
{
    Sparkline spark;
    QVERIFY(spark.minimumSizeHint().width() >= 80);
    QVERIFY(spark.minimumSizeHint().height() >= 24);
}

QTEST_MAIN(TestSparkline)
#include "tst_sparkline.moc"
