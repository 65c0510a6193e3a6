#include "models/telemetry/HistoryAppend.h"

#include <QtTest>

#include <cmath>

using sitroom::models::appendHistory;
using sitroom::models::HistoryJoin;
using sitroom::models::sampleCount;
using namespace sitroom;

namespace {

// n samples from `first`, one a second; sample i has queue depth base + i and
// the given providers, each with p95 = base + i + 0.5 and light GREEN.
v1::History makeHistory(qint64 first, int n, int base, const std::vector<std::string> &providers)
{
    v1::History h;
    h.set_first_time_ms(first);
    h.set_step_ms(1000);
    for (int i = 0; i < n; ++i) {
        h.add_queue_depth(quint64(base + i));
        h.add_arrivals_per_s(float(base + i));
        h.add_admitted_per_s(1);
        h.add_abandoned_per_s(2);
        h.add_bookings_per_s(3);
        h.add_auth_attempts_per_s(4);
        h.add_backend_utilization(0.5f);
        h.add_rate_limit_per_s(700);
    }
    for (const std::string &id : providers) {
        v1::ProviderSeries *s = h.add_providers();
        s->set_id(id);
        for (int i = 0; i < n; ++i) {
            s->add_light(v1::LIGHT_GREEN);
            s->add_p95_latency_ms(float(base + i) + 0.5f);
            s->add_error_rate(0.01f);
            s->add_requests_per_s(10);
        }
    }
    return h;
}

const v1::ProviderSeries *series(const v1::History &h, const std::string &id)
{
    for (const v1::ProviderSeries &s : h.providers()) {
        if (s.id() == id)
            return &s;
    }
    return nullptr;
}

void verifyAligned(const v1::History &h)
{
    const int n = sampleCount(h);
    QCOMPARE(h.arrivals_per_s_size(), n);
    QCOMPARE(h.admitted_per_s_size(), n);
    QCOMPARE(h.abandoned_per_s_size(), n);
    QCOMPARE(h.bookings_per_s_size(), n);
    QCOMPARE(h.auth_attempts_per_s_size(), n);
    QCOMPARE(h.backend_utilization_size(), n);
    QCOMPARE(h.rate_limit_per_s_size(), n);
    for (const v1::ProviderSeries &s : h.providers()) {
        QCOMPARE(s.light_size(), n);
        QCOMPARE(s.p95_latency_ms_size(), n);
        QCOMPARE(s.error_rate_size(), n);
        QCOMPARE(s.requests_per_s_size(), n);
    }
}

} // namespace

class TestHistoryAppend final : public QObject
{
    Q_OBJECT

private slots:
    void appendsColumnsInTimeOrder()
    {
        v1::History into = makeHistory(10'000, 3, 0, {"a", "b"});
        const v1::History more = makeHistory(13'000, 2, 3, {"a", "b"});
        QCOMPARE(appendHistory(into, more), HistoryJoin::Appended);
        QCOMPARE(sampleCount(into), 5);
        QCOMPARE(into.first_time_ms(), 10'000);
        QCOMPARE(into.step_ms(), 1000u);
        verifyAligned(into);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(into.queue_depth(i), quint64(i));
            QCOMPARE(into.arrivals_per_s(i), float(i));
            QCOMPARE(series(into, "a")->p95_latency_ms(i), float(i) + 0.5f);
        }
    }

    void intoEmptyTakesMore()
    {
        v1::History into;
        const v1::History more = makeHistory(5'000, 2, 7, {"a"});
        QCOMPARE(appendHistory(into, more), HistoryJoin::Appended);
        QCOMPARE(into.first_time_ms(), 5'000);
        QCOMPARE(sampleCount(into), 2);
        QCOMPARE(into.queue_depth(1), quint64(8));
        verifyAligned(into);
    }

    void emptyMoreChangesNothing()
    {
        v1::History into = makeHistory(5'000, 2, 0, {"a"});
        const v1::History before = into;
        v1::History more;  // a tick that did not cross a second
        more.set_first_time_ms(99);
        QCOMPARE(appendHistory(into, more), HistoryJoin::Nothing);
        QCOMPARE(into.SerializeAsString(), before.SerializeAsString());
    }

    void providersAreMatchedByIdNotPosition()
    {
        v1::History into = makeHistory(0, 2, 0, {"a", "b"});
        v1::History more = makeHistory(2'000, 1, 100, {"b", "a"});
        // Make b's sample recognisable.
        more.mutable_providers(0)->set_p95_latency_ms(0, 777);
        QCOMPARE(appendHistory(into, more), HistoryJoin::Appended);
        QCOMPARE(into.providers_size(), 2);
        QCOMPARE(into.providers(0).id(), std::string("a"));
        QCOMPARE(series(into, "b")->p95_latency_ms(2), 777.f);
        QCOMPARE(series(into, "a")->p95_latency_ms(2), 100.5f);
        verifyAligned(into);
    }

    // A provider absent from one part is padded with "no sample":
    // LIGHT_UNSPECIFIED and NaN, so every column keeps the sample count.
    void missingProviderIsPaddedWithNoSample()
    {
        v1::History into = makeHistory(0, 2, 0, {"a", "gone"});
        const v1::History more = makeHistory(2'000, 3, 2, {"a", "new"});
        QCOMPARE(appendHistory(into, more), HistoryJoin::Appended);
        QCOMPARE(sampleCount(into), 5);
        QCOMPARE(into.providers_size(), 3);
        verifyAligned(into);

        const v1::ProviderSeries *gone = series(into, "gone");
        QVERIFY(gone);
        QCOMPARE(gone->light(1), int(v1::LIGHT_GREEN));
        for (int i = 2; i < 5; ++i) {
            QCOMPARE(gone->light(i), int(v1::LIGHT_UNSPECIFIED));
            QVERIFY(std::isnan(gone->p95_latency_ms(i)));
            QVERIFY(std::isnan(gone->requests_per_s(i)));
        }
        const v1::ProviderSeries *added = series(into, "new");
        QVERIFY(added);
        QCOMPARE(into.providers(2).id(), std::string("new"));  // after the known ones
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(added->light(i), int(v1::LIGHT_UNSPECIFIED));
            QVERIFY(std::isnan(added->error_rate(i)));
        }
        QCOMPARE(added->p95_latency_ms(2), 2.5f);
        QCOMPARE(added->p95_latency_ms(4), 4.5f);
    }

    void raggedColumnsAreFitted()
    {
        v1::History into = makeHistory(0, 2, 0, {"a"});
        v1::History more = makeHistory(2'000, 2, 2, {"a"});
        more.mutable_arrivals_per_s()->RemoveLast();          // one short
        more.mutable_providers(0)->add_error_rate(9);         // one long
        QCOMPARE(appendHistory(into, more), HistoryJoin::Appended);
        verifyAligned(into);
        QVERIFY(std::isnan(into.arrivals_per_s(3)));
        QCOMPARE(into.arrivals_per_s(2), 2.f);
    }

    void overlapKeepsOnlyNewerSamples()
    {
        v1::History into = makeHistory(0, 3, 0, {"a"});
        const v1::History more = makeHistory(1'000, 4, 1, {"a"});  // 1..4 s
        QCOMPARE(appendHistory(into, more), HistoryJoin::Overlapped);
        QCOMPARE(sampleCount(into), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(into.queue_depth(i), quint64(i));
        verifyAligned(into);

        const v1::History old = makeHistory(0, 2, 50, {"a"});
        QCOMPARE(appendHistory(into, old), HistoryJoin::Nothing);
        QCOMPARE(sampleCount(into), 5);
    }

    void holeOrOtherStepReplaces()
    {
        v1::History into = makeHistory(0, 3, 0, {"a"});
        const v1::History later = makeHistory(10'000, 2, 10, {"a"});
        QCOMPARE(appendHistory(into, later), HistoryJoin::Replaced);
        QCOMPARE(into.first_time_ms(), 10'000);
        QCOMPARE(sampleCount(into), 2);
        QCOMPARE(into.queue_depth(0), quint64(10));
        verifyAligned(into);

        v1::History coarse = makeHistory(12'000, 1, 20, {"a"});
        coarse.set_step_ms(5000);
        QCOMPARE(appendHistory(into, coarse), HistoryJoin::Replaced);
        QCOMPARE(into.step_ms(), 5000u);
        QCOMPARE(sampleCount(into), 1);
    }

    void manySmallAppendsEqualOneBig()
    {
        v1::History pieces;
        for (int i = 0; i < 20; ++i)
            appendHistory(pieces, makeHistory(qint64(i) * 1000, 1, i, {"a", "b", "c"}));
        const v1::History whole = makeHistory(0, 20, 0, {"a", "b", "c"});
        QCOMPARE(pieces.SerializeAsString(), whole.SerializeAsString());
    }
};

QTEST_GUILESS_MAIN(TestHistoryAppend)
#include "tst_historyappend.moc"
