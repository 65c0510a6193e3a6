// The briefing's facts and sentences from a hand-made evening whose figures
// are known: 300 bookings a second for the first 30 minutes after the 20:00
// opening, Kakao red from 20:03 to 20:20 (a one-minute step down to yellow at
// 20:10 belongs to the same spell), its citizens moving to Naver and PASS,
// and the admission rate cut from 700 to 500 a second at 20:05.
#include "models/briefing/BriefingFacts.h"
#include "models/briefing/BriefingSummary.h"
#include "models/briefing/CriticalStanding.h"
#include "models/history/HistoryRing.h"
#include "models/words/DisplayLanguage.h"

#include "sitroom/v1/alerts.pb.h"
#include "sitroom/v1/telemetry.pb.h"

#include <QtTest>

#include <QTimeZone>

using namespace sitroom;
using models::BriefingFacts;
using models::BriefingSummary;

namespace {

const qint64 kStart = QDateTime(QDate(2021, 8, 9), QTime(19, 30), QTimeZone("Asia/Seoul")).toMSecsSinceEpoch();
constexpr qint64 kMin = 60'000;
const qint64 kOpen = kStart + 30 * kMin;
const std::vector<std::string> kIds{"kakao", "naver", "pass"};

v1::Configuration configuration()
{
    v1::Configuration c;
    c.set_timezone("Asia/Seoul");
    const char *const en[] = {"Kakao", "Naver", "PASS"};
    for (std::size_t i = 0; i < kIds.size(); ++i) {
        v1::ProviderConfig *p = c.add_providers();
        p->set_id(kIds[i]);
        p->mutable_name()->set_en(en[i]);
    }
    v1::CohortConfig *k = c.add_cohorts();
    k->set_id("18-49-d9");
    k->set_window_open_ms(kOpen);
    k->set_window_close_ms(kOpen + 22 * 60 * kMin);
    k->set_expected_bookings(1'000'000);
    return c;
}

// `minutes` of per-second history from 19:30.
v1::History evening(int minutes)
{
    v1::History h;
    h.set_first_time_ms(kStart);
    h.set_step_ms(1000);
    for (const std::string &id : kIds)
        h.add_providers()->set_id(id);
    for (int s = 0; s < minutes * 60; ++s) {
        const qint64 t = kStart + s * 1000LL;
        const bool surge = t >= kOpen && t < kOpen + 30 * kMin;
        h.add_queue_depth(0);
        h.add_arrivals_per_s(0);
        h.add_admitted_per_s(0);
        h.add_abandoned_per_s(0);
        h.add_bookings_per_s(t < kOpen ? 0.0f : surge ? 300.0f : 100.0f);
        h.add_auth_attempts_per_s(0);
        h.add_backend_utilization(0);
        h.add_rate_limit_per_s(t < kOpen + 5 * kMin ? 700.0f : 500.0f);
        const bool red = t >= kOpen + 3 * kMin && t < kOpen + 20 * kMin && !(t >= kOpen + 10 * kMin && t < kOpen + 11 * kMin);
        const bool hot = t >= kOpen + 3 * kMin;
        for (std::size_t p = 0; p < kIds.size(); ++p) {
            v1::ProviderSeries *series = h.mutable_providers(int(p));
            series->add_light(p == 0 && red ? v1::LIGHT_RED : p == 0 && hot && t < kOpen + 20 * kMin ? v1::LIGHT_YELLOW : v1::LIGHT_GREEN);
            series->add_p95_latency_ms(500);
            series->add_error_rate(0.01f);
            // Before Kakao turns red: 100, 50, 50; after: 20, 120, 60.
            const float before[] = {100, 50, 50}, after[] = {20, 120, 60};
            series->add_requests_per_s(hot ? after[p] : before[p]);
        }
    }
    return h;
}

v1::SystemState stateAt(qint64 t)
{
    v1::SystemState s;
    s.set_sim_time_ms(t);
    s.mutable_admission()->set_queue_depth(12'345);
    s.mutable_admission()->set_estimated_wait_s(150);
    s.mutable_admission()->set_admitted_per_s(500);
    for (const std::string &id : kIds) {
        v1::ProviderState *p = s.add_providers();
        p->set_id(id);
        p->set_light(id == "naver" ? v1::LIGHT_RED : v1::LIGHT_GREEN);
    }
    return s;
}

v1::Alert critical(const std::string &id, v1::AlertState state, qint64 raised, const std::string &en, bool firstOut = false)
{
    v1::Alert a;
    a.set_id(id);
    a.set_severity(v1::SEVERITY_CRITICAL);
    a.set_state(state);
    a.set_raised_ms(raised);
    a.set_first_out(firstOut);
    a.mutable_message()->set_en(en);
    return a;
}

BriefingSummary summaryFor(const std::vector<v1::Alert> &alerts)
{
    const v1::Configuration c = configuration();
    return BriefingSummary(
        [c](const QString &id) {
            for (const auto &p : c.providers())
                if (QString::fromStdString(p.id()) == id)
                    return QString::fromStdString(p.name().en());
            return id;
        },
        [alerts](const QString &id) {
            for (const v1::Alert &a : alerts)
                if (QString::fromStdString(a.id()) == id)
                    return models::localText(a.message());
            return id;
        });
}

} // namespace

class TestBriefingSummary final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void factsFromTheHistory()
    {
        models::HistoryRing history;
        history.append(evening(70));   // to 20:40
        const BriefingFacts f = models::gatherBriefingFacts(configuration(), stateAt(kStart + 70 * kMin), history, {});
        QCOMPARE(f.openMs, kOpen);
        QVERIFY(f.firstHalfHourComplete);
        QCOMPARE(f.firstHalfHourBookings, 300.0 * 1800);
        QCOMPARE(f.bookingsSinceOpen, 300.0 * 1800 + 100.0 * 600);
        QCOMPARE(f.firstHalfHourShareOfForecast(), 0.54);
        QVERIFY(f.firstCongestion);
        QCOMPARE(f.firstCongestion->providerId, QStringLiteral("kakao"));
        QCOMPARE(f.firstCongestion->fromMs, kOpen + 3 * kMin);
        QCOMPARE(f.firstCongestion->untilMs, kOpen + 20 * kMin);   // the yellow minute at 20:10 merged
        QCOMPARE(int(f.movedTo.size()), 2);
        QCOMPARE(f.movedTo[0].providerId, QStringLiteral("naver"));   // 25 % → 60 %
        QCOMPARE(f.movedTo[1].providerId, QStringLiteral("pass"));    // 25 % → 30 %
        QCOMPARE(int(f.rateChanges.size()), 1);
        QCOMPARE(f.rateChanges[0].atMs, kOpen + 5 * kMin);
        QCOMPARE(f.rateChanges[0].fromPerS, 700.0);
        QCOMPARE(f.rateChanges[0].toPerS, 500.0);
        QCOMPARE(f.congestedNow, QStringList{QStringLiteral("naver")});
        QCOMPARE(f.queueDepth, 12'345.0);
        QCOMPARE(f.waitS, 150.0);
    }

    void sentencesAfterTheFirstHalfHour()
    {
        models::HistoryRing history;
        history.append(evening(70));
        const std::vector<v1::Alert> alerts{
            critical("a1", v1::ALERT_ACTIVE_ACKED, kOpen + 4 * kMin, "Kakao errors"),
            critical("a2", v1::ALERT_ACTIVE_UNACKED, kOpen + 9 * kMin, "Backend saturated"),
            critical("a3", v1::ALERT_RTN_UNACKED, kOpen + 2 * kMin, "Queue long"),   // no longer standing
        };
        const BriefingFacts f = models::gatherBriefingFacts(configuration(), stateAt(kStart + 70 * kMin), history, alerts);
        const BriefingSummary summary = summaryFor(alerts);
        QCOMPARE(summary.story(f), (QStringList{
            QStringLiteral("In the 30 minutes after bookings opened at 20:00, 540,000 bookings were made: 54 % of the day's forecast (1,000,000)."),
            QStringLiteral("Kakao verification was congested from 20:03 to 20:20, and citizens moved to Naver, PASS."),
            QStringLiteral("At 20:05 the situation room lowered the admission rate to 500 people a second."),
        }));
        QCOMPARE(summary.now(f), (QStringList{
            QStringLiteral("At 20:40, 12,345 people are waiting to enter, for about 3 min."),
            QStringLiteral("Congested now: Naver."),
            // Unacknowledged before acknowledged: the backend's, though Kakao's is older.
            QStringLiteral("2 critical alerts stand; the first to look at: Backend saturated."),
        }));
    }

    void sentencesDuringTheFirstHalfHour()
    {
        models::HistoryRing history;
        history.append(evening(45));   // to 20:15
        const BriefingFacts f = models::gatherBriefingFacts(configuration(), stateAt(kStart + 45 * kMin), history, {});
        QVERIFY(!f.firstHalfHourComplete);
        QCOMPARE(f.firstHalfHourBookings, 300.0 * 900);
        const QStringList story = summaryFor({}).story(f);
        QVERIFY2(story.value(0).startsWith(QStringLiteral("In the 15 minutes since bookings opened at 20:00, 270,000 bookings were made (")),
                 qPrintable(story.value(0)));
        QCOMPARE(story.value(1), QStringLiteral("Kakao verification has been congested since 20:03, and citizens moved to Naver, PASS."));
    }

    void beforeTheOpening()
    {
        models::HistoryRing history;
        history.append(evening(20));   // to 19:50
        const BriefingFacts f = models::gatherBriefingFacts(configuration(), stateAt(kStart + 20 * kMin), history, {});
        QVERIFY(!f.opened());
        QCOMPARE(summaryFor({}).story(f),
                 QStringList{QStringLiteral("Bookings open at 20:00; 1,000,000 bookings are forecast for the window.")});
    }

    void staleFiguresReadDash()
    {
        models::HistoryRing history;
        history.append(evening(70));
        const BriefingFacts f = models::gatherBriefingFacts(configuration(), stateAt(kStart + 70 * kMin), history, {},
                                                            {QStringLiteral("queue_depth"), QStringLiteral("provider.naver.light")});
        QVERIFY(std::isnan(f.queueDepth));
        QVERIFY(std::isnan(f.waitS));
        QVERIFY(f.congestedNow.isEmpty());   // Naver's light is not live: not said to be red
        const QStringList now = summaryFor({}).now(f);
        QCOMPARE(now.value(0), QStringLiteral("At 20:40, – people are waiting to enter, for –."));
        QCOMPARE(now.value(2), QStringLiteral("No critical alert stands."));
    }

    void noCongestionNoRateChange()
    {
        v1::History h = evening(70);
        for (auto &series : *h.mutable_providers())
            for (int i = 0; i < series.light_size(); ++i)
                series.set_light(i, v1::LIGHT_GREEN);
        for (int i = 0; i < h.rate_limit_per_s_size(); ++i)
            h.set_rate_limit_per_s(i, 700);
        models::HistoryRing history;
        history.append(h);
        const BriefingFacts f = models::gatherBriefingFacts(configuration(), stateAt(kStart + 70 * kMin), history, {});
        QVERIFY(!f.firstCongestion);
        QVERIFY(f.rateChanges.empty());
        const QStringList story = summaryFor({}).story(f);
        QCOMPARE(story.size(), 2);
        QCOMPARE(story.value(1), QStringLiteral("No verification method has been congested."));
    }
};

QTEST_GUILESS_MAIN(TestBriefingSummary)
#include "tst_briefingsummary.moc"
