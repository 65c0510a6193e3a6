#include "app/console/ConsoleOptions.h"

#include <QtTest>

#include <QProcess>
#include <QTemporaryDir>

using namespace sitroom::console;

class TestConsoleOptions final : public QObject
{
    Q_OBJECT

private slots:
    void noArgumentsConnectToTheLocalDemo()
    {
        const auto parsed = parseConsoleOptions({QStringLiteral("sitroom")}, QStringLiteral("C"));
        QVERIFY(parsed.options);
        QCOMPARE(parsed.options->connection.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(parsed.options->connection.port, quint16(7600));
        QVERIFY(parsed.options->connection.caFile.endsWith(QStringLiteral("sitroom/tls/ca.pem")));
        QCOMPARE(parsed.options->language, QStringLiteral("ko"));
        QCOMPARE(parsed.options->layout, Layout::Automatic);
        QCOMPARE(parsed.options->connection.site, sitroom::v1::SITE_SEOUL);
    }

    void languageFollowsTheSystemUnlessTold_data()
    {
        QTest::addColumn<QString>("system");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("korean system") << "ko" << QStringList() << "ko";
        QTest::newRow("english system") << "en" << QStringList() << "en";
        QTest::newRow("other system: korean first") << "de" << QStringList() << "ko";
        QTest::newRow("told english") << "ko" << QStringList{QStringLiteral("--lang"), QStringLiteral("en")} << "en";
        QTest::newRow("told korean") << "en" << QStringList{QStringLiteral("--lang"), QStringLiteral("ko")} << "ko";
    }

    void languageFollowsTheSystemUnlessTold()
    {
        QFETCH(QString, system);
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const auto parsed = parseConsoleOptions(QStringList{QStringLiteral("sitroom")} + arguments, system);
        QVERIFY(parsed.options);
        QCOMPARE(parsed.options->language, expected);
    }

    void everyOption()
    {
        QTemporaryDir dir;
        QFile password(dir.filePath(QStringLiteral("pw")));
        QVERIFY(password.open(QIODevice::WriteOnly));
        password.write("s3cret\nignored\n");
        password.close();
        const auto parsed = parseConsoleOptions(
            {QStringLiteral("sitroom"), QStringLiteral("--server"), QStringLiteral("[::1]:7700"), QStringLiteral("--ca"), QStringLiteral("/x/ca.pem"),
             QStringLiteral("--user"), QStringLiteral("park"), QStringLiteral("--password-file"), password.fileName(),
             QStringLiteral("--site"), QStringLiteral("Osong"), QStringLiteral("--wall")},
            QStringLiteral("ko"));
        QVERIFY(parsed.options);
        const ConsoleOptions &o = *parsed.options;
        QCOMPARE(o.connection.host, QStringLiteral("::1"));
        QCOMPARE(o.connection.port, quint16(7700));
        QCOMPARE(o.connection.caFile, QStringLiteral("/x/ca.pem"));
        QCOMPARE(o.connection.user, QStringLiteral("park"));
        QCOMPARE(o.connection.password, QStringLiteral("s3cret"));
        QCOMPARE(o.connection.site, sitroom::v1::SITE_OSONG);
        QCOMPARE(o.layout, Layout::Wall);
        QVERIFY(o.addressError.isEmpty());
    }

    void severalGatewaysInOrder()
    {
        const auto parsed = parseConsoleOptions({QStringLiteral("sitroom"), QStringLiteral("--server"),
                                                 QStringLiteral("seoul-gw:7600,osong-gw:7601")},
                                                QStringLiteral("ko"));
        QVERIFY(parsed.options);
        const ConsoleOptions &o = *parsed.options;
        QVERIFY(o.addressError.isEmpty());
        // The first is the preferred one; the rest follow in order.
        QCOMPARE(o.connection.host, QStringLiteral("seoul-gw"));
        QCOMPARE(o.connection.port, quint16(7600));
        QCOMPARE(o.connection.otherServers.size(), 1);
        QCOMPARE(o.connection.otherServers.constFirst().host, QStringLiteral("osong-gw"));
        QCOMPARE(o.connection.otherServers.constFirst().port, quint16(7601));
        QCOMPARE(o.connection.servers().size(), 2);
        QCOMPARE(o.serverText, QStringLiteral("seoul-gw:7600,osong-gw:7601"));
    }

    void oneGatewayHasNoOthers()
    {
        const auto parsed = parseConsoleOptions({QStringLiteral("sitroom"), QStringLiteral("--server"), QStringLiteral("seoul-gw")},
                                                QStringLiteral("ko"));
        QVERIFY(parsed.options);
        QCOMPARE(parsed.options->connection.host, QStringLiteral("seoul-gw"));
        QCOMPARE(parsed.options->connection.port, quint16(7600));
        QVERIFY(parsed.options->connection.otherServers.isEmpty());
    }

    void aBadListOpensTheWindowAnyway_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("error");
        QTest::newRow("a bad second") << "seoul-gw:7600,osong-gw:http" << "port must be a number";
        QTest::newRow("an empty item") << "seoul-gw:7600,,osong-gw:7600" << "an empty address";
        QTest::newRow("twice") << "seoul-gw:7600,seoul-gw:7600" << "listed twice";
    }

    void aBadListOpensTheWindowAnyway()
    {
        QFETCH(QString, server);
        QFETCH(QString, error);
        const auto parsed = parseConsoleOptions({QStringLiteral("sitroom"), QStringLiteral("--server"), server}, QStringLiteral("ko"));
        QVERIFY(parsed.options);
        QVERIFY2(parsed.options->addressError.contains(error), qPrintable(parsed.options->addressError));
    }

    void aBadAddressOpensTheWindowAnyway()
    {
        const auto parsed = parseConsoleOptions({QStringLiteral("sitroom"), QStringLiteral("--server"), QStringLiteral("localhost:http")},
                                                QStringLiteral("ko"));
        QVERIFY(parsed.options);
        QVERIFY2(parsed.options->addressError.contains(QStringLiteral("port must be a number")), qPrintable(parsed.options->addressError));
    }

    void anUnreadablePasswordFileIsSaidInTheWindow()
    {
        const auto parsed = parseConsoleOptions({QStringLiteral("sitroom"), QStringLiteral("--password-file"), QStringLiteral("/nonexistent/pw")},
                                                QStringLiteral("ko"));
        QVERIFY(parsed.options);
        QVERIFY(parsed.options->passwordError.contains(QStringLiteral("/nonexistent/pw")));
    }

    void remembersWhetherUserSiteAndPasswordFileWereGiven()
    {
        const auto bare = parseConsoleOptions({QStringLiteral("sitroom")}, QStringLiteral("ko"));
        QVERIFY(bare.options);
        QVERIFY(!bare.options->userGiven && !bare.options->siteGiven && !bare.options->passwordFromFile);
        const auto given = parseConsoleOptions({QStringLiteral("sitroom"), QStringLiteral("--user"), QStringLiteral("kim"),
                                                QStringLiteral("--site"), QStringLiteral("Osong"),
                                                QStringLiteral("--password-file"), QStringLiteral("/nonexistent/pw")},
                                               QStringLiteral("ko"));
        QVERIFY(given.options);
        QVERIFY(given.options->userGiven && given.options->siteGiven && given.options->passwordFromFile);
        QCOMPARE(given.options->passwordFile, QStringLiteral("/nonexistent/pw"));
        QCOMPARE(given.options->connection.site, sitroom::v1::SITE_OSONG);
    }

    // The real binary, with no display at all: help, not an xcb abort.
    void helpWorksWithoutADisplay_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("output");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << 0 << QStringLiteral("--password-file");
        QTest::newRow("--help on --server") << QStringList{QStringLiteral("--help")} << 0 << QStringLiteral("HOST:PORT[,HOST:PORT...]");
        QTest::newRow("usage error") << QStringList{QStringLiteral("--site"), QStringLiteral("busan")} << 2 << QStringLiteral("busan");
    }

    void helpWorksWithoutADisplay()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, output);
        QProcess sitroom;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QString());
        sitroom.setProcessEnvironment(env);
        sitroom.start(QStringLiteral(SITROOM_BIN_DIR "/sitroom"), arguments);
        QVERIFY2(sitroom.waitForFinished(30000), "sitroom did not finish");
        const QString out = QString::fromLocal8Bit(sitroom.readAllStandardOutput() + sitroom.readAllStandardError());
        QCOMPARE(sitroom.exitStatus(), QProcess::NormalExit);
        QCOMPARE(sitroom.exitCode(), exitCode);
        QVERIFY2(out.contains(output), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("xcb")), qPrintable(out));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("site") << QStringList{QStringLiteral("--site"), QStringLiteral("busan")} << "--site: \"busan\" is not one of seoul, osong, ministry";
        QTest::newRow("language") << QStringList{QStringLiteral("--lang"), QStringLiteral("ja")} << "--lang: \"ja\" is not ko or en";
        QTest::newRow("wall and compact") << QStringList{QStringLiteral("--wall"), QStringLiteral("--compact")} << "--wall and --compact exclude each other";
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--colour")} << "Unknown option 'colour'";
        QTest::newRow("briefing and wall") << QStringList{QStringLiteral("--briefing"), QStringLiteral("--wall")} << "--briefing, --wall and --compact exclude each other";
    }

    // The ministry reads: --briefing, and the briefing by itself for the
    // ministry site unless a layout is asked for.
    void briefingLayout_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QSize>("screen");
        QTest::addColumn<int>("layout");
        QTest::newRow("--briefing") << QStringList{QStringLiteral("--briefing")} << QSize(1920, 1080) << int(Layout::Briefing);
        QTest::newRow("ministry site") << QStringList{QStringLiteral("--site"), QStringLiteral("ministry")} << QSize(1366, 768) << int(Layout::Briefing);
        QTest::newRow("ministry site on the wall") << QStringList{QStringLiteral("--site"), QStringLiteral("ministry"), QStringLiteral("--wall")} << QSize(1920, 1080) << int(Layout::Wall);
        QTest::newRow("seoul laptop") << QStringList{QStringLiteral("--site"), QStringLiteral("seoul")} << QSize(1366, 768) << int(Layout::Compact);
        QTest::newRow("osong desk") << QStringList{QStringLiteral("--site"), QStringLiteral("osong")} << QSize(1920, 1080) << int(Layout::Desktop);
    }

    void briefingLayout()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QSize, screen);
        QFETCH(int, layout);
        const auto parsed = parseConsoleOptions(QStringList{QStringLiteral("sitroom")} + arguments, QStringLiteral("ko"));
        QVERIFY2(parsed.options, qPrintable(parsed.error));
        QCOMPARE(int(sitroom::console::chooseLayout(parsed.options->layout, parsed.options->connection.site, screen)), layout);
        QCOMPARE(sitroom::console::isReadingLayout(Layout(layout)), Layout(layout) == Layout::Briefing || Layout(layout) == Layout::Wall);
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const auto parsed = parseConsoleOptions(QStringList{QStringLiteral("sitroom")} + arguments, QStringLiteral("ko"));
        QVERIFY(!parsed.options);
        QVERIFY2(parsed.error.contains(message), qPrintable(parsed.error));
    }
};

QTEST_GUILESS_MAIN(TestConsoleOptions)
#include "tst_consoleoptions.moc"
