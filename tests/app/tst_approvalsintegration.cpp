// Approvals against the real sitroom-sim (--users, --state-dir, and an
// approval timeout of 100 s instead of the default 5 min): park, a
// supervisor in Seoul, asks in his console to disable kakao; choi's console
// (supervisor) is told at once (title, status bar, announcer), lists the
// request with the gateway's deadline and counts down to it; the dialog
// holds the figures the gateway kept with the request beside today's. kim,
// an operator, sees the request listed but is not asked. park reads the
// gateway's deadline in his notice. choi approves; the notice clears.
#include "app/console/MainWindow.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestUsers.h"

#include "widgets/alerts/CriticalAlarm.h"
#include "models/control/PendingRequests.h"
#include "widgets/controls/ApprovalCountdown.h"
#include "widgets/controls/ApprovalNotifier.h"
#include "widgets/controls/ApprovalWords.h"
#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"
#include "widgets/controls/PendingApprovalsPanel.h"
#include "models/itemmodels/AlertModel.h"
#include "models/itemmodels/CohortModel.h"
#include "models/itemmodels/ProviderModel.h"
#include "models/situation/SituationStore.h"
#include "models/telemetry/TelemetryClient.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPainter>
#include <QTranslator>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace sitroom;
using sitroom::console::Layout;
using sitroom::console::MainWindow;

namespace {

constexpr int kWaitMs = 15000;
constexpr qint64 kTimeoutMs = 100 * 1000;

struct CountingAnnouncer final : widgets::AlarmAnnouncer
{
    void announce(const QString &title, const QString &, bool sound) override
    {
        titles << title;
        sounds += sound ? 1 : 0;
    }
    QStringList titles;
    int sounds = 0;
};

struct Console
{
    Console(quint16 port, const QString &tlsDir, const QString &user, const QString &language = QStringLiteral("en"))
        : providers(store)
        , cohorts(store)
        , alerts(store)
        , window({&store, &providers, &cohorts, &alerts}, options(user, language), Layout::Desktop)
    {
        window.setAlarmAnnouncer(&announcer);
        window.resize(1920, 1080);
        window.show();
        QObject::connect(&client, &models::TelemetryClient::batchReady, &store, &models::SituationStore::apply);
        QObject::connect(window.controlDesk(), &widgets::ControlDesk::commandIssued, &client,
                         &models::TelemetryClient::sendCommand);
        models::ConnectionSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = port;
        s.caFile = tlsDir + QStringLiteral("/ca.pem");
        s.user = user;
        s.password = user + QStringLiteral("-pw");
        s.clientName = QStringLiteral("tst_approvalsintegration");
        client.start(s);
    }

    static console::ConsoleOptions options(const QString &user, const QString &language)
    {
        console::ConsoleOptions o;
        o.serverText = QStringLiteral("127.0.0.1");
        o.connection.user = user;
        o.language = language;
        return o;
    }

    widgets::ApprovalNotifier *notifier() const { return window.approvalNotifier(); }

    CountingAnnouncer announcer;
    models::SituationStore store;
    models::TelemetryClient client;
    models::ProviderModel providers;
    models::CohortModel cohorts;
    models::AlertModel alerts;
    MainWindow window;
};

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

// The window as a desktop shows it: offscreen windows have no frame, so the
// title the window manager would draw is drawn above the grab.
QImage withTitleBar(QWidget &window)
{
    constexpr int kBar = 32;
    const QPixmap body = window.grab();
    QImage shot(body.width(), body.height() + kBar, QImage::Format_RGB32);
    shot.fill(QColor(0x2b, 0x2f, 0x36));
    QPainter p(&shot);
    QFont font = window.font();
    font.setPointSizeF(11.0);
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(QRect(12, 0, body.width() - 24, kBar), Qt::AlignVCenter | Qt::AlignLeft, window.windowTitle());
    p.drawPixmap(0, kBar, body);
    return shot;
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

        Console park(sim.port(), tls, QStringLiteral("park"));   // supervisor, asks
        Console choi(sim.port(), tls, QStringLiteral("choi"));   // supervisor, approves
        Console kim(sim.port(), tls, QStringLiteral("kim"));     // operator, may not approve
        for (Console *c : {&park, &choi, &kim})
            QTRY_VERIFY_WITH_TIMEOUT(c->store.hasSnapshot() && c->store.isLive() && c->store.state().providers_size() > 0, kWaitMs);
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
        QCOMPARE(park.notifier()->waiting(), 0);

        // choi is told: title, status bar, announcer.
        QTRY_COMPARE_WITH_TIMEOUT(choi.notifier()->waiting(), 1, kWaitMs);
        QCOMPARE(choi.window.windowTitle(), QStringLiteral("[Approvals waiting: 1] ") + choiTitle);
        QVERIFY(choi.notifier()->statusLabel()->isVisible());
        QVERIFY2(choi.notifier()->statusLabel()->text().startsWith(QStringLiteral("Approvals waiting for you: 1 · park (Seoul)")),
                 qPrintable(choi.notifier()->statusLabel()->text()));
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
        QCOMPARE(kim.notifier()->waiting(), 0);
        QVERIFY(kim.notifier()->statusLabel()->isHidden());
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
        QCOMPARE(choi.notifier()->waiting(), 0);
        QCOMPARE(choi.window.windowTitle(), choiTitle);
        QVERIFY(choi.notifier()->statusLabel()->isHidden());
        bool kakaoOff = false;
        for (const auto &p : choi.store.control().providers())
            kakaoOff = kakaoOff || (p.id() == "kakao" && !p.enabled());
        QVERIFY(kakaoOff);
    }

    // Not a check: pictures for docs/screenshots, in Korean at 1920x1080 on
    // the real simulator, taken when SITROOM_SHOTS_DIR is set.
    void screenshots()
    {
        const QString shots = qEnvironmentVariable("SITROOM_SHOTS_DIR");
        if (shots.isEmpty())
            QSKIP("set SITROOM_SHOTS_DIR to take the approval screenshots");
        QTranslator translator;
        const QString qm = QStringLiteral(SITROOM_QM_DIR "/sitroom_ko.qm");
        QVERIFY2(translator.load(qm), qPrintable(qm));
        QCoreApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
        QFont font(QStringLiteral("Noto Sans CJK KR"));
        font.setPointSizeF(10.0);
        QApplication::setFont(font);
        QFile sheet(QStringLiteral(SITROOM_SOURCE_DIR "/resources/theme/sitroom.qss"));
        QVERIFY(sheet.open(QIODevice::ReadOnly));
        qApp->setStyleSheet(QString::fromUtf8(sheet.readAll()));
        QSettings().clear();

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString tls = dir.filePath(QStringLiteral("tls"));
        testing::SimulatorProcess sim;
        QString error;
        QVERIFY2(startSimulator(sim, dir, &error), qPrintable(error));
        Console park(sim.port(), tls, QStringLiteral("park"), QStringLiteral("ko"));
        Console choi(sim.port(), tls, QStringLiteral("choi"), QStringLiteral("ko"));
        choi.window.resize(1920, 1080 - 32);
        for (Console *c : {&park, &choi})
            QTRY_VERIFY_WITH_TIMEOUT(c->store.hasSnapshot() && c->store.isLive() && c->store.state().providers_size() > 0, kWaitMs);
        park.window.controlDesk()->proposeProviderEnabled(QStringLiteral("kakao"), false);
        widgets::ControlConfirmDialog *ask = park.window.controlDesk()->activeDialog();
        QVERIFY(ask);
        ask->reasonEdit()->setPlainText(QStringLiteral("카카오 인증 오류율 상승, 런북 4단계"));
        ask->okButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(choi.notifier()->waiting(), 1, kWaitMs);
        QTest::qWait(12000);  // the figures move on from the request's
        QVERIFY(withTitleBar(choi.window).save(QDir(shots).filePath(QStringLiteral("approval-pending-ko-1920x1080.png"))));

        const std::string id = choi.store.control().pending(0).request_id();
        auto *approve = choi.window.pendingPanel()->findChild<QPushButton *>(QStringLiteral("approve-") + QString::fromStdString(id));
        QVERIFY(approve);
        approve->click();
        widgets::ControlConfirmDialog *dialog = choi.window.controlDesk()->activeDialog();
        QVERIFY(dialog);
        dialog->reasonEdit()->setPlainText(QStringLiteral("박 감독자와 통화로 확인"));
        QTest::qWait(1500);
        dialog->adjustSize();
        QImage shot = withTitleBar(choi.window);
        {
            QPainter p(&shot);
            p.fillRect(shot.rect(), QColor(0, 0, 0, 90));  // the window behind a modal dialog
            const QPixmap box = dialog->grab();
            const QPoint at((shot.width() - box.width()) / 2, (shot.height() - box.height()) / 2);
            p.setPen(QColor(0x60, 0x66, 0x70));
            p.drawRect(QRect(at - QPoint(1, 1), box.size() + QSize(1, 1)));
            p.drawPixmap(at, box);
        }
        QVERIFY(shot.save(QDir(shots).filePath(QStringLiteral("approval-dialog-ko-1920x1080.png"))));
        dialog->reject();
        QCoreApplication::removeTranslator(&translator);
        qApp->setStyleSheet(QString());
    }
};

QTEST_MAIN(TestApprovalsIntegration)
#include "tst_approvalsintegration.moc"
