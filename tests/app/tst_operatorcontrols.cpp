// Operator controls in the console's window, offscreen, fed hand-made
// telemetry: role mirroring, the confirmation and its reason, stale override,
// expected effects, results in plain words, pending approvals, wall mode.
#include "app/console/MainWindow.h"
#include "tests/support/ConsoleScreen.h"
#include "tests/support/SyntheticTelemetry.h"

#include "widgets/board/ProviderBoard.h"
#include "widgets/controls/AuditPanel.h"
#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"
#include "widgets/controls/PendingApprovalsPanel.h"
#include "widgets/controls/ThrottleControl.h"
#include "widgets/panels/AdmissionPanel.h"

#include <QtTest>

#include <QAction>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QTableView>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>

#include <memory>

using namespace sitroom;
using sitroom::console::Layout;

namespace {

using testing::ConsoleScreen;

// kim signed in with `role` at 20:15 on the synthetic system, the rate in
// force 700/s (or `control`).
void feed(ConsoleScreen &c, v1::Role role, v1::ControlState control = {})
{
    const testing::SyntheticSystem system;
    models::TelemetryBatch batch;
    models::LinkEvent live;
    live.state = models::LinkState::Live;
    batch.link.push_back(live);
    v1::Welcome welcome;
    welcome.set_role(role);
    welcome.set_user("kim");
    welcome.set_site(v1::SITE_SEOUL);
    batch.welcome = welcome;
    batch.snapshot = system.snapshot(system.openMs + 15 * 60 * 1000, 60);
    if (control.revision() > 0)
        *batch.snapshot->mutable_control() = control;
    c.arrive(batch);
}

void dropLink(ConsoleScreen &c)
{
    models::TelemetryBatch batch;
    models::LinkEvent failed;
    failed.state = models::LinkState::Failed;
    batch.link.push_back(failed);
    c.store.apply(batch);
}

widgets::ThrottleControl *throttle(const ConsoleScreen &c)
{
    return c.window.admissionPanel()->throttleControl();
}

std::unique_ptr<QMenu> providerMenu(ConsoleScreen &c, int row)
{
    return std::unique_ptr<QMenu>(c.window.providerBoard()->contextMenuFor(row, &c.window));
}

QAction *findAction(QMenu *menu, const QString &name)
{
    for (QAction *a : menu->actions()) {
        if (a->objectName() == name)
            return a;
    }
    return nullptr;
}

} // namespace

class TestOperatorControls final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sitroom-test"));
        QSettings().clear();
    }

    void viewerSeesNoControls()
    {
        ConsoleScreen c;
        feed(c, v1::ROLE_VIEWER);
        QVERIFY(c.window.controlDesk());
        QVERIFY(!throttle(c)->isVisible());
        QVERIFY(!providerMenu(c, 0));
        QVERIFY(!c.window.controlDesk()->mayThrottle());
    }

    void operatorSeesThrottleButNoProviderActions()
    {
        ConsoleScreen c;
        feed(c, v1::ROLE_OPERATOR);
        QVERIFY(throttle(c)->isVisible());
        QVERIFY(throttle(c)->isEnabled());
        QCOMPARE(throttle(c)->rateBox()->minimum(), 50.0);
        QCOMPARE(throttle(c)->rateBox()->maximum(), 3000.0);
        QCOMPARE(throttle(c)->rateBox()->value(), 700.0);
        QVERIFY(throttle(c)->pauseButton()->isVisible());
        QVERIFY(!throttle(c)->resumeButton()->isVisible());
        QVERIFY(!providerMenu(c, 0));
    }

    void supervisorAlsoGetsProviderActions()
    {
        ConsoleScreen c;
        feed(c, v1::ROLE_SUPERVISOR);
        QVERIFY(throttle(c)->isVisible());
        const auto menu = providerMenu(c, 0);
        QVERIFY(menu);
        QVERIFY(findAction(menu.get(), QStringLiteral("disableProvider"))->isEnabled());
        QVERIFY(!findAction(menu.get(), QStringLiteral("enableProvider"))->isEnabled());
    }

    void controlsDisabledWhileNotConnected()
    {
        ConsoleScreen c;
        feed(c, v1::ROLE_SUPERVISOR);
        dropLink(c);
        QVERIFY(throttle(c)->isVisible());
        QVERIFY(!throttle(c)->isEnabled());
        const auto menu = providerMenu(c, 0);
        QVERIFY(menu);
        QVERIFY(!findAction(menu.get(), QStringLiteral("disableProvider"))->isEnabled());
    }

    void wallShowsNoControls()
    {
        ConsoleScreen c({.layout = Layout::Wall});
        feed(c, v1::ROLE_SUPERVISOR);
        QVERIFY(!c.window.controlDesk());
        QVERIFY(!c.window.auditPanel());
        QVERIFY(!throttle(c)->isVisible());
        QVERIFY(!providerMenu(c, 0));
    }

    void confirmationNeedsAReason()
    {
        ConsoleScreen c;
        feed(c, v1::ROLE_OPERATOR);
        QSignalSpy issued(c.window.controlDesk(), &widgets::ControlDesk::commandIssued);
        throttle(c)->rateBox()->setValue(800);
        throttle(c)->applyButton()->click();
        widgets::ControlConfirmDialog *dialog = c.window.controlDesk()->activeDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->okButton()->isEnabled());
        QVERIFY(!dialog->staleOverrideBox()->isVisible());
        dialog->reasonEdit()->setPlainText(QStringLiteral("   \n "));
        QVERIFY(!dialog->okButton()->isEnabled());
        dialog->reasonEdit()->setPlainText(QStringLiteral("queue grows faster than we admit"));
        QVERIFY(dialog->okButton()->isEnabled());
        QVERIFY(dialog->effectText().contains(QStringLiteral("Admitting up to 800/s")));
        dialog->okButton()->click();
        QCOMPARE(issued.size(), 1);
        const auto command = issued[0][0].value<v1::Command>();
        QCOMPARE(command.set_admission_rate().rate_per_s(), 800.0);
        QCOMPARE(command.expected_revision(), quint64(1));
        QCOMPARE(command.reason(), std::string("queue grows faster than we admit"));
        QVERIFY(!command.stale_override());
        QVERIFY(c.window.controlNotice()->text().contains(QStringLiteral("Sent")));
    }

    void cancelSendsNothing()
    {
        ConsoleScreen c;
        feed(c, v1::ROLE_OPERATOR);
        QSignalSpy issued(c.window.controlDesk(), &widgets::ControlDesk::commandIssued);
        throttle(c)->pauseButton()->click();
        widgets::ControlConfirmDialog *dialog = c.window.controlDesk()->activeDialog();
        QVERIFY(dialog);
        dialog->reasonEdit()->setPlainText(QStringLiteral("why not"));
        dialog->reject();
        QCOMPARE(issued.size(), 0);
    }

    void staleDataNeedsAnExplicitOverride()
    {
        ConsoleScreen c;
        feed(c, v1::ROLE_OPERATOR);
        QSignalSpy issued(c.window.controlDesk(), &widgets::ControlDesk::commandIssued);
        c.now += 5000;
        c.store.checkFreshness();
        QVERIFY(c.store.isStale());
        throttle(c)->applyButton()->click();
        widgets::ControlConfirmDialog *dialog = c.window.controlDesk()->activeDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->staleWarning()->isVisible());
        QVERIFY(dialog->staleOverrideBox()->isVisible());
        dialog->reasonEdit()->setPlainText(QStringLiteral("backend on fire"));
        QVERIFY(!dialog->okButton()->isEnabled());
        dialog->staleOverrideBox()->setChecked(true);
        QVERIFY(dialog->okButton()->isEnabled());
        dialog->okButton()->click();
        QCOMPARE(issued.size(), 1);
        QVERIFY(issued[0][0].value<v1::Command>().stale_override());
    }

    void goingStaleWhileTheDialogIsOpenAsksForTheOverride()
    {
        ConsoleScreen c;
        feed(c, v1::ROLE_OPERATOR);
        throttle(c)->applyButton()->click();
        widgets::ControlConfirmDialog *dialog = c.window.controlDesk()->activeDialog();
        dialog->reasonEdit()->setPlainText(QStringLiteral("r"));
        QVERIFY(dialog->okButton()->isEnabled());
        c.now += 5000;
        c.store.checkFreshness();
        QVERIFY(!dialog->okButton()->isEnabled());
        QVERIFY(dialog->staleWarning()->isVisible());
    }

    void disableShowsWhereTheTrafficGoes()
    {
        ConsoleScreen c;
        feed(c, v1::ROLE_SUPERVISOR);
        const auto menu = providerMenu(c, 0);  // kakao: 20 %, 100/s
        findAction(menu.get(), QStringLiteral("disableProvider"))->trigger();
        widgets::ControlConfirmDialog *dialog = c.window.controlDesk()->activeDialog();
        QVERIFY(dialog);
        const QString effect = dialog->effectText();
        QVERIFY2(effect.contains(QStringLiteral("Auth kakao carries 20.0 %")), qPrintable(effect));
        for (const char *other : {"naver", "pass", "mobile", "certificate"})
            QVERIFY2(effect.contains(QStringLiteral("Auth ") + QLatin1String(other)), qPrintable(effect));
        QVERIFY2(effect.contains(QStringLiteral("• Auth naver: share 20.0 % → 25.0 %, 225/s of 500/s capacity (45 %)")),
                 qPrintable(effect));
        // certificate: 500/s + 25/s = 105 % of its capacity.
        QVERIFY2(effect.contains(QStringLiteral("Auth certificate: share 20.0 % → 25.0 %, 525/s of 500/s capacity (105 %) ⚠")),
                 qPrintable(effect));
        QVERIFY(dialog->durationBox());
        QCOMPARE(dialog->okButton()->text(), QStringLiteral("Request approval"));
    }

    void resultsInPlainWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expected");
        QTest::newRow("applied") << int(v1::COMMAND_APPLIED) << QStringLiteral("Applied: Admission rate to 900/s.");
        QTest::newRow("pending") << int(v1::COMMAND_PENDING_APPROVAL)
                                 << QStringLiteral("Waiting for approval by another supervisor: Admission rate to 900/s (request req-7).");
        QTest::newRow("refused") << int(v1::COMMAND_REFUSED)
                                 << QStringLiteral("Refused: Admission rate to 900/s. server says no");
        // The telemetry client's own answer (no control state): nothing was decided.
        QTest::newRow("not sent") << -int(v1::COMMAND_REFUSED)
                                  << QStringLiteral("Not sent: not connected to the server (Admission rate to 900/s).");
    }

    void resultsInPlainWords()
    {
        QFETCH(int, status);
        QFETCH(QString, expected);
        ConsoleScreen c;
        feed(c, v1::ROLE_OPERATOR);
        const v1::Command command = send(c, 900);
        QVERIFY(!command.command_id().empty());
        v1::CommandResult result;
        result.set_command_id(command.command_id());
        result.set_status(v1::CommandStatus(std::abs(status)));
        result.set_request_id("req-7");
        result.set_message("server says no");
        if (status >= 0)
            *result.mutable_control() = c.store.control();   // every gateway answer carries it
        deliver(c, result);
        QCOMPARE(c.window.controlNotice()->text(), expected);
    }

    void conflictNamesWhoChangedItLastAndWhy()
    {
        ConsoleScreen c;
        feed(c, v1::ROLE_OPERATOR);
        const v1::Command command = send(c, 900);
        QVERIFY(!command.command_id().empty());
        v1::CommandResult result;
        result.set_command_id(command.command_id());
        result.set_status(v1::COMMAND_CONFLICT);
        v1::ControlState *control = result.mutable_control();
        control->set_revision(2);
        control->set_admission_rate_per_s(450);
        control->mutable_last_changed_by()->set_user("park");
        control->mutable_last_changed_by()->set_site(v1::SITE_OSONG);
        control->mutable_last_changed_by()->set_reason("backend at 95 %");
        deliver(c, result);
        const QString notice = c.window.controlNotice()->text();
        QVERIFY2(notice.contains(QStringLiteral("park (Osong)")), qPrintable(notice));
        QVERIFY2(notice.contains(QStringLiteral("backend at 95 %")), qPrintable(notice));
        QVERIFY2(notice.contains(QStringLiteral("admission rate 450/s")), qPrintable(notice));
        QCOMPARE(c.window.controlNotice()->property("problem").toBool(), true);
        QCOMPARE(c.store.control().admission_rate_per_s(), 450.0);
    }

    void someoneElsesChangeIsSaid()
    {
        ConsoleScreen c;
        feed(c, v1::ROLE_VIEWER);
        models::TelemetryBatch batch;
        v1::Envelope env;
        v1::ControlEvent *event = env.mutable_control_event();
        event->mutable_control()->set_revision(2);
        event->mutable_control()->set_admission_rate_per_s(0);
        event->mutable_control()->set_admission_paused(true);
        event->mutable_actor()->set_user("choi");
        event->mutable_actor()->set_site(v1::SITE_MINISTRY);
        event->mutable_actor()->set_reason("ministry order");
        batch.events.push_back(env);
        c.store.apply(batch);
        const QString notice = c.window.controlNotice()->text();
        QVERIFY2(notice.startsWith(QStringLiteral("Controls changed by choi (Ministry)")), qPrintable(notice));
        QVERIFY2(notice.contains(QStringLiteral("ministry order")), qPrintable(notice));
        QVERIFY2(notice.contains(QStringLiteral("admission paused")), qPrintable(notice));
    }

    void pendingApprovalsForAnotherSupervisorOnly()
    {
        v1::ControlState control;
        control.set_revision(3);
        control.set_admission_rate_per_s(700);
        for (const char *user : {"lee", "kim"}) {
            v1::PendingApproval *p = control.add_pending();
            p->set_request_id(std::string("req-") + user);
            p->mutable_command()->mutable_pause_admission();
            p->mutable_command()->set_reason("surge");
            p->mutable_requested_by()->set_user(user);
        }
        ConsoleScreen supervisor;
        feed(supervisor, v1::ROLE_SUPERVISOR);
        feed(supervisor, v1::ROLE_SUPERVISOR, control);
        widgets::PendingApprovalsPanel *panel = supervisor.window.pendingPanel();
        QCOMPARE(panel->table()->rowCount(), 2);
        auto *approve = panel->findChild<QPushButton *>(QStringLiteral("approve-req-lee"));
        QVERIFY(approve);
        QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("approve-req-kim")));
        QSignalSpy issued(supervisor.window.controlDesk(), &widgets::ControlDesk::commandIssued);
        approve->click();
        widgets::ControlConfirmDialog *dialog = supervisor.window.controlDesk()->activeDialog();
        QVERIFY(dialog);
        dialog->reasonEdit()->setPlainText(QStringLiteral("checked with lee"));
        dialog->okButton()->click();
        QCOMPARE(issued.size(), 1);
        QCOMPARE(issued[0][0].value<v1::Command>().approve().request_id(), std::string("req-lee"));

        ConsoleScreen viewer;
        feed(viewer, v1::ROLE_VIEWER);
        feed(viewer, v1::ROLE_VIEWER, control);
        QCOMPARE(viewer.window.pendingPanel()->table()->rowCount(), 2);
        QVERIFY(!viewer.window.pendingPanel()->findChild<QPushButton *>(QStringLiteral("approve-req-lee")));
    }

    void auditExports()
    {
        ConsoleScreen c;
        feed(c, v1::ROLE_VIEWER);
        models::TelemetryBatch batch;
        v1::Envelope env;
        env.mutable_audit_event()->mutable_entry()->set_id(1);
        env.mutable_audit_event()->mutable_entry()->set_user("kim");
        env.mutable_audit_event()->mutable_entry()->set_reason("a, b");
        batch.events.push_back(env);
        c.store.apply(batch);
        QCOMPARE(c.window.auditPanel()->view()->model()->rowCount(), 1);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        QVERIFY(c.window.auditPanel()->exportTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        // On the live system's clock in its zone (KST without a configuration);
        // a row without the live clock says it is the gateway's.
        QVERIFY2(csv.contains("1,1970-01-01T09:00:00.000+09:00,gateway,kim,,,\"a, b\""), csv.constData());
    }

private:
    // Throttles to rate through the confirmation; the command sent, or none.
    static v1::Command send(ConsoleScreen &c, double rate)
    {
        QSignalSpy issued(c.window.controlDesk(), &widgets::ControlDesk::commandIssued);
        throttle(c)->rateBox()->setValue(rate);
        throttle(c)->applyButton()->click();
        widgets::ControlConfirmDialog *dialog = c.window.controlDesk()->activeDialog();
        if (!dialog)
            return {};
        dialog->reasonEdit()->setPlainText(QStringLiteral("reason"));
        dialog->okButton()->click();
        return issued.isEmpty() ? v1::Command() : issued[0][0].value<v1::Command>();
    }

    static void deliver(ConsoleScreen &c, const v1::CommandResult &result)
    {
        models::TelemetryBatch batch;
        batch.commandResults.push_back(result);
        c.store.apply(batch);
    }
};

QTEST_MAIN(TestOperatorControls)
#include "tst_operatorcontrols.moc"
