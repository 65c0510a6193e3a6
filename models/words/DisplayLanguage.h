#pragma once

#include "sitroom/v1/telemetry.pb.h"

#include <QLocale>
#include <QString>

namespace sitroom::models {

// The one language the console speaks is the locale the application installs
// at start (QLocale::setDefault, from --lang or the system's language; Korean
// first), the same one its translators and number formats follow. Whatever
// puts the live system's own bilingual text (provider and cohort names, alert
// messages, the scenario's name), a runbook or the server's phrases into words
// reads it here when it makes them; nothing keeps a copy or a flag of its own.
enum class DisplayLanguage { Korean, English };

// English when the locale's language is English; Korean otherwise.
DisplayLanguage displayLanguage(const QLocale &locale = QLocale());
// The locale the console installs for a --lang code: "en" is English (United
// States), anything else Korean (South Korea).
QLocale displayLocale(const QString &languageCode);
// "ko" or "en": how runbooks and translation files name the language.
QString languageCode(DisplayLanguage language = displayLanguage());

// The live system's text in the console's language; the other side when that
// one is empty (an older live system that names things in one language).
QString localText(const sitroom::v1::LocalizedText &text, DisplayLanguage language = displayLanguage());

} // namespace sitroom::models
