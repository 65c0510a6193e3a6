// Alerts in the console's window, offscreen, fed hand-made telemetry: a
// runbook step opens the controls' one confirmation pre-filled (provider,
// duration, rate, a reason naming the alert and step) and the acknowledgement
// then records the step; a step the role may not take, or whose precondition
// no longer holds, is refused inline; a new critical alert marks the window
// without a modal; the wall and laptop layouts do not act.
#include "app/console/MainWindow.h"
#include "widgets/wall/WallAlarm.h"
#include "widgets/wall/WallBoard.h"

#include "tests/support/ConsoleScreen.h"
#include "tests/widgets/AlertFixtures.h"

#include "widgets/alerts/AlertDesk.h"
#include "widgets/alerts/AlertDialogs.h"
#include "widgets/alerts/CriticalAlarm.h"
#include "widgets/alerts/RunbookPane.h"
#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"
#include "widgets/panels/AlertsPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::console::Layout;

namespace {

const qint64 t0 = kSimStartMs + 30'000;

// The console of a user with `role`, live, one major alert (a1) standing and selected.
void openWithA1(ConsoleScreen &c, v1::Role role)
{
    c.arrive(liveBatch(role, {makeAlert("a1", v1::SEVERITY_MAJOR, v1::ALERT_ACTIVE_UNACKED, t0)}, c.now));
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
        ConsoleScreen c;
        openWithA1(c, v1::ROLE_SUPERVISOR);
        QVERIFY(c.window.alertDesk());
        QCOMPARE(c.window.alertsPanel()->selectedAlertId(), QStringLiteral("a1"));
        QSignalSpy controls(c.window.controlDesk(), &widgets::ControlDesk::commandIssued);
        c.window.alertsPanel()->runbookPane()->activate(kDisable);
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
        c.window.alertsPanel()->ackButton()->click();
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
        ConsoleScreen c;
        openWithA1(c, v1::ROLE_OPERATOR);
        QSignalSpy controls(c.window.controlDesk(), &widgets::ControlDesk::commandIssued);
        c.window.alertsPanel()->runbookPane()->activate(QUrl(QStringLiteral(
            "sitroom:throttle?step=7&percent=80&require=backend-utilization-above:0.9,admission-running")));
        widgets::ControlConfirmDialog *dialog = c.window.controlDesk()->activeDialog();
        QVERIFY(dialog);
        dialog->okButton()->click();
        QCOMPARE(controls.size(), 1);
        QCOMPARE(controls[0][0].value<v1::Command>().set_admission_rate().rate_per_s(), 560.0);
    }

    void stepTheRoleMayNotTakeIsRefusedInline()
    {
        ConsoleScreen c;
        openWithA1(c, v1::ROLE_OPERATOR);
        c.window.alertsPanel()->runbookPane()->activate(kDisable);
        QVERIFY(!c.window.controlDesk()->activeDialog());
        QVERIFY(c.window.alertsPanel()->notice()->text().contains(QStringLiteral("supervisor")));
        QVERIFY(!QApplication::activeModalWidget());
    }

    void stepRefusedWhenPreconditionNoLongerHolds()
    {
        ConsoleScreen c;
        openWithA1(c, v1::ROLE_SUPERVISOR);
        v1::SystemState now = c.store.state();
        now.mutable_providers(0)->set_light(v1::LIGHT_GREEN);
        c.arrive(tickBatch(now, makeHistory(now.sim_time_ms(), 1), c.now));
        c.window.alertsPanel()->runbookPane()->activate(kDisable);
        QVERIFY(!c.window.controlDesk()->activeDialog());
        const QString notice = c.window.alertsPanel()->notice()->text();
        QVERIFY2(notice.contains(QStringLiteral("Step 8")) && notice.contains(QStringLiteral("Smooth")), qPrintable(notice));
        QVERIFY(!QApplication::activeModalWidget());
    }

    void newCriticalMarksTheWindowOnce()
    {
        ConsoleScreen c;
        openWithA1(c, v1::ROLE_OPERATOR);
        QVERIFY(!c.window.windowTitle().startsWith(QStringLiteral("[CRITICAL")));
        const v1::Alert critical = makeAlert("c1", v1::SEVERITY_CRITICAL, v1::ALERT_ACTIVE_UNACKED, t0 + 5000);
        c.arrive(alertEventBatch(critical, v1::TRANSITION_RAISED));
        QCOMPARE(c.announcer.count(), 1);
        QVERIFY(!c.window.alertsPanel()->visibleRegion().isEmpty());   // brought to the front
        QVERIFY2(c.window.windowTitle().startsWith(QStringLiteral("[CRITICAL ALERT]")), qPrintable(c.window.windowTitle()));
        QCOMPARE(c.window.alertsPanel()->selectedAlertId(), QStringLiteral("a1"));   // the operator's choice stays
        c.arrive(alertEventBatch(critical, v1::TRANSITION_RAISED));
        QCOMPARE(c.announcer.count(), 1);
        v1::Alert acked = critical;
        acked.set_state(v1::ALERT_ACTIVE_ACKED);
        c.arrive(alertEventBatch(acked, v1::TRANSITION_ACKNOWLEDGED));
        QVERIFY(!c.window.windowTitle().startsWith(QStringLiteral("[CRITICAL")));
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(c.window.alertsPanel()->parentWidget()->windowTitle(), QStringLiteral("Alerts (2)"));
    }

    void wallAndLaptopDoNotAct()
    {
        {
            ConsoleScreen wall({.layout = Layout::Wall});
            openWithA1(wall, v1::ROLE_SUPERVISOR);
            QVERIFY(!wall.window.alertDesk());
            QVERIFY(!wall.window.alertsPanel()->ackButton()->isVisible());
            QVERIFY(!wall.window.alertsPanel()->runbookPane()->isVisible());
            // The wall is its own design, with no tables: the standing
            // critical alerts on its alarm line, not the list.
            QVERIFY(!wall.window.alertsPanel()->isVisible());
            QVERIFY(wall.window.wallBoard()->alarm()->isVisible());
        }
        ConsoleScreen laptop({.layout = Layout::Compact});
        openWithA1(laptop, v1::ROLE_SUPERVISOR);
        QVERIFY(!laptop.window.alertDesk());
        QVERIFY(!laptop.window.alertsPanel()->ackButton()->isVisible());
        QVERIFY(!laptop.window.alertsPanel()->runbookPane()->markdown().isEmpty());   // read, not acted on
        laptop.window.alertsPanel()->runbookPane()->activate(kDisable);
        QVERIFY(!laptop.window.controlDesk()->activeDialog());
        QVERIFY(laptop.window.alertsPanel()->notice()->text().contains(QStringLiteral("read-only")));
    }
};

QTEST_MAIN(tst_AlertsConsole)
#include "tst_alertsconsole.moc"
