#include "tests/support/ConsoleScreen.h"

#include "tests/support/LayoutSettling.h"

#include "proto/transport/Defaults.h"
#include "widgets/alerts/AlertDesk.h"
#include "widgets/controls/ControlDesk.h"

namespace sitroom::testing {

namespace {

console::ConsoleOptions optionsFor(const Seat &seat, const QString &server)
{
    console::ConsoleOptions o;
    o.serverText = server;
    o.connection.user = seat.user;
    o.connection.site = seat.site;
    o.language = seat.language;
    o.layout = seat.layout;
    return o;
}

} // namespace

void RecordingAnnouncer::announce(const QString &title, const QString &text, bool sound)
{
    titles << title;
    texts << text;
    sounds += sound ? 1 : 0;
}

ConsoleScreen::ConsoleScreen(const Seat &seat)
    : ConsoleScreen(seat, transport::defaultListenAddress(), std::nullopt)
{
}

ConsoleScreen::ConsoleScreen(const Seat &seat, const GatewayAddress &gateway)
    : ConsoleScreen(seat, QStringLiteral("127.0.0.1:%1").arg(gateway.port), signInAs(gateway, seat.user, seat.site))
{
}

ConsoleScreen::ConsoleScreen(const Seat &seat, const QString &server,
                             const std::optional<models::ConnectionSettings> &signIn)
    : ConsoleData(signIn)
    , m_language(seat.language)
    , window({&store, &providers, &cohorts, &alerts}, optionsFor(seat, server), seat.layout)
{
    // Fed by hand, a command goes nowhere: the test answers it, or not (an
    // idle client would answer at once that it is not connected).
    if (signIn) {
        if (widgets::ControlDesk *desk = window.controlDesk())
            QObject::connect(desk, &widgets::ControlDesk::commandIssued, &client, &models::TelemetryClient::sendCommand);
        if (widgets::AlertDesk *desk = window.alertDesk())
            QObject::connect(desk, &widgets::AlertDesk::commandIssued, &client, &models::TelemetryClient::sendCommand);
    }
    window.setAlarmAnnouncer(&announcer);
    window.resize(seat.size);
    window.show();
}

bool ConsoleScreen::settle(int timeoutMs)
{
    return settleLayout(window, timeoutMs);
}

} // namespace sitroom::testing
