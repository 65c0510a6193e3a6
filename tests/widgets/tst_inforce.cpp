// What is in force, and by whom, in Korean, offscreen: the throttle keeps an
// operator's draft when another console changes the rate and says so; without
// a draft it follows; a disabled provider's tile says who, why, until when and
// the ramp back; the backend's utilisation has a figure with its own colour;
// nothing reads 0 before data came.
#include "tests/models/SituationFixtures.h"
#include "tests/support/ConsoleLook.h"

#include "widgets/board/BackendLoadStrip.h"
#include "widgets/board/ProviderBoard.h"
#include "widgets/board/ProviderTile.h"
#include "widgets/common/FigureDelegate.h"
#include "widgets/controls/ControlWords.h"
#include "widgets/controls/ThrottleControl.h"
#include "models/itemmodels/ProviderModel.h"
#include "widgets/panels/AdmissionPanel.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::models::SituationStore;
using sitroom::widgets::BackendLoadStrip;

namespace {

const std::vector<std::string> kProviders{"kakao", "naver", "pass"};
// 20:00:00 KST on 9 August 2021.
constexpr qint64 kEight = 1'628'506'800'000;

v1::Configuration configuration()
{
    v1::Configuration config = makeConfiguration(kProviders, {}, "cascade-drill", 7, kEight);
    config.set_timezone("Asia/Seoul");
    config.set_admission_rate_min_per_s(50);
    config.set_admission_rate_max_per_s(2000);
    config.set_admission_rate_step_per_s(50);
    return config;
}

v1::ControlState control(quint64 revision, double rate)
{
    v1::ControlState c;
    c.set_revision(revision);
    c.set_admission_rate_per_s(rate);
    for (const std::string &id : kProviders) {
        auto *p = c.add_providers();
        p->set_id(id);
        p->set_enabled(true);
    }
    return c;
}

models::TelemetryBatch controlEvent(const v1::ControlState &c, const std::string &user, v1::Site site)
{
    models::TelemetryBatch b;
    v1::Envelope env;
    v1::ControlEvent *event = env.mutable_control_event();
    *event->mutable_control() = c;
    event->mutable_actor()->set_user(user);
    event->mutable_actor()->set_site(site);
    event->mutable_actor()->set_reason("backend at 95 %");
    b.events.push_back(env);
    b.messages = 1;
    return b;
}

} // namespace

class tst_InForce : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock;
    testing::ConsoleLook m_look{QStringLiteral("ko"), console::Layout::Desktop};

    // Live as kim (Seoul), the rate in force 600/s at 20:05 KST.
    void start(SituationStore &store, v1::SystemState state = {})
    {
        if (state.sim_time_ms() == 0)
            state = makeState(kEight + 5 * kMinuteMs, kProviders);
        store.apply(linkBatch(models::LinkState::Live));
        models::TelemetryBatch b = snapshotBatch(configuration(), state, makeHistory(kEight, 60, 100, kProviders), m_clock.now);
        *b.snapshot->mutable_control() = control(1, 600);
        v1::Welcome welcome;
        welcome.set_user("kim");
        welcome.set_role(v1::ROLE_OPERATOR);
        welcome.set_site(v1::SITE_SEOUL);
        b.welcome = welcome;
        store.apply(b);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_look.isValid(), qPrintable(m_look.errorString()));
    }

    void draftKeptWhenAnotherConsoleChangesTheRate()
    {
        SituationStore store(nullptr, m_clock.clock());
        widgets::AdmissionPanel panel(store);
        widgets::ThrottleControl *throttle = panel.throttleControl();
        throttle->show();
        panel.show();
        start(store);
        QCOMPARE(throttle->rateBox()->value(), 600.0);
        QVERIFY(!throttle->isDraft());
        QCOMPARE(throttle->inForceText(), QStringLiteral("적용 중: 초당 600"));
        QVERIFY(!throttle->findChild<QLabel *>(QStringLiteral("throttleDraftMark"))->isVisible());

        // kim steps the rate up twice: a draft of 700/s, marked and styled apart.
        throttle->rateBox()->setFocus();
        QTest::keyClick(throttle->rateBox(), Qt::Key_Up);
        QTest::keyClick(throttle->rateBox(), Qt::Key_Up);
        QVERIFY(throttle->isDraft());
        QLabel *mark = throttle->findChild<QLabel *>(QStringLiteral("throttleDraftMark"));
        QVERIFY(mark->isVisible());
        QCOMPARE(mark->text(), QStringLiteral("초안"));
        QCOMPARE(throttle->rateBox()->property("draft").toBool(), true);
        QVERIFY(throttle->discardButton()->isVisible());

        // park in Osong cuts the rate to 500/s: the draft stays, the change is said.
        store.apply(controlEvent(control(2, 500), "park", v1::SITE_OSONG));
        QCOMPARE(store.control().admission_rate_per_s(), 500.0);
        QCOMPARE(throttle->rateBox()->value(), 700.0);
        QVERIFY(throttle->isDraft());
        QCOMPARE(throttle->inForceText(), QStringLiteral("적용 중: 초당 500"));
        const QString said = throttle->remoteChangeText();
        QVERIFY2(said.startsWith(QStringLiteral("다른 콘솔에서 입장 속도가 초당 500(으)로 바뀌었습니다")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("park, 오송")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("20:05 KST")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("초당 700")), qPrintable(said));

        // Dropping the draft shows the rate in force again and the note goes.
        throttle->discardButton()->click();
        QCOMPARE(throttle->rateBox()->value(), 500.0);
        QVERIFY(!throttle->isDraft());
        QVERIFY(throttle->remoteChangeText().isEmpty());
        QVERIFY(!mark->isVisible());
        QCOMPARE(throttle->rateBox()->property("draft").toBool(), false);
    }

    void withoutDraftTheRateFollows()
    {
        SituationStore store(nullptr, m_clock.clock());
        widgets::AdmissionPanel panel(store);
        panel.throttleControl()->show();
        panel.show();
        start(store);
        store.apply(controlEvent(control(2, 450), "park", v1::SITE_OSONG));
        QCOMPARE(panel.throttleControl()->rateBox()->value(), 450.0);
        QVERIFY(!panel.throttleControl()->isDraft());
        QVERIFY(panel.throttleControl()->remoteChangeText().isEmpty());
        QCOMPARE(panel.throttleControl()->inForceText(), QStringLiteral("적용 중: 초당 450"));
    }

    void draftInForceEndsTheDraft()
    {
        // kim's own change arrives applied: the draft is what is in force now.
        SituationStore store(nullptr, m_clock.clock());
        widgets::AdmissionPanel panel(store);
        widgets::ThrottleControl *throttle = panel.throttleControl();
        throttle->show();
        panel.show();
        start(store);
        throttle->rateBox()->setFocus();
        QTest::keyClick(throttle->rateBox(), Qt::Key_Down);
        QVERIFY(throttle->isDraft());
        store.apply(controlEvent(control(2, 550), "kim", v1::SITE_SEOUL));
        QVERIFY(!throttle->isDraft());
        QVERIFY(throttle->remoteChangeText().isEmpty());
        QCOMPARE(throttle->rateBox()->value(), 550.0);
    }

    void disabledTileSaysWhoWhyUntil()
    {
        SituationStore store(nullptr, m_clock.clock());
        models::ProviderModel providers(store);
        widgets::ProviderBoard board(&providers, store);
        board.show();
        start(store);
        const qint64 now = store.state().sim_time_ms();   // 20:05 KST
        v1::ControlState c = control(2, 600);
        v1::ProviderControl *kakao = c.mutable_providers(0);
        kakao->set_enabled(false);
        kakao->set_disabled_until_ms(now + 30 * kMinuteMs);  // 20:35 KST
        kakao->set_ramp_s(300);
        kakao->mutable_switched_by()->set_user("park");
        kakao->mutable_switched_by()->set_site(v1::SITE_OSONG);
        kakao->mutable_switched_by()->set_reason("카카오 인증 오류율 40 %");
        kakao->mutable_approved_by()->set_user("lee");
        kakao->set_switched_at_ms(now);
        store.apply(controlEvent(c, "lee", v1::SITE_SEOUL));
        widgets::ProviderTile *tile = board.tile(providers.rowOf(QStringLiteral("kakao")));
        const QString text = tile->controlText();
        QVERIFY2(text.contains(QStringLiteral("park (오송)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("lee")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("“카카오 인증 오류율 40 %”")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("20:35 KST까지")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("30분 남음")), qPrintable(text));
        // The others say nothing: nobody switched them.
        QVERIFY(board.tile(providers.rowOf(QStringLiteral("naver")))->controlText().isEmpty());

        // Re-enabled at 20:35 as the timed disable ended; two minutes into a five-minute ramp.
        v1::ControlState back = c;
        back.set_revision(3);
        kakao = back.mutable_providers(0);
        kakao->set_enabled(true);
        kakao->set_disabled_until_ms(0);
        kakao->mutable_switched_by()->set_user("system");
        kakao->mutable_switched_by()->set_site(0);
        kakao->mutable_switched_by()->set_reason("timed disable ended");
        kakao->clear_approved_by();
        kakao->set_switched_at_ms(now + 30 * kMinuteMs);
        store.apply(controlEvent(back, "system", v1::SITE_UNSPECIFIED));
        v1::SystemState later = makeState(now + 32 * kMinuteMs, kProviders);
        store.apply(tickBatch(later, {}, m_clock.now));
        const QString ramp = tile->controlText();
        QVERIFY2(ramp.contains(QStringLiteral("복귀 중 40 %")), qPrintable(ramp));
        QVERIFY2(ramp.contains(QStringLiteral("20:40 KST")), qPrintable(ramp));
        QVERIFY2(!ramp.contains(QStringLiteral("timed")), qPrintable(ramp));   // no English from the server
        // Ramp done: the tile says nothing more.
        store.apply(tickBatch(makeState(now + 36 * kMinuteMs, kProviders), {}, m_clock.now));
        QVERIFY(tile->controlText().isEmpty());
    }

    void backendUtilisationHasItsOwnColour_data()
    {
        QTest::addColumn<double>("utilization");
        QTest::addColumn<QString>("figure");
        QTest::addColumn<QString>("level");
        QTest::addColumn<QString>("word");
        QTest::newRow("cascade-drill peak") << 2.04 << QStringLiteral("204 %") << QStringLiteral("over") << QStringLiteral("■ 과부하");
        QTest::newRow("high") << 0.93 << QStringLiteral("93 %") << QStringLiteral("high") << QStringLiteral("▲ 높음");
        QTest::newRow("normal") << 0.5 << QStringLiteral("50 %") << QStringLiteral("normal") << QStringLiteral("정상");
    }

    void backendUtilisationHasItsOwnColour()
    {
        QFETCH(double, utilization);
        QFETCH(QString, figure);
        QFETCH(QString, level);
        QFETCH(QString, word);
        SituationStore store(nullptr, m_clock.clock());
        models::ProviderModel providers(store);
        widgets::ProviderBoard board(&providers, store);
        board.resize(1400, 400);
        board.show();
        v1::SystemState state = makeState(kEight + 5 * kMinuteMs, kProviders);
        state.mutable_backend()->set_utilization(utilization);
        state.mutable_backend()->set_capacity_per_s(2400);
        state.mutable_backend()->set_requests_per_s(2400 * utilization);
        start(store, state);
        BackendLoadStrip *strip = board.backendLoad();
        QVERIFY(strip->isVisible());
        QCOMPARE(strip->figureText(), figure);
        QCOMPARE(strip->wordText(), word);
        QCOMPARE(strip->property("loadLevel").toString(), level);
        QVERIFY2(strip->detailText().contains(QStringLiteral("초당 2,400")), qPrintable(strip->detailText()));
        // Its colour is its own: the frame differs from the calm grey only when abnormal.
        const QColor background = strip->palette().color(strip->backgroundRole());
        QImage image(strip->size(), QImage::Format_ARGB32);
        strip->render(&image);
        const QColor inside = image.pixelColor(strip->width() / 2, 2 + (level == QStringLiteral("normal") ? 0 : 3));
        Q_UNUSED(background);
        if (level == QStringLiteral("over"))
            QCOMPARE(inside.name(), QStringLiteral("#f3dcdc"));
        else if (level == QStringLiteral("high"))
            QCOMPARE(inside.name(), QStringLiteral("#f3ead2"));
        else
            QCOMPARE(inside.name(), QStringLiteral("#ececec"));
    }

    // The controls in force name disabled providers as operators know them.
    void controlsInForceNameTheProviders()
    {
        v1::ControlState control;
        control.set_admission_rate_per_s(500);
        auto *kakao = control.add_providers();
        kakao->set_id("kakao");
        kakao->set_enabled(false);
        auto *naver = control.add_providers();
        naver->set_id("naver");
        naver->set_enabled(true);
        const QString text = widgets::ControlWords::controlText(
            control, [](const QString &id) { return id == u"kakao" ? QStringLiteral("카카오") : id; });
        QVERIFY2(text.contains(QStringLiteral("카카오")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("kakao")) && !text.contains(QStringLiteral("naver")), qPrintable(text));
    }

    void dashBeforeData()
    {
        SituationStore store(nullptr, m_clock.clock());
        models::ProviderModel providers(store);
        widgets::ProviderBoard board(&providers, store);
        widgets::AdmissionPanel panel(store);
        panel.throttleControl()->show();
        board.show();
        panel.show();
        const QString dash = QStringLiteral("–");
        // Nothing has come yet.
        QCOMPARE(board.backendLoad()->figureText(), dash);
        QVERIFY(!panel.queueText().contains(u'0'));
        QVERIFY2(panel.queueText().startsWith(dash), qPrintable(panel.queueText()));
        QVERIFY2(panel.flowText().count(dash) == 2, qPrintable(panel.flowText()));
        QVERIFY2(panel.throttleText().endsWith(dash), qPrintable(panel.throttleText()));
        QCOMPARE(panel.throttleControl()->rateBox()->text(), dash);
        QCOMPARE(panel.throttleControl()->inForceText(), QStringLiteral("적용 중: –"));

        // A configuration whose state does not list a provider yet: its tile reads "–".
        v1::SystemState state = makeState(kEight, {"kakao", "naver"});
        store.apply(linkBatch(models::LinkState::Live));
        store.apply(snapshotBatch(configuration(), state, makeHistory(kEight - 5000, 5), m_clock.now));
        widgets::ProviderTile *pass = board.tile(providers.rowOf(QStringLiteral("pass")));
        for (const QString &text : pass->figureTexts())
            QCOMPARE(text, dash);
        for (const QString &text : board.tile(providers.rowOf(QStringLiteral("kakao")))->figureTexts())
            QVERIFY(text != dash);

        // In a table: a cell with no value yet reads "–", not blank, not 0.
        widgets::FigureDelegate delegate;
        delegate.setColumnKind(0, widgets::FigureDelegate::Kind::Rate);
        delegate.setColumnKind(1, widgets::FigureDelegate::Kind::ProgressBar);
        QStandardItemModel table(1, 3);
        table.setData(table.index(0, 2), 12.0);
        for (int column : {0, 1}) {
            QStyleOptionViewItem option;
            delegate.initStyleOption(&option, table.index(0, column));
            QCOMPARE(option.text, dash);
        }
        QStyleOptionViewItem plain;
        delegate.initStyleOption(&plain, table.index(0, 2));
        QCOMPARE(plain.text, QStringLiteral("12"));
    }
};

QTEST_MAIN(tst_InForce)
#include "tst_inforce.moc"
