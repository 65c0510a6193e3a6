#include "app/console/ConsoleOptions.h"

#include "proto/sitroom/SiteKey.h"
#include "proto/transport/Defaults.h"

#include <QCommandLineParser>
#include <QFile>

namespace sitroom::console {

Layout chooseLayout(Layout requested, sitroom::v1::Site site, const QSize &availableScreen)
{
    if (requested != Layout::Automatic)
        return requested;
    if (site == sitroom::v1::SITE_MINISTRY)
        return Layout::Briefing;
    return availableScreen.width() < 1600 || availableScreen.height() < 900 ? Layout::Compact : Layout::Desktop;
}

ParsedConsoleOptions parseConsoleOptions(const QStringList &arguments, const QString &systemLanguage)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sitroom: the situation-room console of the vaccine-reservation system."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("The gateway to watch the live system through (default %1); several, separated by commas, the preferred one first: the console uses the first healthy one and moves to another when it fails.").arg(transport::defaultListenAddress()), QStringLiteral("HOST:PORT[,HOST:PORT...]"));
    const QCommandLineOption ca(QStringLiteral("ca"), QStringLiteral("CA certificate the server must chain to (default %1/ca.pem).").arg(transport::defaultTlsDir()), QStringLiteral("FILE"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("User name (default: the login name)."), QStringLiteral("NAME"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"), QStringLiteral("Read the password from this file (first line)."), QStringLiteral("FILE"));
    const QCommandLineOption site(QStringLiteral("site"), QStringLiteral("Where this console is: %1 (default %2).").arg(siteKeyChoices(), siteKey(sitroom::v1::SITE_SEOUL)), QStringLiteral("SITE"));
    const QCommandLineOption wall(QStringLiteral("wall"), QStringLiteral("Wall display: full screen, large type, no controls."));
    const QCommandLineOption compact(QStringLiteral("compact"), QStringLiteral("Laptop layout, whatever the screen size."));
    const QCommandLineOption briefing(QStringLiteral("briefing"), QStringLiteral("Ministry briefing: a plain-language summary, then the key figures; read-only (the default for --site ministry)."));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Language: ko (default) or en."), QStringLiteral("ko|en"));
    parser.addOptions({server, ca, user, passwordFile, site, wall, compact, briefing, lang});

    ParsedConsoleOptions result;
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(help)) {
        result.message = parser.helpText();
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.error = QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst());
        return result;
    }

    ConsoleOptions o;
    o.serverText = parser.isSet(server) ? parser.value(server) : transport::defaultListenAddress();
    QList<transport::HostPort> servers;
    QString error;
    if (transport::parseHostPortList(o.serverText, &servers, &error)) {
        o.connection.host = servers.constFirst().host;
        o.connection.port = servers.constFirst().port;
        o.connection.otherServers = servers.mid(1);
    } else {
        o.addressError = error;
    }
    o.connection.caFile = parser.isSet(ca) ? parser.value(ca)
                                           : transport::defaultTlsDir() + u'/' + QLatin1String(transport::kCaFileName);
    o.connection.user = parser.isSet(user) ? parser.value(user) : qEnvironmentVariable("USER", QStringLiteral("operator"));
    o.userGiven = parser.isSet(user);
    o.passwordFromFile = parser.isSet(passwordFile);
    o.passwordFile = parser.value(passwordFile);
    if (parser.isSet(passwordFile)) {
        QFile file(parser.value(passwordFile));
        if (file.open(QIODevice::ReadOnly))
            o.connection.password = QString::fromUtf8(file.readLine()).trimmed();
        else
            o.passwordError = QStringLiteral("cannot read the password file %1: %2").arg(file.fileName(), file.errorString());
    }
    if (parser.isSet(site)) {
        // Any case: "Osong" is osong.
        const std::optional<sitroom::v1::Site> s = siteFromKey(parser.value(site).toLower());
        if (!s) {
            result.error = QStringLiteral("--site: \"%1\" is not one of %2").arg(parser.value(site), siteKeys().join(QStringLiteral(", ")));
            return result;
        }
        o.connection.site = *s;
        o.siteGiven = true;
    }
    if (int(parser.isSet(wall)) + int(parser.isSet(compact)) + int(parser.isSet(briefing)) > 1) {
        result.error = parser.isSet(briefing) ? QStringLiteral("--briefing, --wall and --compact exclude each other")
                                              : QStringLiteral("--wall and --compact exclude each other");
        return result;
    }
    o.layout = parser.isSet(wall)       ? Layout::Wall
             : parser.isSet(compact)    ? Layout::Compact
             : parser.isSet(briefing)   ? Layout::Briefing
                                        : Layout::Automatic;
    if (parser.isSet(lang)) {
        const QString l = parser.value(lang).toLower();
        if (l != QStringLiteral("ko") && l != QStringLiteral("en")) {
            result.error = QStringLiteral("--lang: \"%1\" is not ko or en").arg(parser.value(lang));
            return result;
        }
        o.language = l;
    } else {
        // Korean first: English only when the system asks for it.
        o.language = systemLanguage.startsWith(QStringLiteral("en")) ? QStringLiteral("en") : QStringLiteral("ko");
    }
    result.options = o;
    return result;
}

} // namespace sitroom::console
