// Alerts end to end, against the real sitroom-sim with --users, --state-dir
// and --alert-rules: the engine raises an alert from the simulated queue;
// sitroomctl lists it, acknowledges it with a comment and a runbook step,
// shelves and unshelves it; a second room signed in over TLS sees every
// transition within a second, with who and where; a restart keeps it; a bad
// rules file is refused at start naming the rule and the field.
#include "tests/support/CtlProcess.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestTlsClient.h"
#include "tests/support/TestAlertRules.h"
#include "tests/support/TestUsers.h"

#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace sitroom;
using testing::CtlRun;
using testing::describe;
using testing::runCtl;

namespace {

constexpr int kWaitMs = 20000;

const char *const kRules = testing::kQueueWaitRules;

const char kBadRules[] = R"({
  "version": 1,
  "rules": [
    { "id": "queue.wait", "metric": "admission.estimated_wait_s", "direction": "above",
      "levels": [ { "severity": "major", "threshold": "a lot" } ],
      "on_delay_s": 0, "off_delay_s": 600, "hysteresis": 0.2, "runbook": "queue-wait",
      "message": { "ko": "대기", "en": "Wait" } }
  ]
})";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QJsonObject jsonOf(const CtlRun &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

// A second room: a raw protocol session signed in as one of the test users.
struct Room
{
    bool open(quint16 port, const QString &tls, const QString &user, v1::Site site, QString *error)
    {
        if (!client.connectToServer(port, tls + QStringLiteral("/ca.pem"), 5000, error))
            return false;
        v1::Envelope hello = testing::TestTlsClient::helloAs(user, QStringLiteral("tst_alertsctl"));
        hello.mutable_hello()->set_site(site);
        client.send(hello);
        return client.waitForBody(v1::Envelope::kSnapshot, kWaitMs) >= 0;
    }

    // The index of the first AlertEvent for alertId with this transition, from `from`; -1 if none.
    int find(const std::string &alertId, v1::AlertTransition transition, int from = 0) const
    {
        const auto &all = client.received();
        for (int i = from; i < int(all.size()); ++i) {
            const v1::Envelope &e = all[std::size_t(i)];
            if (e.has_alert_event() && e.alert_event().alert().id() == alertId && e.alert_event().transition() == transition)
                return i;
        }
        return -1;
    }

    bool hasInSnapshot(const std::string &alertId) const
    {
        for (const v1::Envelope &e : client.received()) {
            if (!e.has_snapshot())
                continue;
            for (const v1::Alert &a : e.snapshot().active_alerts())
                if (a.id() == alertId)
                    return true;
        }
        return false;
    }

    testing::TestTlsClient client;
};

} // namespace

class TestAlertsCtl final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_tls = m_dir.filePath(QStringLiteral("tls"));
        m_users = m_dir.filePath(QStringLiteral("users.json"));
        m_rules = m_dir.filePath(QStringLiteral("rules.json"));
        m_state = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(testing::writeUsersFile(m_users, testing::standardTestUsers()));
        QVERIFY(writeFile(m_rules, kRules));
        for (const char *name : {"kim", "park", "han", "lee"})
            QVERIFY(writeFile(password(QLatin1String(name)), QByteArray(name) + "-pw\n"));
    }

    void liveLifecycleSeenByTheOtherRoomAndKeptOverARestart()
    {
        testing::SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start(simArguments(), &error), qPrintable(error));
        Room osong;
        QVERIFY2(osong.open(sim.port(), m_tls, QStringLiteral("lee"), v1::SITE_OSONG, &error), qPrintable(error));

        // The rush trips the rule at once: the room is told (or has it in its
        // snapshot), and then sitroomctl lists it.
        QVERIFY2(osong.client.waitFor([&] {
                     for (const v1::Envelope &e : osong.client.received()) {
                         if ((e.has_alert_event() && e.alert_event().transition() == v1::TRANSITION_RAISED)
                             || (e.has_snapshot() && e.snapshot().active_alerts_size() > 0))
                             return true;
                     }
                     return false;
                 }, 10000),
                 "no alert within 10 s of the rush");
        const CtlRun listing = ctl(sim.port(), QStringLiteral("han"), {QStringLiteral("--json"), QStringLiteral("alerts")});
        QVERIFY2(listing.exitCode == 0, qPrintable(describe(listing)));
        const QJsonObject listed = jsonOf(listing);
        QVERIFY2(!listed.value(QStringLiteral("alerts")).toArray().isEmpty(), qPrintable(describe(listing)));
        const QString alertId = listed.value(QStringLiteral("alerts")).toArray().first().toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!alertId.isEmpty());
        // --json after the command means the same as before it.
        const CtlRun jsonAfter = ctl(sim.port(), QStringLiteral("han"), {QStringLiteral("alerts"), QStringLiteral("--json")});
        QVERIFY2(jsonAfter.exitCode == 0, qPrintable(describe(jsonAfter)));
        QVERIFY(jsonOf(jsonAfter).value(QStringLiteral("alerts")).toArray().size() >= 1);
        const QJsonObject first = listed.value(QStringLiteral("alerts")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("key")).toString(), QStringLiteral("queue.wait"));
        QCOMPARE(first.value(QStringLiteral("stateName")).toString(), QStringLiteral("active-unacked"));
        QCOMPARE(first.value(QStringLiteral("severityName")).toString(), QStringLiteral("major"));
        QCOMPARE(first.value(QStringLiteral("runbook")).toString(), QStringLiteral("queue-wait"));
        QVERIFY(listed.value(QStringLiteral("alerts_last_10min")).toDouble() >= 1);
        const std::string id = alertId.toStdString();
        // The other room has it too: in its Snapshot if it was raised before
        // Osong connected, else as an event.
        QVERIFY(osong.client.waitFor([&] { return osong.find(id, v1::TRANSITION_RAISED) >= 0 || osong.hasInSnapshot(id); }, kWaitMs));

        // Text form, for a person at a terminal.
        const CtlRun text = ctl(sim.port(), QStringLiteral("han"), {QStringLiteral("alerts")});
        QVERIFY2(text.exitCode == 0 && text.out.contains(alertId) && text.out.contains(QStringLiteral("active-unacked")),
                 qPrintable(describe(text)));

        // A viewer may not acknowledge; usage mistakes never reach the server.
        QCOMPARE(ctl(sim.port(), QStringLiteral("han"), {QStringLiteral("ack"), alertId, QStringLiteral("--comment"), QStringLiteral("seen")}).exitCode, 3);
        QCOMPARE(ctl(sim.port(), QStringLiteral("kim"), {QStringLiteral("ack"), alertId}).exitCode, 2);
        QCOMPARE(ctl(sim.port(), QStringLiteral("kim"), {QStringLiteral("shelve"), alertId, QStringLiteral("--for"), QStringLiteral("5m"),
                                                          QStringLiteral("--reason"), QStringLiteral("x")}).exitCode, 2);
        QCOMPARE(ctl(sim.port(), QStringLiteral("kim"), {QStringLiteral("ack"), QStringLiteral("A99999"), QStringLiteral("--comment"), QStringLiteral("x")}).exitCode, 5);

        // Seoul acknowledges; Osong sees who, where and the step within a second.
        const int mark = int(osong.client.received().size());
        const CtlRun acked = ctl(sim.port(), QStringLiteral("kim"),
                                 {QStringLiteral("ack"), alertId, QStringLiteral("--comment"), QStringLiteral("queue over 20 s; throttled"),
                                  QStringLiteral("--runbook-step"), QStringLiteral("queue-wait#5: throttle to 700/s")});
        QVERIFY2(acked.exitCode == 0 && acked.out.contains(QStringLiteral("applied")), qPrintable(describe(acked)));
        QVERIFY(osong.client.waitFor([&] { return osong.find(id, v1::TRANSITION_ACKNOWLEDGED, mark) >= 0; }, 1000));
        const v1::AlertEvent &ack = osong.client.received()[std::size_t(osong.find(id, v1::TRANSITION_ACKNOWLEDGED, mark))].alert_event();
        QCOMPARE(ack.actor().user(), std::string("kim"));
        QCOMPARE(ack.actor().site(), std::uint32_t(v1::SITE_SEOUL));
        QCOMPARE(ack.previous_state(), v1::ALERT_ACTIVE_UNACKED);
        QCOMPARE(ack.alert().state(), v1::ALERT_ACTIVE_ACKED);
        QCOMPARE(ack.alert().comment(), std::string("queue over 20 s; throttled"));
        QCOMPARE(ack.alert().runbook_step(), std::string("queue-wait#5: throttle to 700/s"));

        // Shelved by an operator (a major alert), then back by hand.
        const CtlRun shelved = ctl(sim.port(), QStringLiteral("kim"),
                                   {QStringLiteral("shelve"), alertId, QStringLiteral("--for"), QStringLiteral("30m"),
                                    QStringLiteral("--reason"), QStringLiteral("drill: queue expected to stay long")});
        QVERIFY2(shelved.exitCode == 0, qPrintable(describe(shelved)));
        QVERIFY(osong.client.waitFor([&] { return osong.find(id, v1::TRANSITION_SHELVED_BY_HAND, mark) >= 0; }, 1000));
        const QJsonObject whileShelved = jsonOf(ctl(sim.port(), QStringLiteral("han"), {QStringLiteral("--json"), QStringLiteral("alerts")}));
        QCOMPARE(whileShelved.value(QStringLiteral("alerts")).toArray().first().toObject().value(QStringLiteral("stateName")).toString(),
                 QStringLiteral("shelved"));
        const CtlRun back = ctl(sim.port(), QStringLiteral("park"), {QStringLiteral("unshelve"), alertId});
        QVERIFY2(back.exitCode == 0, qPrintable(describe(back)));
        QVERIFY(osong.client.waitFor([&] { return osong.find(id, v1::TRANSITION_UNSHELVED_BY_HAND, mark) >= 0; }, 1000));
        const CtlRun twice = ctl(sim.port(), QStringLiteral("park"), {QStringLiteral("unshelve"), alertId});
        QCOMPARE(twice.exitCode, 3);

        // Every transition is in the audit log, chained.
        const CtlRun audit = ctl(sim.port(), QStringLiteral("park"), {QStringLiteral("audit")});
        QVERIFY2(audit.out.contains(QStringLiteral("alert %1 acknowledged").arg(alertId)), qPrintable(describe(audit)));
        QVERIFY(audit.out.contains(QStringLiteral("alert %1 shelved").arg(alertId)));
        QCOMPARE(ctl(sim.port(), QStringLiteral("park"), {QStringLiteral("audit"), QStringLiteral("--verify")}).exitCode, 0);

        // A restart on the same state: the alert is back as it was.
        QCOMPARE(sim.stop(), 0);
        testing::SimulatorProcess again;
        QVERIFY2(again.start(simArguments(), &error), qPrintable(error));
        const QJsonObject restored = jsonOf(ctl(again.port(), QStringLiteral("han"), {QStringLiteral("--json"), QStringLiteral("alerts")}));
        const QJsonArray after = restored.value(QStringLiteral("alerts")).toArray();
        QVERIFY2(!after.isEmpty(), qPrintable(QString::fromUtf8(QJsonDocument(restored).toJson())));
        QCOMPARE(after.first().toObject().value(QStringLiteral("id")).toString(), alertId);
        QCOMPARE(after.first().toObject().value(QStringLiteral("stateName")).toString(), QStringLiteral("active-acked"));
        // Unshelved by hand, it came back acknowledged by the one who unshelved it.
        QCOMPARE(after.first().toObject().value(QStringLiteral("acknowledged_by")).toObject().value(QStringLiteral("user")).toString(),
                 QStringLiteral("park"));
        QCOMPARE(again.stop(), 0);
    }

    void badRulesFileIsRefusedAtStart()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad-rules.json"));
        QVERIFY(writeFile(bad, kBadRules));
        const testing::SimulatorRun run = testing::runSimulator(
            {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), m_tls,
             QStringLiteral("--alert-rules"), bad});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QStringLiteral("queue.wait")) && run.err.contains(QStringLiteral("threshold")), qPrintable(run.err));
        const testing::SimulatorRun missing = testing::runSimulator(
            {QStringLiteral("--alert-rules"), m_dir.filePath(QStringLiteral("nope.json"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("--alert-rules")), qPrintable(missing.err));
    }

private:
    QString password(const QString &user) const { return m_dir.filePath(user + QStringLiteral(".pw")); }

    QStringList simArguments() const
    {
        return {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), m_tls,
                QStringLiteral("--users"), m_users, QStringLiteral("--state-dir"), m_state,
                QStringLiteral("--alert-rules"), m_rules, QStringLiteral("--fast-forward"), QStringLiteral("32m"),
                QStringLiteral("--speed"), QStringLiteral("5")};
    }

    CtlRun ctl(quint16 port, const QString &user, const QStringList &rest) const
    {
        QStringList args{QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--ca"),
                         m_tls + QStringLiteral("/ca.pem"), QStringLiteral("--user"), user,
                         QStringLiteral("--password-file"), password(user), QStringLiteral("--site"),
                         user == QStringLiteral("lee") || user == QStringLiteral("han") ? QStringLiteral("osong") : QStringLiteral("seoul")};
        // Global options first, then the command.
        QStringList globals;
        QStringList command = rest;
        if (!command.isEmpty() && command.first() == QStringLiteral("--json"))
            globals << command.takeFirst();
        return runCtl(args + globals + command);
    }

    QTemporaryDir m_dir;
    QString m_tls, m_users, m_rules, m_state;
};

QTEST_GUILESS_MAIN(TestAlertsCtl)
#include "tst_alertsctl.moc"
