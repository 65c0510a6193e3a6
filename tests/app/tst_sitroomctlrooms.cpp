// sitroomctl and the room in command, as a process against the real
// sitroom-sim with --users and --state-dir (docs/controls.md, "The room in
// command"): status names the room; the other room's throttle waits for the
// room in command and only its supervisor approves; a handover requested in
// Seoul is refused to Seoul and accepted in Osong, after which Osong
// commands; the usage mistakes, the viewer and the exit codes; a takeover by
// a gateway alone is refused unless the gateway allows it; the audit says
// every step and its chain verifies.
#include "tests/app/ControlledServer.h"
#include "tests/support/CtlProcess.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using sitroom::testing::ControlledServer;
using sitroom::testing::CtlRun;
using sitroom::testing::describe;
using sitroom::testing::runCtl;
using sitroom::testing::statusJson;

namespace {

QString requestIdIn(const QString &out)
{
    static const QRegularExpression idLine(QStringLiteral("request id: (\\S+)"));
    return idLine.match(out).captured(1);
}

QString commandSite(const QJsonObject &status)
{
    return status.value(QStringLiteral("command_room")).toObject().value(QStringLiteral("command_site")).toString();
}

} // namespace

class TestSitroomCtlRooms final : public QObject
{
    Q_OBJECT

    static CtlRun as(const ControlledServer &server, const QString &user, const QStringList &command)
    {
        return runCtl(server.as(user) + command);
    }

    // For the cases that change nothing (usage mistakes and refusals).
    ControlledServer m_shared;
    bool m_sharedStarted = false;

private slots:
    void initTestCase()
    {
        QString error;
        m_sharedStarted = m_shared.start(&error);
        QVERIFY2(m_sharedStarted, qPrintable(error));
    }

    void theOtherRoomWaitsAndCommandIsHandedOver()
    {
        ControlledServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        const CtlRun status = as(server, QStringLiteral("view"), {QStringLiteral("status")});
        QVERIFY2(status.exitCode == 0, qPrintable(describe(status)));
        QVERIFY2(status.out.contains(QStringLiteral("command      seoul room\n")), qPrintable(status.out));
        QCOMPARE(commandSite(statusJson(server.as(QStringLiteral("view")), &error)), QStringLiteral("seoul"));

        // Osong's operator: a raise, harmless in itself, waits for Seoul.
        const CtlRun asked = as(server, QStringLiteral("oop"),
                                {QStringLiteral("throttle"), QStringLiteral("3000"), QStringLiteral("--reason"), QStringLiteral("Osong sees room")});
        QVERIFY2(asked.exitCode == 0, qPrintable(describe(asked)));
        QVERIFY2(asked.out.startsWith(QStringLiteral("waiting for approval by a supervisor of the seoul room, which is in "
                                                     "command: throttle to 3000/s\nrequest id: ")),
                 qPrintable(asked.out));
        const QString throttleId = requestIdIn(asked.out);
        QVERIFY(!throttleId.isEmpty());
        const CtlRun osongApproves = as(server, QStringLiteral("osup"), {QStringLiteral("approve"), throttleId});
        QVERIFY2(osongApproves.exitCode == 3, qPrintable(describe(osongApproves)));
        QVERIFY2(osongApproves.err.contains(QStringLiteral("the Seoul room is in command: only a supervisor of the Seoul room may approve")),
                 qPrintable(osongApproves.err));
        const CtlRun seoulApproves = as(server, QStringLiteral("sup1"), {QStringLiteral("approve"), throttleId});
        QVERIFY2(seoulApproves.exitCode == 0 && seoulApproves.out.startsWith(QStringLiteral("applied")),
                 qPrintable(describe(seoulApproves)));

        // Seoul offers command; the request is in status for everyone.
        const CtlRun offered = as(server, QStringLiteral("sup1"),
                                  {QStringLiteral("handover"), QStringLiteral("request"), QStringLiteral("--reason"),
                                   QStringLiteral("night shift runs from Osong")});
        QVERIFY2(offered.exitCode == 0, qPrintable(describe(offered)));
        QVERIFY2(offered.out.startsWith(QStringLiteral("waiting for a supervisor of the osong room to accept: command from the "
                                                       "seoul room to the osong room\nrequest id: ")),
                 qPrintable(offered.out));
        const QString handoverId = requestIdIn(offered.out);
        QVERIFY(!handoverId.isEmpty());
        const CtlRun waiting = as(server, QStringLiteral("oop"), {QStringLiteral("status")});
        QVERIFY2(waiting.out.contains(QStringLiteral("handover     seoul room to the osong room, asked by sup1 (seoul)")) &&
                     waiting.out.contains(QStringLiteral("request id: ") + handoverId),
                 qPrintable(waiting.out));
        const QJsonObject json = statusJson(server.as(QStringLiteral("oop")), &error);
        const QJsonObject handover = json.value(QStringLiteral("command_room")).toObject().value(QStringLiteral("handover")).toObject();
        QCOMPARE(handover.value(QStringLiteral("request_id")).toString(), handoverId);
        QCOMPARE(handover.value(QStringLiteral("reason")).toString(), QStringLiteral("night shift runs from Osong"));
        // A second request while it waits: refused.
        const CtlRun twice = as(server, QStringLiteral("osup"),
                                {QStringLiteral("handover"), QStringLiteral("request"), QStringLiteral("--reason"), QStringLiteral("us too")});
        QVERIFY2(twice.exitCode == 3, qPrintable(describe(twice)));

        // Seoul's own second supervisor may not accept it; Osong's does.
        const CtlRun seoulAccepts = as(server, QStringLiteral("sup2"), {QStringLiteral("handover"), QStringLiteral("accept"), handoverId});
        QVERIFY2(seoulAccepts.exitCode == 3, qPrintable(describe(seoulAccepts)));
        QVERIFY2(seoulAccepts.err.contains(QStringLiteral("is answered by a supervisor of the Osong room")), qPrintable(seoulAccepts.err));
        const CtlRun accepted = runCtl(server.as(QStringLiteral("osup"))
                                       << QStringLiteral("--json") << QStringLiteral("handover") << QStringLiteral("accept") << handoverId);
        QVERIFY2(accepted.exitCode == 0, qPrintable(describe(accepted)));
        const QJsonObject result = QJsonDocument::fromJson(accepted.out.toUtf8()).object();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(result.value(QStringLiteral("exit_code")).toInt(), 0);
        QVERIFY2(result.value(QStringLiteral("message")).toString().contains(QStringLiteral("the Osong room is in command now")),
                 qPrintable(accepted.out));
        QCOMPARE(commandSite(statusJson(server.as(QStringLiteral("view")), &error)), QStringLiteral("osong"));

        // Osong commands: Seoul's operator now waits for Osong.
        const CtlRun seoulAsks = as(server, QStringLiteral("op"),
                                    {QStringLiteral("throttle"), QStringLiteral("2900"), QStringLiteral("--reason"), QStringLiteral("ease")});
        QVERIFY2(seoulAsks.exitCode == 0 && seoulAsks.out.startsWith(QStringLiteral("waiting for approval by a supervisor of the osong room")),
                 qPrintable(describe(seoulAsks)));
        const CtlRun osongSteers = as(server, QStringLiteral("oop"),
                                      {QStringLiteral("throttle"), QStringLiteral("2950"), QStringLiteral("--reason"), QStringLiteral("ease")});
        QVERIFY2(osongSteers.exitCode == 0 && osongSteers.out.startsWith(QStringLiteral("applied: throttle to 2950/s")),
                 qPrintable(describe(osongSteers)));
        // Answering it again: nothing waits, 6.
        const CtlRun late = as(server, QStringLiteral("osup"), {QStringLiteral("handover"), QStringLiteral("decline"), handoverId});
        QVERIFY2(late.exitCode == 6, qPrintable(describe(late)));

        // Every step in the audit, whose chain verifies.
        const CtlRun audit = runCtl(server.as(QStringLiteral("view")) << QStringLiteral("--json") << QStringLiteral("audit"));
        QVERIFY2(audit.exitCode == 0, qPrintable(describe(audit)));
        QStringList actions;
        for (const QJsonValue &e : QJsonDocument::fromJson(audit.out.toUtf8()).object().value(QStringLiteral("entries")).toArray())
            actions << e.toObject().value(QStringLiteral("action")).toString();
        QVERIFY2(actions.contains(QStringLiteral("offer command of the Seoul room to the Osong room")), qPrintable(actions.join(u'\n')));
        QVERIFY2(actions.contains(QStringLiteral("accept handover ") + handoverId), qPrintable(actions.join(u'\n')));
        const CtlRun verify = as(server, QStringLiteral("view"), {QStringLiteral("audit"), QStringLiteral("--verify")});
        QVERIFY2(verify.exitCode == 0, qPrintable(describe(verify)));
    }

    void usageMistakesAndTheViewer_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("no reason") << "sup1" << QStringList{QStringLiteral("handover"), QStringLiteral("request")} << 2
                                   << "handover request: --reason is required";
        QTest::newRow("no step") << "sup1" << QStringList{QStringLiteral("handover")} << 2 << "say request, accept ID";
        QTest::newRow("unknown step") << "sup1" << QStringList{QStringLiteral("handover"), QStringLiteral("give")} << 2
                                      << "say request, accept ID";
        QTest::newRow("accept without id") << "osup" << QStringList{QStringLiteral("handover"), QStringLiteral("accept")} << 2
                                           << "handover accept: ID is missing";
        QTest::newRow("take without reason") << "osup" << QStringList{QStringLiteral("take-command")} << 2
                                             << "take-command: --reason is required";
        QTest::newRow("wait for an effect") << "osup"
                                            << QStringList{QStringLiteral("take-command"), QStringLiteral("--reason"), QStringLiteral("x"),
                                                           QStringLiteral("--wait-effect")}
                                            << 2 << "--wait-effect is for commands that change the live system";
        QTest::newRow("viewer") << "view"
                                << QStringList{QStringLiteral("handover"), QStringLiteral("request"), QStringLiteral("--reason"), QStringLiteral("x")}
                                << 3 << "viewer role";
        QTest::newRow("operator") << "op"
                                  << QStringList{QStringLiteral("handover"), QStringLiteral("request"), QStringLiteral("--reason"), QStringLiteral("x")}
                                  << 3 << "only a supervisor may hand over or take command";
        QTest::newRow("unknown handover") << "osup" << QStringList{QStringLiteral("handover"), QStringLiteral("accept"), QStringLiteral("h-0")}
                                          << 6 << "there is no waiting handover h-0";
        QTest::newRow("the room in command takes it") << "sup1"
                                                      << QStringList{QStringLiteral("take-command"), QStringLiteral("--reason"), QStringLiteral("x")}
                                                      << 3 << "the Seoul room is in command already";
        QTest::newRow("a gateway alone") << "osup"
                                         << QStringList{QStringLiteral("take-command"), QStringLiteral("--reason"), QStringLiteral("x")}
                                         << 3 << "no gateway of the Seoul room has ever been seen";
    }

    void usageMistakesAndTheViewer()
    {
        QFETCH(QString, user);
        QFETCH(QStringList, command);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        QVERIFY2(m_sharedStarted, "the shared server did not start");
        const CtlRun run = as(m_shared, user, command);
        QVERIFY2(run.exitCode == exitCode, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
    }

    void aGatewayAloneAllowedLetsOsongTakeCommand()
    {
        ControlledServer server;
        QString error;
        QVERIFY2(server.start(&error, {QStringLiteral("--site"), QStringLiteral("osong"), QStringLiteral("--allow-unseen-takeover")}),
                 qPrintable(error));
        const CtlRun taken = as(server, QStringLiteral("osup"),
                                {QStringLiteral("take-command"), QStringLiteral("--reason"), QStringLiteral("Seoul's gateway does not answer")});
        QVERIFY2(taken.exitCode == 0, qPrintable(describe(taken)));
        QVERIFY2(taken.out.startsWith(QStringLiteral("applied: take command: takeover: the Osong room is in command now")),
                 qPrintable(taken.out));
        QCOMPARE(commandSite(statusJson(server.as(QStringLiteral("view")), &error)), QStringLiteral("osong"));
        const CtlRun audit = runCtl(server.as(QStringLiteral("view")) << QStringLiteral("--json") << QStringLiteral("audit"));
        const QJsonArray entries = QJsonDocument::fromJson(audit.out.toUtf8()).object().value(QStringLiteral("entries")).toArray();
        QJsonObject row;
        for (const QJsonValue &e : entries)
            if (e.toObject().value(QStringLiteral("action")).toString() == QStringLiteral("take command from the Seoul room for the Osong room"))
                row = e.toObject();
        QVERIFY2(!row.isEmpty(), audit.out.toUtf8().constData());
        QCOMPARE(row.value(QStringLiteral("user")).toString(), QStringLiteral("osup"));
        QCOMPARE(row.value(QStringLiteral("site")).toString(), QStringLiteral("osong"));
        QCOMPARE(row.value(QStringLiteral("reason")).toString(), QStringLiteral("Seoul's gateway does not answer"));
        QVERIFY2(row.value(QStringLiteral("outcome")).toString().startsWith(QStringLiteral("applied: takeover:")),
                 QJsonDocument(row).toJson().constData());
    }

    void aFreshStateMayStartWithOsongInCommand()
    {
        ControlledServer server;
        QString error;
        QVERIFY2(server.start(&error, {QStringLiteral("--command-site"), QStringLiteral("osong")}), qPrintable(error));
        QCOMPARE(commandSite(statusJson(server.as(QStringLiteral("view")), &error)), QStringLiteral("osong"));
        const CtlRun osong = as(server, QStringLiteral("oop"),
                                {QStringLiteral("throttle"), QStringLiteral("3000"), QStringLiteral("--reason"), QStringLiteral("open up")});
        QVERIFY2(osong.exitCode == 0 && osong.out.startsWith(QStringLiteral("applied")), qPrintable(describe(osong)));
    }
};

QTEST_GUILESS_MAIN(TestSitroomCtlRooms)
#include "tst_sitroomctlrooms.moc"
