// Stale figures and command stages on screen, in Korean, offscreen: a tile
// whose figures the source could not read shows why and no live-looking
// number; the admission and cohort panels likewise; the banner counts them;
// a control that depends on them needs the explicit override; the status bar
// says the source and the stage of the operator's last command.
#include "tests/models/SituationFixtures.h"

#include "tests/support/CommandProgressFixtures.h"
#include "tests/support/ConsoleLook.h"
#include "widgets/board/ProviderBoard.h"
#include "widgets/board/ProviderTile.h"
#include "widgets/common/StaleNote.h"
#include "widgets/controls/CommandStageLabel.h"
#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"
#include "models/itemmodels/CohortModel.h"
#include "models/itemmodels/ProviderModel.h"
#include "widgets/panels/AdmissionPanel.h"
#include "widgets/panels/CohortPanel.h"
#include "widgets/status/ConnectionStatus.h"
#include "widgets/status/StaleBanner.h"

#include <QCheckBox>
#include <QDir>
#include <QPushButton>
#include <QRegularExpression>
#include <QApplication>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::models::SituationStore;

namespace {

const std::vector<std::string> kProviders{"kakao", "naver", "pass"};

bool hasDigit(const QString &text)
{
    return text.contains(QRegularExpression(QStringLiteral("[0-9]")));
}

} // namespace

class tst_StaleFigures : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock;
    testing::ConsoleLook m_look{QStringLiteral("ko"), console::Layout::Desktop};

    void start(SituationStore &store, const v1::SystemState &state, const std::string &source = "sim:opening-18-49")
    {
        store.apply(linkBatch(models::LinkState::Live));
        v1::Configuration config = makeConfiguration(kProviders, {{"c1", -10, 60}});
        config.set_source(source);
        config.set_admission_rate_min_per_s(50);
        config.set_admission_rate_max_per_s(2000);
        config.set_admission_rate_step_per_s(50);
        store.apply(snapshotBatch(config, state, makeHistory(kSimStartMs - 60'000, 60, 100, kProviders), m_clock.now));
    }

    static v1::SystemState stateAt(qint64 ms)
    {
        v1::SystemState s = makeState(ms, kProviders, {"c1"}, 3);
        s.mutable_admission()->set_queue_depth(41234);
        s.mutable_admission()->set_arrivals_per_s(812);
        s.mutable_admission()->set_admitted_per_s(500);
        s.mutable_admission()->set_rate_limit_per_s(500);
        s.mutable_admission()->set_estimated_wait_s(82);
        return s;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_look.isValid(), qPrintable(m_look.errorString()));
    }

    void staleProviderTile()
    {
        SituationStore store(nullptr, m_clock.clock());
        models::ProviderModel providers(store);
        widgets::ProviderBoard board(&providers, store);
        v1::SystemState s = stateAt(kSimStartMs);
        for (const char *what : {"p95_latency_ms", "error_rate", "requests_per_s", "light"})
            addStale(&s, std::string("provider.kakao.") + what);
        start(store, s);
        QCOMPARE(board.tileCount(), 3);

        widgets::ProviderTile *kakao = board.tile(providers.rowOf(QStringLiteral("kakao")));
        for (const QString &text : kakao->figureTexts()) {
            QCOMPARE(text, QStringLiteral("–"));
            QVERIFY2(!hasDigit(text), qPrintable(text));
        }
        QCOMPARE(kakao->lightWord(), QStringLiteral("–"));
        QVERIFY(!kakao->staleNote()->isHidden());
        QCOMPARE(kakao->staleNote()->text(), QStringLiteral("멈춤: 프로메테우스 응답 없음"));
        QVERIFY(kakao->staleNote()->toolTip().contains(QStringLiteral("provider.kakao.p95_latency_ms")));

        widgets::ProviderTile *naver = board.tile(providers.rowOf(QStringLiteral("naver")));
        QVERIFY(naver->staleNote()->isHidden());
        QVERIFY(hasDigit(naver->figureTexts().at(0)));

        // The scrape target down for one figure only: the rest is live.
        v1::SystemState next = stateAt(kSimStartMs + 1000);
        addStale(&next, "provider.kakao.error_rate", v1::STALE_TARGET_DOWN);
        store.apply(tickBatch(next, {}, ++m_clock.now));
        QCOMPARE(kakao->staleNote()->text(), QStringLiteral("멈춤: 수집 대상 중단 (up = 0)"));
        QVERIFY(hasDigit(kakao->figureTexts().at(0)));          // p95 live again
        QCOMPARE(kakao->figureTexts().at(1), QStringLiteral("–"));  // success rate not
        QVERIFY(kakao->lightWord() != QStringLiteral("–"));

        store.apply(tickBatch(stateAt(kSimStartMs + 2000), {}, ++m_clock.now));
        QVERIFY(kakao->staleNote()->isHidden());
        QVERIFY(hasDigit(kakao->figureTexts().at(1)));

        if (const QString dir = qEnvironmentVariable("SITROOM_SHOTS_DIR"); !dir.isEmpty()) {
            v1::SystemState shot = stateAt(kSimStartMs + 3000);
            for (const char *what : {"p95_latency_ms", "error_rate", "requests_per_s", "light"})
                addStale(&shot, std::string("provider.kakao.") + what);
            addStale(&shot, "provider.naver.error_rate", v1::STALE_QUERY_FAILED);
            store.apply(tickBatch(shot, {}, ++m_clock.now));
            board.resize(1200, 260);
            QVERIFY(board.grab().save(QDir(dir).filePath(QStringLiteral("stale-tiles-ko.png"))));
        }
    }

    void staleAdmissionAndCohort()
    {
        SituationStore store(nullptr, m_clock.clock());
        models::CohortModel cohorts(store);
        widgets::AdmissionPanel admission(store);
        widgets::CohortPanel cohort(&cohorts, store);
        v1::SystemState s = stateAt(kSimStartMs);
        addStale(&s, "queue_depth", v1::STALE_NO_DATA);
        addStale(&s, "admitted_per_s", v1::STALE_NO_DATA);
        addStale(&s, "cohort.c1.booked", v1::STALE_QUERY_FAILED);
        start(store, s);
        QCOMPARE(admission.queueText(), QStringLiteral("–명"));
        QVERIFY(!hasDigit(admission.queueText()));
        QVERIFY2(admission.flowText().contains(QStringLiteral("입장 –")), qPrintable(admission.flowText()));
        QVERIFY(hasDigit(admission.throttleText()));
        QCOMPARE(admission.staleNote()->text(), QStringLiteral("멈춤: 데이터 없음"));
        QVERIFY(!admission.staleNote()->isHidden());
        QVERIFY2(cohort.progressText().contains(QStringLiteral("–명 예약(–)")), qPrintable(cohort.progressText()));
        QCOMPARE(cohort.staleNote()->text(), QStringLiteral("멈춤: 조회 실패"));
        // The table gives no value for the stale bookings either.
        QVERIFY(!cohorts.index(0, models::CohortModel::Booked).data().isValid());
        QVERIFY(cohorts.index(0, models::CohortModel::Booked).data(models::CohortModel::BookedStaleRole).toBool());

        store.apply(tickBatch(stateAt(kSimStartMs + 1000), {}, ++m_clock.now));
        QCOMPARE(admission.queueText(), QStringLiteral("41,234명"));
        QVERIFY(admission.staleNote()->isHidden());
        QVERIFY(cohort.staleNote()->isHidden());
        QVERIFY2(!cohort.progressText().contains(QStringLiteral("–")), qPrintable(cohort.progressText()));

        if (const QString dir = qEnvironmentVariable("SITROOM_SHOTS_DIR"); !dir.isEmpty()) {
            store.apply(tickBatch(s, {}, ++m_clock.now));
            QWidget both;
            auto *row = new QHBoxLayout(&both);
            row->addWidget(&admission);
            row->addWidget(&cohort);
            both.resize(1100, 560);
            both.show();
            QVERIFY(QTest::qWaitForWindowExposed(&both));
            QVERIFY(both.grab().save(QDir(dir).filePath(QStringLiteral("stale-panels-ko.png"))));
            row->removeWidget(&admission);
            row->removeWidget(&cohort);
            admission.setParent(nullptr);
            cohort.setParent(nullptr);
        }
    }

    void bannerCountsThem()
    {
        SituationStore store(nullptr, m_clock.clock());
        widgets::StaleBanner banner(store);
        v1::SystemState s = stateAt(kSimStartMs);
        for (int i = 0; i < 14; ++i)
            addStale(&s, "figure." + std::to_string(i));
        start(store, s);
        QCOMPARE(banner.figuresLine(), QStringLiteral("지표 14개 멈춤: 프로메테우스 응답 없음"));
        QVERIFY(!banner.isHidden());
        QVERIFY(banner.text().contains(banner.figuresLine()));

        v1::SystemState mixed = stateAt(kSimStartMs + 1000);
        addStale(&mixed, "a", v1::STALE_QUERY_FAILED);
        addStale(&mixed, "b", v1::STALE_QUERY_FAILED);
        addStale(&mixed, "c", v1::STALE_NO_DATA);
        store.apply(tickBatch(mixed, {}, ++m_clock.now));
        QCOMPARE(banner.figuresLine(), QStringLiteral("지표 3개 멈춤: 조회 실패 2, 데이터 없음 1"));

        store.apply(tickBatch(stateAt(kSimStartMs + 2000), {}, ++m_clock.now));
        QVERIFY(banner.figuresLine().isEmpty());
        QVERIFY(banner.isHidden());
    }

    void controlsNeedTheOverride()
    {
        SituationStore store(nullptr, m_clock.clock());
        QWidget parent;
        widgets::ControlDesk desk(store, &parent);
        v1::SystemState s = stateAt(kSimStartMs);
        addStale(&s, "queue_depth");
        addStale(&s, "provider.kakao.p95_latency_ms");
        start(store, s);
        QVERIFY(!store.isStale());

        desk.proposeRate(400);
        widgets::ControlConfirmDialog *dialog = desk.activeDialog();
        QVERIFY(dialog);
        dialog->setReason(QStringLiteral("큐 증가"));
        QVERIFY(!dialog->staleOverrideBox()->isHidden());
        QVERIFY(dialog->staleWarning()->text().contains(QStringLiteral("지표 1개 멈춤: 프로메테우스 응답 없음")));
        QVERIFY(!dialog->okButton()->isEnabled());
        dialog->staleOverrideBox()->setChecked(true);
        QVERIFY(dialog->okButton()->isEnabled());
        QVERIFY(dialog->staleOverride());

        // The queue comes back while the dialog is open: no override needed any more.
        v1::SystemState live = stateAt(kSimStartMs + 1000);
        addStale(&live, "provider.kakao.p95_latency_ms");
        store.apply(tickBatch(live, {}, ++m_clock.now));
        QVERIFY(dialog->staleOverrideBox()->isHidden());
        QVERIFY(!dialog->staleOverride());
        QVERIFY(dialog->okButton()->isEnabled());

        // Disabling Kakao depends on Kakao's figures; Naver's are live.
        desk.proposeProviderEnabled(QStringLiteral("kakao"), false);
        QVERIFY(desk.activeDialog());
        QVERIFY(!desk.activeDialog()->staleOverrideBox()->isHidden());
        desk.proposeProviderEnabled(QStringLiteral("naver"), false);
        QVERIFY(desk.activeDialog()->staleOverrideBox()->isHidden());
        desk.activeDialog()->reject();
    }

    void statusBarSourceAndStage()
    {
        SituationStore store(nullptr, m_clock.clock());
        widgets::ConnectionStatus status(store, QStringLiteral("127.0.0.1:7600"), QStringLiteral("서울"), QStringLiteral("kim"));
        widgets::CommandStageLabel stage(store);
        start(store, stateAt(kSimStartMs));
        QTRY_COMPARE(status.sourceText(), QStringLiteral("시뮬레이션"));
        start(store, stateAt(kSimStartMs + 500), "prometheus:http://127.0.0.1:9090");
        QTRY_COMPARE(status.sourceText(), QStringLiteral("프로메테우스 http://127.0.0.1:9090"));

        QVERIFY(stage.isHidden());
        stage.track(QStringLiteral("c-1"), QStringLiteral("입장 속도 500/s"));
        QVERIFY(stage.isHidden());  // nothing known yet
        models::TelemetryBatch answer;
        v1::CommandResult result;
        result.set_command_id("c-1");
        result.set_status(v1::COMMAND_APPLIED);
        result.set_stage(v1::COMMAND_STAGE_ACCEPTED);
        answer.commandResults.push_back(result);
        store.apply(answer);
        QCOMPARE(stage.text(), QStringLiteral("마지막 명령 (입장 속도 500/s): 적용 확인 중"));
        QVERIFY(!stage.isHidden());

        // Another console's command says nothing here.
        models::TelemetryBatch other;
        other.events.push_back(progressEnvelope(progress("c-9", v1::COMMAND_STAGE_EFFECT_NOT_SEEN, 30000)));
        store.apply(other);
        QCOMPARE(stage.text(), QStringLiteral("마지막 명령 (입장 속도 500/s): 적용 확인 중"));

        // The link drops while waiting: said as the last stage known, not as now.
        store.apply(linkBatch(models::LinkState::Failed));
        QVERIFY2(stage.text().endsWith(QStringLiteral("(연결 끊김: 마지막으로 알려진 단계)")), qPrintable(stage.text()));
        store.apply(linkBatch(models::LinkState::Live));
        QCOMPARE(stage.text(), QStringLiteral("마지막 명령 (입장 속도 500/s): 적용 확인 중"));

        models::TelemetryBatch seen;
        seen.events.push_back(progressEnvelope(progress("c-1", v1::COMMAND_STAGE_EFFECT_SEEN, 2100)));
        store.apply(seen);
        QCOMPARE(stage.text(), QStringLiteral("마지막 명령 (입장 속도 500/s): 효과 확인 (2.1초)"));

        // A new command: the old word goes at once.
        stage.track(QStringLiteral("c-2"), QStringLiteral("카카오 사용 중지"));
        QVERIFY(stage.isHidden());
        models::TelemetryBatch refused;
        v1::CommandResult failed;
        failed.set_command_id("c-2");
        failed.set_status(v1::COMMAND_REFUSED);
        failed.set_stage(v1::COMMAND_STAGE_DELIVERY_FAILED);
        failed.set_message("control webhook answered 503");
        refused.commandResults.push_back(failed);
        store.apply(refused);
        QCOMPARE(stage.text(), QStringLiteral("마지막 명령 (카카오 사용 중지): 전달 실패: control webhook answered 503"));
        QVERIFY(stage.property("problem").toBool());

        // A conflict reaches nothing: no stage is shown.
        stage.track(QStringLiteral("c-3"), QStringLiteral("입장 속도 400/s"));
        models::TelemetryBatch conflict;
        v1::CommandResult c3;
        c3.set_command_id("c-3");
        c3.set_status(v1::COMMAND_CONFLICT);
        conflict.commandResults.push_back(c3);
        store.apply(conflict);
        QVERIFY(stage.isHidden());
    }
};

QTEST_MAIN(tst_StaleFigures)
#include "tst_stalefigures.moc"
