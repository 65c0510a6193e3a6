#pragma once

#include "server/gateway/GatewayStore.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace sitroom::gateway {

// This gateway's sign of life in its state store (GatewayPresence): its
// room and server id with the wall-clock time, at start and every interval,
// so the other room's gateway can tell it is running before it lets a
// supervisor take command. A failed write is logged once and tried again at
// the next interval.
class PresenceBeacon final : public QObject
{
    Q_OBJECT

public:
    PresenceBeacon(GatewayStore &store, QString serverId, sitroom::v1::Site site, int intervalMs,
                   QObject *parent = nullptr);

    // The wall clock, for tests (QDateTime::currentMSecsSinceEpoch otherwise).
    void setClock(std::function<qint64()> wallNowMs) { m_wallNowMs = std::move(wallNowMs); }
    // Records now, then every interval.
    void start();
    bool recordNow();

private:
    GatewayStore &m_store;
    QString m_serverId;
    sitroom::v1::Site m_site;
    QTimer m_timer;
    std::function<qint64()> m_wallNowMs;
    bool m_failing = false;
};

} // namespace sitroom::gateway
