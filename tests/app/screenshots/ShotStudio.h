#pragma once

// What the screenshot program shares: the console's look as its main() sets
// it (tests/support/ConsoleLook), waiting for a window to be drawn as it will
// stay, and the window's title drawn above an offscreen grab.

#include "tests/support/ConsoleLook.h"

#include <QImage>
#include <QString>

class QWidget;

namespace sitroom::shots {

using testing::ConsoleLook;

// Waits until the window has laid out what it was given and every chart in
// it has drawn its data (no rebuild pending after its layout settled).
// False, with what still moved, after timeoutMs.
bool drawn(QWidget &window, QString *error, int timeoutMs = 10000);

// The window as a desktop shows it: offscreen windows have no frame, so the
// title the window manager would draw is drawn above the grab.
QImage withTitleBar(QWidget &window);

// The window (with its title bar) behind a modal dialog: dimmed, the dialog
// drawn in its middle with a thin frame.
QImage withDialog(QWidget &window, QWidget &dialog);

// Saves image as dir/name; false with the reason.
bool save(const QImage &image, const QString &dir, const QString &name, QString *error);

} // namespace sitroom::shots
