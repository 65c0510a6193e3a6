// The console's status bar at 1366×768 and 1920×1080, in Korean and English,
// on the desk and laptop layouts (app/console/MainWindow's arrangement of
// widgets/status): what an operator must always read whole, however much else
// the bar has to say (the gateway in use and the link to it, the data's age,
// the room in command, the live system's clock), is never cut; the news gives
// way first (cut to what fits, whole in its tooltip and in the history a
// click opens); who signed in and the round trip give way last, to the name
// and the figure. The worst case is the two-room demo's bad minute all at
// once: a simulation at 30× on its own clock, stale, on the gateway it moved
// to, which cannot reach its state store, a handover waiting, a request
// waiting for this supervisor, a long message and a command's stage.
#include "tests/models/SituationFixtures.h"
#include "tests/support/ConsoleLook.h"
#include "tests/support/ConsoleScreen.h"

#include "widgets/common/ElidedLabel.h"
#include "widgets/common/LiveClockLabel.h"
#include "widgets/controls/ApprovalNotifier.h"
#include "widgets/controls/CommandSiteMark.h"
#include "widgets/controls/CommandStageLabel.h"
#include "widgets/status/ConnectionStatus.h"
#include "widgets/status/StatusNotice.h"

#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using console::Layout;

namespace {

const std::vector<std::string> kProviders{"kakao", "naver", "pass", "phone", "cert"};
constexpr qint64 kLiveMs = 1'628'507'585'000;  // 20:13:05 KST, 9 August 2021, on the simulation's clock
constexpr qint64 kWallMs = 1'628'486'531'000;  // 14:22:11 KST on the gateway's wall clock

models::LinkEvent liveOn(const QString &server, bool switching)
{
    models::LinkEvent e = linkEvent(models::LinkState::Live);
    e.server = server;
    e.switching = switching;
    return e;
}

// A supervisor of Seoul (in command) on Seoul's gateway; in the worst case
// then on Osong's, with everything the bar can be asked to say at once.
void feed(ConsoleScreen &c, bool worst)
{
    v1::Configuration config = makeConfiguration(kProviders);
    config.set_timezone("Asia/Seoul");
    config.mutable_scenario_name()->set_ko("18~49세 사전예약 첫날 (시뮬레이터, 프로메테우스 경유, 훈련용 재현)");
    config.mutable_scenario_name()->set_en("Opening day for ages 18 to 49 (simulator, through Prometheus, drill replay)");
    config.set_source("sim:opening-18-49");
    config.set_speed(worst ? 30.0 : 1.0);
    const qint64 liveMs = worst ? kLiveMs : kWallMs;
    models::TelemetryBatch b = snapshotBatch(config, makeState(liveMs, kProviders), makeHistory(liveMs - 60'000, 60), c.now);
    b.lastServerTimeMs = kWallMs;
    v1::ControlState *control = b.snapshot->mutable_control();
    control->set_revision(4);
    control->set_admission_rate_per_s(700);
    control->set_command_site(v1::SITE_SEOUL);
    v1::Welcome welcome;
    welcome.set_user("lee");
    welcome.set_role(v1::ROLE_SUPERVISOR);
    welcome.set_site(v1::SITE_SEOUL);
    welcome.set_server_site(v1::SITE_SEOUL);
    b.welcome = welcome;
    b.link.push_back(liveOn(QStringLiteral("seoul-gw:7600"), false));
    b.roundTripMs = 3;
    c.arrive(b);
    if (!worst)
        return;

    // Moved to Osong's gateway, which cannot reach its state store.
    models::TelemetryBatch moved = snapshotBatch(config, makeState(kLiveMs + 1000, kProviders), {}, c.now);
    moved.lastServerTimeMs = kWallMs + 1000;
    *moved.snapshot->mutable_control() = *control;
    v1::HandoverRequest *handover = moved.snapshot->mutable_control()->mutable_handover();
    handover->set_request_id("h-1");
    handover->set_from_site(v1::SITE_SEOUL);
    handover->set_to_site(v1::SITE_OSONG);
    handover->mutable_requested_by()->set_user("park");
    handover->mutable_requested_by()->set_site(v1::SITE_OSONG);
    handover->set_expires_ms(kWallMs + 4 * kMinuteMs);
    v1::PendingApproval *pending = moved.snapshot->mutable_control()->add_pending();
    pending->set_request_id("r-7");
    pending->mutable_command()->set_command_id("c-7");
    pending->mutable_command()->mutable_set_provider_enabled()->set_provider_id("kakao");
    pending->mutable_requested_by()->set_user("kim");
    pending->mutable_requested_by()->set_site(v1::SITE_SEOUL);
    pending->set_expires_ms(kWallMs + 4 * kMinuteMs);
    welcome.set_server_site(v1::SITE_OSONG);
    moved.welcome = welcome;
    moved.link.push_back(liveOn(QStringLiteral("osong-gw:7600"), true));
    moved.serviceLevel = models::ServiceLevelNews{100, true};
    moved.roundTripMs = 1234;
    c.arrive(moved);

    c.window.commandStage()->track(QStringLiteral("c-9"), QStringLiteral("입장 속도 초당 650"));
    models::TelemetryBatch answer;
    v1::CommandResult result;
    result.set_command_id("c-9");
    result.set_status(v1::COMMAND_APPLIED);
    result.set_stage(v1::COMMAND_STAGE_ACCEPTED);
    answer.commandResults.push_back(result);
    c.store.apply(answer);
    c.window.controlNotice()->say(QStringLiteral("제어 변경: kim (서울), 14:22:11 KST (게이트웨이 시각): “카카오 인증 오류율 상승, "
                                                 "런북 4단계에 따라 입장 속도를 낮춤”"),
                                  true);
    // Stale: nothing for twelve seconds.
    c.now += 12'000;
    c.store.checkFreshness();
}

// Whether the label shows its whole text in the width it was given.
bool whole(const QLabel *label)
{
    return QFontMetrics(label->font()).horizontalAdvance(label->text()) <= label->contentsRect().width();
}

} // namespace

class TestStatusBar final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sitroom-test"));
        QSettings().clear();
        qputenv("TZ", QByteArrayLiteral("America/New_York"));
    }

    void whatMustBeReadIsWhole_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("layout");
        QTest::addColumn<bool>("worst");
        for (const QString &language : {QStringLiteral("ko"), QStringLiteral("en")}) {
            for (const bool worst : {false, true}) {
                const char *kind = worst ? "worst" : "plain";
                QTest::addRow("%s 1366x768 desk %s", qPrintable(language), kind)
                    << language << QSize(1366, 768) << int(Layout::Desktop) << worst;
                QTest::addRow("%s 1366x768 laptop %s", qPrintable(language), kind)
                    << language << QSize(1366, 768) << int(Layout::Compact) << worst;
                QTest::addRow("%s 1920x1080 desk %s", qPrintable(language), kind)
                    << language << QSize(1920, 1080) << int(Layout::Desktop) << worst;
            }
        }
    }

    void whatMustBeReadIsWhole()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        QFETCH(int, layout);
        QFETCH(bool, worst);
        ConsoleLook look(language, Layout(layout));
        QVERIFY2(look.isValid(), qPrintable(look.errorString()));
        ConsoleScreen c({.user = QStringLiteral("lee"), .language = language, .layout = Layout(layout), .size = size});
        feed(c, worst);
        QVERIFY(c.settle());
        QStatusBar *bar = c.window.statusBar();
        QVERIFY(bar->isVisible());

        auto *status = c.window.connectionStatus();
        auto *server = status->findChild<QLabel *>(QStringLiteral("serverLabel"));
        auto *age = status->findChild<QLabel *>(QStringLiteral("ageLabel"));
        auto *mark = c.window.findChild<widgets::CommandSiteMark *>();
        auto *clock = c.window.findChild<widgets::LiveClockLabel *>();
        QVERIFY(server && age && mark && clock);
        if (worst) {
            // What the worst case is meant to hold.
            QVERIFY2(server->text().contains(language == u"ko" ? QStringLiteral("제어 거부 중")
                                                                : QStringLiteral("refusing controls")),
                     qPrintable(server->text()));
            QVERIFY(c.store.isStale());
            QVERIFY(clock->showsBothClocks());
            QVERIFY2(mark->text().contains(language == u"ko" ? QStringLiteral("인계 대기") : QStringLiteral("handover")),
                     qPrintable(mark->text()));
            QVERIFY(c.window.approvalNotifier()->statusLabel()->isVisible());
            QVERIFY(c.window.commandStage()->isVisible());
        }

        // Never cut: each whole, within the window, in one row without overlap.
        const QList<QLabel *> essential{server, age, mark, clock};
        for (QLabel *label : essential) {
            QVERIFY2(label->isVisible(), qPrintable(label->objectName()));
            QVERIFY2(whole(label), qPrintable(QStringLiteral("%1 cut: “%2” in %3 px")
                                                  .arg(label->objectName(), label->text())
                                                  .arg(label->contentsRect().width())));
            const QRect inWindow(label->mapTo(&c.window, QPoint(0, 0)), label->size());
            QVERIFY2(c.window.rect().contains(inWindow), qPrintable(label->objectName()));
        }
        // Everything on the bar side by side, in order, none over another.
        QList<QWidget *> row;
        for (QWidget *w : bar->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
            if (w->isVisible() && !w->inherits("QSizeGrip"))
                row << w;
        }
        std::sort(row.begin(), row.end(), [](QWidget *a, QWidget *b) { return a->x() < b->x(); });
        for (qsizetype i = 1; i < row.size(); ++i)
            QVERIFY2(row[i - 1]->geometry().right() < row[i]->x(),
                     qPrintable(QString::fromLatin1(row[i - 1]->metaObject()->className()) + QStringLiteral(" over ")
                                + QString::fromLatin1(row[i]->metaObject()->className())));

        // Who signed in: whole, or at least the name.
        auto *user = status->findChild<widgets::ElidedLabel *>(QStringLiteral("userLabel"));
        QVERIFY(user);
        QVERIFY2(user->shownText().startsWith(QStringLiteral("lee")), qPrintable(user->shownText()));
        if (!worst) {
            QVERIFY2(!user->isCut(), qPrintable(user->shownText()));
            return;
        }
        // The news gives way, and stays whole in its tooltip.
        widgets::StatusNotice *notice = c.window.controlNotice();
        QVERIFY(notice->isVisible());
        QVERIFY(notice->toolTip().startsWith(notice->text()));
        if (size.width() <= 1366)
            QVERIFY2(notice->isCut(), qPrintable(notice->shownText()));
        // The count of approvals waiting stays when the rest cannot.
        auto *approvals = qobject_cast<widgets::ElidedLabel *>(c.window.approvalNotifier()->statusLabel());
        QVERIFY(approvals);
        QVERIFY2(approvals->shownText().contains(u'1'), qPrintable(approvals->shownText()));
        QVERIFY(approvals->toolTip().startsWith(approvals->text()));
    }

    // Every message said stays, with its time, in the history the notice
    // opens with a click and the View menu with Recent messages.
    void theNewsKeepsAHistory()
    {
        ConsoleLook look(QStringLiteral("ko"));
        QVERIFY2(look.isValid(), qPrintable(look.errorString()));
        ConsoleScreen c({.user = QStringLiteral("lee"), .language = QStringLiteral("ko"), .size = QSize(1366, 768)});
        feed(c, false);
        widgets::StatusNotice *notice = c.window.controlNotice();
        QVERIFY(notice->history().empty());
        QVERIFY(notice->toolTip().isEmpty());
        notice->say(QStringLiteral("첫 번째 알림"), false);
        notice->say(QStringLiteral("두 번째 알림"), true);
        QCOMPARE(notice->history().size(), std::size_t(2));
        QCOMPARE(notice->history().back().text, QStringLiteral("두 번째 알림"));
        QVERIFY(notice->history().back().problem);
        QCOMPARE(notice->history().front().when, QStringLiteral("14:22:11 KST"));
        QVERIFY2(notice->toolTip().startsWith(QStringLiteral("두 번째 알림\n\n")), qPrintable(notice->toolTip()));
        notice->clearNotice();
        QVERIFY(notice->text().isEmpty());
        QCOMPARE(notice->history().size(), std::size_t(2));   // gone from the bar, not from the history

        // A click on it opens the history, newest first.
        QTest::mouseClick(notice, Qt::LeftButton);
        auto *list = notice->findChild<QListWidget *>(QStringLiteral("noticeHistory"));
        QVERIFY(list);
        QTRY_VERIFY(list->isVisible());
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->text(), QStringLiteral("14:22:11 KST · 두 번째 알림"));
        QVERIFY(list->item(0)->font().bold());
        QCOMPARE(list->item(1)->text(), QStringLiteral("14:22:11 KST · 첫 번째 알림"));
        list->close();
        QTRY_VERIFY(!notice->findChild<QListWidget *>(QStringLiteral("noticeHistory")));

        // The View menu opens the same.
        auto *action = c.window.findChild<QAction *>(QStringLiteral("recentMessagesAction"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("최근 알림(&M)…"));
        action->trigger();
        QVERIFY(notice->findChild<QListWidget *>(QStringLiteral("noticeHistory")));

        for (int i = 0; i < int(widgets::StatusNotice::kHistorySize) + 5; ++i)
            notice->say(QStringLiteral("알림 %1").arg(i), false);
        QCOMPARE(notice->history().size(), widgets::StatusNotice::kHistorySize);
        QCOMPARE(notice->history().back().text, QStringLiteral("알림 %1").arg(widgets::StatusNotice::kHistorySize + 4));
    }

    // A move to another gateway is news too: said by the notice (which
    // gives it room), kept in its history.
    void aMoveIsSaidAsNews_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("said");
        QTest::newRow("ko") << QStringLiteral("ko") << QStringLiteral("오송 게이트웨이로 전환됨 ");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Switched to the Osong gateway ");
    }

    void aMoveIsSaidAsNews()
    {
        QFETCH(QString, language);
        QFETCH(QString, said);
        ConsoleLook look(language);
        QVERIFY2(look.isValid(), qPrintable(look.errorString()));
        ConsoleScreen c({.user = QStringLiteral("lee"), .language = language, .size = QSize(1366, 768)});
        QSignalSpy moved(c.window.connectionStatus(), &widgets::ConnectionStatus::moved);
        feed(c, false);
        models::TelemetryBatch b;
        b.link.push_back(liveOn(QStringLiteral("osong-gw:7600"), true));
        v1::Welcome welcome = c.store.welcome();
        welcome.set_server_site(v1::SITE_OSONG);
        b.welcome = welcome;
        c.store.apply(b);
        QCOMPARE(moved.size(), 1);
        widgets::StatusNotice *notice = c.window.controlNotice();
        QVERIFY2(notice->text().startsWith(said), qPrintable(notice->text()));
        QVERIFY(c.settle());
        QVERIFY2(notice->shownText().startsWith(said), qPrintable(notice->shownText()));
        QVERIFY2(!notice->history().empty() && notice->history().back().text.startsWith(said),
                 qPrintable(notice->history().back().text));
    }
};

QTEST_MAIN(TestStatusBar)
#include "tst_statusbar.moc"
