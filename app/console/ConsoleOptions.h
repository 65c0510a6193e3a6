#pragma once

#include "telemetry/ConnectionSettings.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace sitroom::console {

enum class Layout { Automatic, Desktop, Compact, Wall };

// sitroom's command line. An address that cannot be parsed is not fatal: the
// window opens and says so (addressError), like any other network fault.
struct ConsoleOptions
{
    sitroom::models::ConnectionSettings connection;
    QString serverText;            // as given, for the status bar
    QString addressError;          // set when --server could not be parsed
    QString siteName = QStringLiteral("seoul");
    QString language;              // "ko" or "en"
    Layout layout = Layout::Automatic;
    QString passwordError;         // set when --password-file could not be read
};

struct ParsedConsoleOptions
{
    std::optional<ConsoleOptions> options;
    QString error;                 // a usage error: print and exit 2
    QString message;               // --help: print and exit 0
};

// systemLanguage: the system locale's language name ("ko", "en", "C", ...).
ParsedConsoleOptions parseConsoleOptions(const QStringList &arguments, const QString &systemLanguage);

} // namespace sitroom::console
