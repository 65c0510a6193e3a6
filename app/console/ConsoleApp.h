#pragma once

#include "app/console/ConsoleOptions.h"

#include <QRect>

#include <functional>
#include <memory>

class QSettings;

namespace sitroom::models {
class AlertModel;
class CohortModel;
class ProviderModel;
class SituationStore;
class TelemetryClient;
}

namespace sitroom::console {

class MainWindow;
class SignInFlow;

// The console as `sitroom` runs it: the situation store, the item models over
// it, the telemetry client that feeds it, the window on its layout and the
// sign-in, wired together. The composition root of the console executable; a
// test or benchmark entry can make one too and watch it from outside.
class ConsoleApp final
{
public:
    ConsoleApp(const ConsoleOptions &options, Layout layout, QSettings &settings);
    ~ConsoleApp();

    // Shows the window over `screen` (full screen on the wall) and signs in,
    // or, when the options cannot work (an address that does not parse),
    // says so in the window and starts nothing.
    void start(const QRect &screen);

    const sitroom::models::SituationStore &store() const { return *m_store; }
    MainWindow &window() { return *m_window; }
    SignInFlow &signIn() { return *m_signIn; }

private:
    // In the order they are made; they go in reverse: the sign-in and the
    // window before the client stops, the client before the models it feeds.
    ConsoleOptions m_options;
    Layout m_layout;
    std::unique_ptr<sitroom::models::SituationStore> m_store;
    std::unique_ptr<sitroom::models::ProviderModel> m_providers;
    std::unique_ptr<sitroom::models::CohortModel> m_cohorts;
    std::unique_ptr<sitroom::models::AlertModel> m_alerts;
    std::unique_ptr<sitroom::models::TelemetryClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<SignInFlow> m_signIn;
};

// sitroom's main(): the command line (before any display is opened, so
// --help and usage errors work without one), the application, the language
// and theme, a ConsoleApp started on the primary screen, the event loop.
// started, when given, is called with the console once it is started, before
// the event loop runs (the cold-start benchmark's entry watches its first
// live frame so; sitroom passes none).
int runConsole(int argc, char *argv[], const std::function<void(ConsoleApp &)> &started = {});

} // namespace sitroom::console
