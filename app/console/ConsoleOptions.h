#pragma once

#include "models/telemetry/ConnectionSettings.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace sitroom::console {

// Briefing: the ministry's read-only picture, a plain-language summary first.
enum class Layout { Automatic, Desktop, Compact, Wall, Briefing };

// The wall and the briefing are read, not operated: no controls, no docks.
inline bool isReadingLayout(Layout layout)
{
    return layout == Layout::Wall || layout == Layout::Briefing;
}

// sitroom's command line. An address that cannot be parsed is not fatal: the
// window opens and says which setting is wrong (addressError), and nothing
// connects.
struct ConsoleOptions
{
    sitroom::models::ConnectionSettings connection;   // every gateway of --server, the first in host/port
    QString serverText;            // as given, for the status bar
    QString addressError;          // set when --server (or one of its addresses) could not be parsed
    QString language;              // "ko" or "en": the locale the console installs (models/words/DisplayLanguage)
    Layout layout = Layout::Automatic;
    QString passwordError;         // set when --password-file could not be read
    bool passwordFromFile = false; // --password-file given (scripted use)
    QString passwordFile;
    bool userGiven = false;        // --user given; else a remembered user goes first
    bool siteGiven = false;
};

struct ParsedConsoleOptions
{
    std::optional<ConsoleOptions> options;
    QString error;                 // a usage error: print and exit 2
    QString message;               // --help: print and exit 0
};

// The layout to open: the one asked for; else the briefing for the ministry
// site (its officials read, they do not operate), else by screen size.
Layout chooseLayout(Layout requested, sitroom::v1::Site site, const QSize &availableScreen);

// systemLanguage: the system locale's language name ("ko", "en", "C", ...).
ParsedConsoleOptions parseConsoleOptions(const QStringList &arguments, const QString &systemLanguage);

} // namespace sitroom::console
