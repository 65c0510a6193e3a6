#include "tests/support/SimulatorProcess.h"

#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using sitroom::testing::runSimulator;

namespace {

QJsonObject readReport(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestSimCli final : public QObject
{
    Q_OBJECT

private slots:
    void reportHasEveryField()
    {
        QTemporaryDir dir;
        const QString report = dir.filePath(QStringLiteral("report.json"));
        const auto run = runSimulator({QStringLiteral("--scenario"), QStringLiteral("opening-18-49"),
                                       QStringLiteral("--seed"), QStringLiteral("42"), QStringLiteral("--fast"),
                                       QStringLiteral("--duration"), QStringLiteral("24h"),
                                       QStringLiteral("--report"), report});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("opening-18-49 seed 42: 86400 simulated seconds")));
        const QJsonObject r = readReport(report);
        QCOMPARE(r.value(QStringLiteral("scenario")).toString(), QStringLiteral("opening-18-49"));
        QCOMPARE(r.value(QStringLiteral("seed")).toString(), QStringLiteral("42"));
        QCOMPARE(r.value(QStringLiteral("virtual_seconds")).toInt(), 86400);
        for (const char *key : {"bookings_total", "bookings_first_30min", "auth_attempts_total", "peak_queue_depth"})
            QVERIFY2(r.value(QLatin1String(key)).toDouble() > 0, key);
        const double share = r.value(QStringLiteral("bookings_first_30min")).toDouble()
            / r.value(QStringLiteral("bookings_total")).toDouble();
        QVERIFY(share > 0.35 && share < 0.45);
        const QJsonArray providers = r.value(QStringLiteral("providers")).toArray();
        QCOMPARE(providers.size(), 5);
        qint64 attempts = 0;
        for (const QJsonValue &v : providers) {
            const QJsonObject p = v.toObject();
            for (const char *key : {"id", "auth_attempts", "auth_success", "seconds_green", "seconds_yellow",
                                    "seconds_red", "seconds_disabled"})
                QVERIFY2(p.contains(QLatin1String(key)), key);
            const qint64 seconds = p.value(QStringLiteral("seconds_green")).toInteger() + p.value(QStringLiteral("seconds_yellow")).toInteger()
                + p.value(QStringLiteral("seconds_red")).toInteger() + p.value(QStringLiteral("seconds_disabled")).toInteger();
            QCOMPARE(seconds, qint64(86400));
            QVERIFY(p.value(QStringLiteral("auth_success")).toInteger() <= p.value(QStringLiteral("auth_attempts")).toInteger());
            attempts += p.value(QStringLiteral("auth_attempts")).toInteger();
        }
        QCOMPARE(attempts, r.value(QStringLiteral("auth_attempts_total")).toInteger());
    }

    void sameSeedSameReport()
    {
        QTemporaryDir dir;
        QByteArray reports[2];
        for (int i = 0; i < 2; ++i) {
            const QString path = dir.filePath(QStringLiteral("r%1.json").arg(i));
            const auto run = runSimulator({QStringLiteral("--fast"), QStringLiteral("--seed"), QStringLiteral("9"),
                                           QStringLiteral("--duration"), QStringLiteral("3h"), QStringLiteral("--report"), path});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            reports[i] = file.readAll();
        }
        QCOMPARE(reports[0], reports[1]);
        QCOMPARE(readReport(dir.filePath(QStringLiteral("r0.json"))).value(QStringLiteral("virtual_seconds")).toInt(), 3 * 3600);
    }

    void startingControlsApply()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.json"));
        const auto run = runSimulator({QStringLiteral("--fast"), QStringLiteral("--duration"), QStringLiteral("2h"),
                                       QStringLiteral("--disable-provider"), QStringLiteral("kakao"),
                                       QStringLiteral("--disable-provider"), QStringLiteral("pass"),
                                       QStringLiteral("--admission-rate"), QStringLiteral("150"),
                                       QStringLiteral("--report"), path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject r = readReport(path);
        for (const QJsonValue &v : r.value(QStringLiteral("providers")).toArray()) {
            const QJsonObject p = v.toObject();
            const bool disabled = p.value(QStringLiteral("id")).toString() == QStringLiteral("kakao")
                || p.value(QStringLiteral("id")).toString() == QStringLiteral("pass");
            QCOMPARE(p.value(QStringLiteral("auth_attempts")).toInteger() == 0, disabled);
            QCOMPARE(p.value(QStringLiteral("seconds_disabled")).toInteger(), disabled ? qint64(7200) : qint64(0));
        }
        // 150 admitted a second from 20:00 to 21:30 cannot let more than that through.
        QVERIFY(r.value(QStringLiteral("peak_queue_depth")).toDouble() > 100000);
    }

    void badCommandLinesAreRefusedPlainly_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown scenario") << QStringList{QStringLiteral("--scenario"), QStringLiteral("opening-60s"), QStringLiteral("--fast")}
                                          << "no scenario named \"opening-60s\"";
        QTest::newRow("fast and listen") << QStringList{QStringLiteral("--fast"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:7601")}
                                         << "--listen and --fast exclude each other";
        QTest::newRow("fast and speed") << QStringList{QStringLiteral("--fast"), QStringLiteral("--speed"), QStringLiteral("30")}
                                        << "--speed and --fast exclude each other";
        QTest::newRow("bad speed") << QStringList{QStringLiteral("--speed"), QStringLiteral("-3")}
                                   << "--speed: \"-3\" must be a number above 0";
        QTest::newRow("bad duration") << QStringList{QStringLiteral("--fast"), QStringLiteral("--duration"), QStringLiteral("a day")}
                                      << "--duration: \"a day\" is not a duration";
        QTest::newRow("tick rate") << QStringList{QStringLiteral("--tick-hz"), QStringLiteral("50")}
                                   << "--tick-hz: \"50\" must be a whole number from 1 to 20";
        QTest::newRow("unknown provider") << QStringList{QStringLiteral("--fast"), QStringLiteral("--disable-provider"), QStringLiteral("toss")}
                                          << "no provider \"toss\" in scenario opening-18-49; it has: kakao, naver, pass, mobile, certificate";
        QTest::newRow("rate out of bounds") << QStringList{QStringLiteral("--fast"), QStringLiteral("--admission-rate"), QStringLiteral("99999")}
                                            << "--admission-rate 99999 is outside this scenario's bounds, 50 to 3000 per second";
        QTest::newRow("bad listen") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:99999")}
                                    << "--listen: '127.0.0.1:99999': port must be a number";
        QTest::newRow("fast and users") << QStringList{QStringLiteral("--fast"), QStringLiteral("--users"), QStringLiteral("/etc/hostname")}
                                        << "--users and --fast exclude each other";
        QTest::newRow("fast and state dir") << QStringList{QStringLiteral("--fast"), QStringLiteral("--state-dir"), QStringLiteral("/tmp")}
                                            << "--state-dir and --fast exclude each other";
        QTest::newRow("missing users file") << QStringList{QStringLiteral("--users"), QStringLiteral("/nonexistent/users.json")}
                                            << "--users: \"/nonexistent/users.json\" is not a file";
        QTest::newRow("state dir is a file") << QStringList{QStringLiteral("--state-dir"), QStringLiteral("/etc/hostname")}
                                             << "--state-dir: \"/etc/hostname\" exists and is not a folder";
        QTest::newRow("empty state dir") << QStringList{QStringLiteral("--state-dir"), QString()}
                                         << "--state-dir: the folder name is empty";
        QTest::newRow("approval timeout") << QStringList{QStringLiteral("--approval-timeout"), QStringLiteral("0s")}
                                          << "--approval-timeout: 0s is outside 1 second to 24 hours";
        QTest::newRow("stray argument") << QStringList{QStringLiteral("opening-18-49")}
                                        << "unexpected argument \"opening-18-49\"";
    }

    void badCommandLinesAreRefusedPlainly()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const auto run = runSimulator(arguments, 20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QStringLiteral("sitroom-sim: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void badScenarioFileNamesTheField()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("drill.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"extends": "opening-18-49", "id": "drill", "providers": [{"id": "kakao"}]})");
        file.close();
        const auto run = runSimulator({QStringLiteral("--scenario"), file.fileName(), QStringLiteral("--fast")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(file.fileName() + QStringLiteral(": providers[0].name: is missing")), qPrintable(run.err));
    }

    void badUsersFileNamesTheLine()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("users.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n  \"users\": [\n    {\n      \"name\": \"kim\",\n      \"role\": \"admin\",\n"
                   "      \"site\": \"seoul\",\n      \"password_hash\": \"x\"\n    }\n  ]\n}\n");
        file.close();
        const auto run = runSimulator({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                       QStringLiteral("--tls-dir"), dir.filePath(QStringLiteral("tls")),
                                       QStringLiteral("--users"), file.fileName()}, 20000);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral(
                     "users.json: line 4: users[0].role: must be viewer, operator or supervisor, not \"admin\"")),
                 qPrintable(run.err));
    }

    void unwritableReportIsAnError()
    {
        const auto run = runSimulator({QStringLiteral("--fast"), QStringLiteral("--duration"), QStringLiteral("1h"),
                                       QStringLiteral("--report"), QStringLiteral("/nonexistent/dir/r.json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot write the report to /nonexistent/dir/r.json")), qPrintable(run.err));
    }

    void listsTheShippedScenarios()
    {
        const auto run = runSimulator({QStringLiteral("--list-scenarios")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.split(u'\n', Qt::SkipEmptyParts),
                 (QStringList{QStringLiteral("backend-saturation"), QStringLiteral("cascade-drill"), QStringLiteral("crash-50s"),
                              QStringLiteral("opening-18-49"), QStringLiteral("provider-outage")}));
    }

    void initTlsCreatesTheFiles()
    {
        QTemporaryDir dir;
        const QString tls = dir.filePath(QStringLiteral("tls"));
        const auto run = runSimulator({QStringLiteral("--init-tls"), QStringLiteral("--tls-dir"), tls});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const char *name : {"ca.pem", "server.pem", "server.key"})
            QVERIFY(QFile::exists(tls + u'/' + QLatin1String(name)));
    }
};

QTEST_GUILESS_MAIN(TestSimCli)
#include "tst_simcli.moc"
