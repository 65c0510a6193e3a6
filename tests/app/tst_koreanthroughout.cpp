// Korean throughout (issue 11): the console, offscreen, in Korean, against the
// real sitroom-sim running the cascade-drill flood, after a throttle, a
// request and its approval by a second supervisor, a timed disable that ends
// by itself, an acknowledged alert with its runbook step and sign-ins (one
// refused), so the audit and the alerts have every kind of row. On the desk,
// laptop (compact) and wall layouts it walks every visible widget's text and
// tooltip, every item view's cells and headers, the charts' axes and series,
// and the alert and control dialogs, and fails listing each string with a
// Latin-letter word that is not a name, a unit or an identifier, and where.
#include "app/console/MainWindow.h"
#include "tests/app/KoreanTextWalk.h"
#include "tests/support/ConsoleLook.h"
#include "tests/support/ConsoleScreen.h"
#include "tests/support/LayoutSettling.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestUsers.h"

#include "widgets/alerts/AlertDesk.h"
#include "widgets/alerts/AlertDialogs.h"
#include "widgets/controls/AuditPanel.h"
#include "models/control/ControlRequest.h"
#include "widgets/controls/ControlDesk.h"
#include "widgets/panels/AlertsPanel.h"
#include "models/situation/SituationStore.h"

#include <QApplication>
#include <QDockWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace sitroom;
using sitroom::console::Layout;
using sitroom::console::MainWindow;

namespace {

constexpr int kWaitMs = 30000;

using testing::ConsoleData;
using testing::ConsoleScreen;
using testing::GatewayAddress;
using testing::offendingWords;
using testing::signInAs;
using testing::TextWalk;

// Sends and waits for the gateway's answer (an unset status when none came).
v1::CommandResult answered(ConsoleData &c, const v1::Command &command)
{
    QSignalSpy results(&c.store, &models::SituationStore::commandResult);
    c.client.sendCommand(command);
    v1::CommandResult answer;
    const bool came = QTest::qWaitFor([&] {
        for (const QList<QVariant> &r : std::as_const(results)) {
            if (r[0].value<v1::CommandResult>().command_id() == command.command_id()) {
                answer = r[0].value<v1::CommandResult>();
                return true;
            }
        }
        return false;
    }, kWaitMs);
    return came ? answer : v1::CommandResult();
}

models::ControlRequest request(const ConsoleData &c, const QString &reason)
{
    return models::ControlRequest(c.store.control(), reason);
}

// With SITROOM_SHOTS_DIR set, the window and its audit and alert docks as
// they were checked, for docs/screenshots (korean-*.png).
void shoot(ConsoleScreen &screen, Layout layout, QSize size)
{
    MainWindow &window = screen.window;
    const QString dir = qEnvironmentVariable("SITROOM_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    const QString name = layout == Layout::Desktop ? QStringLiteral("desk") : layout == Layout::Compact ? QStringLiteral("laptop") : QStringLiteral("wall");
    const QString suffix = QStringLiteral("-%1x%2.png").arg(size.width()).arg(size.height());
    window.grab().save(dir + QStringLiteral("/korean-") + name + suffix);
    // The audit dock brought to the front of its tab group, then the window again.
    if (widgets::AuditPanel *audit = window.auditPanel()) {
        for (QWidget *p = audit; p; p = p->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(p)) {
                dock->show();
                dock->raise();
                break;
            }
        }
        if (!screen.settle())
            qWarning("korean-audit: the window still moves");
        window.grab().save(dir + QStringLiteral("/korean-audit-") + name + suffix);
        // And the audit on its own, floated wide enough for every column.
        for (QWidget *p = audit; p; p = p->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(p)) {
                dock->setFloating(true);
                dock->resize(std::min(size.width(), 1700), std::min(size.height(), 700));
                if (!testing::settleLayout(*dock))
                    qWarning("korean-auditpanel: the dock still moves");
                dock->grab().save(dir + QStringLiteral("/korean-auditpanel-") + name + suffix);
                dock->setFloating(false);
                break;
            }
        }
    }
}

} // namespace

class TestKoreanThroughout final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sitroom-test-korean"));
        QSettings().clear();
        QVERIFY2(m_look.isValid(), qPrintable(m_look.errorString()));
    }

    // The checker itself: English is found, names, units and identifiers are not.
    void checkerTellsEnglishFromNames()
    {
        QCOMPARE(offendingWords(QStringLiteral("approved kim's request")), (QStringList{QStringLiteral("approved"), QStringLiteral("request")}));
        QCOMPARE(offendingWords(QStringLiteral("-30 min")), QStringList{QStringLiteral("min")});
        QCOMPARE(offendingWords(QStringLiteral("timed disable ended")).size(), 3);
        QVERIFY(offendingWords(QStringLiteral("경보 A12 확인 (provider.error_rate/kakao) · 20:01:27 KST · 120 ms · kim")).isEmpty());
        QVERIFY(offendingWords(QStringLiteral("수행한 조치 단계: queue-wait#5 · Naver · PASS")).isEmpty());
        QVERIFY(offendingWords(QStringLiteral("보기(&V) · --server 뒤에 ‘주소:포트’")).isEmpty());
    }

    void noEnglishOnAnyLayout()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString tls = dir.filePath(QStringLiteral("tls"));
        const QString users = dir.filePath(QStringLiteral("users.json"));
        QVERIFY(testing::writeUsersFile(users, testing::standardTestUsers()));
        testing::SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), tls,
                            QStringLiteral("--users"), users, QStringLiteral("--state-dir"), dir.filePath(QStringLiteral("state")),
                            QStringLiteral("--scenario"), QStringLiteral("cascade-drill"),
                            QStringLiteral("--fast-forward"), QStringLiteral("43m"),
                            QStringLiteral("--speed"), QStringLiteral("10"), QStringLiteral("--tick-hz"), QStringLiteral("5")},
                           &error),
                 qPrintable(error));

        // Traffic: a refused sign-in, a throttle, a request and its approval,
        // a timed disable approved and ending by itself, an acknowledged alert.
        const GatewayAddress gateway{sim.port(), tls};
        {
            models::ConnectionSettings typing = signInAs(gateway, QStringLiteral("han"), v1::SITE_OSONG);
            typing.password = QStringLiteral("wrong");
            ConsoleData typo(typing);
            QTRY_VERIFY_WITH_TIMEOUT(typo.store.link().state == models::LinkState::Refused, kWaitMs);
        }
        ConsoleData kim(signInAs(gateway, QStringLiteral("kim"), v1::SITE_SEOUL));
        ConsoleData park(signInAs(gateway, QStringLiteral("park"), v1::SITE_SEOUL));
        ConsoleData choi(signInAs(gateway, QStringLiteral("choi"), v1::SITE_MINISTRY));
        QTRY_VERIFY_WITH_TIMEOUT(kim.store.isLive() && park.store.isLive() && choi.store.isLive(), kWaitMs);

        // The controls in force have arrived (a first tick can come before them).
        QTRY_VERIFY_WITH_TIMEOUT(kim.store.control().revision() > 0 && kim.store.control().admission_rate_per_s() > 0, kWaitMs);
        const double rate = kim.store.control().admission_rate_per_s();
        const v1::CommandResult throttled = answered(kim, request(kim, QStringLiteral("대기열 안정, 소폭 조정")).setAdmissionRate(rate * 0.95));
        QVERIFY2(throttled.status() == v1::COMMAND_APPLIED,
                 qPrintable(QStringLiteral("%1: %2 (rate in force %3)").arg(int(throttled.status())).arg(QString::fromStdString(throttled.message())).arg(rate)));
        const v1::CommandResult asked = answered(kim, request(kim, QStringLiteral("백엔드 보호")).pauseAdmission());
        QCOMPARE(asked.status(), v1::COMMAND_PENDING_APPROVAL);
        QTRY_VERIFY_WITH_TIMEOUT(park.store.control().pending_size() > 0, kWaitMs);
        QCOMPARE(answered(park, request(park, QStringLiteral("확인함")).approve(QString::fromStdString(asked.request_id()))).status(),
                 v1::COMMAND_APPLIED);
        QCOMPARE(answered(park, request(park, QStringLiteral("재개")).resumeAdmission()).status(), v1::COMMAND_APPLIED);
        const QString provider = QString::fromStdString(park.store.control().providers(0).id());
        const v1::CommandResult disable = answered(park, request(park, QStringLiteral("오류율 급증")).setProviderEnabled(provider, false, 60));
        QCOMPARE(disable.status(), v1::COMMAND_PENDING_APPROVAL);
        QTRY_VERIFY_WITH_TIMEOUT(choi.store.control().pending_size() > 0, kWaitMs);
        QCOMPARE(answered(choi, request(choi, QStringLiteral("동의")).approve(QString::fromStdString(disable.request_id()))).status(),
                 v1::COMMAND_APPLIED);
        // A refusal with the server's reason: an operator may not disable a provider.
        QCOMPARE(answered(kim, request(kim, QStringLiteral("시험")).setProviderEnabled(provider, false)).status(), v1::COMMAND_REFUSED);
        // The flood raises alerts; kim acknowledges one with a runbook step.
        QTRY_VERIFY_WITH_TIMEOUT(!kim.store.alerts().empty(), kWaitMs);
        const QString alertId = QString::fromStdString(kim.store.alerts().front().id());
        QCOMPARE(answered(kim, request(kim, QStringLiteral("확인, 조치 중")).acknowledgeAlert(alertId, QStringLiteral("provider-failing#2"))).status(),
                 v1::COMMAND_APPLIED);
        // The timed disable ends on the live clock (60 s at 10x).
        QTRY_VERIFY_WITH_TIMEOUT(kim.store.control().providers(0).enabled(), kWaitMs);

        for (const Layout layout : {Layout::Desktop, Layout::Compact, Layout::Wall}) {
            const QSize size = layout == Layout::Compact ? QSize(1366, 768) : QSize(1920, 1080);
            // park, a supervisor in Seoul, with the console in Korean.
            ConsoleScreen screen({.user = QStringLiteral("park"), .site = v1::SITE_SEOUL, .language = QStringLiteral("ko"),
                                  .layout = layout, .size = size},
                                 gateway);
            MainWindow &window = screen.window;
            const models::SituationStore &store = screen.store;
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTRY_VERIFY_WITH_TIMEOUT(store.isLive() && store.audit().size() >= 10 && !store.alerts().empty(), kWaitMs);
            // A second of ticks, so the charts have drawn their axes.
            const qint64 seen = store.lastServerTimeMs();
            QTRY_VERIFY_WITH_TIMEOUT(store.lastServerTimeMs() > seen + 1000, kWaitMs);

            if (layout != Layout::Wall && window.alertsPanel())
                window.alertsPanel()->selectAlert(alertId);  // its details and its runbook beside
            TextWalk walk;
            walk.widgetTree(&window);
            // Docks tabbed behind another one are shown with a click: theirs too.
            for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
                if (!dock->isHidden() && dock->widget())
                    walk.widgetTree(dock->widget());
            }
            shoot(screen, layout, size);
            const QString name = layout == Layout::Desktop ? QStringLiteral("desk")
                : layout == Layout::Compact                ? QStringLiteral("compact")
                                                           : QStringLiteral("wall");
            if (layout == Layout::Desktop) {
                // (The laptop layout reads; it does not act: no dialogs there.)
                // The alert dialogs, on the alert kim acknowledged and on a standing one.
                widgets::AlertsPanel *panel = window.alertsPanel();
                QVERIFY(panel);
                QVERIFY(panel->selectAlert(alertId));
                walk.widgetTree(panel);
                for (const auto &a : store.alerts()) {
                    if (a.state() != v1::ALERT_ACTIVE_UNACKED)
                        continue;
                    QVERIFY(panel->selectAlert(QString::fromStdString(a.id())));
                    QTRY_VERIFY_WITH_TIMEOUT(panel->ackButton()->isEnabled(), kWaitMs);
                    panel->ackButton()->click();
                    QTRY_VERIFY_WITH_TIMEOUT(window.alertDesk()->activeAckDialog(), kWaitMs);
                    walk.widgetTree(window.alertDesk()->activeAckDialog());
                    window.alertDesk()->activeAckDialog()->reject();
                    QTRY_VERIFY_WITH_TIMEOUT(panel->shelveButton()->isEnabled(), kWaitMs);
                    panel->shelveButton()->click();
                    QTRY_VERIFY_WITH_TIMEOUT(window.alertDesk()->activeShelveDialog(), kWaitMs);
                    walk.widgetTree(window.alertDesk()->activeShelveDialog());
                    window.alertDesk()->activeShelveDialog()->reject();
                    break;
                }
                // The control confirmation, with its current and new values and effect.
                widgets::ControlDesk *desk = window.controlDesk();
                QVERIFY(desk);
                desk->proposeRate(store.control().admission_rate_per_s() * 0.5);
                QTRY_VERIFY_WITH_TIMEOUT(desk->activeDialog(), kWaitMs);
                walk.widgetTree(desk->activeDialog());
                desk->activeDialog()->reject();
            }
            qInfo().noquote() << name << "layout:" << walk.checked() << "strings checked";
            for (const QString &f : walk.found())
                qWarning().noquote() << "English in the Korean" << name << "layout:" << f;
            QVERIFY2(walk.found().isEmpty(),
                     qPrintable(QStringLiteral("English in the Korean %1 layout:\n  ").arg(name)
                                + walk.found().join(QStringLiteral("\n  "))));
            QVERIFY(walk.checked() > 100);
        }
    }

private:
    const testing::ConsoleLook m_look{QStringLiteral("ko"), console::Layout::Desktop};
};

QTEST_MAIN(TestKoreanThroughout)
#include "tst_koreanthroughout.moc"
