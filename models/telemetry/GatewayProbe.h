#pragma once

#include "proto/framing/FrameCodec.h"
#include "proto/transport/Defaults.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

#include <functional>
#include <optional>

class QSslCertificate;
class QSslSocket;

namespace sitroom::models {

// The TLS every connection of the console makes: the server must chain to
// these CA certificates (and no others), TLS 1.2 or later.
QSslConfiguration clientTls(const QList<QSslCertificate> &ca);

// Asks one gateway for its service level without signing in (a Hello with
// probe set: docs/protocol.md, "Handshake"), for the telemetry worker looking
// for a healthier gateway than its own. One question at a time; it lives in
// the worker's thread.
class GatewayProbe final : public QObject
{
public:
    // The level, or nullopt when the gateway did not answer (nothing listens,
    // TLS failed, a refusal, the time ran out). An older gateway that signs
    // the probe in instead answers with its Welcome all the same.
    using Done = std::function<void(std::optional<quint32> level)>;

    explicit GatewayProbe(QObject *parent = nullptr);
    ~GatewayProbe() override;

    // done is called once, later (never from inside start()), unless
    // cancel() or a new start() comes first.
    void start(const transport::HostPort &address, const QSslConfiguration &tls, quint32 protocolVersion,
               const QString &clientName, int timeoutMs, Done done);
    void cancel();
    bool isBusy() const { return bool(m_done); }

private:
    void onReadyRead();
    void finish(quint64 question, std::optional<quint32> level);
    void dropSocket();

    QPointer<QSslSocket> m_socket;
    framing::FrameDecoder m_decoder;
    QTimer m_deadline;
    Done m_done;
    quint64 m_question = 0;   // which start() an answer belongs to
    quint32 m_protocolVersion = 1;
    QString m_clientName;
};

} // namespace sitroom::models
