#include "tests/support/ConsoleLook.h"

#include "app/console/ConsoleTheme.h"
#include "models/words/DisplayLanguage.h"

#include <QApplication>
#include <QLibraryInfo>

namespace sitroom::testing {

ConsoleCatalogue::ConsoleCatalogue(const QString &language)
    : m_before(QLocale())
{
    const QString qm = QStringLiteral(SITROOM_QM_DIR "/sitroom_%1.qm").arg(language);
    if (m_translator.load(qm))
        QCoreApplication::installTranslator(&m_translator);
    else
        m_error = QStringLiteral("cannot load the console's catalogue %1").arg(qm);
    const QLocale locale = models::displayLocale(language);
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    QLocale::setDefault(locale);
}

ConsoleCatalogue::~ConsoleCatalogue()
{
    QCoreApplication::removeTranslator(&m_qt);
    QCoreApplication::removeTranslator(&m_translator);
    QLocale::setDefault(m_before);
}

ConsoleLook::ConsoleLook(const QString &language, console::Layout layout)
    : m_catalogue(language)
    , m_fontBefore(QApplication::font())
{
    QApplication::setFont(console::themeFont(layout));
    const QString sheet = console::themeStyleSheet();
    if (sheet.isEmpty())
        m_error = QStringLiteral("cannot read the console's style sheet (:/theme/sitroom.qss)");
    qApp->setStyleSheet(sheet);
}

ConsoleLook::~ConsoleLook()
{
    qApp->setStyleSheet(QString());
    QApplication::setFont(m_fontBefore);
}

} // namespace sitroom::testing
