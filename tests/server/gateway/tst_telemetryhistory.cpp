#include "server/gateway/TelemetryHistory.h"

#include <QTest>

using sitroom::gateway::TelemetryHistory;
using sitroom::v1::History;

namespace {

constexpr std::int64_t kT0 = 1'700'000'000'000;

// count samples starting at sample index `first`; every value derives from the
// sample's index so order and alignment can be checked column by column.
History samples(int first, int count, const QStringList &providers = {QStringLiteral("naver")})
{
    History h;
    h.set_first_time_ms(kT0 + std::int64_t(first) * 1000);
    h.set_step_ms(1000);
    for (const QString &id : providers) {
        auto *series = h.add_providers();
        series->set_id(id.toStdString());
    }
    for (int i = first; i < first + count; ++i) {
        h.add_queue_depth(std::uint64_t(i) * 10);
        h.add_arrivals_per_s(float(i) + 0.5f);
        h.add_admitted_per_s(float(i) + 0.25f);
        h.add_abandoned_per_s(float(i));
        h.add_bookings_per_s(float(i) * 2);
        h.add_auth_attempts_per_s(float(i) * 3);
        h.add_backend_utilization(float(i) / 100);
        h.add_rate_limit_per_s(100);
        for (auto &series : *h.mutable_providers()) {
            series.add_light(sitroom::v1::LIGHT_GREEN);
            series.add_p95_latency_ms(float(i) * 7);
            series.add_error_rate(0.01f);
            series.add_requests_per_s(float(i) * 5);
        }
    }
    return h;
}

void checkAligned(const History &h)
{
    const int n = h.queue_depth_size();
    QCOMPARE(h.arrivals_per_s_size(), n);
    QCOMPARE(h.admitted_per_s_size(), n);
    QCOMPARE(h.abandoned_per_s_size(), n);
    QCOMPARE(h.bookings_per_s_size(), n);
    QCOMPARE(h.auth_attempts_per_s_size(), n);
    QCOMPARE(h.backend_utilization_size(), n);
    QCOMPARE(h.rate_limit_per_s_size(), n);
    for (const auto &series : h.providers()) {
        QCOMPARE(series.light_size(), n);
        QCOMPARE(series.p95_latency_ms_size(), n);
        QCOMPARE(series.error_rate_size(), n);
        QCOMPARE(series.requests_per_s_size(), n);
    }
}

// Sample j of h must be the one made for index firstIndex + j.
void checkIndices(const History &h, int firstIndex)
{
    QCOMPARE(h.first_time_ms(), kT0 + std::int64_t(firstIndex) * 1000);
    for (int j = 0; j < h.queue_depth_size(); ++j) {
        const int i = firstIndex + j;
        QCOMPARE(h.queue_depth(j), std::uint64_t(i) * 10);
        QCOMPARE(h.arrivals_per_s(j), float(i) + 0.5f);
        QCOMPARE(h.bookings_per_s(j), float(i) * 2);
        QCOMPARE(h.providers(0).p95_latency_ms(j), float(i) * 7);
    }
}

} // namespace

class TestTelemetryHistory final : public QObject
{
    Q_OBJECT

private slots:
    void emptyGivesEmptyHistory()
    {
        TelemetryHistory history(60);
        const History h = history.toHistory();
        QCOMPARE(h.queue_depth_size(), 0);
        QCOMPARE(h.providers_size(), 0);
        QCOMPARE(history.size(), 0);
    }

    void appendsInOrderWithAlignedColumns()
    {
        TelemetryHistory history(60);
        history.append(samples(0, 2));
        history.append(samples(2, 3));
        history.append(samples(5, 1));
        const History h = history.toHistory();
        QCOMPARE(h.queue_depth_size(), 6);
        QCOMPARE(h.step_ms(), 1000u);
        QCOMPARE(h.providers_size(), 1);
        QCOMPARE(h.providers(0).id(), std::string("naver"));
        checkAligned(h);
        checkIndices(h, 0);
    }

    void boundedToTheWindow_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<int>("appended");
        QTest::newRow("exactly full") << 10 << 10;
        QTest::newRow("one over") << 10 << 11;
        QTest::newRow("wrapped twice") << 10 << 25;
        QTest::newRow("an hour plus") << 3600 << 3600 + 123;
    }

    void boundedToTheWindow()
    {
        QFETCH(int, seconds);
        QFETCH(int, appended);
        TelemetryHistory history(seconds);
        for (int i = 0; i < appended; ++i)
            history.append(samples(i, 1));
        QCOMPARE(history.capacity(), seconds);
        QCOMPARE(history.size(), std::min(seconds, appended));
        const History h = history.toHistory();
        checkAligned(h);
        checkIndices(h, std::max(0, appended - seconds));
        QCOMPARE(history.lastTimeMs(), kT0 + std::int64_t(appended - 1) * 1000);
    }

    void oneBigAppendKeepsTheNewest()
    {
        TelemetryHistory history(10);
        history.append(samples(0, 35));
        QCOMPARE(history.size(), 10);
        checkIndices(history.toHistory(), 25);
    }

    void overlapIsSkipped()
    {
        TelemetryHistory history(60);
        history.append(samples(0, 5));
        history.append(samples(3, 5));   // 3 and 4 again, then 5..7
        history.append(samples(0, 2));   // entirely old
        const History h = history.toHistory();
        QCOMPARE(h.queue_depth_size(), 8);
        checkAligned(h);
        checkIndices(h, 0);
    }

    void gapRestarts()
    {
        // Backfill must be evenly spaced; a jump in the source's clock starts over.
        TelemetryHistory history(60);
        history.append(samples(0, 3));
        history.append(samples(10, 2));
        const History h = history.toHistory();
        QCOMPARE(h.queue_depth_size(), 2);
        checkIndices(h, 10);
    }

    void providerAppearingLaterIsPadded()
    {
        TelemetryHistory history(60);
        history.append(samples(0, 2, {QStringLiteral("naver")}));
        history.append(samples(2, 2, {QStringLiteral("naver"), QStringLiteral("kakao")}));
        const History h = history.toHistory();
        QCOMPARE(h.providers_size(), 2);
        checkAligned(h);
        checkIndices(h, 0);
        QCOMPARE(h.providers(1).id(), std::string("kakao"));
        QCOMPARE(h.providers(1).light(0), sitroom::v1::LIGHT_UNSPECIFIED);
        QCOMPARE(h.providers(1).requests_per_s(0), 0.0f);
        QCOMPARE(h.providers(1).requests_per_s(3), 15.0f);
    }

    void raggedInputDoesNotCrash()
    {
        History h = samples(0, 3);
        h.mutable_bookings_per_s()->RemoveLast();
        h.mutable_providers(0)->mutable_light()->Clear();
        TelemetryHistory history(60);
        history.append(h);
        const History out = history.toHistory();
        QCOMPARE(out.queue_depth_size(), 3);
        checkAligned(out);
        QCOMPARE(out.bookings_per_s(2), 0.0f);
    }

    void emptyOrStepless()
    {
        TelemetryHistory history(60);
        History h = samples(0, 3);
        h.set_step_ms(0);
        history.append(h);
        history.append(History());
        QCOMPARE(history.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTelemetryHistory)
#include "tst_telemetryhistory.moc"
