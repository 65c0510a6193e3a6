#pragma once

#include "proto/framing/FrameCodec.h"
#include "sitroom/v1/envelope.pb.h"

#include <QHostAddress>
#include <QObject>
#include <QSslSocket>
#include <QString>

#include <functional>
#include <vector>

namespace sitroom::testing {

// A protocol client for tests: a QSslSocket that trusts one CA file, sends
// framed envelopes and records every envelope it receives, in order. All
// waits are bounded and spin the event loop, so an in-process server keeps
// running while the test waits.
class TestTlsClient final : public QObject
{
    Q_OBJECT

public:
    explicit TestTlsClient(QObject *parent = nullptr);

    // Connects to host:port and waits for the TLS handshake, verifying the
    // server against caPath (and the host name "localhost" unless peerName
    // says otherwise). False with a message on failure or timeout.
    bool connectToServer(quint16 port, const QString &caPath, int timeoutMs = 5000,
                         QString *error = nullptr,
                         const QHostAddress &host = QHostAddress::LocalHost,
                         const QString &peerName = QStringLiteral("localhost"));

    void send(const sitroom::v1::Envelope &envelope);
    void sendRaw(const QByteArray &bytes);
    void sendHello(quint32 protocolVersion = sitroom::v1::PROTOCOL_VERSION_1,
                   const QString &user = QStringLiteral("tester"),
                   const QString &clientName = QStringLiteral("sitroom-test"));

    // A standard test user's Hello (tests/support/TestUsers: password "<user>-pw").
    static sitroom::v1::Envelope helloAs(const QString &user, const QString &clientName);
    // Connects, signs in as that user and waits past its Snapshot. False on
    // any failure or timeout.
    bool signInAs(quint16 port, const QString &caPath, const QString &user, const QString &clientName,
                  int timeoutMs = 10000);

    // Spins the event loop until predicate holds or timeoutMs passes.
    bool waitFor(const std::function<bool()> &predicate, int timeoutMs = 5000);
    // Waits for a message with this body received at index >= from; returns
    // its index or -1.
    int waitForBody(sitroom::v1::Envelope::BodyCase body, int timeoutMs = 5000, int from = 0);
    bool waitForDisconnected(int timeoutMs = 5000);

    // While paused the client reads nothing from the network, so the server's
    // writes back up as they would for a stalled console.
    void setReadingPaused(bool paused);

    const std::vector<sitroom::v1::Envelope> &received() const { return m_received; }
    int count(sitroom::v1::Envelope::BodyCase body, int from = 0) const;
    int indexOf(sitroom::v1::Envelope::BodyCase body, int from = 0) const;
    void clearReceived() { m_received.clear(); }

    bool isConnected() const { return m_socket->state() == QAbstractSocket::ConnectedState; }
    bool decodeFailed() const { return m_decoder.failed(); }
    QString decodeError() const { return m_decoder.errorString(); }
    QSslSocket *socket() const { return m_socket; }

signals:
    void envelopeReceived(const sitroom::v1::Envelope &envelope);

private:
    void onReadyRead();

    QSslSocket *m_socket;
    framing::FrameDecoder m_decoder;
    std::vector<sitroom::v1::Envelope> m_received;
    quint64 m_clientSeq = 0;
    bool m_paused = false;
};

} // namespace sitroom::testing
