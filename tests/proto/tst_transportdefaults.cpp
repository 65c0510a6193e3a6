// Transport conventions shared by the simulator, the console and sitroomctl.

#include "proto/transport/Defaults.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

using namespace sitroom::transport;

class TestTransportDefaults final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parseHostPort_data();
    void parseHostPort();
    void parseHostPortList_data();
    void parseHostPortList();
    void defaultListenAddressParses();
    void defaultTlsDirIsSharedDataLocation();
};

void TestTransportDefaults::initTestCase()
{
    // Keep QStandardPaths away from the real user's folders.
    QStandardPaths::setTestModeEnabled(true);
}

void TestTransportDefaults::parseHostPort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowAnyPort");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("error"); // a part of the message when !ok

    const auto good = [](const char *name, const char *text, const char *host, int port,
                         bool allowAnyPort = false) {
        QTest::newRow(name) << QString::fromUtf8(text) << allowAnyPort << true
                            << QString::fromUtf8(host) << port << QString();
    };
    const auto bad = [](const char *name, const char *text, const char *error,
                        bool allowAnyPort = false) {
        QTest::newRow(name) << QString::fromUtf8(text) << allowAnyPort << false << QString() << 0
                            << QString::fromUtf8(error);
    };

    good("name:port", "sim.example.org:7601", "sim.example.org", 7601);
    good("ipv4:port", "127.0.0.1:80", "127.0.0.1", 80);
    good("[::1]:7600", "[::1]:7600", "::1", 7600);
    good("[v6]:port", "[fe80::1%eth0]:9000", "fe80::1%eth0", 9000);
    good("[v6] without port", "[2001:db8::2]", "2001:db8::2", int(kDefaultPort));
    good("host only", "localhost", "localhost", 7600);
    good("surrounding blanks", "  localhost:9000 \n", "localhost", 9000);
    good("port 1", "localhost:1", "localhost", 1);
    good("port 65535", "localhost:65535", "localhost", 65535);
    good("leading zero", "localhost:0080", "localhost", 80);
    good("port 0 with allowAnyPort", "127.0.0.1:0", "127.0.0.1", 0, true);
    good("[::1]:0 with allowAnyPort", "[::1]:0", "::1", 0, true);
    good("allowAnyPort, other port", "localhost:7700", "localhost", 7700, true);

    bad("port 0", "127.0.0.1:0", "from 1 to 65535");
    bad("[::1]:0", "[::1]:0", "from 1 to 65535");
    bad("port 65536", "localhost:65536", "from 1 to 65535");
    bad("port 65536 with allowAnyPort", "localhost:65536", "from 0 to 65535", true);
    bad("port 2^32", "localhost:4294967296", "from 1 to 65535");
    bad("negative port", "localhost:-1", "from 1 to 65535");
    bad("port with sign", "localhost:+80", "from 1 to 65535");
    bad("hex port", "localhost:0x50", "from 1 to 65535");
    bad("word port", "localhost:http", "from 1 to 65535");
    bad("empty port", "localhost:", "from 1 to 65535");
    bad("blank inside port", "localhost: 80", "from 1 to 65535");
    bad("empty port after ]", "[::1]:", "from 1 to 65535");
    bad("missing ]", "[::1:7600", "missing ']'");
    bad("missing ] no port", "[::1", "missing ']'");
    bad("junk after ]", "[::1]7600", "expected ':PORT'");
    bad("bare ::1", "::1", "[ADDRESS]:PORT");
    bad("bare v6 with port", "fe80::1:7600", "[ADDRESS]:PORT");
    bad("two colons", "host:1:2", "[ADDRESS]:PORT");
    bad("empty", "", "no host");
    bad("blank", "   ", "no host");
    bad("port only", ":7600", "no host");
    bad("empty brackets", "[]:7600", "no host");
    bad("blank in host", "local host:7600", "blank");
    bad("blank before colon", "localhost :7600", "blank");
}

void TestTransportDefaults::parseHostPort()
{
    QFETCH(QString, text);
    QFETCH(bool, allowAnyPort);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, error);

    const QString untouchedHost = QStringLiteral("untouched");
    const quint16 untouchedPort = 4242;
    QString gotHost = untouchedHost;
    quint16 gotPort = untouchedPort;
    QString gotError;
    QCOMPARE(sitroom::transport::parseHostPort(text, &gotHost, &gotPort, &gotError, allowAnyPort), ok);
    if (ok) {
        QCOMPARE(gotHost, host);
        QCOMPARE(int(gotPort), port);
        QVERIFY(gotError.isEmpty());
    } else {
        QVERIFY2(gotError.contains(error), qPrintable(gotError));
        // The message quotes what was typed.
        QVERIFY2(gotError.contains(QLatin1Char('\'') + text + QLatin1Char('\'')), qPrintable(gotError));
        QCOMPARE(gotHost, untouchedHost);
        QCOMPARE(gotPort, untouchedPort);
    }
}

void TestTransportDefaults::parseHostPortList_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("addresses"); // as HostPort::text() writes them; empty when refused
    QTest::addColumn<QString>("error");         // a part of the message when refused

    QTest::newRow("one") << QStringLiteral("seoul-gw:7600") << QStringList{QStringLiteral("seoul-gw:7600")} << QString();
    QTest::newRow("two, in order") << QStringLiteral("seoul-gw:7600,osong-gw:7601")
                                   << QStringList{QStringLiteral("seoul-gw:7600"), QStringLiteral("osong-gw:7601")} << QString();
    QTest::newRow("blanks around") << QStringLiteral(" seoul-gw , [::1]:7700 ")
                                   << QStringList{QStringLiteral("seoul-gw:7600"), QStringLiteral("[::1]:7700")} << QString();
    QTest::newRow("same host, two ports") << QStringLiteral("127.0.0.1:7600,127.0.0.1:7601")
                                          << QStringList{QStringLiteral("127.0.0.1:7600"), QStringLiteral("127.0.0.1:7601")} << QString();
    QTest::newRow("empty") << QString() << QStringList() << QStringLiteral("no host");
    QTest::newRow("empty item") << QStringLiteral("seoul-gw:7600,,osong-gw:7600") << QStringList() << QStringLiteral("an empty address");
    QTest::newRow("trailing comma") << QStringLiteral("seoul-gw:7600,") << QStringList() << QStringLiteral("an empty address");
    QTest::newRow("a bad one") << QStringLiteral("seoul-gw:7600,osong-gw:http") << QStringList() << QStringLiteral("'osong-gw:http'");
    QTest::newRow("twice") << QStringLiteral("seoul-gw:7600,seoul-gw") << QStringList() << QStringLiteral("seoul-gw:7600 is listed twice");
}

void TestTransportDefaults::parseHostPortList()
{
    QFETCH(QString, text);
    QFETCH(QStringList, addresses);
    QFETCH(QString, error);
    QList<HostPort> got{HostPort{QStringLiteral("untouched"), 1}};
    QString gotError;
    const bool ok = sitroom::transport::parseHostPortList(text, &got, &gotError);
    QCOMPARE(ok, !addresses.isEmpty());
    if (!ok) {
        QVERIFY2(gotError.contains(error), qPrintable(gotError));
        QCOMPARE(got.size(), 1);   // untouched
        return;
    }
    QStringList texts;
    for (const HostPort &a : got)
        texts << a.text();
    QCOMPARE(texts, addresses);
}

void TestTransportDefaults::defaultListenAddressParses()
{
    QCOMPARE(kDefaultPort, quint16(7600));
    QCOMPARE(defaultListenAddress(), QStringLiteral("127.0.0.1:7600"));
    QString host;
    quint16 port = 0;
    QString error;
    QVERIFY2(sitroom::transport::parseHostPort(defaultListenAddress(), &host, &port, &error),
             qPrintable(error));
    QCOMPARE(host, QStringLiteral("127.0.0.1"));
    QCOMPARE(port, kDefaultPort);
}

void TestTransportDefaults::defaultTlsDirIsSharedDataLocation()
{
    const QString dir = defaultTlsDir();
    QVERIFY2(dir.endsWith(QLatin1String("/sitroom/tls")), qPrintable(dir));
    QVERIFY2(QDir::isAbsolutePath(dir), qPrintable(dir));
    // Shared by every Sitroom executable, whatever its application name.
    QCOMPARE(dir, QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                      + QStringLiteral("/sitroom/tls"));
    QCOMPARE(QString::fromLatin1(kCaFileName), QStringLiteral("ca.pem"));
    QCOMPARE(QString::fromLatin1(kServerCertFileName), QStringLiteral("server.pem"));
    QCOMPARE(QString::fromLatin1(kServerKeyFileName), QStringLiteral("server.key"));
}

QTEST_GUILESS_MAIN(TestTransportDefaults)

#include "tst_transportdefaults.moc"
