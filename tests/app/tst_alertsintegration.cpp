// Alerts in two consoles against the real sitroom-sim (--users, --state-dir,
// --alert-rules): both see the alert the 20:00 rush raises; kim in Seoul
// acknowledges it through the dock's dialog, with a comment and a runbook
// step; lee's console in Osong shows it acknowledged, by whom and where.
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

struct Console
{
    Console(quint16 port, const QString &tlsDir, const QString &user, v1::Site site)
        : alerts(store)
        , panel(&alerts, store)
        , desk(store, &panel)
    {
        QObject::connect(&client, &models::TelemetryClient::batchReady, &store, &models::SituationStore::apply);
        QObject::connect(&desk, &widgets::AlertDesk::commandIssued, &client, &models::TelemetryClient::sendCommand);
        panel.setDesk(&desk);
        panel.resize(1200, 700);
        panel.show();
        models::ConnectionSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = port;
        s.caFile = tlsDir + QStringLiteral("/ca.pem");
        s.user = user;
        s.password = user + QStringLiteral("-pw");
        s.site = site;
        s.clientName = QStringLiteral("tst_alertsintegration");
        client.start(s);
    }

    const v1::Alert *alert(const QString &id) const { return store.alert(id); }

    models::SituationStore store;
    models::TelemetryClient client;
    models::AlertModel alerts;
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

        Console kim(sim.port(), tls, QStringLiteral("kim"), v1::SITE_SEOUL);   // operator, Seoul
        Console lee(sim.port(), tls, QStringLiteral("lee"), v1::SITE_OSONG);   // operator, Osong
        QTRY_VERIFY_WITH_TIMEOUT(kim.store.isLive() && lee.store.isLive(), kWaitMs);
        QCOMPARE(kim.store.role(), v1::ROLE_OPERATOR);

        // The rush raises the queue-wait alert; both rooms list it.
        QTRY_VERIFY_WITH_TIMEOUT(kim.alerts.rowCount() > 0, kWaitMs);
        const QString id = kim.alerts.index(0, 0).data(models::AlertModel::IdRole).toString();
        QTRY_VERIFY_WITH_TIMEOUT(lee.alert(id) != nullptr, kWaitMs);
        QCOMPARE(lee.alert(id)->state(), v1::ALERT_ACTIVE_UNACKED);
        QVERIFY(kim.store.alertsLast10min() >= 1);
        QCOMPARE(QString::fromStdString(kim.alert(id)->runbook()), QStringLiteral("queue-wait"));

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
        QTRY_VERIFY_WITH_TIMEOUT(lee.alert(id) && lee.alert(id)->state() == v1::ALERT_ACTIVE_ACKED, kWaitMs);
        const v1::Alert &seen = *lee.alert(id);
        QCOMPARE(seen.acknowledged_by().user(), std::string("kim"));
        QCOMPARE(seen.acknowledged_by().site(), quint32(v1::SITE_SEOUL));
        QCOMPARE(QString::fromStdString(seen.comment()), QStringLiteral("대기 20초 초과 확인, 입장 속도 유지"));
        QCOMPARE(seen.runbook_step(), std::string("queue-wait#5: throttle to 700/s"));
        const int row = lee.alerts.rowOf(id);
        QCOMPARE(lee.alerts.index(row, models::AlertModel::State).data().toInt(), int(v1::ALERT_ACTIVE_ACKED));
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
