#include "LinkText.h"

#include "common/Formatting.h"
#include "situation/SituationStore.h"

#include <QCoreApplication>

namespace sitroom::widgets {

namespace {

QString refusalText(sitroom::v1::RefusalCode code)
{
    switch (code) {
    case sitroom::v1::REFUSAL_UNSUPPORTED_VERSION:
        return QCoreApplication::translate("LinkText", "the server speaks another protocol version; this console needs updating");
    case sitroom::v1::REFUSAL_BAD_CREDENTIALS:
        return QCoreApplication::translate("LinkText", "the user name or password was not accepted");
    case sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS:
        return QCoreApplication::translate("LinkText", "too many failed sign-ins for this user; wait a minute");
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

QString retryText(const sitroom::models::LinkEvent &link)
{
    if (link.retryInMs <= 0)
        return {};
    return QCoreApplication::translate("LinkText", " Trying again in %1 (attempt %2).")
        .arg(formatDuration(double(link.retryInMs) / 1000.0))
        .arg(link.attempt + 1);
}

} // namespace

QString linkDescription(const sitroom::models::LinkEvent &link)
{
    using sitroom::models::LinkState;
    switch (link.state) {
    case LinkState::Connecting:
        return link.attempt > 1 ? QCoreApplication::translate("LinkText", "Connecting to the server (attempt %1)…").arg(link.attempt)
                                : QCoreApplication::translate("LinkText", "Connecting to the server…");
    case LinkState::Handshaking:
        return QCoreApplication::translate("LinkText", "Connected; waiting for the server to accept this console…");
    case LinkState::Live:
        return QCoreApplication::translate("LinkText", "Connected");
    case LinkState::Refused: {
        QString text = QCoreApplication::translate("LinkText", "The server refused this console: %1.").arg(refusalText(link.refusal));
        if (!link.detail.isEmpty())
            text += QStringLiteral(" (") + link.detail + u')';
        return text + retryText(link);
    }
    case LinkState::Failed: {
        QString text = QCoreApplication::translate("LinkText", "Cannot reach the server");
        if (!link.detail.isEmpty())
            text += QStringLiteral(": ") + link.detail;
        return text + u'.' + retryText(link);
    }
    case LinkState::Stopped:
        return QCoreApplication::translate("LinkText", "Disconnected");
    }
    return {};
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
