// In Korean, offscreen: a new pending request reaches a console that can
// approve it (a supervisor, someone else's request) in the window title, the
// status bar and the announcer, with a sound unless the alert sound is muted;
// a viewer, an operator and the requester see none of it, and it clears when
// nothing waits. The approver's dialog shows the effect on the figures at the
// request beside the effect on today's and counts down to the gateway's
// deadline (expires_ms on the gateway's clock, read from the messages).
#include "app/console/MainWindow.h"
#include "tests/support/ConsoleLook.h"
#include "tests/support/ConsoleScreen.h"
#include "tests/support/SyntheticTelemetry.h"

#include "widgets/alerts/CriticalAlarm.h"
#include "widgets/controls/ApprovalCountdown.h"
#include "widgets/controls/ApprovalNotifier.h"
#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"
#include "widgets/controls/PendingApprovalsPanel.h"
#include "models/situation/SituationStore.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

using namespace sitroom;

namespace {

// 20:15:00 KST on the night: the live system's clock and the gateway's agree.
constexpr qint64 kNowMs = 1628506800000 + 15 * 60 * 1000;

using testing::ConsoleScreen;

// The gateway's side of the test: kim signed in with a role, and the batches
// the gateway sends that console, stamped with its wall clock (which agrees
// with the live system's here).
class GatewayFeed
{
public:
    GatewayFeed(ConsoleScreen &console, v1::Role role)
        : m_console(console)
    {
        models::TelemetryBatch batch;
        models::LinkEvent live;
        live.state = models::LinkState::Live;
        batch.link.push_back(live);
        v1::Welcome welcome;
        welcome.set_role(role);
        welcome.set_user("kim");
        welcome.set_site(v1::SITE_SEOUL);
        batch.welcome = welcome;
        batch.snapshot = system.snapshot(kNowMs, 60);
        batch.snapshot->mutable_configuration()->set_speed(1.0);
        batch.snapshot->mutable_control()->set_revision(1);
        batch.snapshot->mutable_control()->set_admission_rate_per_s(700);
        send(batch);
    }

    void send(models::TelemetryBatch &batch)
    {
        batch.lastServerTimeMs = serverMs;
        m_console.arrive(batch);
    }

    // A ControlEvent with these requests pending.
    void pending(const std::vector<v1::PendingApproval> &requests)
    {
        models::TelemetryBatch batch;
        v1::Envelope env;
        v1::ControlState *control = env.mutable_control_event()->mutable_control();
        *control = m_console.store.control();
        control->set_revision(m_console.store.control().revision() + 1);
        control->clear_pending();
        for (const auto &r : requests)
            *control->add_pending() = r;
        batch.events.push_back(env);
        send(batch);
    }

    // 'seconds' later on every clock, with a tick of the live system's figures.
    void later(int seconds, const v1::SystemState &state)
    {
        m_console.now += seconds * 1000;
        serverMs += seconds * 1000;
        models::TelemetryBatch batch;
        batch.state = state;
        batch.hasState = true;
        send(batch);
    }

    qint64 serverMs = kNowMs;
    const testing::SyntheticSystem system;

private:
    ConsoleScreen &m_console;
};

QLabel *statusLabel(const ConsoleScreen &c)
{
    return c.window.approvalNotifier()->statusLabel();
}

// park (Seoul) asks to disable kakao; expires 4 min 12 s after kNowMs on the gateway's clock.
v1::PendingApproval disableRequest(const std::string &id, const std::string &user, qint64 expiresMs,
                                   const v1::SystemState *figures = nullptr)
{
    v1::PendingApproval p;
    p.set_request_id(id);
    p.mutable_command()->set_command_id("cmd-" + id);
    p.mutable_command()->set_reason("kakao failing");
    p.mutable_command()->mutable_set_provider_enabled()->set_provider_id("kakao");
    p.mutable_command()->mutable_set_provider_enabled()->set_enabled(false);
    p.mutable_requested_by()->set_user(user);
    p.mutable_requested_by()->set_site(v1::SITE_SEOUL);
    p.set_expires_ms(expiresMs);
    if (figures) {
        *p.mutable_figures_at_request()->mutable_state() = *figures;
        p.mutable_figures_at_request()->set_admission_rate_per_s(700);
    }
    return p;
}

} // namespace

class tst_ApprovalNotice : public QObject
{
    Q_OBJECT

private:
    testing::ConsoleCatalogue m_korean{QStringLiteral("ko")};

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sitroom-test-approvalnotice"));
        QSettings().clear();
        QVERIFY2(m_korean.isValid(), qPrintable(m_korean.errorString()));
    }

    void supervisorIsToldOfANewRequest()
    {
        QSettings().clear();
        ConsoleScreen c({.language = QStringLiteral("ko")});
        GatewayFeed gateway(c, v1::ROLE_SUPERVISOR);
        const QString quietTitle = c.window.windowTitle();
        QVERIFY(statusLabel(c)->isHidden());
        QCOMPARE(c.announcer.titles.size(), 0);

        QSignalSpy waiting(c.window.approvalNotifier(), &widgets::ApprovalNotifier::waitingChanged);
        gateway.pending({disableRequest("req-1", "park", kNowMs + 252000)});
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(c.window.windowTitle(), QStringLiteral("[승인 대기 1건] ") + quietTitle);
        QVERIFY(!statusLabel(c)->isHidden());
        QCOMPARE(statusLabel(c)->text(), QStringLiteral("승인 대기 1건: park (서울): 인증-kakao 사용 중지 · 4분 12초 남음"));
        QCOMPARE(c.announcer.titles, QStringList{QStringLiteral("승인 요청")});
        QVERIFY2(c.announcer.texts.constFirst().contains(QStringLiteral("마감 20:19:12 KST")),
                 qPrintable(c.announcer.texts.constFirst()));
        QCOMPARE(c.announcer.sounds, 1);
        // The pending dock comes to the front.
        QVERIFY(c.window.pendingPanel()->isVisible());

        // The countdown follows the gateway's clock, not this machine's.
        gateway.later(2, gateway.system.state(kNowMs + 2000));
        QTRY_COMPARE_WITH_TIMEOUT(statusLabel(c)->text(),
                                  QStringLiteral("승인 대기 1건: park (서울): 인증-kakao 사용 중지 · 4분 10초 남음"), 3000);

        // The same request again (a resend, a snapshot): no second announcement.
        gateway.pending({disableRequest("req-1", "park", kNowMs + 252000)});
        QCOMPARE(c.announcer.titles.size(), 1);

        // Muted with the critical-alert sound: announced, but silent.
        c.window.criticalAlarm()->muteAction()->trigger();
        QVERIFY(c.window.approvalNotifier()->isMuted());
        gateway.pending({disableRequest("req-1", "park", kNowMs + 252000), disableRequest("req-2", "choi", kNowMs + 200000)});
        QCOMPARE(c.announcer.titles.size(), 2);
        QCOMPARE(c.announcer.sounds, 1);
        QVERIFY2(c.window.windowTitle().startsWith(QStringLiteral("[승인 대기 2건] ")), qPrintable(c.window.windowTitle()));
        // The nearest deadline leads the status bar.
        QVERIFY2(statusLabel(c)->text().startsWith(QStringLiteral("승인 대기 2건: choi (서울)")), qPrintable(statusLabel(c)->text()));
        c.window.criticalAlarm()->muteAction()->trigger();

        // Nothing waits: the title, the status bar clear.
        gateway.pending({});
        QCOMPARE(c.window.windowTitle(), quietTitle);
        QVERIFY(statusLabel(c)->isHidden());
        QCOMPARE(waiting.size(), 3);
    }

    void ownRequestIsNotAnnounced()
    {
        QSettings().clear();
        ConsoleScreen c({.language = QStringLiteral("ko")});
        GatewayFeed gateway(c, v1::ROLE_SUPERVISOR);
        const QString quietTitle = c.window.windowTitle();
        gateway.pending({disableRequest("req-mine", "kim", kNowMs + 300000)});
        QCOMPARE(c.window.approvalNotifier()->waiting(), 0);
        QCOMPARE(c.window.windowTitle(), quietTitle);
        QVERIFY(statusLabel(c)->isHidden());
        QCOMPARE(c.announcer.titles.size(), 0);
        // The requester reads the gateway's deadline in the pending list.
        QTableWidget *table = c.window.pendingPanel()->table();
        QCOMPARE(table->rowCount(), 1);
        QVERIFY2(table->item(0, 3)->text().startsWith(QStringLiteral("마감 20:20:00 KST · 5분 00초 남음")),
                 qPrintable(table->item(0, 3)->text()));
    }

    void rolesThatCannotApproveSeeNothing_data()
    {
        QTest::addColumn<int>("role");
        QTest::newRow("viewer") << int(v1::ROLE_VIEWER);
        QTest::newRow("operator") << int(v1::ROLE_OPERATOR);
    }

    void rolesThatCannotApproveSeeNothing()
    {
        QFETCH(int, role);
        QSettings().clear();
        ConsoleScreen c({.language = QStringLiteral("ko")});
        GatewayFeed gateway(c, v1::Role(role));
        const QString quietTitle = c.window.windowTitle();
        gateway.pending({disableRequest("req-1", "park", kNowMs + 252000)});
        QCOMPARE(c.window.approvalNotifier()->waiting(), 0);
        QCOMPARE(c.window.windowTitle(), quietTitle);
        QVERIFY(!c.window.windowTitle().contains(QStringLiteral("승인")));
        QVERIFY(statusLabel(c)->isHidden());
        QCOMPARE(c.announcer.titles.size(), 0);
        QCOMPARE(c.announcer.sounds, 0);
    }

    void dialogShowsThenAndNowAndCountsDown()
    {
        QSettings().clear();
        ConsoleScreen c({.language = QStringLiteral("ko")});
        GatewayFeed gateway(c, v1::ROLE_SUPERVISOR);
        // At the request kakao carried half the traffic; now it carries a tenth.
        v1::SystemState then = gateway.system.state(kNowMs - 60000);
        for (auto &p : *then.mutable_providers())
            p.set_share(p.id() == "kakao" ? 0.5 : 0.125);
        v1::SystemState now = gateway.system.state(kNowMs);
        for (auto &p : *now.mutable_providers())
            p.set_share(p.id() == "kakao" ? 0.1 : 0.225);
        gateway.pending({disableRequest("req-1", "park", kNowMs + 252000, &then)});
        gateway.later(0, now);

        auto *approve = c.window.pendingPanel()->findChild<QPushButton *>(QStringLiteral("approve-req-1"));
        QVERIFY(approve);
        approve->click();
        widgets::ControlConfirmDialog *dialog = c.window.controlDesk()->activeDialog();
        QVERIFY(dialog);
        const QString thenText = dialog->effectThenText();
        const QString nowText = dialog->effectText();
        QVERIFY2(thenText.contains(QStringLiteral("50.0 %")), qPrintable(thenText));
        QVERIFY2(nowText.contains(QStringLiteral("10.0 %")), qPrintable(nowText));
        auto *thenCaption = dialog->findChild<QLabel *>(QStringLiteral("effectThenCaption"));
        auto *nowCaption = dialog->findChild<QLabel *>(QStringLiteral("effectNowCaption"));
        QVERIFY(thenCaption && nowCaption);
        QCOMPARE(thenCaption->text(), QStringLiteral("요청 시점 (20:14:00 KST)"));
        QCOMPARE(nowCaption->text(), QStringLiteral("지금 (20:15:00 KST)"));

        auto *countdown = dialog->findChild<widgets::ApprovalCountdown *>(QStringLiteral("approvalCountdown"));
        QVERIFY(countdown);
        QVERIFY(countdown->isVisible());
        QCOMPARE(countdown->text(), QStringLiteral("마감 20:19:12 KST · 4분 12초 남음"));
        QCOMPARE(countdown->msLeft(), 252000);

        // Today's column follows the figures while the dialog is open.
        v1::SystemState moved = gateway.system.state(kNowMs + 3000);
        for (auto &p : *moved.mutable_providers())
            p.set_share(p.id() == "kakao" ? 0.3 : 0.175);
        gateway.later(3, moved);
        QVERIFY2(dialog->effectText().contains(QStringLiteral("30.0 %")), qPrintable(dialog->effectText()));
        QCOMPARE(dialog->effectThenText(), thenText);
        QCOMPARE(nowCaption->text(), QStringLiteral("지금 (20:15:03 KST)"));
        QTRY_COMPARE_WITH_TIMEOUT(countdown->text(), QStringLiteral("마감 20:19:12 KST · 4분 09초 남음"), 2000);

        // The server moves the deadline (or another gateway sets it): the countdown follows it.
        gateway.pending({disableRequest("req-1", "park", kNowMs + 3000 + 30000, &then)});
        QTRY_COMPARE_WITH_TIMEOUT(countdown->text(), QStringLiteral("마감 20:15:33 KST · 30초 남음"), 2000);
        QVERIFY(countdown->property("urgent").toBool());

        // Gone from the server: the dialog says so.
        gateway.pending({});
        QVERIFY(!countdown->isPending());
        QCOMPARE(countdown->text(), QStringLiteral("이 요청은 더 이상 대기 중이 아닙니다: 승인, 철회 또는 만료되었습니다."));
        dialog->reject();
    }

    void requestFromAnOlderGatewaySaysItHasNoFigures()
    {
        QSettings().clear();
        ConsoleScreen c({.language = QStringLiteral("ko")});
        GatewayFeed gateway(c, v1::ROLE_SUPERVISOR);
        gateway.pending({disableRequest("req-old", "park", kNowMs + 252000)});
        c.window.controlDesk()->proposeApproval(QStringLiteral("req-old"), QStringLiteral("park"));
        widgets::ControlConfirmDialog *dialog = c.window.controlDesk()->activeDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->effectThenText(), QStringLiteral("요청에 요청 시점의 수치가 없습니다 (이 콘솔보다 오래된 게이트웨이)."));
        QVERIFY2(dialog->effectText().contains(QStringLiteral("인증-kakao")), qPrintable(dialog->effectText()));
        dialog->reject();
    }
};

QTEST_MAIN(tst_ApprovalNotice)
#include "tst_approvalnotice.moc"
