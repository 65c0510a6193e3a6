#include "models/words/DisplayLanguage.h"

namespace sitroom::models {

DisplayLanguage displayLanguage(const QLocale &locale)
{
    return locale.language() == QLocale::English ? DisplayLanguage::English : DisplayLanguage::Korean;
}

QLocale displayLocale(const QString &languageCode)
{
    return languageCode == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedStates)
                                               : QLocale(QLocale::Korean, QLocale::SouthKorea);
}

QString languageCode(DisplayLanguage language)
{
    return language == DisplayLanguage::English ? QStringLiteral("en") : QStringLiteral("ko");
}

QString localText(const sitroom::v1::LocalizedText &text, DisplayLanguage language)
{
    const std::string &wanted = language == DisplayLanguage::English ? text.en() : text.ko();
    const std::string &other = language == DisplayLanguage::English ? text.ko() : text.en();
    return QString::fromStdString(wanted.empty() ? other : wanted);
}

} // namespace sitroom::models
