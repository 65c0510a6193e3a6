#pragma once

#include "models/telemetry/ReconnectBackoff.h"
#include "proto/transport/Defaults.h"
#include "sitroom/v1/envelope.pb.h"

#include <QString>

namespace sitroom::models {

// Where and as whom the console connects.
struct ConnectionSettings
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = transport::kDefaultPort;
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
};

} // namespace sitroom::models
