#include "app/console/ConsoleTheme.h"

#include <QApplication>
#include <QFile>

namespace sitroom::console {

QFont themeFont(Layout layout)
{
    // Noto Sans CJK renders Hangul and Latin alike; fall back quietly elsewhere.
    QFont font(QStringLiteral("Noto Sans CJK KR"));
    font.setPointSizeF(layout == Layout::Wall ? 15.0 : layout == Layout::Compact ? 9.0 : 10.0);
    return font;
}

QString themeStyleSheet()
{
    QFile sheet(QStringLiteral(":/theme/sitroom.qss"));
    return sheet.open(QIODevice::ReadOnly) ? QString::fromUtf8(sheet.readAll()) : QString();
}

void applyTheme(QApplication &app, Layout layout)
{
    app.setFont(themeFont(layout));
    app.setStyleSheet(themeStyleSheet());
}

} // namespace sitroom::console
