#include "server/gateway/PresenceBeacon.h"

#include "server/gateway/GatewayLog.h"

#include <QDateTime>

namespace sitroom::gateway {

PresenceBeacon::PresenceBeacon(GatewayStore &store, QString serverId, sitroom::v1::Site site, int intervalMs,
                               QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_serverId(std::move(serverId))
    , m_site(site)
    , m_wallNowMs([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PresenceBeacon::recordNow);
}

void PresenceBeacon::start()
{
    recordNow();
    m_timer.start();
}

bool PresenceBeacon::recordNow()
{
    QString error;
    if (!m_store.recordPresence({m_serverId, m_site, m_wallNowMs()}, &error)) {
        if (!m_failing)
            qCWarning(lcGateway).noquote() << "this gateway's presence could not be recorded in" << m_store.location()
                                           << "(tried again every" << m_timer.interval() / 1000.0 << "s):" << error;
        m_failing = true;
        return false;
    }
    if (m_failing)
        qCInfo(lcGateway).noquote() << "this gateway's presence is recorded in" << m_store.location() << "again";
    m_failing = false;
    return true;
}

} // namespace sitroom::gateway
