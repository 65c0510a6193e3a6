#include "app/console/ConsoleApp.h"

#include "app/console/ConsoleTheme.h"
#include "app/console/MainWindow.h"
#include "app/console/SignInFlow.h"

#include "widgets/alerts/AlertDesk.h"
#include "widgets/controls/ControlDesk.h"

#include "models/itemmodels/AlertModel.h"
#include "models/itemmodels/CohortModel.h"
#include "models/itemmodels/ProviderModel.h"
#include "models/situation/SituationStore.h"
#include "models/telemetry/TelemetryClient.h"
#include "models/words/DisplayLanguage.h"

#include "proto/sitroom/SiteKey.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QScreen>
#include <QSettings>
#include <QTextStream>
#include <QTranslator>

namespace sitroom::console {

namespace {

// The console's one language: the default locale every word is made in, and
// the translations of the console's own text and of Qt's (dialog buttons,
// context menus).
void installLanguage(QApplication &app, const QString &languageCode)
{
    const QLocale locale = sitroom::models::displayLocale(languageCode);
    QLocale::setDefault(locale);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("sitroom"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

// Who signed in last, unless the command line says: never the password.
void adoptRemembered(ConsoleOptions &options, QSettings &settings)
{
    if (!options.userGiven && settings.contains(QStringLiteral("signIn/user")))
        options.connection.user = settings.value(QStringLiteral("signIn/user")).toString();
    if (!options.siteGiven) {
        if (const auto site = sitroom::siteFromKey(settings.value(QStringLiteral("signIn/site")).toString()))
            options.connection.site = *site;
    }
}

} // namespace

ConsoleApp::ConsoleApp(const ConsoleOptions &options, Layout layout, QSettings &settings)
    : m_options(options)
    , m_layout(layout)
    , m_store(std::make_unique<sitroom::models::SituationStore>())
    , m_providers(std::make_unique<sitroom::models::ProviderModel>(*m_store))
    , m_cohorts(std::make_unique<sitroom::models::CohortModel>(*m_store))
    , m_alerts(std::make_unique<sitroom::models::AlertModel>(*m_store))
    , m_client(std::make_unique<sitroom::models::TelemetryClient>())
{
    using sitroom::models::TelemetryClient;
    QObject::connect(m_client.get(), &TelemetryClient::batchReady, m_store.get(), &sitroom::models::SituationStore::apply);
    m_window = std::make_unique<MainWindow>(MainWindow::Models{m_store.get(), m_providers.get(), m_cohorts.get(), m_alerts.get()},
                                            m_options, m_layout);
    if (widgets::ControlDesk *desk = m_window->controlDesk())
        QObject::connect(desk, &widgets::ControlDesk::commandIssued, m_client.get(), &TelemetryClient::sendCommand);
    if (widgets::AlertDesk *alertDesk = m_window->alertDesk())
        QObject::connect(alertDesk, &widgets::AlertDesk::commandIssued, m_client.get(), &TelemetryClient::sendCommand);
    m_signIn = std::make_unique<SignInFlow>(*m_client, m_options.connection, m_options.serverText, settings, m_window.get());
}

ConsoleApp::~ConsoleApp() = default;

void ConsoleApp::start(const QRect &screen)
{
    m_window->setGeometry(screen);
    if (m_layout == Layout::Wall)
        m_window->showFullScreen();
    else
        m_window->show();
    if (!m_options.addressError.isEmpty()) {
        // Nothing to connect to and nothing to retry: the window says which
        // setting is wrong, and the client never starts.
        m_window->showSettingsProblem(
            QCoreApplication::translate("ConsoleApp", "The server address %1 is not valid; write it as HOST:PORT, or several as HOST:PORT,HOST:PORT with the preferred one first.")
                .arg(m_options.serverText));
    } else if (!m_options.passwordError.isEmpty()) {
        // The dialog offers to type what the file should have given.
        m_signIn->start(QCoreApplication::translate("ConsoleApp", "The password file %1 cannot be read. Type the password instead.")
                            .arg(m_options.passwordFile));
    } else {
        m_signIn->start();
    }
}

int runConsole(int argc, char *argv[], const std::function<void(ConsoleApp &)> &started)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString systemLanguage = QLocale::system().name().section(u'_', 0, 0);
    const ParsedConsoleOptions parsed = parseConsoleOptions(arguments, systemLanguage);
    if (!parsed.message.isEmpty()) {
        QTextStream(stdout) << parsed.message;
        return 0;
    }
    if (!parsed.options) {
        QTextStream(stderr) << "sitroom: " << parsed.error << " (see --help)\n";
        return 2;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sitroom"));
    QApplication::setOrganizationName(QStringLiteral("sitroom"));
    QApplication::setApplicationVersion(QStringLiteral(SITROOM_VERSION));
    ConsoleOptions options = *parsed.options;
    QSettings settings;
    adoptRemembered(options, settings);
    options.connection.clientVersion = QApplication::applicationVersion();
    QScreen *screen = app.primaryScreen();
    const Layout layout = chooseLayout(options.layout, options.connection.site,
                                       screen ? screen->availableSize() : QSize(1920, 1080));
    installLanguage(app, options.language);
    applyTheme(app, layout);

    ConsoleApp console(options, layout, settings);
    console.start(screen ? screen->availableGeometry() : QRect(0, 0, 1920, 1080));
    if (started)
        started(console);
    return QApplication::exec();
}

} // namespace sitroom::console
