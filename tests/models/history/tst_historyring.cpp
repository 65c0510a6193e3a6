#include "models/history/HistoryRing.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

using sitroom::models::HistoryRing;
using sitroom::models::SampleSpan;
using sitroom::models::TimeSample;
using namespace sitroom;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000; // an epoch time, whole seconds
constexpr qint64 kSecond = 1000;

// Sample at time kT0 + s seconds carries, in every column, a value derived from s
// alone, so any sample's expected value is known wherever it came from.
float queueAt(qint64 s) { return float(100 + s); }
float arrivalsAt(qint64 s) { return float(s) + 0.5f; }
float p95At(const std::string &id, qint64 s) { return float(s) * 2.0f + float(id.size()); }

v1::History makeHistory(qint64 firstSecond, int n, const std::vector<std::string> &providers = {"naver"})
{
    v1::History h;
    h.set_first_time_ms(kT0 + firstSecond * kSecond);
    h.set_step_ms(1000);
    for (int i = 0; i < n; ++i) {
        const qint64 s = firstSecond + i;
        h.add_queue_depth(quint64(queueAt(s)));
        h.add_arrivals_per_s(arrivalsAt(s));
        h.add_admitted_per_s(1);
        h.add_abandoned_per_s(2);
        h.add_bookings_per_s(3);
        h.add_auth_attempts_per_s(4);
        h.add_backend_utilization(0.25f);
        h.add_rate_limit_per_s(700);
    }
    for (const std::string &id : providers) {
        v1::ProviderSeries *series = h.add_providers();
        series->set_id(id);
        for (int i = 0; i < n; ++i) {
            series->add_light(v1::LIGHT_YELLOW);
            series->add_p95_latency_ms(p95At(id, firstSecond + i));
            series->add_error_rate(0.125f);
            series->add_requests_per_s(10);
        }
    }
    return h;
}

std::vector<TimeSample> collect(const SampleSpan &span)
{
    std::vector<TimeSample> out;
    for (qsizetype i = 0; i < span.size(); ++i)
        out.push_back(span[i]);
    return out;
}

std::vector<TimeSample> collect(const HistoryRing &ring, int column, qint64 from, qint64 to)
{
    std::vector<TimeSample> out;
    ring.forEach(column, from, to, [&](qint64 t, float v) { out.push_back({t, v}); });
    return out;
}

// Times strictly one step apart from `firstMs`, `count` of them.
void verifyContiguous(const std::vector<TimeSample> &samples, qint64 firstMs, std::size_t count)
{
    QCOMPARE(samples.size(), count);
    for (std::size_t i = 0; i < samples.size(); ++i)
        QCOMPARE(samples[i].timeMs, firstMs + qint64(i) * kSecond);
}

} // namespace

class tst_HistoryRing : public QObject
{
    Q_OBJECT

private slots:
    void columnNames();
    void appendInOrder_data();
    void appendInOrder();
    void overlapSkipped_data();
    void overlapSkipped();
    void gapLeavesNaN();
    void wrapAround_data();
    void wrapAround();
    void jumpForward_data();
    void jumpForward();
    void lateProviderIsNaNBefore();
    void lateProviderAfterWrap();
    void vanishedProviderIsNaN();
    void forEachRange_data();
    void forEachRange();
    void latest();
    void memoryBounded();
    void clearKeepsColumns();
    void twelveHours();
};

void tst_HistoryRing::columnNames()
{
    HistoryRing ring(60 * kSecond);
    QCOMPARE(ring.column(QStringLiteral("queue_depth")), -1);
    ring.append(makeHistory(0, 3, {"naver", "kakao"}));
    const QStringList expected{
        QStringLiteral("queue_depth"), QStringLiteral("arrivals"), QStringLiteral("admitted"),
        QStringLiteral("abandoned"), QStringLiteral("bookings"), QStringLiteral("attempts"),
        QStringLiteral("backend_utilization"), QStringLiteral("rate_limit"),
        QStringLiteral("provider/naver/light"), QStringLiteral("provider/naver/p95"),
        QStringLiteral("provider/naver/error_rate"), QStringLiteral("provider/naver/requests"),
        QStringLiteral("provider/kakao/light"), QStringLiteral("provider/kakao/p95"),
        QStringLiteral("provider/kakao/error_rate"), QStringLiteral("provider/kakao/requests"),
    };
    QCOMPARE(ring.columnNames(), expected);
    QCOMPARE(HistoryRing::providerColumn(QStringLiteral("pass"), "p95"), QStringLiteral("provider/pass/p95"));
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(ring.column(expected.at(i)), i);
    QCOMPARE(ring.column(QStringLiteral("nope")), -1);

    // Each column holds its own field.
    const auto value = [&](const char *name) { return ring.latest(ring.column(QLatin1String(name))); };
    QCOMPARE(value("queue_depth"), queueAt(2));
    QCOMPARE(value("arrivals"), arrivalsAt(2));
    QCOMPARE(value("admitted"), 1.0f);
    QCOMPARE(value("abandoned"), 2.0f);
    QCOMPARE(value("bookings"), 3.0f);
    QCOMPARE(value("attempts"), 4.0f);
    QCOMPARE(value("backend_utilization"), 0.25f);
    QCOMPARE(value("rate_limit"), 700.0f);
    QCOMPARE(value("provider/naver/light"), float(v1::LIGHT_YELLOW));
    QCOMPARE(value("provider/naver/p95"), p95At("naver", 2));
    QCOMPARE(value("provider/kakao/p95"), p95At("kakao", 2));
    QCOMPARE(value("provider/naver/error_rate"), 0.125f);
    QCOMPARE(value("provider/naver/requests"), 10.0f);
}

void tst_HistoryRing::appendInOrder_data()
{
    QTest::addColumn<QList<int>>("chunks");
    QTest::newRow("one chunk") << QList<int>{20};
    QTest::newRow("three chunks") << QList<int>{5, 5, 10};
    QTest::newRow("one by one") << QList<int>(20, 1);
}

void tst_HistoryRing::appendInOrder()
{
    QFETCH(QList<int>, chunks);
    HistoryRing ring(60 * kSecond);
    qint64 next = 0;
    for (int n : chunks) {
        ring.append(makeHistory(next, n));
        next += n;
    }
    QCOMPARE(ring.size(), std::size_t(20));
    QCOMPARE(ring.capacity(), std::size_t(60));
    QCOMPARE(ring.firstTimeMs(), kT0);
    QCOMPARE(ring.lastTimeMs(), kT0 + 19 * kSecond);

    const SampleSpan span = ring.span(ring.column(QStringLiteral("queue_depth")));
    QVERIFY(span.second().empty());
    const std::vector<TimeSample> samples = collect(span);
    verifyContiguous(samples, kT0, 20);
    for (std::size_t i = 0; i < samples.size(); ++i)
        QCOMPARE(samples[i].value, queueAt(qint64(i)));
    const std::vector<TimeSample> p95 = collect(ring.span(ring.column(QStringLiteral("provider/naver/p95"))));
    verifyContiguous(p95, kT0, 20);
    for (std::size_t i = 0; i < p95.size(); ++i)
        QCOMPARE(p95[i].value, p95At("naver", qint64(i)));
}

void tst_HistoryRing::overlapSkipped_data()
{
    QTest::addColumn<int>("secondFirst");
    QTest::addColumn<int>("secondCount");
    QTest::addColumn<int>("expectedSize");
    // The first append always holds seconds 0..9.
    QTest::newRow("same history twice") << 0 << 10 << 10;
    QTest::newRow("overlapping tail") << 5 << 10 << 15;
    QTest::newRow("entirely older") << -20 << 15 << 10;
    QTest::newRow("starts before, ends after") << -5 << 20 << 15;
    QTest::newRow("last second only") << 9 << 1 << 10;
}

void tst_HistoryRing::overlapSkipped()
{
    QFETCH(int, secondFirst);
    QFETCH(int, secondCount);
    QFETCH(int, expectedSize);
    HistoryRing ring(60 * kSecond);
    ring.append(makeHistory(0, 10));
    // The overlapping part carries different values: ours must be kept.
    v1::History again = makeHistory(secondFirst, secondCount);
    for (int i = 0; i < again.queue_depth_size(); ++i) {
        if (secondFirst + i <= 9)
            again.set_queue_depth(i, 999999);
    }
    ring.append(again);
    QCOMPARE(ring.size(), std::size_t(expectedSize));
    const std::vector<TimeSample> samples = collect(ring.span(ring.column(QStringLiteral("queue_depth"))));
    verifyContiguous(samples, kT0, std::size_t(expectedSize));
    for (std::size_t i = 0; i < samples.size(); ++i)
        QCOMPARE(samples[i].value, queueAt(qint64(i)));
}

void tst_HistoryRing::gapLeavesNaN()
{
    HistoryRing ring(60 * kSecond);
    ring.append(makeHistory(0, 5, {"naver"}));
    ring.append(makeHistory(10, 5, {"naver"}));
    QCOMPARE(ring.size(), std::size_t(15));
    QCOMPARE(ring.lastTimeMs(), kT0 + 14 * kSecond);
    for (const QString &name : ring.columnNames()) {
        const std::vector<TimeSample> samples = collect(ring.span(ring.column(name)));
        verifyContiguous(samples, kT0, 15);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const bool missing = i >= 5 && i < 10;
            if (std::isnan(samples[i].value) != missing)
                QFAIL(qPrintable(QStringLiteral("%1 at %2: %3").arg(name).arg(i).arg(samples[i].value)));
        }
    }
    const std::vector<TimeSample> queue = collect(ring.span(ring.column(QStringLiteral("queue_depth"))));
    QCOMPARE(queue[4].value, queueAt(4));
    QCOMPARE(queue[10].value, queueAt(10));
}

void tst_HistoryRing::wrapAround_data()
{
    QTest::addColumn<int>("chunk");
    QTest::addColumn<int>("total");
    QTest::newRow("one by one, 150") << 1 << 150;
    QTest::newRow("chunks of 7, 149") << 7 << 149;
    QTest::newRow("one chunk of 150") << 150 << 150;
    QTest::newRow("capacity + 1") << 1 << 61;
}

void tst_HistoryRing::wrapAround()
{
    QFETCH(int, chunk);
    QFETCH(int, total);
    HistoryRing ring(60 * kSecond);
    for (int s = 0; s < total; s += chunk)
        ring.append(makeHistory(s, std::min(chunk, total - s)));
    QCOMPARE(ring.size(), std::size_t(60));
    const qint64 firstSecond = total - 60;
    QCOMPARE(ring.firstTimeMs(), kT0 + firstSecond * kSecond);
    QCOMPARE(ring.lastTimeMs(), kT0 + (total - 1) * kSecond);

    for (const char *name : {"queue_depth", "provider/naver/p95"}) {
        const SampleSpan span = ring.span(ring.column(QLatin1String(name)));
        QCOMPARE(span.size(), qsizetype(60));
        // Wrapped: the oldest piece runs to the end of storage, the newer from its start.
        QVERIFY(!span.first().empty());
        QVERIFY(!span.second().empty());
        QCOMPARE(qint64(span.second().size()), qint64(total % 60));
        QVERIFY(span.first().back().timeMs + kSecond == span.second().front().timeMs);
        const std::vector<TimeSample> samples = collect(span);
        verifyContiguous(samples, kT0 + firstSecond * kSecond, 60);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const qint64 s = firstSecond + qint64(i);
            QCOMPARE(samples[i].value, qstrcmp(name, "queue_depth") == 0 ? queueAt(s) : p95At("naver", s));
        }
    }
}

void tst_HistoryRing::jumpForward_data()
{
    QTest::addColumn<int>("missing");       // seconds between the two appends
    QTest::addColumn<int>("expectedSize");
    QTest::addColumn<int>("expectedFirst"); // second of the oldest sample kept
    // The first append holds seconds 0..9; the second is one sample.
    QTest::newRow("no gap") << 0 << 11 << 0;
    QTest::newRow("gap inside the window") << 20 << 31 << 0;
    QTest::newRow("gap pushes out the old") << 55 << 60 << 6;
    QTest::newRow("gap one short of the window") << 59 << 60 << 10;
    QTest::newRow("gap of the window") << 60 << 1 << 70;
    QTest::newRow("gap of an hour") << 3600 << 1 << 3610;
}

void tst_HistoryRing::jumpForward()
{
    QFETCH(int, missing);
    QFETCH(int, expectedSize);
    QFETCH(int, expectedFirst);
    HistoryRing ring(60 * kSecond);
    ring.append(makeHistory(0, 10));
    const qint64 jumpTo = 10 + missing;
    ring.append(makeHistory(jumpTo, 1));
    QCOMPARE(ring.size(), std::size_t(expectedSize));
    QCOMPARE(ring.firstTimeMs(), kT0 + expectedFirst * kSecond);
    QCOMPARE(ring.lastTimeMs(), kT0 + jumpTo * kSecond);
    const std::vector<TimeSample> samples = collect(ring.span(ring.column(QStringLiteral("queue_depth"))));
    verifyContiguous(samples, kT0 + expectedFirst * kSecond, std::size_t(expectedSize));
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const qint64 s = expectedFirst + qint64(i);
        if (s < 10 || s == jumpTo)
            QCOMPARE(samples[i].value, queueAt(s));
        else
            QVERIFY2(std::isnan(samples[i].value), qPrintable(QString::number(s)));
    }
}

void tst_HistoryRing::lateProviderIsNaNBefore()
{
    HistoryRing ring(60 * kSecond);
    ring.append(makeHistory(0, 10, {"naver"}));
    ring.append(makeHistory(10, 10, {"naver", "kakao"}));
    const int kakao = ring.column(QStringLiteral("provider/kakao/p95"));
    QVERIFY(kakao >= 0);
    const std::vector<TimeSample> samples = collect(ring.span(kakao));
    verifyContiguous(samples, kT0, 20);
    for (std::size_t i = 0; i < 10; ++i)
        QVERIFY(std::isnan(samples[i].value));
    for (std::size_t i = 10; i < 20; ++i)
        QCOMPARE(samples[i].value, p95At("kakao", qint64(i)));
    QVERIFY(std::isnan(collect(ring.span(ring.column(QStringLiteral("provider/kakao/light"))))[0].value));
}

void tst_HistoryRing::lateProviderAfterWrap()
{
    // A column created while the ring has wrapped gets the same times as the others.
    HistoryRing ring(60 * kSecond);
    ring.append(makeHistory(0, 100, {"naver"}));
    ring.append(makeHistory(100, 5, {"naver", "pass"}));
    const std::vector<TimeSample> queue = collect(ring.span(ring.column(QStringLiteral("queue_depth"))));
    const std::vector<TimeSample> pass = collect(ring.span(ring.column(QStringLiteral("provider/pass/requests"))));
    verifyContiguous(queue, kT0 + 45 * kSecond, 60);
    verifyContiguous(pass, kT0 + 45 * kSecond, 60);
    for (std::size_t i = 0; i < 55; ++i)
        QVERIFY(std::isnan(pass[i].value));
    for (std::size_t i = 55; i < 60; ++i)
        QCOMPARE(pass[i].value, 10.0f);
}

void tst_HistoryRing::vanishedProviderIsNaN()
{
    HistoryRing ring(60 * kSecond);
    ring.append(makeHistory(0, 5, {"naver", "kakao"}));
    ring.append(makeHistory(5, 5, {"naver"}));
    const int kakao = ring.column(QStringLiteral("provider/kakao/p95"));
    const std::vector<TimeSample> samples = collect(ring.span(kakao));
    verifyContiguous(samples, kT0, 10);
    QCOMPARE(samples[4].value, p95At("kakao", 4));
    for (std::size_t i = 5; i < 10; ++i)
        QVERIFY(std::isnan(samples[i].value));
    QVERIFY(std::isnan(ring.latest(kakao)));
}

void tst_HistoryRing::forEachRange_data()
{
    // The ring holds seconds 40..99 (wrapped); times below are offsets from kT0 in ms.
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("firstSecond");
    QTest::addColumn<int>("count");
    QTest::newRow("everything") << qint64(40'000) << qint64(99'000) << 40 << 60;
    QTest::newRow("wider than held") << qint64(-1'000'000) << qint64(1'000'000) << 40 << 60;
    QTest::newRow("inside, across the wrap") << qint64(50'000) << qint64(90'000) << 50 << 41;
    QTest::newRow("one sample") << qint64(70'000) << qint64(70'000) << 70 << 1;
    QTest::newRow("between samples rounds inward") << qint64(60'001) << qint64(62'999) << 61 << 2;
    QTest::newRow("between two samples, none") << qint64(60'200) << qint64(60'800) << 0 << 0;
    QTest::newRow("to before first") << qint64(0) << qint64(39'999) << 0 << 0;
    QTest::newRow("from after last") << qint64(99'001) << qint64(200'000) << 0 << 0;
    QTest::newRow("first only") << qint64(0) << qint64(40'000) << 40 << 1;
    QTest::newRow("last only") << qint64(99'000) << qint64(200'000) << 99 << 1;
    QTest::newRow("from after to") << qint64(80'000) << qint64(70'000) << 0 << 0;
}

void tst_HistoryRing::forEachRange()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, firstSecond);
    QFETCH(int, count);
    HistoryRing ring(60 * kSecond);
    ring.append(makeHistory(0, 100));
    const int column = ring.column(QStringLiteral("arrivals"));
    const std::vector<TimeSample> samples = collect(ring, column, kT0 + from, kT0 + to);
    verifyContiguous(samples, kT0 + firstSecond * kSecond, std::size_t(count));
    for (std::size_t i = 0; i < samples.size(); ++i)
        QCOMPARE(samples[i].value, arrivalsAt(firstSecond + qint64(i)));
    QVERIFY(collect(ring, -1, kT0, kT0 + 1'000'000).empty());
}

void tst_HistoryRing::latest()
{
    HistoryRing ring(60 * kSecond);
    QVERIFY(std::isnan(ring.latest(0)));
    QVERIFY(ring.isEmpty());
    ring.append(makeHistory(0, 3));
    const int queue = ring.column(QStringLiteral("queue_depth"));
    QCOMPARE(ring.latest(queue), queueAt(2));
    QVERIFY(std::isnan(ring.latest(-1)));
    ring.append(makeHistory(3, 70));
    QCOMPARE(ring.latest(queue), queueAt(72));
    QCOMPARE(ring.latest(ring.column(QStringLiteral("provider/naver/p95"))), p95At("naver", 72));
    // A History without any samples changes nothing.
    v1::History empty;
    empty.set_first_time_ms(kT0 + 500 * kSecond);
    ring.append(empty);
    QCOMPARE(ring.lastTimeMs(), kT0 + 72 * kSecond);
    QCOMPARE(ring.latest(queue), queueAt(72));
}

void tst_HistoryRing::memoryBounded()
{
    HistoryRing ring(60 * kSecond);
    for (int s = 0; s < 3 * 60; ++s) {
        ring.append(makeHistory(s, 1));
        QVERIFY(ring.size() <= ring.capacity());
    }
    QCOMPARE(ring.size(), ring.capacity());
    QCOMPARE(ring.size(), std::size_t(60));
    QCOMPARE(ring.span(0).size(), qsizetype(60));
    QCOMPARE(ring.firstTimeMs(), kT0 + 120 * kSecond);
}

void tst_HistoryRing::clearKeepsColumns()
{
    HistoryRing ring(60 * kSecond);
    ring.append(makeHistory(0, 90));
    ring.clear();
    QVERIFY(ring.isEmpty());
    QCOMPARE(ring.span(0).size(), qsizetype(0));
    QVERIFY(std::isnan(ring.latest(0)));
    // An older time is accepted after a clear (a new run).
    ring.append(makeHistory(-30, 5));
    QCOMPARE(ring.size(), std::size_t(5));
    QCOMPARE(ring.firstTimeMs(), kT0 - 30 * kSecond);
    const std::vector<TimeSample> samples = collect(ring.span(ring.column(QStringLiteral("queue_depth"))));
    verifyContiguous(samples, kT0 - 30 * kSecond, 5);
    QCOMPARE(samples[0].value, queueAt(-30));
}

void tst_HistoryRing::twelveHours()
{
    HistoryRing ring; // 12 h at 1 s
    QCOMPARE(ring.capacity(), std::size_t(12 * 3600));
    QCOMPARE(ring.stepMs(), qint64(1000));
    const int total = 12 * 3600 + 100;
    for (int s = 0; s < total; s += 3600)
        ring.append(makeHistory(s, std::min(3600, total - s)));
    QCOMPARE(ring.size(), ring.capacity());
    QCOMPARE(ring.firstTimeMs(), kT0 + 100 * kSecond);
    QCOMPARE(ring.lastTimeMs(), kT0 + (total - 1) * kSecond);
    const SampleSpan span = ring.span(ring.column(QStringLiteral("queue_depth")));
    QCOMPARE(qint64(span.second().size()), qint64(100));
    const std::vector<TimeSample> samples = collect(span);
    verifyContiguous(samples, kT0 + 100 * kSecond, ring.capacity());
    QCOMPARE(samples.front().value, queueAt(100));
    QCOMPARE(samples.back().value, queueAt(total - 1));
}

QTEST_GUILESS_MAIN(tst_HistoryRing)
#include "tst_historyring.moc"
