#include "tests/app/screenshots/WhatIfShots.h"

#include "tests/app/screenshots/ShotStudio.h"
#include "tests/support/ConsoleScreen.h"
#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestUsers.h"

#include "widgets/controls/ControlConfirmDialog.h"
#include "widgets/controls/ControlDesk.h"
#include "widgets/controls/ThrottleControl.h"
#include "widgets/panels/AdmissionPanel.h"

#include <QDoubleSpinBox>
#include <QGuiApplication>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace sitroom::shots {

using testing::ConsoleScreen;

namespace {

constexpr int kWaitMs = 30000;
constexpr int kTitleBar = 32;   // drawn above the grab by withTitleBar

// The window with its title bar and the confirmation where the console put
// it (beside the charts when they had room), with a thin frame; the window
// behind it is not dimmed: the confirmation is not modal to the charts.
QImage withDialogInPlace(QWidget &window, QWidget &dialog)
{
    QImage shot = withTitleBar(window);
    QPainter p(&shot);
    const QPixmap box = dialog.grab();
    const QPoint at = dialog.geometry().topLeft() - window.geometry().topLeft() + QPoint(0, kTitleBar);
    p.setPen(QColor(0x60, 0x66, 0x70));
    p.drawRect(QRect(at - QPoint(1, 1), box.size() + QSize(1, 1)));
    p.drawPixmap(at, box);
    return shot;
}

} // namespace

bool takeWhatIfShots(const QString &dir, QString *error)
{
    const QSize screen = QGuiApplication::primaryScreen()->size();
    const console::Layout layout = screen.width() < 1600 ? console::Layout::Compact : console::Layout::Desktop;
    const ConsoleLook look(QStringLiteral("ko"), layout);
    if (!look.isValid()) {
        *error = look.errorString();
        return false;
    }
    QSettings().clear();
    QTemporaryDir work;
    const QString users = work.filePath(QStringLiteral("users.json"));
    if (!work.isValid() || !testing::writeUsersFile(users, testing::standardTestUsers())) {
        *error = QStringLiteral("cannot write ") + users;
        return false;
    }
    // The 20:00 rush, 33 minutes in (20:03), at twice the live pace.
    testing::SimulatorProcess sim;
    if (!sim.start({QStringLiteral("--tls-dir"), work.filePath(QStringLiteral("tls")), QStringLiteral("--users"), users,
                    QStringLiteral("--fast-forward"), QStringLiteral("33m"), QStringLiteral("--speed"), QStringLiteral("2"),
                    QStringLiteral("--tick-hz"), QStringLiteral("5")},
                   error))
        return false;
    const testing::GatewayAddress gateway{sim.port(), work.filePath(QStringLiteral("tls"))};
    ConsoleScreen kim({.user = QStringLiteral("kim"), .language = QStringLiteral("ko"), .layout = layout,
                       .size = screen - QSize(0, kTitleBar)},
                      gateway);
    kim.window.move(0, 0);
    if (!QTest::qWaitFor([&] { return kim.isLive() && kim.store.state().providers_size() > 0; }, kWaitMs)) {
        *error = QStringLiteral("kim not signed in within %1 s").arg(kWaitMs / 1000);
        return false;
    }
    // A minute on the live clock (30 s at 2x), so the charts hold the rush.
    const qint64 from = kim.store.state().sim_time_ms();
    if (!QTest::qWaitFor([&] { return kim.store.state().sim_time_ms() >= from + 60'000; }, kWaitMs)) {
        *error = QStringLiteral("the live clock did not move a minute within %1 s").arg(kWaitMs / 1000);
        return false;
    }
    widgets::ThrottleControl *throttle = kim.window.admissionPanel()->throttleControl();
    throttle->rateBox()->setValue(400);
    throttle->applyButton()->click();
    widgets::ControlConfirmDialog *dialog = kim.window.controlDesk()->activeDialog();
    if (!dialog) {
        *error = QStringLiteral("kim's console opened no confirmation for 400/s");
        return false;
    }
    // The projection follows the picture: one tick with the dialog open.
    const qint64 openedAt = kim.store.state().sim_time_ms();
    if (!QTest::qWaitFor([&] { return kim.store.state().sim_time_ms() > openedAt; }, kWaitMs)) {
        *error = QStringLiteral("no tick with the confirmation open");
        return false;
    }
    if (!drawn(*dialog, error) || !drawn(kim.window, error))
        return false;
    const QString name = QStringLiteral("whatif-throttle-preview-ko-%1x%2.png").arg(screen.width()).arg(screen.height());
    const bool saved = save(withDialogInPlace(kim.window, *dialog), dir, name, error);
    dialog->reject();
    return saved;
}

} // namespace sitroom::shots
