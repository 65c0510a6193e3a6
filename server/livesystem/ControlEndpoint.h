#pragma once

#include "server/livesystem/IdempotencyMemory.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <cstdint>
#include <memory>

class QHttpServer;

namespace sitroom::livesystem {

class LiveControlTarget;

// One control request as it arrived, headers looked up case-insensitively.
struct ControlRequest
{
    QByteArray method;               // "GET", "POST", ...
    QByteArray idempotencyKey;       // Idempotency-Key
    QByteArray signature;            // X-Sitroom-Signature
    QByteArray revision;             // X-Sitroom-Revision (optional)
    QByteArray body;
};

// The live system's control webhook (docs/control-webhook.md) on
// http://HOST:PORT/control, over Qt HttpServer. A POST is checked in this
// order: size (413), signature (401), Idempotency-Key (400; a repeat answers
// as the first time, another body under it is 409), JSON shape (400),
// revision (409 when not above the last applied), values (422, judged by the
// target); then the desired state is applied and the answer is 200. Every
// answer but 401 and 5xx is remembered under its key. GET answers whether the
// endpoint is up and the last revision, unsigned.
class ControlEndpoint final : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024;

    ControlEndpoint(LiveControlTarget &target, const QByteArray &secret, QObject *parent = nullptr);
    ~ControlEndpoint() override;

    // False with a plain-language message when the address cannot be bound.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 serverPort() const { return m_port; }

    // The whole decision, without HTTP (the HTTP route calls it).
    ControlAnswer handle(const ControlRequest &request);
    std::uint64_t revision() const { return m_revision; }

signals:
    void applied(quint64 revision);

private:
    ControlAnswer decide(const ControlRequest &request);

    LiveControlTarget &m_target;
    QByteArray m_secret;
    std::unique_ptr<QHttpServer> m_server;
    IdempotencyMemory m_memory;
    std::uint64_t m_revision = 0;
    quint16 m_port = 0;
};

} // namespace sitroom::livesystem
