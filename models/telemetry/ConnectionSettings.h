#pragma once

#include "models/telemetry/ReconnectBackoff.h"
#include "proto/transport/Defaults.h"
#include "sitroom/v1/envelope.pb.h"

#include <QList>
#include <QString>

namespace sitroom::models {

// Where and as whom the console connects.
struct ConnectionSettings
{
    // The first gateway, the one preferred...
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = transport::kDefaultPort;
    // ...and the others (--server seoul-gw:7600,osong-gw:7600), in order of
    // preference: the worker uses the first healthy one and moves when its
    // level falls or its link dies (TelemetryWorker).
    QList<transport::HostPort> otherServers;
    QString caFile;                 // PEM the server's certificate must chain to
    QString user;
    QString password;               // from --password-file; empty while every session is a viewer
    sitroom::v1::Site site = sitroom::v1::SITE_SEOUL;
    QString clientName = QStringLiteral("sitroom");
    QString clientVersion;
    int handshakeTimeoutMs = 10000; // TCP + TLS + Welcome
    int pingIntervalMs = 2000;      // round-trip time measurement
    // Nothing at all received for this long while Live (the server heartbeats
    // every second): the connection is dead even if TCP has not noticed, so
    // drop it and reconnect. 0 = never.
    int silenceTimeoutMs = 15000;
    ReconnectBackoff::Policy backoff; // 1 s, x1.6, +-20 %, capped at 30 s
    // What Hello announces. Only tests change it (to see a Refusal).
    quint32 protocolVersion = sitroom::v1::PROTOCOL_VERSION_1;

    // With other gateways to go to:
    // a level below this sends the worker looking for a healthier one...
    quint32 healthyServiceLevel = transport::kHealthyServiceLevel;
    // ...by probing the others one at a time (each given this long to answer),
    // and again after this long while its own stays below it.
    int probeTimeoutMs = 2000;
    int probeIntervalMs = 10000;
    // Silence for this many of the gateway's heartbeat intervals is a dead
    // link (instead of silenceTimeoutMs).
    int failoverSilenceHeartbeats = 3;
    // A command in flight when the link dies is sent again, with the same
    // command_id, on the next link made within this long of its sending.
    int resendWindowMs = 30000;

    // Every gateway, the first one first.
    QList<transport::HostPort> servers() const
    {
        QList<transport::HostPort> all{transport::HostPort{host, port}};
        all += otherServers;
        return all;
    }
};

} // namespace sitroom::models
