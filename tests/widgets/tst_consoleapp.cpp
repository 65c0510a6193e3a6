// The console's composition (ConsoleApp), offscreen and in Korean: options
// that cannot work are said as the setting they are, in the window, and
// nothing connects (no made-up network failure); a password file that cannot
// be read opens the sign-in dialog; good options start the client.
#include "app/console/ConsoleApp.h"
#include "app/console/MainWindow.h"
#include "app/console/SignInFlow.h"

#include "widgets/signin/SignInDialog.h"
#include "widgets/status/StaleBanner.h"
#include "models/situation/SituationStore.h"
#include "models/words/DisplayLanguage.h"

#include "tests/support/ConsoleLook.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace sitroom;
using console::ConsoleApp;
using console::ConsoleOptions;
using console::Layout;

namespace {

ConsoleOptions parsed(const QStringList &arguments)
{
    const console::ParsedConsoleOptions p = console::parseConsoleOptions(QStringList{QStringLiteral("sitroom")} + arguments,
                                                                         QStringLiteral("ko"));
    if (!p.options)
        qFatal("options do not parse: %s", qPrintable(p.error));
    return *p.options;
}

const QRect kScreen(0, 0, 1366, 768);

} // namespace

class tst_ConsoleApp : public QObject
{
    Q_OBJECT

private:
    testing::ConsoleCatalogue m_korean{QStringLiteral("ko")};

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sitroom-test-consoleapp"));
        QSettings().clear();
        QVERIFY2(m_korean.isValid(), qPrintable(m_korean.errorString()));
    }

    void badAddressIsSaidAsASetting()
    {
        const ConsoleOptions options = parsed({QStringLiteral("--server"), QStringLiteral("localhost:99999")});
        QVERIFY(!options.addressError.isEmpty());
        QSettings settings;
        ConsoleApp app(options, Layout::Compact, settings);
        QSignalSpy links(&app.store(), &models::SituationStore::linkChanged);
        app.start(kScreen);
        QVERIFY(QTest::qWaitForWindowExposed(&app.window()));

        // Nothing tried to connect, and no link event was made up for it.
        QCOMPARE(app.signIn().attempts(), 0);
        QVERIFY(!app.signIn().dialog());
        QCOMPARE(links.count(), 0);
        // The banner says which setting is wrong, in Korean, and not that a
        // server could not be reached.
        widgets::StaleBanner *banner = app.window().staleBanner();
        QVERIFY(banner->isVisible());
        const QString text = banner->text();
        QVERIFY2(text.contains(QStringLiteral("이 콘솔은 연결하지 않습니다")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("서버 주소 localhost:99999")), qPrintable(text));
        // How to write it, a list included.
        QVERIFY2(text.contains(QStringLiteral("10.0.0.5:7600,10.1.0.5:7600")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("연결 중")), qPrintable(text));
        // It stays: no later tick of the freshness timer words it away.
        QSignalSpy ages(&app.store(), &models::SituationStore::ageChanged);
        QVERIFY(ages.wait(2000));
        QCOMPARE(banner->text(), text);
    }

    void unreadablePasswordFileAsksInTheDialog()
    {
        const ConsoleOptions options = parsed({QStringLiteral("--password-file"), QStringLiteral("/nonexistent/sitroom-pw")});
        QVERIFY(!options.passwordError.isEmpty());
        QSettings settings;
        ConsoleApp app(options, Layout::Compact, settings);
        app.start(kScreen);
        QCOMPARE(app.signIn().attempts(), 0);
        QVERIFY(app.signIn().dialog());
        QVERIFY2(app.signIn().dialog()->message().contains(QStringLiteral("/nonexistent/sitroom-pw")),
                 qPrintable(app.signIn().dialog()->message()));
        QVERIFY(app.window().staleBanner()->settingsProblem().isEmpty());
    }

    void goodOptionsStartTheClient()
    {
        // Port 1: nothing listens; the client tries, and says so as the network's fault.
        const ConsoleOptions options = parsed({QStringLiteral("--server"), QStringLiteral("127.0.0.1:1")});
        QVERIFY(options.addressError.isEmpty());
        QSettings settings;
        ConsoleApp app(options, Layout::Compact, settings);
        QSignalSpy links(&app.store(), &models::SituationStore::linkChanged);
        app.start(kScreen);
        QCOMPARE(app.signIn().attempts(), 1);
        QVERIFY(links.wait(5000));
        QVERIFY(app.window().staleBanner()->settingsProblem().isEmpty());
    }
};

QTEST_MAIN(tst_ConsoleApp)
#include "tst_consoleapp.moc"
