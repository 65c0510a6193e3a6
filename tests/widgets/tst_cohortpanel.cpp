#include "tests/models/SituationFixtures.h"
#include "tests/support/ConsoleLook.h"

#include "models/itemmodels/CohortModel.h"
#include "widgets/panels/CohortPanel.h"
#include "widgets/panels/RotationCalendar.h"

#include <QApplication>
#include <QDateTime>
#include <QTimeZone>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::models::CohortModel;
using sitroom::models::SituationStore;

namespace {

// opening-18-49: group 9 first on Monday 9 August 2021 at 20:00 KST, then 0 to 8, a day apart, 22 hours each.
const QList<int> kDigits{9, 0, 1, 2, 3, 4, 5, 6, 7, 8};
const qint64 kFirstOpenMs = QDateTime(QDate(2021, 8, 9), QTime(20, 0), QTimeZone("Asia/Seoul")).toMSecsSinceEpoch();
constexpr qint64 kDayMs = 86'400'000;
constexpr qint64 kHourMs = 3'600'000;

v1::Configuration rotation()
{
    v1::Configuration c = makeConfiguration({"kakao"}, {}, "opening-18-49", 7, kFirstOpenMs - kHourMs / 2);
    c.set_timezone("Asia/Seoul");
    for (int i = 0; i < kDigits.size(); ++i) {
        v1::CohortConfig *k = c.add_cohorts();
        k->set_id("18-49/" + std::to_string(kDigits[i]));
        k->mutable_name()->set_ko("18~49세 (끝자리 " + std::to_string(kDigits[i]) + ")");
        k->mutable_name()->set_en("18-49 (birth date ending " + std::to_string(kDigits[i]) + ")");
        k->set_eligible(300'000);
        k->set_window_open_ms(kFirstOpenMs + i * kDayMs);
        k->set_window_close_ms(kFirstOpenMs + i * kDayMs + 22 * kHourMs);
        k->add_birth_digits(quint32(kDigits[i]));
        k->set_expected_bookings(200'000);
    }
    return c;
}

v1::SystemState stateAt(qint64 ms, quint64 booked, double perMinute)
{
    v1::SystemState s;
    s.set_sim_time_ms(ms);
    v1::CohortState *c = s.add_cohorts();
    c->set_id("18-49/9");
    c->set_booked(booked);
    c->set_eligible(300'000);
    c->set_bookings_per_min(perMinute);
    c->set_window_open(ms >= kFirstOpenMs);
    return s;
}

} // namespace

// The cohort panel: when today's group is fully booked at the current rate
// (or "추정 불가"), and the date of each day of the 10-day rotation, today's marked.
class tst_CohortPanel : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock;
    testing::ConsoleCatalogue m_korean{QStringLiteral("ko")};

    void start(SituationStore &store, const v1::SystemState &state)
    {
        store.apply(linkBatch(models::LinkState::Live));
        store.apply(snapshotBatch(rotation(), state, makeHistory(state.sim_time_ms() - 60'000, 60), m_clock.now));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_korean.isValid(), qPrintable(m_korean.errorString()));
        // Whatever the machine's zone, the days are the live system's (KST).
        qputenv("TZ", "America/New_York");
    }

    void rotationDaysHaveTheirDates()
    {
        SituationStore store(nullptr, m_clock.clock());
        CohortModel cohorts(store);
        widgets::CohortPanel panel(&cohorts, store);
        start(store, stateAt(kFirstOpenMs - kHourMs / 2, 0, 0)); // 19:30 on the first day
        const widgets::RotationCalendar *days = panel.rotationCalendar();
        QVERIFY(!days->isHidden());
        QCOMPARE(days->dayCount(), 10);
        QCOMPARE(days->digitsText(0), QStringLiteral("끝자리 9"));
        QCOMPARE(days->dateText(0), QStringLiteral("8/9 (월)"));
        QCOMPARE(days->digitsText(1), QStringLiteral("끝자리 0"));
        QCOMPARE(days->dateText(1), QStringLiteral("8/10 (화)"));
        QCOMPARE(days->digitsText(9), QStringLiteral("끝자리 8"));
        QCOMPARE(days->dateText(9), QStringLiteral("8/18 (수)"));
        QCOMPARE(days->todayIndex(), 0);

        // Past midnight in Seoul (still the 9th in New York): the 10th, group 0's day.
        store.apply(tickBatch(stateAt(kFirstOpenMs + 4 * kHourMs + 60'000, 1000, 10), {}, ++m_clock.now));
        QCOMPARE(days->todayIndex(), 1);
        QCOMPARE(cohorts.index(1, 0).data(CohortModel::TodayRole).toBool(), true);
        QCOMPARE(cohorts.index(0, 0).data(CohortModel::WindowDayRole).toDate(), QDate(2021, 8, 9));
    }

    void noRotationNoDays()
    {
        SituationStore store(nullptr, m_clock.clock());
        CohortModel cohorts(store);
        widgets::CohortPanel panel(&cohorts, store);
        v1::Configuration c = makeConfiguration({"kakao"}, {{"50s", -10, 600}});
        c.mutable_cohorts(0)->clear_birth_digits();
        store.apply(linkBatch(models::LinkState::Live));
        store.apply(snapshotBatch(c, makeState(kSimStartMs, {"kakao"}, {"50s"}), makeHistory(kSimStartMs - 60'000, 60),
                                  m_clock.now));
        QCOMPARE(panel.rotationCalendar()->dayCount(), 0);
        QVERIFY(panel.rotationCalendar()->isHidden());
    }

    void completionEstimate_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<quint64>("booked");
        QTest::addColumn<double>("perMinute");
        QTest::addColumn<bool>("stale");
        QTest::addColumn<QString>("expected");
        const qint64 at2030 = kFirstOpenMs + 30 * 60'000;
        // 60,000 to go at 1,000 a minute: an hour, 21:30.
        QTest::newRow("estimated") << at2030 << quint64(240'000) << 1000.0 << false
                                   << QStringLiteral("완료 예상 (분당 1,000건 기준): 8/9 21:30 KST");
        // 60,000 at 10 a minute is 100 hours: after the 22-hour window.
        QTest::newRow("after close") << at2030 << quint64(240'000) << 10.0 << false
                                     << QStringLiteral("완료 예상 (분당 10건 기준): 8/14 00:30 KST, 예약 창 마감(8/10 18:00 KST) 이후");
        QTest::newRow("rate 0") << at2030 << quint64(240'000) << 0.0 << false
                                << QStringLiteral("완료 예상: 추정 불가 (남은 60,000명, 분당 예약이 너무 적음)");
        QTest::newRow("bookings stale") << at2030 << quint64(240'000) << 1000.0 << true
                                        << QStringLiteral("완료 예상: – (실시간 예약 수치가 없어 추정 불가)");
        QTest::newRow("complete") << at2030 << quint64(300'000) << 0.0 << false
                                  << QStringLiteral("완료 예상: 대상자 전원 예약 완료");
        QTest::newRow("not open") << kFirstOpenMs - 60'000 << quint64(0) << 0.0 << false
                                  << QStringLiteral("완료 예상: – (예약 창이 아직 열리지 않음)");
    }

    void completionEstimate()
    {
        QFETCH(qint64, now);
        QFETCH(quint64, booked);
        QFETCH(double, perMinute);
        QFETCH(bool, stale);
        QFETCH(QString, expected);
        SituationStore store(nullptr, m_clock.clock());
        CohortModel cohorts(store);
        widgets::CohortPanel panel(&cohorts, store);
        v1::SystemState s = stateAt(now, booked, perMinute);
        if (stale) {
            v1::StaleFigure *f = s.add_stale();
            f->set_figure("cohort.18-49/9.booked");
            f->set_reason(v1::STALE_QUERY_FAILED);
        }
        start(store, s);
        QCOMPARE(panel.completionText(), expected);
    }

    void missingCohortStateIsNoEstimate()
    {
        SituationStore store(nullptr, m_clock.clock());
        CohortModel cohorts(store);
        widgets::CohortPanel panel(&cohorts, store);
        v1::SystemState s = stateAt(kFirstOpenMs + 60'000, 0, 0);
        s.clear_cohorts(); // the source sent no figures for the group
        start(store, s);
        QCOMPARE(panel.completionText(), QStringLiteral("완료 예상: – (실시간 예약 수치가 없어 추정 불가)"));
    }
};

QTEST_MAIN(tst_CohortPanel)
#include "tst_cohortpanel.moc"
