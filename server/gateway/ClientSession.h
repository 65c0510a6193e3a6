#pragma once

#include "proto/framing/FrameCodec.h"
#include "sitroom/v1/envelope.pb.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include "server/gateway/Identity.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

class QSslSocket;
class QTimer;

namespace sitroom::gateway {

class PublishedState;

struct SessionSettings
{
    QString serverId;
    sitroom::v1::Site serverSite = sitroom::v1::SITE_UNSPECIFIED;  // the room the gateway serves
    quint32 tickHz = 1;
    std::size_t maxFrameBytes = framing::kDefaultMaxFrameBytes;
    int heartbeatIntervalMs = 1000;
    int handshakeTimeoutMs = 10000;
    qint64 maxBacklogBytes = 8 * 1024 * 1024;
};

// What a sign-in came to: an identity, or a refusal.
struct SignInDecision
{
    bool accepted = false;
    Identity identity;
    sitroom::v1::RefusalCode refusal = sitroom::v1::REFUSAL_BAD_CREDENTIALS;
    QString reason;
    // REFUSAL_TOO_MANY_ATTEMPTS: when this user may try again, and whether
    // the lock holds for every address (the per-user ceiling) or only this one.
    int retryAfterS = 0;
    bool lockedEverywhere = false;
};

// The gateway's side of a session: sign-in, commands and audit pages. Any
// hook left empty keeps the old behaviour (every session a viewer, every
// command refused, empty audit pages).
struct SessionHooks
{
    // Decides a Hello from the peer at source, possibly later (password
    // hashing runs off the event loop); calls done exactly once, unless the
    // session is gone by then.
    std::function<void(const sitroom::v1::Hello &, const QHostAddress &source,
                       std::function<void(const SignInDecision &)> done)> signIn;
    // Decides a command, possibly later (a live system must accept a change
    // first); calls reply exactly once. The audit row is durable by then.
    std::function<void(const sitroom::v1::Command &, const Identity &,
                       std::function<void(const sitroom::v1::CommandResult &)> reply)> command;
    std::function<sitroom::v1::AuditResponse(const sitroom::v1::AuditRequest &)> auditRequest;
    // The gateway's service level now (docs/protocol.md); unset: 255.
    std::function<std::uint32_t()> serviceLevel;
};

// One console's connection, from the first byte after the TLS handshake to
// the close. It answers its own client (Welcome, Snapshot, Pong, refusals,
// command results) and takes the gateway's broadcasts as ready-made frames.
class ClientSession final : public QObject
{
    Q_OBJECT

public:
    enum class State { AwaitingHello, SigningIn, Active, Closing };

    // Takes ownership of socket, which has finished its TLS handshake.
    ClientSession(QSslSocket *socket, const SessionSettings &settings,
                  const PublishedState *published, QObject *parent = nullptr, SessionHooks hooks = {});
    ~ClientSession() override;

    // Starts the Hello deadline and reads anything already received.
    void start();

    // Writes a broadcast frame unless the client is still in its handshake or
    // is lagging behind.
    void sendBroadcast(const QByteArray &frame);
    // Sends a Refusal, then closes once it is written.
    void refuseAndClose(sitroom::v1::RefusalCode code, const QString &reason);
    void refuseAndClose(const SignInDecision &decision);

    State state() const { return m_state; }
    bool isLagging() const { return m_lagging; }
    QString peer() const { return m_peer; }
    QString user() const { return m_user; }
    const Identity &identity() const { return m_identity; }
    QString sessionId() const { return m_sessionId; }
    // Bytes queued for this client, before and after encryption.
    qint64 backlogBytes() const;

signals:
    void activated();
    void lagChanged(bool lagging);
    // Emitted once, when the connection is gone; the session may be deleted then.
    void closed(const QString &reason);

private:
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void handle(sitroom::v1::Envelope &envelope);
    void handleHello(const sitroom::v1::Hello &hello);
    // A Hello that only asks for the service level: answered, then closed.
    void answerProbe();
    void fillWelcome(sitroom::v1::Welcome *welcome) const;
    void handleCommand(const sitroom::v1::Command &command);
    void handleAuditRequest(const sitroom::v1::AuditRequest &request);
    void finishSignIn(const sitroom::v1::Hello &hello, const SignInDecision &decision);
    void sendSnapshot();
    void sendUnicast(sitroom::v1::Envelope &envelope);
    void protocolError(const QString &reason);

    QSslSocket *m_socket;
    SessionSettings m_settings;
    const PublishedState *m_published;
    SessionHooks m_hooks;
    Identity m_identity;
    std::vector<sitroom::v1::Envelope> m_heldWhileSigningIn;
    framing::FrameDecoder m_decoder;
    QTimer *m_handshakeTimer;
    QTimer *m_closeTimer;
    State m_state = State::AwaitingHello;
    bool m_lagging = false;
    bool m_closedEmitted = false;
    QString m_peer;
    QString m_user;
    QString m_sessionId;
    QString m_closeReason;
};

} // namespace sitroom::gateway
