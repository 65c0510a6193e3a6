// sitroom: the situation-room console's composition root.
#include "app/console/ConsoleOptions.h"
#include "app/console/MainWindow.h"
#include "app/console/SignInFlow.h"

#include "widgets/alerts/AlertDesk.h"
#include "widgets/controls/ControlDesk.h"

#include "models/itemmodels/AlertModel.h"
#include "models/itemmodels/CohortModel.h"
#include "models/itemmodels/ProviderModel.h"
#include "models/situation/SituationStore.h"
#include "models/telemetry/TelemetryClient.h"

#include <QApplication>
#include <QFile>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QScreen>
#include <QSettings>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

using namespace sitroom;

namespace {

void installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language == QStringLiteral("en") ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                            : QLocale(QLocale::Korean, QLocale::SouthKorea);
    QLocale::setDefault(locale);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("sitroom"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
    // Qt's own strings (dialog buttons, context menus).
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

void applyTheme(QApplication &app, console::Layout layout)
{
    // Noto Sans CJK renders Hangul and Latin alike; fall back quietly elsewhere.
    QFont font(QStringLiteral("Noto Sans CJK KR"));
    font.setPointSizeF(layout == console::Layout::Wall ? 15.0 : layout == console::Layout::Compact ? 9.0 : 10.0);
    app.setFont(font);
    QFile sheet(QStringLiteral(":/theme/sitroom.qss"));
    if (sheet.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(sheet.readAll()));
}

} // namespace

int main(int argc, char *argv[])
{
    // The command line first, before any display is opened: --help and usage
    // errors work on a machine without one.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString systemLanguage = QLocale::system().name().section(u'_', 0, 0);
    const console::ParsedConsoleOptions parsed = console::parseConsoleOptions(arguments, systemLanguage);
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
    console::ConsoleOptions options = *parsed.options;
    // Who signed in last, unless the command line says: never the password.
    QSettings settings;
    if (!options.userGiven && settings.contains(QStringLiteral("signIn/user")))
        options.connection.user = settings.value(QStringLiteral("signIn/user")).toString();
    if (!options.siteGiven) {
        if (const auto site = console::siteFromName(settings.value(QStringLiteral("signIn/site")).toString())) {
            options.connection.site = *site;
            options.siteName = console::siteName(*site);
        }
    }
    options.connection.clientVersion = QApplication::applicationVersion();
    const console::Layout layout = console::chooseLayout(
        options.layout, options.connection.site,
        app.primaryScreen() ? app.primaryScreen()->availableSize() : QSize(1920, 1080));
    installTranslations(app, options.language);
    applyTheme(app, layout);

    models::SituationStore store;
    models::ProviderModel providers(store);
    models::CohortModel cohorts(store);
    models::AlertModel alerts(store);
    models::TelemetryClient client;
    QObject::connect(&client, &models::TelemetryClient::batchReady, &store, &models::SituationStore::apply);

    console::MainWindow window({&store, &providers, &cohorts, &alerts}, options, layout);
    if (widgets::ControlDesk *desk = window.controlDesk())
        QObject::connect(desk, &widgets::ControlDesk::commandIssued, &client, &models::TelemetryClient::sendCommand);
    if (widgets::AlertDesk *alertDesk = window.alertDesk())
        QObject::connect(alertDesk, &widgets::AlertDesk::commandIssued, &client, &models::TelemetryClient::sendCommand);
    const QRect screen = app.primaryScreen() ? app.primaryScreen()->availableGeometry() : QRect(0, 0, 1920, 1080);
    window.setGeometry(screen);
    if (layout == console::Layout::Wall)
        window.showFullScreen();
    else
        window.show();

    console::SignInFlow signIn(client, options.connection, options.serverText, settings, &window);
    if (!options.addressError.isEmpty()) {
        // Said in the window, like any network fault; nothing to retry with.
        models::TelemetryBatch batch;
        models::LinkEvent event;
        event.state = models::LinkState::Failed;
        event.detail = QApplication::translate("main", "the server address %1 is not valid; write it as HOST:PORT")
                           .arg(options.serverText);
        batch.link.push_back(event);
        store.apply(batch);
    } else if (!options.passwordError.isEmpty()) {
        // The dialog offers to type what the file should have given.
        signIn.start(QApplication::translate("main", "The password file %1 cannot be read. Type the password instead.")
                         .arg(options.passwordFile));
    } else {
        signIn.start();
    }
    // For the cold-start benchmark (bench/coldstart_bench.cpp): paint the
    // first live frame, say so on stdout and quit.
    if (qEnvironmentVariableIsSet("SITROOM_QUIT_AT_FIRST_FRAME")) {
        QObject::connect(&store, &models::SituationStore::stateChanged, &window, [&] {
            if (!store.hasSnapshot() || !store.isLive())
                return;
            window.repaint();
            QTextStream(stdout) << "first live frame\n" << Qt::flush;
            QTimer::singleShot(0, &app, &QCoreApplication::quit);
        });
    }
    return QApplication::exec();
}
