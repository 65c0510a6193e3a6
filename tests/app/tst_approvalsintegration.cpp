// Approvals against the real sitroom-sim (--users, --state-dir, and an
// approval timeout of 100 s instead of the default 5 min): park, a
// supervisor in Seoul, asks in his console to disable kakao; choi's console
// (supervisor) is told at once (title, status bar, announcer), lists the
// request with the gateway's deadline and counts down to it; the dialog
// holds the figures the gateway kept with the request beside today's. kim,
// an operator, sees the request listed but is not asked. park reads the
// gateway's deadline in his notice. choi approves; the notice clears.
#include "app/console/MainWindow.h"
#include "tests/support/ConsoleScreen.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestUsers.h"

#include "models/control/PendingRequests.h"
#include "widgets/alerts/CriticalAlarm.h"
#include "widgets/controls/ApprovalCountdown.h"
#include "widgets/controls/ApprovalNotifier.h"
#include "widgets/controls/ApprovalWords.h"
#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"
#include "widgets/controls/PendingApprovalsPanel.h"
#include "models/situation/SituationStore.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace sitroom;

namespace {

constexpr int kWaitMs = 15000;
constexpr qint64 kTimeoutMs = 100 * 1000;

using testing::ConsoleScreen;
using testing::GatewayAddress;

widgets::ApprovalNotifier *notifier(const ConsoleScreen &c)
{
    return c.window.approvalNotifier();
}

bool startSimulator(testing::SimulatorProcess &sim, const QTemporaryDir &dir, QString *error)
{
    const QString users = dir.filePath(QStringLiteral("users.json"));
    if (!testing::writeUsersFile(users, testing::standardTestUsers())) {
        *error = QStringLiteral("cannot write ") + users;
        return false;
    }
    return sim.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"),
                      dir.filePath(QStringLiteral("tls")), QStringLiteral("--users"), users, QStringLiteral("--state-dir"),
                      dir.filePath(QStringLiteral("state")), QStringLiteral("--approval-timeout"), QStringLiteral("100s"),
                      QStringLiteral("--fast-forward"), QStringLiteral("32m"), QStringLiteral("--speed"), QStringLiteral("2"),
                      QStringLiteral("--tick-hz"), QStringLiteral("5")},
                     error);
}

} // namespace

class TestApprovalsIntegration final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sitroom-test-approvalsintegration"));
        QSettings().clear();
    }

    void supervisorSeesTheRequestWithTheGatewaysDeadline()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString tls = dir.filePath(QStringLiteral("tls"));
        testing::SimulatorProcess sim;
        QString error;
        QVERIFY2(startSimulator(sim, dir, &error), qPrintable(error));

        const GatewayAddress gateway{sim.port(), tls};
        ConsoleScreen park({.user = QStringLiteral("park")}, gateway);   // supervisor, asks
        ConsoleScreen choi({.user = QStringLiteral("choi")}, gateway);   // supervisor, approves
        ConsoleScreen kim({.user = QStringLiteral("kim")}, gateway);     // operator, may not approve
        for (ConsoleScreen *c : {&park, &choi, &kim})
            QTRY_VERIFY_WITH_TIMEOUT(c->isLive() && c->store.state().providers_size() > 0, kWaitMs);
        QCOMPARE(choi.store.role(), v1::ROLE_SUPERVISOR);
        QCOMPARE(kim.store.role(), v1::ROLE_OPERATOR);
        const QString choiTitle = choi.window.windowTitle();
        QVERIFY(!choiTitle.startsWith(QStringLiteral("[Approvals")));

        // park asks through his console's confirmation.
        QSignalSpy parkResults(&park.store, &models::SituationStore::commandResult);
        park.window.controlDesk()->proposeProviderEnabled(QStringLiteral("kakao"), false);
        widgets::ControlConfirmDialog *ask = park.window.controlDesk()->activeDialog();
        QVERIFY(ask);
        ask->reasonEdit()->setPlainText(QStringLiteral("kakao failing: integration"));
        ask->okButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(parkResults.size(), 1, kWaitMs);
        const auto result = parkResults[0][0].value<v1::CommandResult>();
        QCOMPARE(result.status(), v1::COMMAND_PENDING_APPROVAL);
        QCOMPARE(result.control().pending_size(), 1);
        const v1::PendingApproval asked = result.control().pending(0);
        // The gateway's deadline: its timeout, not the console's 5 minutes.
        QCOMPARE(asked.expires_ms() - asked.requested_by().time_ms(), kTimeoutMs);
        // The figures the gateway published when the request came in.
        QVERIFY(asked.has_figures_at_request());
        QVERIFY(asked.figures_at_request().state().providers_size() > 0);
        QVERIFY(asked.figures_at_request().state().sim_time_ms() > 0);
        QVERIFY(asked.figures_at_request().admission_rate_per_s() > 0);
        // park reads that deadline, and is not asked to approve his own request.
        const QString deadline = widgets::ApprovalWords::deadlineText(park.store, asked.expires_ms());
        QVERIFY2(park.window.controlNotice()->text().contains(deadline), qPrintable(park.window.controlNotice()->text()));
        QCOMPARE(notifier(park)->waiting(), 0);

        // choi is told: title, status bar, announcer.
        QTRY_COMPARE_WITH_TIMEOUT(notifier(choi)->waiting(), 1, kWaitMs);
        QCOMPARE(choi.window.windowTitle(), QStringLiteral("[Approvals waiting: 1] ") + choiTitle);
        QVERIFY(notifier(choi)->statusLabel()->isVisible());
        QVERIFY2(notifier(choi)->statusLabel()->text().startsWith(QStringLiteral("Approvals waiting for you: 1 · park (Seoul)")),
                 qPrintable(notifier(choi)->statusLabel()->text()));
        QCOMPARE(choi.announcer.titles, QStringList{QStringLiteral("Approval requested")});
        QCOMPARE(choi.announcer.sounds, choi.window.criticalAlarm()->isMuted() ? 0 : 1);
        // The same request, with the gateway's deadline, on choi's console.
        const v1::PendingApproval &seen = choi.store.control().pending(0);
        QCOMPARE(seen.request_id(), asked.request_id());
        QCOMPARE(seen.expires_ms(), asked.expires_ms());
        QTableWidget *table = choi.window.pendingPanel()->table();
        QCOMPARE(table->rowCount(), 1);
        QVERIFY2(table->item(0, 3)->text().contains(widgets::ApprovalWords::deadlineText(choi.store, asked.expires_ms())),
                 qPrintable(table->item(0, 3)->text()));

        // kim, an operator, sees it listed but is not asked.
        QTRY_COMPARE_WITH_TIMEOUT(kim.store.control().pending_size(), 1, kWaitMs);
        QCOMPARE(notifier(kim)->waiting(), 0);
        QVERIFY(notifier(kim)->statusLabel()->isHidden());
        QVERIFY(!kim.window.windowTitle().startsWith(QStringLiteral("[Approvals")));
        QCOMPARE(kim.announcer.titles.size(), 0);

        // choi's dialog: then beside now, and the time left to the gateway's deadline.
        auto *approve = choi.window.pendingPanel()->findChild<QPushButton *>(
            QStringLiteral("approve-") + QString::fromStdString(asked.request_id()));
        QVERIFY(approve);
        approve->click();
        widgets::ControlConfirmDialog *dialog = choi.window.controlDesk()->activeDialog();
        QVERIFY(dialog);
        QVERIFY2(dialog->effectThenText().contains(QStringLiteral("carries")), qPrintable(dialog->effectThenText()));
        QVERIFY2(dialog->effectText().contains(QStringLiteral("carries")), qPrintable(dialog->effectText()));
        auto *countdown = dialog->findChild<widgets::ApprovalCountdown *>(QStringLiteral("approvalCountdown"));
        QVERIFY(countdown);
        countdown->refresh();
        const qint64 left = countdown->msLeft();
        const qint64 expected = asked.expires_ms() - models::gatewayNowMs(choi.store);
        QVERIFY2(left > 0 && left <= kTimeoutMs, qPrintable(QString::number(left)));
        QVERIFY2(std::llabs(left - expected) < 1500, qPrintable(QStringLiteral("%1 vs %2").arg(left).arg(expected)));
        QVERIFY2(countdown->text().contains(widgets::ApprovalWords::deadlineText(choi.store, asked.expires_ms())),
                 qPrintable(countdown->text()));
        QTRY_VERIFY_WITH_TIMEOUT(countdown->msLeft() < left, 3000);  // counting down

        // choi approves; the request stops pending and every notice clears.
        dialog->reasonEdit()->setPlainText(QStringLiteral("checked with park"));
        dialog->okButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(choi.store.control().pending_size(), 0, kWaitMs);
        QCOMPARE(notifier(choi)->waiting(), 0);
        QCOMPARE(choi.window.windowTitle(), choiTitle);
        QVERIFY(notifier(choi)->statusLabel()->isHidden());
        bool kakaoOff = false;
        for (const auto &p : choi.store.control().providers())
            kakaoOff = kakaoOff || (p.id() == "kakao" && !p.enabled());
        QVERIFY(kakaoOff);
    }
};

QTEST_MAIN(TestApprovalsIntegration)
#include "tst_approvalsintegration.moc"
