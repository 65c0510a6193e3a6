#pragma once

#include "app/console/ConsoleOptions.h"

#include <QFont>
#include <QString>

class QApplication;

namespace sitroom::console {

// The console's look, written once for sitroom and for the tests and
// screenshots that must look like it: one family for Hangul and Latin (Noto
// Sans CJK), its size by layout, and the style sheet.
QFont themeFont(Layout layout);
// The style sheet from the console's resources; empty when it cannot be read.
QString themeStyleSheet();
void applyTheme(QApplication &app, Layout layout);

} // namespace sitroom::console
