#pragma once

#include <QList>
#include <QString>

namespace sitroom::transport {

// Conventions both ends of the protocol share, so the demo needs no flags.
inline constexpr quint16 kDefaultPort = 7600;
QString defaultListenAddress();   // "127.0.0.1:7600"

// Per-user directory that holds the development CA (ca.pem) and the server's
// certificate and key; the simulator writes it, the console and sitroomctl
// read ca.pem from it.
QString defaultTlsDir();

inline constexpr const char *kCaFileName = "ca.pem";
inline constexpr const char *kServerCertFileName = "server.pem";
inline constexpr const char *kServerKeyFileName = "server.key";

// Parses "HOST:PORT", "[v6]:PORT" or "HOST" (port defaults); false with a
// message on bad input. A port of 0 is allowed (pick a free one) when
// allowAnyPort is true.
bool parseHostPort(const QString &text, QString *host, quint16 *port, QString *error,
                   bool allowAnyPort = false);

struct HostPort
{
    QString host;
    quint16 port = kDefaultPort;
    // "HOST:PORT", "[v6]:PORT": as parseHostPort reads it back.
    QString text() const;
    friend bool operator==(const HostPort &, const HostPort &) = default;
};

// A list of gateways, "seoul-gw:7600,osong-gw:7600", in order of preference;
// one address is a list of one. Each is read as parseHostPort reads it; an
// empty item or the same address twice is refused. False with a message
// naming the item.
bool parseHostPortList(const QString &text, QList<HostPort> *addresses, QString *error);

// A gateway whose service level is at or above this is healthy
// (docs/protocol.md, "Service level"); clients leave one below it for one
// that is.
inline constexpr quint32 kHealthyServiceLevel = 200;

} // namespace sitroom::transport
