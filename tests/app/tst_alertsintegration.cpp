// Alerts in two consoles against the real sitroom-sim (--users, --state-dir,
// --alert-rules): both see the alert the 20:00 rush raises; kim in Seoul
// acknowledges it through the dock's dialog, with a comment and a runbook
// step; lee's console in Osong shows it acknowledged, by whom and where.
#include "tests/models/SituationFixtures.h"
#include "tests/support/ConsoleData.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestAlertRules.h"
#include "tests/support/TestUsers.h"

#include "widgets/alerts/AlertDesk.h"
#include "widgets/alerts/AlertDialogs.h"
#include "models/itemmodels/AlertModel.h"
#include "widgets/panels/AlertsPanel.h"
#include "models/situation/SituationStore.h"
#include "models/telemetry/TelemetryClient.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace sitroom;

namespace {

constexpr int kWaitMs = 20000;

const char *const kRules = testing::kQueueWaitRules;

using testing::ConsoleData;
using testing::GatewayAddress;

// A room's alerts dock over its console's data, signed in, wired as the
// window wires it: the list with its runbook, and the alert desk that sends
// through the client. (The rest of the window is not needed here.)
struct AlertsDock
{
    AlertsDock(const GatewayAddress &gateway, const QString &user, v1::Site site)
        : data(testing::signInAs(gateway, user, site))
        , panel(&data.alerts, data.store)
        , desk(data.store, &panel)
    {
        QObject::connect(&desk, &widgets::AlertDesk::commandIssued, &data.client, &models::TelemetryClient::sendCommand);
        panel.setDesk(&desk);
        panel.resize(1200, 700);
        panel.show();
    }

    ConsoleData data;
    widgets::AlertsPanel panel;
    widgets::AlertDesk desk;
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestAlertsIntegration final : public QObject
{
    Q_OBJECT

    const testing::ConsoleLanguage m_english{QStringLiteral("en")};   // the consoles speak English here

private slots:
    void twoRoomsSeeOneAcknowledgement()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString tls = dir.filePath(QStringLiteral("tls"));
        const QString users = dir.filePath(QStringLiteral("users.json"));
        const QString rules = dir.filePath(QStringLiteral("rules.json"));
        QVERIFY(testing::writeUsersFile(users, testing::standardTestUsers()));
        QVERIFY(writeFile(rules, kRules));
        testing::SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), tls,
                            QStringLiteral("--users"), users, QStringLiteral("--state-dir"), dir.filePath(QStringLiteral("state")),
                            QStringLiteral("--alert-rules"), rules, QStringLiteral("--fast-forward"), QStringLiteral("32m"),
                            QStringLiteral("--speed"), QStringLiteral("5"), QStringLiteral("--tick-hz"), QStringLiteral("5")},
                           &error),
                 qPrintable(error));

        const GatewayAddress gateway{sim.port(), tls};
        AlertsDock kim(gateway, QStringLiteral("kim"), v1::SITE_SEOUL);   // operator, Seoul
        AlertsDock lee(gateway, QStringLiteral("lee"), v1::SITE_OSONG);   // operator, Osong
        QTRY_VERIFY_WITH_TIMEOUT(kim.data.isLive() && lee.data.isLive(), kWaitMs);
        QCOMPARE(kim.data.store.role(), v1::ROLE_OPERATOR);

        // The rush raises the queue-wait alert; both rooms list it.
        QTRY_VERIFY_WITH_TIMEOUT(kim.data.alerts.rowCount() > 0, kWaitMs);
        const QString id = kim.data.alerts.index(0, 0).data(models::AlertModel::IdRole).toString();
        QTRY_VERIFY_WITH_TIMEOUT(lee.data.store.alert(id) != nullptr, kWaitMs);
        QCOMPARE(lee.data.store.alert(id)->state(), v1::ALERT_ACTIVE_UNACKED);
        QVERIFY(kim.data.store.alertsLast10min() >= 1);
        QCOMPARE(QString::fromStdString(kim.data.store.alert(id)->runbook()), QStringLiteral("queue-wait"));

        // kim acknowledges through the dock, recording the runbook step taken.
        QVERIFY(kim.panel.selectAlert(id));
        QTRY_VERIFY_WITH_TIMEOUT(kim.panel.ackButton()->isEnabled(), kWaitMs);
        kim.desk.recordStep(id, QStringLiteral("queue-wait#5: throttle to 700/s"));
        kim.panel.ackButton()->click();
        widgets::AlertAckDialog *dialog = kim.desk.activeAckDialog();
        QVERIFY(dialog);
        dialog->commentEdit()->setPlainText(QStringLiteral("대기 20초 초과 확인, 입장 속도 유지"));
        dialog->okButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(kim.panel.notice()->text().startsWith(QStringLiteral("Done")), kWaitMs);

        // Osong sees it acknowledged, by kim in Seoul, with the comment and the step.
        QTRY_VERIFY_WITH_TIMEOUT(lee.data.store.alert(id) && lee.data.store.alert(id)->state() == v1::ALERT_ACTIVE_ACKED, kWaitMs);
        const v1::Alert &seen = *lee.data.store.alert(id);
        QCOMPARE(seen.acknowledged_by().user(), std::string("kim"));
        QCOMPARE(seen.acknowledged_by().site(), quint32(v1::SITE_SEOUL));
        QCOMPARE(QString::fromStdString(seen.comment()), QStringLiteral("대기 20초 초과 확인, 입장 속도 유지"));
        QCOMPARE(seen.runbook_step(), std::string("queue-wait#5: throttle to 700/s"));
        const int row = lee.data.alerts.rowOf(id);
        QCOMPARE(lee.data.alerts.index(row, models::AlertModel::State).data().toInt(), int(v1::ALERT_ACTIVE_ACKED));
        QVERIFY(lee.panel.selectAlert(id));
        QVERIFY2(lee.panel.details()->text().contains(QStringLiteral("kim")), qPrintable(lee.panel.details()->text()));
        QVERIFY(lee.panel.details()->text().contains(QStringLiteral("Seoul")));
        QVERIFY(!lee.panel.ackButton()->isEnabled());

        // A second acknowledgement is no longer offered in either room.
        QVERIFY(!kim.panel.ackButton()->isEnabled());
    }
};

QTEST_MAIN(TestAlertsIntegration)
#include "tst_alertsintegration.moc"
