#include "widgets/status/LinkText.h"

#include "widgets/common/Formatting.h"
#include "models/situation/SituationStore.h"
#include "models/words/SiteNames.h"

#include <QCoreApplication>

namespace sitroom::widgets {

namespace {

QString refusalText(const sitroom::models::LinkEvent &link)
{
    switch (link.refusal) {
    case sitroom::v1::REFUSAL_UNSUPPORTED_VERSION:
        return QCoreApplication::translate("LinkText", "the server speaks another protocol version; this console needs updating");
    case sitroom::v1::REFUSAL_BAD_CREDENTIALS:
        return QCoreApplication::translate("LinkText", "the user name or password was not accepted");
    case sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS:
        return lockoutText(link);
    case sitroom::v1::REFUSAL_PROTOCOL_ERROR:
        return QCoreApplication::translate("LinkText", "the server could not understand this console");
    case sitroom::v1::REFUSAL_HANDSHAKE_TIMEOUT:
        return QCoreApplication::translate("LinkText", "the sign-in took too long");
    case sitroom::v1::REFUSAL_SERVER_SHUTTING_DOWN:
        return QCoreApplication::translate("LinkText", "the server is shutting down");
    default:
        return QCoreApplication::translate("LinkText", "no reason given");
    }
}

// Empty for a failure of no known kind: the caller falls back on the detail.
QString failureText(const sitroom::models::LinkEvent &link)
{
    using sitroom::models::LinkFailure;
    switch (link.failure) {
    case LinkFailure::None:
        return {};
    case LinkFailure::NoAddress:
        return QCoreApplication::translate("LinkText", "no server address is set (--server HOST:PORT)");
    case LinkFailure::NoCaFile:
        return QCoreApplication::translate("LinkText", "no CA certificate file is set; give it with --ca");
    case LinkFailure::CaUnreadable:
        return QCoreApplication::translate("LinkText", "cannot read a CA certificate from %1; check the file given with --ca").arg(link.subject);
    case LinkFailure::CertificateUntrusted:
        return QCoreApplication::translate("LinkText", "the server's certificate is not signed by the CA in %1; check --ca and that the CA file belongs to this server").arg(link.subject);
    case LinkFailure::TlsFailed:
        return QCoreApplication::translate("LinkText", "the secure (TLS) connection could not be set up; check --ca and the server's certificate");
    case LinkFailure::ConnectionRefused:
        return QCoreApplication::translate("LinkText", "nothing answers at %1; is the server running?").arg(link.subject);
    case LinkFailure::HostNotFound:
        return QCoreApplication::translate("LinkText", "the host %1 was not found").arg(link.subject);
    case LinkFailure::NetworkError:
        return QCoreApplication::translate("LinkText", "the network connection to %1 failed").arg(link.subject);
    case LinkFailure::HandshakeTimeout:
        return QCoreApplication::translate("LinkText", "the server did not accept this console in time");
    case LinkFailure::ServerClosed:
        return QCoreApplication::translate("LinkText", "the server closed the connection");
    case LinkFailure::ServerClosedEarly:
        return QCoreApplication::translate("LinkText", "the server closed the connection while signing in");
    case LinkFailure::Silence:
        return QCoreApplication::translate("LinkText", "nothing came from the server for too long");
    case LinkFailure::ProtocolError:
        return QCoreApplication::translate("LinkText", "the server sent something this console cannot read");
    }
    return {};
}

QString retryText(const sitroom::models::LinkEvent &link)
{
    if (link.refusedCredentials())
        return QCoreApplication::translate("LinkText", " Not trying again until the password is given again.");
    if (link.retryInMs <= 0)
        return {};
    return QCoreApplication::translate("LinkText", " Trying again in %1 (attempt %2).")
        .arg(formatDuration(double(link.retryInMs) / 1000.0))
        .arg(link.attempt + 1);
}

} // namespace

QString lockoutText(const sitroom::models::LinkEvent &link)
{
    const QString wait = link.retryAfterS > 0 ? formatDuration(double(link.retryAfterS))
                                              : QCoreApplication::translate("LinkText", "a minute");
    if (link.lockedEverywhere)
        return QCoreApplication::translate("LinkText", "too many failed sign-ins for this user from many places; "
                                                       "the user is held back everywhere for %1").arg(wait);
    return QCoreApplication::translate("LinkText", "too many failed sign-ins for this user from this computer; "
                                                   "try again in %1. Colleagues signing in from elsewhere are not affected").arg(wait);
}

QString linkDescription(const sitroom::models::LinkEvent &link)
{
    using sitroom::models::LinkState;
    switch (link.state) {
    case LinkState::Connecting:
        if (link.switching)
            return QCoreApplication::translate("LinkText", "Switching to the %1…").arg(gatewayName(link.server));
        return link.attempt > 1 ? QCoreApplication::translate("LinkText", "Connecting to the server (attempt %1)…").arg(link.attempt)
                                : QCoreApplication::translate("LinkText", "Connecting to the server…");
    case LinkState::Handshaking:
        if (link.switching)
            return QCoreApplication::translate("LinkText", "Switching to the %1: signing in…").arg(gatewayName(link.server));
        return QCoreApplication::translate("LinkText", "Connected; waiting for the server to accept this console…");
    case LinkState::Live:
        return QCoreApplication::translate("LinkText", "Connected");
    case LinkState::Refused: {
        // The server's own words (English) stay in the log: the code says it.
        return QCoreApplication::translate("LinkText", "The server refused this console: %1.").arg(refusalText(link))
            + retryText(link);
    }
    case LinkState::Failed: {
        QString text = QCoreApplication::translate("LinkText", "Cannot reach the server");
        const QString why = failureText(link);
        if (!why.isEmpty())
            text += QStringLiteral(": ") + why;
        else if (!link.detail.isEmpty())
            text += QStringLiteral(": ") + link.detail;  // said by this console (main.cpp), already translated
        return text + u'.' + retryText(link);
    }
    case LinkState::Stopped:
        return QCoreApplication::translate("LinkText", "Disconnected");
    }
    return {};
}

QString gatewayName(const QString &address, sitroom::v1::Site room)
{
    const QString who = room != sitroom::v1::SITE_UNSPECIFIED ? sitroom::models::SiteNames::name(room) : address;
    return QCoreApplication::translate("LinkText", "%1 gateway", "a gateway named by its room or its address").arg(who);
}

QString ageText(qint64 ageMs)
{
    if (ageMs < 0)
        return QCoreApplication::translate("LinkText", "no data yet");
    if (ageMs < 1500)
        return QCoreApplication::translate("LinkText", "just now");
    return QCoreApplication::translate("LinkText", "%1 ago").arg(formatDuration(double(ageMs) / 1000.0));
}

QString staleCaption(const sitroom::models::SituationStore &store)
{
    if (!store.isStale())
        return {};
    if (store.ageMs() < 0)
        return QCoreApplication::translate("LinkText", "No data yet. %1").arg(linkDescription(store.link()));
    return QCoreApplication::translate("LinkText", "Data is stale: last update %1. %2").arg(ageText(store.ageMs()), linkDescription(store.link()));
}

} // namespace sitroom::widgets
