#include "models/history/MinMaxDecimator.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using sitroom::models::MinMaxDecimator;
using sitroom::models::SampleSpan;
using sitroom::models::TimeSample;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr qint64 kSecond = 1000;
constexpr int kTwelveHours = 12 * 3600;

// 12 h at 1 Hz of a noisy daily-ish curve, seeded so failures reproduce.
std::vector<TimeSample> shift(int count, quint32 seed = 7)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.0f, 3.0f);
    std::vector<TimeSample> samples;
    samples.reserve(size_t(count));
    for (int i = 0; i < count; ++i)
        samples.push_back({qint64(i) * kSecond, 100.0f + 40.0f * std::sin(float(i) / 3000.0f) + noise(rng)});
    return samples;
}

bool containsSample(const std::vector<TimeSample> &points, const TimeSample &s)
{
    for (const TimeSample &p : points) {
        if (p.timeMs == s.timeMs && p.value == s.value)
            return true;
    }
    return false;
}

void verifyTimeOrder(const std::vector<TimeSample> &points)
{
    for (size_t i = 1; i < points.size(); ++i)
        QVERIFY2(points[i - 1].timeMs <= points[i].timeMs, qPrintable(QString::number(i)));
}

} // namespace

class TestMinMaxDecimator final : public QObject
{
    Q_OBJECT

private slots:
    void fewerPointsThanPixelsAreUnchanged_data();
    void fewerPointsThanPixelsAreUnchanged();
    void shiftFitsTheScreen_data();
    void shiftFitsTheScreen();
    void oneSampleSpikesSurvive_data();
    void oneSampleSpikesSurvive();
    void windowNarrowerThanData();
    void neighboursCanBeLeftOut();
    void emptyInputs_data();
    void emptyInputs();
    void gapsBreakTheLine_data();
    void gapsBreakTheLine();
    void smallGapsPassThrough();
    void allGap();
    void ringHalvesDecimateLikeOneBlock();
    void outputBufferIsReused();
    void everyColumnKeepsItsExtremes_data();
    void everyColumnKeepsItsExtremes();
};

void TestMinMaxDecimator::fewerPointsThanPixelsAreUnchanged_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("width");
    QTest::newRow("one") << 1 << 100;
    QTest::newRow("fewer") << 50 << 100;
    QTest::newRow("exactly 2W") << 200 << 100;
}

void TestMinMaxDecimator::fewerPointsThanPixelsAreUnchanged()
{
    QFETCH(int, count);
    QFETCH(int, width);
    const auto input = shift(count);
    MinMaxDecimator decimator;
    const auto &out = decimator.decimate(input, 0, qint64(count) * kSecond, width);
    QCOMPARE(out.size(), input.size());
    for (size_t i = 0; i < input.size(); ++i) {
        QCOMPARE(out[i].timeMs, input[i].timeMs);
        QCOMPARE(out[i].value, input[i].value);
    }
}

void TestMinMaxDecimator::shiftFitsTheScreen_data()
{
    QTest::addColumn<int>("width");
    QTest::newRow("1920 px") << 1920;
    QTest::newRow("800 px") << 800;
    QTest::newRow("80 px sparkline") << 80;
    QTest::newRow("1 px") << 1;
}

void TestMinMaxDecimator::shiftFitsTheScreen()
{
    QFETCH(int, width);
    const auto input = shift(kTwelveHours);
    MinMaxDecimator decimator;
    const auto &out = decimator.decimate(input, 0, qint64(kTwelveHours - 1) * kSecond, width);

    QVERIFY(qsizetype(out.size()) <= 2 * width + 2);
    QVERIFY(out.size() >= size_t(std::min(2 * width, 2)));
    verifyTimeOrder(out);

    auto [minIt, maxIt] = std::minmax_element(input.begin(), input.end(),
        [](const TimeSample &a, const TimeSample &b) { return a.value < b.value; });
    QVERIFY(containsSample(out, *minIt));
    QVERIFY(containsSample(out, *maxIt));
    QCOMPARE(out.front().timeMs, input.front().timeMs);
    QCOMPARE(out.front().value, input.front().value);
    QCOMPARE(out.back().timeMs, input.back().timeMs);
    QCOMPARE(out.back().value, input.back().value);
    for (const TimeSample &p : out)
        QVERIFY(!MinMaxDecimator::isGap(p));
}

void TestMinMaxDecimator::oneSampleSpikesSurvive_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<float>("value");
    QTest::newRow("first") << 0 << 900.0f;
    QTest::newRow("second") << 1 << -900.0f;
    QTest::newRow("middle up") << 21'611 << 900.0f;
    QTest::newRow("middle down") << 21'612 << -900.0f;
    QTest::newRow("column edge") << 45 << 900.0f; // 22.5 samples per column at 1920 px
    QTest::newRow("before last") << kTwelveHours - 2 << 900.0f;
    QTest::newRow("last") << kTwelveHours - 1 << -900.0f;
}

void TestMinMaxDecimator::oneSampleSpikesSurvive()
{
    QFETCH(int, index);
    QFETCH(float, value);
    std::vector<TimeSample> input(static_cast<size_t>(kTwelveHours));
    for (int i = 0; i < kTwelveHours; ++i)
        input[size_t(i)] = {qint64(i) * kSecond, 50.0f};
    input[size_t(index)].value = value;

    MinMaxDecimator decimator;
    const auto &out = decimator.decimate(input, 0, qint64(kTwelveHours - 1) * kSecond, 1920);
    QVERIFY(out.size() <= 2 * 1920 + 2);
    QVERIFY(containsSample(out, input[size_t(index)]));
    verifyTimeOrder(out);
}

void TestMinMaxDecimator::windowNarrowerThanData()
{
    const auto input = shift(kTwelveHours);
    const qint64 from = 10'000 * kSecond + 500; // between samples: neighbours are 10000 and 20001
    const qint64 to = 20'000 * kSecond + 500;
    const int width = 300;
    MinMaxDecimator decimator;
    const auto &out = decimator.decimate(input, from, to, width);

    QVERIFY(qsizetype(out.size()) <= 2 * width + 2 + 2);
    verifyTimeOrder(out);
    // Neighbours just outside the window, so the line reaches the plot's edges.
    QCOMPARE(out.front().timeMs, 10'000 * kSecond);
    QCOMPARE(out.back().timeMs, 20'001 * kSecond);
    // Everything else inside; the window's extremes and its first and last kept.
    for (size_t i = 1; i + 1 < out.size(); ++i)
        QVERIFY(out[i].timeMs >= from && out[i].timeMs <= to);
    QCOMPARE(out[1].timeMs, 10'001 * kSecond);
    QCOMPARE(out[out.size() - 2].timeMs, 20'000 * kSecond);
    auto [minIt, maxIt] = std::minmax_element(input.begin() + 10'001, input.begin() + 20'001,
        [](const TimeSample &a, const TimeSample &b) { return a.value < b.value; });
    QVERIFY(containsSample(out, *minIt));
    QVERIFY(containsSample(out, *maxIt));
}

void TestMinMaxDecimator::neighboursCanBeLeftOut()
{
    const auto input = shift(1000);
    MinMaxDecimator decimator;
    decimator.setIncludeNeighbours(false);
    const auto &out = decimator.decimate(input, 100 * kSecond, 199 * kSecond, 10);
    QVERIFY(out.size() <= 2 * 10 + 2);
    QCOMPARE(out.front().timeMs, 100 * kSecond);
    QCOMPARE(out.back().timeMs, 199 * kSecond);
}

void TestMinMaxDecimator::emptyInputs_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("expected");
    QTest::newRow("no samples") << 0 << qint64(0) << qint64(1000) << 100 << 0;
    QTest::newRow("zero width") << 100 << qint64(0) << qint64(100'000) << 0 << 0;
    QTest::newRow("inverted window") << 100 << qint64(50'000) << qint64(10'000) << 100 << 0;
    QTest::newRow("window after data") << 100 << qint64(200'000) << qint64(300'000) << 100 << 1;
    QTest::newRow("window before data") << 100 << qint64(-300'000) << qint64(-200'000) << 100 << 1;
    // No sample inside, one on each side: the line still crosses the plot.
    QTest::newRow("window between samples") << 100 << qint64(10'100) << qint64(10'900) << 100 << 2;
}

void TestMinMaxDecimator::emptyInputs()
{
    QFETCH(int, count);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, width);
    QFETCH(int, expected);
    const auto input = shift(count);
    MinMaxDecimator decimator;
    QCOMPARE(int(decimator.decimate(input, from, to, width).size()), expected);
}

void TestMinMaxDecimator::gapsBreakTheLine_data()
{
    QTest::addColumn<int>("width");
    QTest::newRow("1920 px") << 1920;
    QTest::newRow("300 px") << 300;
}

void TestMinMaxDecimator::gapsBreakTheLine()
{
    QFETCH(int, width);
    auto input = shift(kTwelveHours);
    // Outages of 10 min, 2 min and 1 h, plus a one-sample dropout.
    const std::vector<std::pair<int, int>> outages = {{3'000, 600}, {20'000, 120}, {30'000, 3'600}};
    for (auto [start, length] : outages) {
        for (int i = start; i < start + length; ++i)
            input[size_t(i)].value = kNaN;
    }
    input[40'000].value = kNaN;

    MinMaxDecimator decimator;
    const auto &out = decimator.decimate(input, 0, qint64(kTwelveHours - 1) * kSecond, width);
    verifyTimeOrder(out);
    QVERIFY(qsizetype(out.size()) <= MinMaxDecimator::maxOutputSize(width));
    qsizetype finite = 0;
    for (const TimeSample &p : out)
        finite += MinMaxDecimator::isGap(p) ? 0 : 1;
    QVERIFY(finite <= 2 * width + 2);

    for (auto [start, length] : outages) {
        const qint64 runStart = qint64(start) * kSecond;
        const qint64 runEnd = qint64(start + length - 1) * kSecond;
        // No finite point inside the outage, and a marker between the points around it.
        qsizetype before = -1;
        for (size_t i = 0; i < out.size(); ++i) {
            if (!MinMaxDecimator::isGap(out[i])) {
                QVERIFY(out[i].timeMs < runStart || out[i].timeMs > runEnd);
                if (out[i].timeMs < runStart)
                    before = qsizetype(i);
            }
        }
        QVERIFY(before >= 0 && before + 1 < qsizetype(out.size()));
        QVERIFY2(MinMaxDecimator::isGap(out[size_t(before + 1)]),
                 qPrintable(QStringLiteral("outage at %1 is bridged").arg(start)));
        QCOMPARE(out[size_t(before + 1)].timeMs, runStart);
    }
}

void TestMinMaxDecimator::smallGapsPassThrough()
{
    const std::vector<TimeSample> input = {
        {0, 1.0f}, {1000, kNaN}, {2000, kNaN}, {3000, 2.0f}, {4000, kNaN}, {5000, 3.0f}};
    MinMaxDecimator decimator;
    const auto &out = decimator.decimate(input, 0, 5000, 100);
    QCOMPARE(out.size(), size_t(5)); // a run of two NaNs is one marker
    QCOMPARE(out[0].value, 1.0f);
    QVERIFY(MinMaxDecimator::isGap(out[1]));
    QCOMPARE(out[1].timeMs, 1000);
    QCOMPARE(out[2].value, 2.0f);
    QVERIFY(MinMaxDecimator::isGap(out[3]));
    QCOMPARE(out[4].value, 3.0f);
}

void TestMinMaxDecimator::allGap()
{
    std::vector<TimeSample> input(5000);
    for (size_t i = 0; i < input.size(); ++i)
        input[i] = {qint64(i) * kSecond, kNaN};
    MinMaxDecimator decimator;
    const auto &out = decimator.decimate(input, 0, 5000 * kSecond, 100);
    QCOMPARE(out.size(), size_t(1));
    QVERIFY(MinMaxDecimator::isGap(out.front()));
}

void TestMinMaxDecimator::ringHalvesDecimateLikeOneBlock()
{
    const auto input = shift(kTwelveHours);
    // A ring buffer that wrapped: newer half stored first in memory.
    const size_t split = 17'777;
    const SampleSpan ring(std::span<const TimeSample>(input.data(), split),
                          std::span<const TimeSample>(input.data() + split, input.size() - split));
    QCOMPARE(ring.size(), qsizetype(input.size()));

    MinMaxDecimator whole;
    MinMaxDecimator halves;
    const qint64 from = 12'345 * kSecond;
    const qint64 to = 23'456 * kSecond;
    const auto &a = whole.decimate(input, from, to, 640);
    const auto &b = halves.decimate(ring, from, to, 640);
    QCOMPARE(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].timeMs, b[i].timeMs);
        QCOMPARE(a[i].value, b[i].value);
    }
}

void TestMinMaxDecimator::outputBufferIsReused()
{
    const auto input = shift(kTwelveHours);
    MinMaxDecimator decimator;
    const TimeSample *first = decimator.decimate(input, 0, qint64(kTwelveHours) * kSecond, 1920).data();
    const TimeSample *second = decimator.decimate(input, kSecond, qint64(kTwelveHours) * kSecond, 1920).data();
    QCOMPARE(first, second);
}

void TestMinMaxDecimator::everyColumnKeepsItsExtremes_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("1843 px") << 1843 << 1u;
    QTest::newRow("997 px") << 997 << 2u;
    QTest::newRow("333 px") << 333 << 3u;
    QTest::newRow("7 px") << 7 << 4u;
}

// The definition, checked column by column on uneven timestamps: the column of
// a sample is floor((t - from) · width / (to - from + 1)); each column's
// minimum and maximum are in the output, and every output point inside the
// window is its column's minimum, maximum, or the window's first or last.
void TestMinMaxDecimator::everyColumnKeepsItsExtremes()
{
    QFETCH(int, width);
    QFETCH(quint32, seed);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> step(1, 2500);
    std::normal_distribution<float> noise(0.0f, 10.0f);
    std::vector<TimeSample> input;
    qint64 t = 0;
    for (int i = 0; i < 30'000; ++i) {
        t += step(rng);
        input.push_back({t, noise(rng)});
    }
    const qint64 from = input[1000].timeMs + 3;
    const qint64 to = input[28'000].timeMs - 7;
    MinMaxDecimator decimator;
    decimator.setIncludeNeighbours(false);
    const auto &out = decimator.decimate(input, from, to, width);

    const double scale = double(width) / (double(to) - double(from) + 1.0);
    const auto columnOf = [&](qint64 ms) { return std::clamp(int((double(ms) - double(from)) * scale), 0, width - 1); };
    std::vector<float> lo(size_t(width), std::numeric_limits<float>::infinity());
    std::vector<float> hi(size_t(width), -std::numeric_limits<float>::infinity());
    std::vector<TimeSample> inside;
    for (const TimeSample &s : input) {
        if (s.timeMs < from || s.timeMs > to)
            continue;
        inside.push_back(s);
        const auto c = size_t(columnOf(s.timeMs));
        lo[c] = std::min(lo[c], s.value);
        hi[c] = std::max(hi[c], s.value);
    }
    QVERIFY(inside.size() > size_t(2 * width));
    for (const TimeSample &s : inside) {
        const auto c = size_t(columnOf(s.timeMs));
        if (s.value == lo[c] || s.value == hi[c])
            QVERIFY2(containsSample(out, s), qPrintable(QStringLiteral("column %1 at %2 ms").arg(c).arg(s.timeMs)));
    }
    for (const TimeSample &p : out) {
        const auto c = size_t(columnOf(p.timeMs));
        const bool edge = p.timeMs == inside.front().timeMs || p.timeMs == inside.back().timeMs;
        QVERIFY2(edge || p.value == lo[c] || p.value == hi[c], qPrintable(QString::number(p.timeMs)));
    }
}

QTEST_GUILESS_MAIN(TestMinMaxDecimator)
#include "tst_minmaxdecimator.moc"
