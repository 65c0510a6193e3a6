#pragma once

#include "tests/models/SituationFixtures.h"
#include "tests/support/ConsoleData.h"

#include "app/console/MainWindow.h"
#include "widgets/alerts/CriticalAlarm.h"

#include <QSize>
#include <QString>
#include <QStringList>

namespace sitroom::testing {

// Who sits at a console, and the screen in front of them.
struct Seat
{
    QString user = QStringLiteral("kim");
    sitroom::v1::Site site = sitroom::v1::SITE_SEOUL;
    QString language = QStringLiteral("en");   // "ko" or "en", as --lang: the locale the console installs
    console::Layout layout = console::Layout::Desktop;
    QSize size{1920, 1080};
};

// What the window would tell the room (taskbar, tray, beep), kept for the test.
class RecordingAnnouncer final : public widgets::AlarmAnnouncer
{
public:
    void announce(const QString &title, const QString &text, bool sound) override;
    int count() const { return int(titles.size()); }

    QStringList titles;
    QStringList texts;
    int sounds = 0;
};

// A console on screen: its data layer and the main window over it, offscreen,
// at the seat's size and layout, shown, in the seat's language (the default
// locale while the screen lives, as the console installs it from --lang); the
// window's announcements recorded. Signed in, commands from the window's
// control and alert desks go to the client, as the console wires them.
class ConsoleScreen : public ConsoleData
{
public:
    // Fed by hand (ConsoleData::arrive).
    explicit ConsoleScreen(const Seat &seat = {});
    // Signed in as the seat's user from its site (signInAs).
    ConsoleScreen(const Seat &seat, const GatewayAddress &gateway);

    // settleLayout() on the window.
    [[nodiscard]] bool settle(int timeoutMs = 5000);

    RecordingAnnouncer announcer;

private:
    ConsoleLanguage m_language;   // before the window, which is made in it

public:
    console::MainWindow window;

private:
    ConsoleScreen(const Seat &seat, const QString &server, const std::optional<models::ConnectionSettings> &signIn);
};

} // namespace sitroom::testing
