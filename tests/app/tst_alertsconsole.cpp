// Alerts in the console's window, offscreen, fed hand-made telemetry: a
// runbook step opens the controls' one confirmation pre-filled (provider,
// duration, rate, a reason naming the alert and step) and the acknowledgement
// then records the step; a step the role may not take, or whose precondition
// no longer holds, is refused inline; a new critical alert marks the window
// without a modal; the wall and laptop layouts do not act.
#include "app/console/MainWindow.h"
#include "widgets/wall/WallAlarm.h"
#include "widgets/wall/WallBoard.h"

#include "tests/widgets/AlertFixtures.h"

#include "widgets/alerts/AlertDesk.h"
#include "widgets/alerts/AlertDialogs.h"
#include "widgets/alerts/CriticalAlarm.h"
#include "widgets/alerts/RunbookPane.h"
#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"
#include "models/itemmodels/AlertModel.h"
#include "models/itemmodels/CohortModel.h"
#include "models/itemmodels/ProviderModel.h"
#include "widgets/panels/AlertsPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QTranslator>
#include <QTableView>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::console::Layout;
using sitroom::console::MainWindow;

namespace {

struct CountingAnnouncer final : widgets::AlarmAnnouncer
{
    int count = 0;
    void announce(const QString &, const QString &, bool) override { ++count; }
};

const qint64 t0 = kSimStartMs + 30'000;

struct Console
{
    Console(v1::Role role, Layout layout = Layout::Desktop, const QString &language = QStringLiteral("en"))
        : store(nullptr, clock.clock())
        , providers(store)
        , cohorts(store)
        , alerts(store)
        , window({&store, &providers, &cohorts, &alerts}, options(language), layout)
    {
        window.resize(1920, 1080);
        window.show();
        window.setAlarmAnnouncer(&announcer);
        feed(liveBatch(role, {makeAlert("a1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, t0)}, clock.now));
    }
    static console::ConsoleOptions options(const QString &language)
    {
        console::ConsoleOptions o;
        o.serverText = QStringLiteral("127.0.0.1:7600");
        o.connection.user = QStringLiteral("kim");
        o.language = language;
        return o;
    }
    void feed(models::TelemetryBatch b)
    {
        b.messages = 1;
        b.lastMessageMonotonicMs = clock.now;
        store.apply(b);
    }
    widgets::AlertsPanel *panel() const { return window.alertsPanel(); }

    FakeClock clock;
    CountingAnnouncer announcer;
    models::SituationStore store;
    models::ProviderModel providers;
    models::CohortModel cohorts;
    models::AlertModel alerts;
    MainWindow window;
};

// Twenty minutes after the 20:00 opening, kakao's verification collapsing:
// fourteen alerts in ten minutes, grouped by the engine, kakao's first out.
models::TelemetryBatch floodBatch(qint64 arrivedMs)
{
    struct Spec { const char *id, *source, *group, *ko, *en; v1::Severity severity; v1::AlertState state; int minute; const char *runbook; };
    const Spec specs[] = {
        {"k1", "provider/kakao", "provider/kakao", "카카오 인증 오류율 42 % (기준 20 %)", "Kakao verification error rate 42 % (threshold 20 %)", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, 0, "provider-failing"},
        {"k2", "provider/kakao", "provider/kakao", "카카오 인증 p95 지연 14.2초 (기준 8초)", "Kakao verification p95 14.2 s (threshold 8 s)", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, 1, "provider-failing"},
        {"k3", "provider/kakao", "provider/kakao", "카카오 3분 넘게 혼잡", "Kakao congested for over 3 minutes", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_ACKED, 3, "provider-failing"},
        {"v1", "bookings", "provider/kakao", "예약 1건당 인증 시도 7.8회 (평소 2.5회)", "Verification attempts per booking 7.8x (usually 2.5x)", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, 4, "verification-collapse"},
        {"n1", "provider/naver", "provider/naver", "네이버 인증 p95 지연 6.1초 (기준 5초)", "Naver verification p95 6.1 s (threshold 5 s)", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED, 5, "provider-failing"},
        {"n2", "provider/naver", "provider/naver", "네이버 인증 오류율 9 % (기준 8 %)", "Naver verification error rate 9 % (threshold 8 %)", v1::SEVERITY_MINOR, v1::ALERT_RTN_UNACKED, 6, "provider-failing"},
        {"p1", "provider/pass", "provider/pass", "PASS 인증 p95 지연 5.4초 (기준 5초)", "PASS verification p95 5.4 s (threshold 5 s)", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED, 6, "provider-failing"},
        {"q1", "queue", "queue", "대기열 예상 대기 38분 (기준 30분)", "Estimated wait in the queue 38 min (threshold 30 min)", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, 7, "queue-wait"},
        {"q2", "queue", "queue", "대기열 120만 명 초과", "Queue above 1.2 million people", v1::SEVERITY_MINOR, v1::ALERT_SHELVED, 7, "queue-wait"},
        {"b1", "backend", "backend", "예약 시스템 사용률 97 % (기준 90 %)", "Booking backend at 97 % of capacity (threshold 90 %)", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, 8, "backend-saturation"},
        {"b2", "backend", "backend", "예약 실패 초당 35건", "Booking failures 35 per second", v1::SEVERITY_MINOR, v1::ALERT_ACTIVE_UNACKED, 8, "backend-saturation"},
        {"e1", "bookings", "bookings", "예약 속도가 예상 곡선의 62 %", "Bookings at 62 % of the expected surge envelope", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, 9, "bookings-below-envelope"},
        {"m1", "provider/mobile", "provider/mobile", "휴대폰 인증 p95 지연 5.2초 (기준 5초)", "Mobile verification p95 5.2 s (threshold 5 s)", v1::SEVERITY_INFO, v1::ALERT_ACTIVE_UNACKED, 9, "provider-failing"},
        {"c1", "provider/certificate", "provider/certificate", "공동인증서 요청 급증 (평소의 3배)", "Certificate requests 3x the usual", v1::SEVERITY_INFO, v1::ALERT_ACTIVE_ACKED, 9, "provider-failing"},
    };
    std::vector<v1::Alert> alerts;
    for (const Spec &s : specs) {
        v1::Alert a = makeAlert(s.id, s.severity, s.state, kSimStartMs + 20 * kMinuteMs + s.minute * kMinuteMs + 17'000,
                                s.source, s.runbook);
        a.mutable_message()->set_ko(s.ko);
        a.mutable_message()->set_en(s.en);
        a.set_flood_group(s.group);
        a.set_first_out(std::string(s.id) == "k1");
        if (s.state == v1::ALERT_ACTIVE_ACKED) {
            a.mutable_acknowledged_by()->set_user("park");
            a.mutable_acknowledged_by()->set_site(v1::SITE_OSONG);
            a.mutable_acknowledged_by()->set_time_ms(a.raised_ms() + 40'000);
            a.set_comment("카카오 측 통화 중");
        }
        if (s.state == v1::ALERT_SHELVED) {
            a.set_shelved_until_ms(a.raised_ms() + 3600'000);
            a.mutable_shelved_by()->set_user("lee");
            a.mutable_shelved_by()->set_reason("q1이 같은 상황을 본다");
        }
        alerts.push_back(std::move(a));
    }
    const std::vector<std::string> providers{"kakao", "naver", "pass", "mobile", "certificate"};
    models::TelemetryBatch b = liveBatch(v1::ROLE_SUPERVISOR, std::move(alerts), arrivedMs, providers);
    const char *ko[] = {"카카오", "네이버", "PASS", "휴대폰", "공동인증서"};
    const char *en[] = {"Kakao", "Naver", "PASS", "Mobile", "Certificate"};
    const v1::Light lights[] = {v1::LIGHT_RED, v1::LIGHT_YELLOW, v1::LIGHT_YELLOW, v1::LIGHT_GREEN, v1::LIGHT_GREEN};
    for (int i = 0; i < 5; ++i) {
        b.snapshot->mutable_configuration()->mutable_providers(i)->mutable_name()->set_ko(ko[i]);
        b.snapshot->mutable_configuration()->mutable_providers(i)->mutable_name()->set_en(en[i]);
        b.snapshot->mutable_state()->mutable_providers(i)->set_light(lights[i]);
        b.state.mutable_providers(i)->set_light(lights[i]);
    }
    b.snapshot->mutable_configuration()->mutable_scenario_name()->set_ko("2021년 7월 18–49세 예약 개시");
    b.snapshot->mutable_configuration()->mutable_scenario_name()->set_en("July 2021: the 18–49 opening");
    b.snapshot->mutable_state()->set_alerts_last_10min(14);
    b.snapshot->mutable_state()->set_alert_flood(true);
    b.state.set_alerts_last_10min(14);
    b.state.set_alert_flood(true);
    return b;
}

const QUrl kDisable(QStringLiteral("sitroom:disable-provider?step=8&provider=kakao&for=30m&require=provider-red,provider-enabled"));

} // namespace

class tst_AlertsConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sitroom-test"));
        QSettings().clear();
    }

    void runbookStepOpensTheControlsConfirmationPrefilled()
    {
        Console c(v1::ROLE_SUPERVISOR);
        QVERIFY(c.window.alertDesk());
        QCOMPARE(c.panel()->selectedAlertId(), QStringLiteral("a1"));
        QSignalSpy controls(c.window.controlDesk(), &widgets::ControlDesk::commandIssued);
        c.panel()->runbookPane()->activate(kDisable);
        widgets::ControlConfirmDialog *dialog = c.window.controlDesk()->activeDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->reason().contains(QStringLiteral("a1")));
        QVERIFY2(dialog->reason().contains(QStringLiteral("provider-failing#8: disable Provider kakao for 30 min")), qPrintable(dialog->reason()));
        QVERIFY(dialog->durationBox());
        QCOMPARE(dialog->durationBox()->currentData().toUInt(), 1800u);
        QVERIFY(dialog->okButton()->isEnabled());   // the reason is there; still editable
        dialog->okButton()->click();
        QCOMPARE(controls.size(), 1);
        const auto command = controls[0][0].value<v1::Command>();
        QCOMPARE(command.set_provider_enabled().provider_id(), std::string("kakao"));
        QVERIFY(!command.set_provider_enabled().enabled());
        QCOMPARE(command.set_provider_enabled().disable_for_s(), 1800u);

        // The acknowledgement records the step taken.
        QSignalSpy alertCommands(c.window.alertDesk(), &widgets::AlertDesk::commandIssued);
        c.panel()->ackButton()->click();
        widgets::AlertAckDialog *ack = c.window.alertDesk()->activeAckDialog();
        QVERIFY(ack);
        QCOMPARE(ack->runbookStep(), QStringLiteral("provider-failing#8: disable Provider kakao for 30 min"));
        ack->commentEdit()->setPlainText(QStringLiteral("kakao 30 min off, approval asked"));
        ack->okButton()->click();
        QCOMPARE(alertCommands.size(), 1);
        QCOMPARE(alertCommands[0][0].value<v1::Command>().acknowledge_alert().runbook_step(),
                 std::string("provider-failing#8: disable Provider kakao for 30 min"));
    }

    void throttleStepPrefillsTheRate()
    {
        Console c(v1::ROLE_OPERATOR);
        QSignalSpy controls(c.window.controlDesk(), &widgets::ControlDesk::commandIssued);
        c.panel()->runbookPane()->activate(QUrl(QStringLiteral(
            "sitroom:throttle?step=7&percent=80&require=backend-utilization-above:0.9,admission-running")));
        widgets::ControlConfirmDialog *dialog = c.window.controlDesk()->activeDialog();
        QVERIFY(dialog);
        dialog->okButton()->click();
        QCOMPARE(controls.size(), 1);
        QCOMPARE(controls[0][0].value<v1::Command>().set_admission_rate().rate_per_s(), 560.0);
    }

    void stepTheRoleMayNotTakeIsRefusedInline()
    {
        Console c(v1::ROLE_OPERATOR);
        c.panel()->runbookPane()->activate(kDisable);
        QVERIFY(!c.window.controlDesk()->activeDialog());
        QVERIFY(c.panel()->notice()->text().contains(QStringLiteral("supervisor")));
        QVERIFY(!QApplication::activeModalWidget());
    }

    void stepRefusedWhenPreconditionNoLongerHolds()
    {
        Console c(v1::ROLE_SUPERVISOR);
        v1::SystemState now = c.store.state();
        now.mutable_providers(0)->set_light(v1::LIGHT_GREEN);
        c.feed(tickBatch(now, makeHistory(now.sim_time_ms(), 1), c.clock.now));
        c.panel()->runbookPane()->activate(kDisable);
        QVERIFY(!c.window.controlDesk()->activeDialog());
        const QString notice = c.panel()->notice()->text();
        QVERIFY2(notice.contains(QStringLiteral("Step 8")) && notice.contains(QStringLiteral("Smooth")), qPrintable(notice));
        QVERIFY(!QApplication::activeModalWidget());
    }

    void newCriticalMarksTheWindowOnce()
    {
        Console c(v1::ROLE_OPERATOR);
        QVERIFY(!c.window.windowTitle().startsWith(QStringLiteral("[CRITICAL")));
        const v1::Alert critical = makeAlert("c1", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, t0 + 5000);
        c.feed(alertEventBatch(critical, v1::TRANSITION_RAISED));
        QCOMPARE(c.announcer.count, 1);
        QVERIFY(!c.window.alertsPanel()->visibleRegion().isEmpty());   // brought to the front
        QVERIFY2(c.window.windowTitle().startsWith(QStringLiteral("[CRITICAL ALERT]")), qPrintable(c.window.windowTitle()));
        QCOMPARE(c.panel()->selectedAlertId(), QStringLiteral("a1"));   // the operator's choice stays
        c.feed(alertEventBatch(critical, v1::TRANSITION_RAISED));
        QCOMPARE(c.announcer.count, 1);
        v1::Alert acked = critical;
        acked.set_state(v1::ALERT_ACTIVE_ACKED);
        c.feed(alertEventBatch(acked, v1::TRANSITION_ACKNOWLEDGED));
        QVERIFY(!c.window.windowTitle().startsWith(QStringLiteral("[CRITICAL")));
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(c.window.alertsPanel()->parentWidget()->windowTitle(), QStringLiteral("Alerts (2)"));
    }

    // Not a check: pictures for docs/screenshots, taken when SITROOM_SHOTS_DIR is set.
    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("layout");
        QTest::newRow("ko-1920") << "ko" << QSize(1920, 1080) << int(Layout::Desktop);
        QTest::newRow("en-1920") << "en" << QSize(1920, 1080) << int(Layout::Desktop);
        QTest::newRow("ko-1366") << "ko" << QSize(1366, 768) << int(Layout::Compact);
        QTest::newRow("en-1366") << "en" << QSize(1366, 768) << int(Layout::Compact);
        QTest::newRow("wall-ko-1920") << "ko" << QSize(1920, 1080) << int(Layout::Wall);
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("SITROOM_SHOTS_DIR");
        if (dir.isEmpty())
            QSKIP("set SITROOM_SHOTS_DIR to take the alert screenshots");
        QFETCH(QString, language);
        QFETCH(QSize, size);
        QFETCH(int, layout);
        QTranslator translator;
        const QString qm = qEnvironmentVariable("SITROOM_QM_DIR") + QStringLiteral("/sitroom_%1.qm").arg(language);
        QVERIFY2(translator.load(qm), qPrintable(qm));
        QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(language == u"ko" ? QLocale(QLocale::Korean, QLocale::SouthKorea) : QLocale(QLocale::English, QLocale::UnitedStates));
        QFont font(QStringLiteral("Noto Sans CJK KR"));
        font.setPointSizeF(layout == int(Layout::Wall) ? 15.0 : layout == int(Layout::Compact) ? 9.0 : 10.0);
        QApplication::setFont(font);
        QFile sheet(QStringLiteral(SITROOM_SOURCE_DIR "/resources/theme/sitroom.qss"));
        QVERIFY(sheet.open(QIODevice::ReadOnly));
        qApp->setStyleSheet(QString::fromUtf8(sheet.readAll()));
        QSettings().clear();
        {
            Console c(v1::ROLE_SUPERVISOR, Layout(layout), language);
            c.window.resize(size);
            c.feed(floodBatch(c.clock.now));
            QTest::qWait(50);
            c.panel()->selectAlert(QStringLiteral("k1"));
            if (layout != int(Layout::Desktop))
                c.window.resetLayout();
            c.window.alertsPanel()->parentWidget()->raise();
            QTest::qWait(200);
            const QString name = layout == int(Layout::Wall) ? QStringLiteral("alerts-flood-wall-%1-%2x%3.png")
                                                             : QStringLiteral("alerts-flood-%1-%2x%3.png");
            const QString path = dir + u'/' + name.arg(language).arg(size.width()).arg(size.height());
            QVERIFY(c.window.grab().save(path));
        }
        QCoreApplication::removeTranslator(&translator);
        qApp->setStyleSheet(QString());
    }

    void wallAndLaptopDoNotAct()
    {
        {
            Console wall(v1::ROLE_SUPERVISOR, Layout::Wall);
            QVERIFY(!wall.window.alertDesk());
            QVERIFY(!wall.panel()->ackButton()->isVisible());
            QVERIFY(!wall.panel()->runbookPane()->isVisible());
            // The wall is its own design, with no tables: the standing
            // critical alerts on its alarm line, not the list.
            QVERIFY(!wall.panel()->isVisible());
            QVERIFY(wall.window.wallBoard()->alarm()->isVisible());
        }
        Console laptop(v1::ROLE_SUPERVISOR, Layout::Compact);
        QVERIFY(!laptop.window.alertDesk());
        QVERIFY(!laptop.panel()->ackButton()->isVisible());
        QVERIFY(!laptop.panel()->runbookPane()->markdown().isEmpty() || !QFile::exists(QStringLiteral(":/runbooks/provider-failing.en.md")));
        laptop.panel()->runbookPane()->activate(kDisable);
        QVERIFY(!laptop.window.controlDesk()->activeDialog());
        QVERIFY(laptop.panel()->notice()->text().contains(QStringLiteral("read-only")));
    }
};

QTEST_MAIN(tst_AlertsConsole)
#include "tst_alertsconsole.moc"
