// sitroomctl as a process against the real sitroom-sim without --users (every
// session a viewer): usage errors, the local hash-password, read commands, a
// viewer's command refused, connection failures. The commands of signed-in
// users are tst_sitroomctlcontrols'.
#include "tests/app/ControlledServer.h"
#include "tests/support/CtlProcess.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TemporaryTlsDir.h"

#include <QtTest>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>

#include <memory>

using sitroom::testing::CtlRun;
using sitroom::testing::SimulatorProcess;
using sitroom::testing::describe;
using sitroom::testing::runCtl;
using sitroom::testing::ctlPath;
using sitroom::testing::TemporaryTlsDir;

namespace {

using sitroom::testing::statusJson;

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestSitroomCtl final : public QObject
{
    Q_OBJECT

private:
    // The plain simulator (no --users): every session is a viewer.
    std::unique_ptr<TemporaryTlsDir> m_tls;
    std::unique_ptr<SimulatorProcess> m_sim;

    QStringList viewer() const
    {
        return {QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(m_sim->port()),
                QStringLiteral("--ca"), m_tls->caPath(), QStringLiteral("--user"), QStringLiteral("tester")};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(ctlPath()), qPrintable(ctlPath()));
        m_tls = std::make_unique<TemporaryTlsDir>();
        QVERIFY2(m_tls->isValid(), qPrintable(m_tls->errorString()));
        m_sim = std::make_unique<SimulatorProcess>();
        QString error;
        QVERIFY2(m_sim->start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"),
                               m_tls->path()},
                              &error),
                 qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_sim)
            m_sim->stop();
    }

    void usageErrorsExit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const QStringList &args, const char *message) {
            QTest::newRow(name) << args << QString::fromUtf8(message);
        };
        row("no command", {}, "no command given");
        row("unknown command", {QStringLiteral("frobnicate")}, "unknown command \"frobnicate\"");
        row("throttle without rate", {QStringLiteral("throttle"), QStringLiteral("--reason"), QStringLiteral("x")}, "RATE is missing");
        row("throttle not a number", {QStringLiteral("throttle"), QStringLiteral("lots"), QStringLiteral("--reason"), QStringLiteral("x")}, "RATE \"lots\" must be a number");
        row("throttle without reason", {QStringLiteral("throttle"), QStringLiteral("100")}, "--reason is required");
        row("pause without reason", {QStringLiteral("pause")}, "pause: --reason is required");
        row("empty reason", {QStringLiteral("resume"), QStringLiteral("--reason"), QStringLiteral("  ")}, "--reason is required");
        row("bad duration", {QStringLiteral("disable"), QStringLiteral("kakao"), QStringLiteral("--reason"), QStringLiteral("x"), QStringLiteral("--for"), QStringLiteral("10x")}, "\"10x\" is not a duration");
        row("disable without provider", {QStringLiteral("disable"), QStringLiteral("--reason"), QStringLiteral("x")}, "PROVIDER is missing");
        row("approve without id", {QStringLiteral("approve")}, "REQUEST_ID is missing");
        row("bad revision", {QStringLiteral("resume"), QStringLiteral("--reason"), QStringLiteral("x"), QStringLiteral("--revision"), QStringLiteral("-1")}, "--revision: \"-1\" is not a whole number");
        row("verify and csv", {QStringLiteral("audit"), QStringLiteral("--verify"), QStringLiteral("--csv")}, "--verify and --csv exclude each other");
        row("limit zero", {QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("0")}, "--limit: \"0\" must be a whole number above 0");
        row("few iterations", {QStringLiteral("hash-password"), QStringLiteral("--iterations"), QStringLiteral("10")}, "--iterations: \"10\" must be a whole number from 1000");
        row("zero timeout", {QStringLiteral("--timeout"), QStringLiteral("0"), QStringLiteral("status")}, "--timeout: \"0\" must be a number of seconds above 0");
        row("bad server", {QStringLiteral("--server"), QStringLiteral("127.0.0.1:99999"), QStringLiteral("status")}, "--server: ");
        row("bad site", {QStringLiteral("--site"), QStringLiteral("mars"), QStringLiteral("status")}, "--site: \"mars\" must be seoul, osong or ministry");
        row("stray argument", {QStringLiteral("status"), QStringLiteral("now")}, "status: unexpected argument \"now\"");
        row("global option after command", {QStringLiteral("status"), QStringLiteral("--user"), QStringLiteral("kim")}, "global options such as --server or --user go before the command");
        row("option of another command", {QStringLiteral("pause"), QStringLiteral("--reason"), QStringLiteral("x"), QStringLiteral("--for"), QStringLiteral("1m")}, "Unknown option 'for'");
        row("missing password file", {QStringLiteral("--password-file"), QStringLiteral("/nonexistent/pw"), QStringLiteral("status")}, "cannot read the password file /nonexistent/pw");
    }

    void usageErrorsExit2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        // A closed port: a usage error must be found before any connection.
        const auto run = runCtl(QStringList{QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(freePort())} + arguments);
        QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
        QVERIFY2(run.err.startsWith(QStringLiteral("sitroomctl: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void helpPerCommand()
    {
        const auto global = runCtl({QStringLiteral("--help")});
        QCOMPARE(global.exitCode, 0);
        for (const char *word : {"status", "throttle", "disable", "approve", "audit", "hash-password", "--server", "Exit codes"})
            QVERIFY2(global.out.contains(QLatin1String(word)), word);
        const auto disable = runCtl({QStringLiteral("disable"), QStringLiteral("--help")});
        QCOMPARE(disable.exitCode, 0);
        QVERIFY2(disable.out.contains(QStringLiteral("sitroomctl [global options] disable PROVIDER")), qPrintable(disable.out));
        QVERIFY(disable.out.contains(QStringLiteral("--for")));
        QVERIFY(disable.out.contains(QStringLiteral("--reason")));
        const auto audit = runCtl({QStringLiteral("audit"), QStringLiteral("-h")});
        QCOMPARE(audit.exitCode, 0);
        QVERIFY(audit.out.contains(QStringLiteral("--verify")) && audit.out.contains(QStringLiteral("--csv")));
    }

    void hashPasswordRoundTrip()
    {
        static const QRegularExpression shape(
            QStringLiteral("^pbkdf2-sha256\\$1000\\$([A-Za-z0-9+/]+=*)\\$([A-Za-z0-9+/]+=*)$"));
        QByteArray salts[2];
        for (QByteArray &salt : salts) {
            const auto run = runCtl({QStringLiteral("hash-password"), QStringLiteral("--iterations"), QStringLiteral("1000")},
                                    "correct horse\n");
            QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
            const QRegularExpressionMatch m = shape.match(run.out.trimmed());
            QVERIFY2(m.hasMatch(), qPrintable(run.out));
            salt = QByteArray::fromBase64(m.captured(1).toLatin1());
            const QByteArray key = QByteArray::fromBase64(m.captured(2).toLatin1());
            QCOMPARE(salt.size(), 16);
            QCOMPARE(key.size(), 32);
            QCOMPARE(QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, "correct horse", salt, 1000, 32), key);
        }
        QVERIFY(salts[0] != salts[1]);

        const auto empty = runCtl({QStringLiteral("hash-password")}, "");
        QCOMPARE(empty.exitCode, 2);
        QVERIFY2(empty.err.contains(QStringLiteral("no password")), qPrintable(empty.err));
    }

    void statusShowsScenarioAndProviders()
    {
        const auto run = runCtl(viewer() << QStringLiteral("status"));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(QStringLiteral("opening-18-49")), qPrintable(run.out));
        for (const char *id : {"naver", "kakao", "pass", "mobile", "certificate"})
            QVERIFY2(run.out.contains(QLatin1String(id)), id);
        QVERIFY(run.out.contains(QStringLiteral("revision")));
        QVERIFY(run.out.contains(QStringLiteral("원활")) || run.out.contains(QStringLiteral("지연"))
                || run.out.contains(QStringLiteral("혼잡")) || run.out.contains(QStringLiteral("중단")));

        QString error;
        const QJsonObject json = statusJson(viewer(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(json.value(QStringLiteral("scenario")).toString(), QStringLiteral("opening-18-49"));
        QCOMPARE(json.value(QStringLiteral("providers")).toArray().size(), 5);
        QVERIFY(json.value(QStringLiteral("control")).isObject());
        QVERIFY(json.contains(QStringLiteral("queue_depth")));
        // Real operations: no DRILL line.
        QVERIFY2(!run.out.contains(QStringLiteral("DRILL")), qPrintable(run.out));
        QCOMPARE(json.value(QStringLiteral("drill")), QJsonValue(false));
    }

    // A drill says so first, in text and JSON, so no script takes it for real operations.
    void statusSaysDrill()
    {
        TemporaryTlsDir tls;
        QVERIFY2(tls.isValid(), qPrintable(tls.errorString()));
        SimulatorProcess sim;
        QString error;
        QVERIFY2(sim.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), tls.path(),
                            QStringLiteral("--scenario"), QStringLiteral("cascade-drill")},
                           &error),
                 qPrintable(error));
        const QStringList connection{QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(sim.port()),
                                     QStringLiteral("--ca"), tls.caPath(), QStringLiteral("--user"), QStringLiteral("tester")};
        const auto run = runCtl(connection + QStringList{QStringLiteral("status")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.startsWith(QStringLiteral("DRILL        an exercise, not real operations\n")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("cascade-drill")));
        const QJsonObject json = statusJson(connection, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(json.value(QStringLiteral("drill")), QJsonValue(true));
        sim.stop();
    }

    void pendingIsEmptyAtStart()
    {
        const auto run = runCtl(viewer() << QStringLiteral("pending"));
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(QStringLiteral("no requests waiting")), qPrintable(run.out));
    }

    void viewerCommandIsRefused()
    {
        const auto run = runCtl(viewer() << QStringLiteral("throttle") << QStringLiteral("500") << QStringLiteral("--reason")
                                         << QStringLiteral("test"));
        QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("refused: throttle to 500/s: ")), qPrintable(run.err));

        const auto json = runCtl(QStringList{QStringLiteral("--json")} + viewer() << QStringLiteral("pause")
                                 << QStringLiteral("--reason") << QStringLiteral("test"));
        QCOMPARE(json.exitCode, 3);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("refused"));
        // The server's own words reach the user.
        QVERIFY(!o.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY2(run.err.contains(o.value(QStringLiteral("message")).toString()), qPrintable(run.err));
        QVERIFY(o.value(QStringLiteral("control")).isObject());
    }

    void unreachableServerFailsFast()
    {
        const quint16 port = freePort();
        const auto run = runCtl({QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--ca"),
                                 m_tls->caPath(), QStringLiteral("--user"), QStringLiteral("tester"), QStringLiteral("status")});
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("cannot connect to 127.0.0.1:%1").arg(port)), qPrintable(run.err));
        QVERIFY2(run.elapsedMs < 5000, qPrintable(QString::number(run.elapsedMs)));
    }

    void silentServerTimesOut()
    {
        // Accepts TCP (the kernel does, from the backlog) but never speaks TLS.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        const auto run = runCtl({QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(silent.serverPort()),
                                 QStringLiteral("--ca"), m_tls->caPath(), QStringLiteral("--user"), QStringLiteral("tester"),
                                 QStringLiteral("--timeout"), QStringLiteral("1"),
                                 QStringLiteral("status")});
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("no TLS handshake from 127.0.0.1:%1 within 1 s").arg(silent.serverPort())),
                 qPrintable(run.err));
        QVERIFY2(run.elapsedMs < 5000, qPrintable(QString::number(run.elapsedMs)));
    }

    void wrongCaFails()
    {
        TemporaryTlsDir other;
        QVERIFY2(other.isValid(), qPrintable(other.errorString()));
        QStringList args = viewer();
        args[args.indexOf(QStringLiteral("--ca")) + 1] = other.caPath();
        const auto run = runCtl(args << QStringLiteral("status"));
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QStringLiteral("TLS certificate check of 127.0.0.1:%1 failed").arg(m_sim->port())),
                 qPrintable(run.err));

        const auto missing = runCtl(QStringList{QStringLiteral("--ca"), QStringLiteral("/nonexistent/ca.pem"),
                                                QStringLiteral("--server"), QStringLiteral("127.0.0.1:%1").arg(m_sim->port()),
                                                QStringLiteral("--user"), QStringLiteral("tester"), QStringLiteral("status")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("the CA file /nonexistent/ca.pem does not exist")), qPrintable(missing.err));
    }
};

QTEST_GUILESS_MAIN(TestSitroomCtl)
#include "tst_sitroomctl.moc"
