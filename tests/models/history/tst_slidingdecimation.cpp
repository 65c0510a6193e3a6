#include "models/history/SlidingDecimation.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using sitroom::models::MinMaxDecimator;
using sitroom::models::SlidingDecimation;
using sitroom::models::TimeSample;

namespace {

constexpr qint64 kSecond = 1000;
constexpr int kWidth = 600;

// One sample a second, noisy, seeded so failures reproduce.
void grow(std::vector<TimeSample> &samples, int seconds, quint32 seed = 11)
{
    std::mt19937 rng(seed + quint32(samples.size()));
    std::normal_distribution<float> noise(0.0f, 5.0f);
    for (int i = 0; i < seconds; ++i) {
        const qint64 t = qint64(samples.size()) * kSecond;
        samples.push_back({t, 50.0f + 20.0f * std::sin(float(t) / 4e6f) + noise(rng)});
    }
}

bool sameAs(const std::vector<TimeSample> &a, const std::vector<TimeSample> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].timeMs != b[i].timeMs || !(a[i].value == b[i].value || (std::isnan(a[i].value) && std::isnan(b[i].value))))
            return false;
    }
    return true;
}

} // namespace

class TestSlidingDecimation final : public QObject
{
    Q_OBJECT

private slots:
    // A window following the data: new seconds are appended as they are until
    // the window has moved a pixel column, then the whole window is decimated
    // again, exactly as MinMaxDecimator would.
    void followsTheDataAndCatchesUpEveryColumn()
    {
        std::vector<TimeSample> data;
        grow(data, 6 * 3600);
        SlidingDecimation sliding;
        const auto window = [&] { return std::pair{data.front().timeMs, data.back().timeMs}; };
        auto [from, to] = window();
        const std::vector<TimeSample> first = sliding.update(data, from, to, kWidth);
        QVERIFY(sliding.lastWasFull());
        QVERIFY(first.size() <= size_t(2 * kWidth + 2));
        MinMaxDecimator exact;
        QVERIFY(sameAs(first, exact.decimate(data, from, to, kWidth)));

        // Five more seconds: well inside a 36-second column.
        grow(data, 5);
        std::tie(from, to) = window();
        const auto &extended = sliding.update(data, from, to, kWidth);
        QVERIFY(!sliding.lastWasFull());
        QCOMPARE(extended.size(), first.size() + 5);
        for (int k = 0; k < 5; ++k) {
            const TimeSample &got = extended[first.size() + size_t(k)];
            const TimeSample &want = data[data.size() - 5 + size_t(k)];
            QCOMPARE(got.timeMs, want.timeMs);
            QCOMPARE(got.value, want.value);
        }

        // A column later: in full again, and exact.
        grow(data, 40);
        std::tie(from, to) = window();
        const auto &caughtUp = sliding.update(data, from, to, kWidth);
        QVERIFY(sliding.lastWasFull());
        QVERIFY(sameAs(caughtUp, exact.decimate(data, from, to, kWidth)));
    }

    void aSlidingWindowOfFixedLength()
    {
        std::vector<TimeSample> data;
        grow(data, 4 * 3600);
        SlidingDecimation sliding;
        constexpr qint64 kSpan = 3 * 3600 * kSecond;
        int full = 0;
        for (int s = 0; s < 200; ++s) {
            grow(data, 1);
            const qint64 to = data.back().timeMs;
            sliding.update(data, to - kSpan, to, kWidth);
            full += sliding.lastWasFull();
        }
        // 200 seconds over 18-second columns: a full pass about every column.
        QVERIFY2(full >= 200 / 18 && full <= 200 / 18 + 2, qPrintable(QString::number(full)));
    }

    void anythingElseDecimatesInFull_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("width") << QStringLiteral("width");
        QTest::newRow("window went back") << QStringLiteral("back");
        QTest::newRow("data replaced") << QStringLiteral("replaced");
        QTest::newRow("invalidated") << QStringLiteral("invalidate");
    }

    void anythingElseDecimatesInFull()
    {
        QFETCH(QString, change);
        std::vector<TimeSample> data;
        grow(data, 3600);
        SlidingDecimation sliding;
        qint64 from = data.front().timeMs;
        qint64 to = data.back().timeMs;
        sliding.update(data, from, to, kWidth);
        grow(data, 1);
        to = data.back().timeMs;
        int width = kWidth;
        if (change == u"width")
            width = kWidth - 1;
        else if (change == u"back")
            from -= kSecond;
        else if (change == u"replaced")
            data[data.size() - 2].value += 1.0f; // the newest sample the full pass saw
        else
            sliding.invalidate();
        const auto &points = sliding.update(data, from, to, width);
        QVERIFY(sliding.lastWasFull());
        MinMaxDecimator exact;
        QVERIFY(sameAs(points, exact.decimate(data, from, to, width)));
    }

    void gapsInTheNewSecondsBreakTheLineOnce()
    {
        std::vector<TimeSample> data;
        grow(data, 3600);
        SlidingDecimation sliding;
        const size_t before = sliding.update(data, data.front().timeMs, data.back().timeMs, kWidth).size();
        for (int k = 0; k < 3; ++k)
            data.push_back({qint64(data.size()) * kSecond, std::numeric_limits<float>::quiet_NaN()});
        grow(data, 2);
        const auto &points = sliding.update(data, data.front().timeMs, data.back().timeMs, kWidth);
        QVERIFY(!sliding.lastWasFull());
        QCOMPARE(points.size(), before + 3); // one gap marker, two samples
        QVERIFY(MinMaxDecimator::isGap(points[before]));
        QVERIFY(!MinMaxDecimator::isGap(points[before + 1]));
    }
};

QTEST_GUILESS_MAIN(TestSlidingDecimation)
#include "tst_slidingdecimation.moc"
