#pragma once

// The console's language and look for a test, as sitroom sets them, undone
// when the object goes.

#include "app/console/ConsoleOptions.h"

#include <QFont>
#include <QLocale>
#include <QString>
#include <QTranslator>

namespace sitroom::testing {

// The console's catalogue (sitroom_<language>.qm, as built), Qt's own for its
// dialog buttons and menus (when the machine has it), and the locale every
// word is made in: as app/console/ConsoleApp installs them.
class ConsoleCatalogue final
{
public:
    explicit ConsoleCatalogue(const QString &language = QStringLiteral("ko"));
    ~ConsoleCatalogue();
    ConsoleCatalogue(const ConsoleCatalogue &) = delete;
    ConsoleCatalogue &operator=(const ConsoleCatalogue &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    QLocale m_before;
    QTranslator m_translator;
    QTranslator m_qt;
    QString m_error;
};

// The catalogue, plus the theme's font (its size by layout) and style sheet
// (app/console/ConsoleTheme).
class ConsoleLook final
{
public:
    explicit ConsoleLook(const QString &language = QStringLiteral("ko"),
                         console::Layout layout = console::Layout::Desktop);
    ~ConsoleLook();
    ConsoleLook(const ConsoleLook &) = delete;
    ConsoleLook &operator=(const ConsoleLook &) = delete;

    bool isValid() const { return m_catalogue.isValid() && m_error.isEmpty(); }
    QString errorString() const { return m_catalogue.isValid() ? m_error : m_catalogue.errorString(); }

private:
    ConsoleCatalogue m_catalogue;
    QFont m_fontBefore;
    QString m_error;
};

} // namespace sitroom::testing
