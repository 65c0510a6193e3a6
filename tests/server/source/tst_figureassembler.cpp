// One tick's answers from Prometheus into the state the gateway publishes:
// figures, stale figures with their reason, the clock, lights.
#include "tests/server/source/SiteFixtures.h"

#include "server/source/FigureAssembler.h"

#include <QTest>

#include <cmath>

using namespace sitroom;
using source::FigureAssembler;
using source::QueryFailure;
using source::QueryResult;

namespace {

const double kPromTimeS = 1'796'000'000.0;
const qint64 kWall = 1'796'000'000'000;
const double kLiveClockS = 1'628'506'800.0;   // 2021-08-09 20:00 KST

QueryResult scalar(double v)
{
    QueryResult r;
    r.samples.push_back({{}, v, kPromTimeS});
    return r;
}

QueryResult byLabel(const QString &label, const std::map<QString, double> &values)
{
    QueryResult r;
    for (const auto &[id, v] : values)
        r.samples.push_back({{{label, id}}, v, kPromTimeS});
    return r;
}

// A healthy tick: every query answered.
std::vector<QueryResult> healthy(const FigureAssembler &a, double queue = 25000, double kakaoLight = 1)
{
    std::vector<QueryResult> out;
    for (const auto &q : a.queries()) {
        if (q.group.isEmpty()) {
            const std::map<QString, double> values{
                {QStringLiteral("live_clock"), kLiveClockS}, {QStringLiteral("target_up"), 1},
                {QStringLiteral("queue_depth"), queue}, {QStringLiteral("arrivals_per_s"), 500},
                {QStringLiteral("admitted_per_s"), 700}, {QStringLiteral("abandoned_per_s"), 3},
                {QStringLiteral("rate_limit_per_s"), 700}, {QStringLiteral("paused"), 0},
                {QStringLiteral("bookings_per_s"), 120}, {QStringLiteral("backend_utilization"), 0.8},
                {QStringLiteral("backend_p95_latency_ms"), 450}};
            out.push_back(scalar(values.at(q.figure)));
        } else if (q.group == u"provider") {
            std::map<QString, double> v;
            for (const char *id : {"kakao", "naver", "pass", "mobile", "certificate"}) {
                const QString p = QString::fromLatin1(id);
                if (q.figure == u"p95_latency_ms") v[p] = p == u"kakao" ? 2500 : 800;
                else if (q.figure == u"error_ratio") v[p] = p == u"kakao" ? 0.02 : std::nan("");
                else if (q.figure == u"requests_per_s") v[p] = p == u"kakao" ? 100 : 300;
                else if (q.figure == u"enabled") v[p] = 1;
                else if (q.figure == u"light") v[p] = p == u"kakao" ? kakaoLight : 0;
            }
            out.push_back(byLabel(QStringLiteral("provider"), v));
        } else {
            std::map<QString, double> v;
            for (int digit = 0; digit <= 9; ++digit)
                v[QStringLiteral("18-49/%1").arg(digit)] = digit != 9 ? 0 : q.figure == u"booked" ? 67000 : 900;
            out.push_back(byLabel(QStringLiteral("cohort"), v));
        }
    }
    return out;
}

std::size_t indexOf(const FigureAssembler &a, const QString &group, const QString &figure)
{
    for (std::size_t i = 0; i < a.queries().size(); ++i)
        if (a.queries()[i].group == group && a.queries()[i].figure == figure)
            return i;
    qFatal("no query %s.%s", qPrintable(group), qPrintable(figure));
}

const v1::StaleFigure *staleOf(const v1::SystemState &s, const char *figure)
{
    for (const auto &f : s.stale())
        if (f.figure() == figure)
            return &f;
    return nullptr;
}

} // namespace

class tst_FigureAssembler final : public QObject
{
    Q_OBJECT

private slots:
    void healthyTickHasEveryFigure();
    void unreachableQueryKeepsTheLastValueAndSaysWhy();
    void failedQueryAndMissingLabel();
    void targetDownMakesEveryFigureStale();
    void lightsJudgedHereWhenTheSitePublishesNone();
    void observedControlOnlyFromFreshFigures();
    void noTimeUntilTheLiveClockAnswers();
    void withoutALiveClockQueryPrometheusClockIsTheLiveOne();
};

void tst_FigureAssembler::healthyTickHasEveryFigure()
{
    FigureAssembler a(siteFrom(shippedSiteJson()));
    const v1::SystemState s = a.assemble(healthy(a), kPromTimeS, kWall);
    QCOMPARE(s.stale_size(), 0);
    QCOMPARE(s.sim_time_ms(), qint64(kLiveClockS * 1000));   // the live system's clock, not Prometheus's
    QCOMPARE(s.admission().queue_depth(), 25000u);
    QCOMPARE(s.admission().estimated_wait_s(), 25000.0 / 700.0);
    QCOMPARE(s.providers_size(), 5);
    QCOMPARE(s.providers(0).id(), "kakao");
    QCOMPARE(s.providers(0).light(), v1::LIGHT_YELLOW);
    QCOMPARE(s.providers(0).p95_latency_ms(), 2500.0);
    QCOMPARE(s.providers(0).share(), 100.0 / 1300.0);
    QCOMPARE(s.providers(1).error_rate(), 0.0);   // NaN: no requests finished, nothing failed
    QCOMPARE(s.auth_attempts_per_s(), 1300.0);
    QCOMPARE(s.cohorts(0).booked(), 67000u);
    QVERIFY(s.cohorts(0).window_open());
    QVERIFY(!s.cohorts(1).window_open());
    QCOMPARE(s.backend().requests_per_s(), 0.8 * 900);
    const v1::History h = a.sampleOf(s);
    QCOMPARE(h.first_time_ms(), qint64(kLiveClockS) * 1000);
    QCOMPARE(h.queue_depth(0), 25000u);
    QCOMPARE(h.providers(0).p95_latency_ms(0), 2500.0f);
}

void tst_FigureAssembler::unreachableQueryKeepsTheLastValueAndSaysWhy()
{
    FigureAssembler a(siteFrom(shippedSiteJson()));
    a.assemble(healthy(a, 25000), kPromTimeS, kWall);
    auto answers = healthy(a, 30000);
    QueryResult lost;
    lost.failure = QueryFailure::Unreachable;
    lost.error = QStringLiteral("Connection refused");
    answers[indexOf(a, {}, QStringLiteral("queue_depth"))] = lost;
    const v1::SystemState s = a.assemble(answers, kPromTimeS + 1, kWall + 1000);
    QCOMPARE(s.admission().queue_depth(), 25000u);   // the last good value, marked stale
    const v1::StaleFigure *why = staleOf(s, "queue_depth");
    QVERIFY(why);
    QCOMPARE(why->reason(), v1::STALE_SOURCE_UNREACHABLE);
    QCOMPARE(why->detail(), "Connection refused");
    QCOMPARE(why->since_ms(), kWall + 1000);
    QCOMPARE(s.stale_size(), 1);
    QVERIFY(std::isnan(a.sampleOf(s).arrivals_per_s(0)) == false);
    // Still stale a second later: since stays when it went stale.
    const v1::SystemState later = a.assemble(answers, kPromTimeS + 2, kWall + 2000);
    QCOMPARE(staleOf(later, "queue_depth")->since_ms(), kWall + 1000);
    // Fresh again: gone from the list.
    QCOMPARE(a.assemble(healthy(a, 31000), kPromTimeS + 3, kWall + 3000).stale_size(), 0);
}

void tst_FigureAssembler::failedQueryAndMissingLabel()
{
    FigureAssembler a(siteFrom(shippedSiteJson()));
    auto answers = healthy(a);
    QueryResult failed;
    failed.failure = QueryFailure::Failed;
    failed.errorType = QStringLiteral("execution");
    failed.error = QStringLiteral("query timed out");
    answers[indexOf(a, QStringLiteral("provider"), QStringLiteral("p95_latency_ms"))] = failed;
    answers[indexOf(a, QStringLiteral("provider"), QStringLiteral("requests_per_s"))]
        = byLabel(QStringLiteral("provider"), {{QStringLiteral("kakao"), 100}});
    const v1::SystemState s = a.assemble(answers, kPromTimeS, kWall);
    QCOMPARE(staleOf(s, "provider.kakao.p95_latency_ms")->reason(), v1::STALE_QUERY_FAILED);
    QCOMPARE(staleOf(s, "provider.kakao.p95_latency_ms")->detail(), "execution: query timed out");
    QVERIFY(!staleOf(s, "provider.kakao.requests_per_s"));
    QCOMPARE(staleOf(s, "provider.naver.requests_per_s")->reason(), v1::STALE_NO_DATA);
    const v1::History h = a.sampleOf(s);
    QVERIFY(std::isnan(h.providers(1).requests_per_s(0)));
    QVERIFY(std::isnan(h.auth_attempts_per_s(0)));
    QCOMPARE(h.providers(0).requests_per_s(0), 100.0f);
}

void tst_FigureAssembler::targetDownMakesEveryFigureStale()
{
    FigureAssembler a(siteFrom(shippedSiteJson()));
    auto answers = healthy(a);
    answers[indexOf(a, {}, QStringLiteral("target_up"))] = scalar(0);
    const v1::SystemState s = a.assemble(answers, kPromTimeS, kWall);
    QVERIFY(s.stale_size() > 30);
    for (const auto &f : s.stale())
        QCOMPARE(f.reason(), v1::STALE_TARGET_DOWN);
    QVERIFY(staleOf(s, "queue_depth"));
    QVERIFY(staleOf(s, "cohort.18-49/9.booked"));
}

void tst_FigureAssembler::lightsJudgedHereWhenTheSitePublishesNone()
{
    QJsonObject json = shippedSiteJson();
    QJsonObject queries = json.value(QStringLiteral("queries")).toObject();
    QJsonObject provider = queries.value(QStringLiteral("provider")).toObject();
    provider.remove(QStringLiteral("light"));
    queries[QStringLiteral("provider")] = provider;
    json[QStringLiteral("queries")] = queries;
    const source::SiteConfig site = siteFrom(json);
    QVERIFY(!site.publishesLights());
    FigureAssembler a(site);
    // kakao at p95 2500 ms: above the site's yellow (1500), below red (4000).
    v1::SystemState s = a.assemble(healthy(a), kPromTimeS, kWall);
    QCOMPARE(s.providers(0).light(), v1::LIGHT_YELLOW);
    QCOMPARE(s.providers(1).light(), v1::LIGHT_GREEN);
    // Disabled: 중단.
    auto answers = healthy(a);
    answers[indexOf(a, QStringLiteral("provider"), QStringLiteral("enabled"))]
        = byLabel(QStringLiteral("provider"), {{QStringLiteral("kakao"), 0}, {QStringLiteral("naver"), 1},
                                                {QStringLiteral("pass"), 1}, {QStringLiteral("mobile"), 1},
                                                {QStringLiteral("certificate"), 1}});
    s = a.assemble(answers, kPromTimeS + 1, kWall + 1000);
    QCOMPARE(s.providers(0).light(), v1::LIGHT_SUSPENDED);
    QVERIFY(!s.providers(0).enabled());
}

void tst_FigureAssembler::observedControlOnlyFromFreshFigures()
{
    FigureAssembler a(siteFrom(shippedSiteJson()));
    auto answers = healthy(a);
    QueryResult lost;
    lost.failure = QueryFailure::Unreachable;
    answers[indexOf(a, {}, QStringLiteral("rate_limit_per_s"))] = lost;
    v1::SystemState s = a.assemble(answers, kPromTimeS, kWall);
    QVERIFY(!a.observedControl(s));
    s = a.assemble(healthy(a), kPromTimeS + 1, kWall + 1000);
    const auto control = a.observedControl(s);
    QVERIFY(control);
    QCOMPARE(control->admission_rate_per_s(), 700.0);
    QCOMPARE(control->providers_size(), 5);
    QVERIFY(control->providers(0).enabled());
}

void tst_FigureAssembler::noTimeUntilTheLiveClockAnswers()
{
    // A gateway started before Prometheus has scraped the live system's
    // clock: every other figure answers, the clock does not. The state
    // carries no time rather than the wall clock's (years from a simulated
    // 2021), no light is dated and no second goes into the history.
    FigureAssembler a(siteFrom(shippedSiteJson()));
    auto answers = healthy(a);
    answers[indexOf(a, {}, QStringLiteral("live_clock"))] = QueryResult{};
    v1::SystemState s = a.assemble(answers, kPromTimeS, kWall);
    QVERIFY(!a.clockKnown());
    QCOMPARE(s.sim_time_ms(), qint64(0));
    QVERIFY(staleOf(s, "live_clock"));
    QCOMPARE(staleOf(s, "live_clock")->reason(), v1::STALE_NO_DATA);
    QCOMPARE(s.admission().queue_depth(), 25000u);   // the figures themselves are shown
    for (const auto &p : s.providers())
        QCOMPARE(p.light_since_ms(), qint64(0));
    QVERIFY(!s.cohorts(0).window_open());   // not known to be open on an unknown clock
    QCOMPARE(a.sampleOf(s).queue_depth_size(), 0);

    // The clock answers: everything on it from now on.
    s = a.assemble(healthy(a), kPromTimeS + 1, kWall + 1000);
    QVERIFY(a.clockKnown());
    QCOMPARE(s.sim_time_ms(), qint64(kLiveClockS * 1000));
    for (const auto &p : s.providers())
        QCOMPARE(p.light_since_ms(), qint64(kLiveClockS * 1000));
    QVERIFY(s.cohorts(0).window_open());
    QCOMPARE(a.sampleOf(s).first_time_ms(), qint64(kLiveClockS) * 1000);

    // Once known, a clock query that fails keeps the clock going at
    // Prometheus's pace (the figure is stale, the time still the live one).
    answers = healthy(a);
    QueryResult lost;
    lost.failure = QueryFailure::Unreachable;
    answers[indexOf(a, {}, QStringLiteral("live_clock"))] = lost;
    s = a.assemble(answers, kPromTimeS + 3, kWall + 3000);
    QVERIFY(a.clockKnown());
    QCOMPARE(s.sim_time_ms(), qint64(kLiveClockS * 1000) + 2000);
    QVERIFY(staleOf(s, "live_clock"));
}

void tst_FigureAssembler::withoutALiveClockQueryPrometheusClockIsTheLiveOne()
{
    QJsonObject json = shippedSiteJson();
    QJsonObject queries = json.value(QStringLiteral("queries")).toObject();
    queries.remove(QStringLiteral("live_clock"));
    json[QStringLiteral("queries")] = queries;
    FigureAssembler a(siteFrom(json));
    QVERIFY(a.clockKnown());
    const v1::SystemState s = a.assemble(healthy(a), kPromTimeS, kWall);
    QCOMPARE(s.sim_time_ms(), qint64(kPromTimeS * 1000));
    QVERIFY(!staleOf(s, "live_clock"));
    QCOMPARE(a.sampleOf(s).first_time_ms(), qint64(kPromTimeS) * 1000);
}

QTEST_GUILESS_MAIN(tst_FigureAssembler)
#include "tst_figureassembler.moc"
