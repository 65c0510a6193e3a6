#pragma once

#include "models/telemetry/BatchPacer.h"
#include "models/telemetry/CommandsInFlight.h"
#include "models/telemetry/ConnectionSettings.h"
#include "models/telemetry/GatewayChoice.h"
#include "models/telemetry/PendingBatch.h"
#include "models/telemetry/ReconnectBackoff.h"
#include "models/telemetry/SequenceTracker.h"
#include "models/telemetry/TelemetryBatch.h"

#include "proto/framing/FrameCodec.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <optional>

class QSslSocket;
class QTimer;

namespace sitroom::models {

class GatewayProbe;

// The network side of TelemetryClient. Lives in the client's worker thread:
// everything it owns (socket, timers) is created in start(), in that thread,
// and only its slots are called from outside, by queued connections. It
// connects, handshakes, decodes, checks sequence numbers, pings, reconnects
// with backoff and hands the GUI one TelemetryBatch per 40 ms at most
// (BatchPacer). A refusal of the credentials ends the run: the same password
// is never sent again by itself (a typo would lock the user out).
//
// Given several gateways (ConnectionSettings::otherServers) it uses the first
// healthy one and moves when that one's service level falls below the
// threshold or its link dies (GatewayChoice, TelemetryWorkerFailover.cpp),
// signing in with the same credentials. Commands in flight when a link dies
// go again, same command_id, on the next link (CommandsInFlight).
class TelemetryWorker final : public QObject
{
    Q_OBJECT

public:
    // The pace of batchReady: 25 batches a second at most.
    static constexpr int kBatchIntervalMs = int(BatchPacer::kIntervalMs);

    explicit TelemetryWorker(ConnectionSettings settings, QObject *parent = nullptr);
    ~TelemetryWorker() override;

public slots:
    void start();
    // Closes the connection, stops retrying, emits a last batch with Stopped.
    void stop();
    // Writes the frame when live; otherwise answers with a local refusal.
    void sendCommand(const sitroom::v1::Command &command);
    void requestAudit(const sitroom::v1::AuditRequest &request);

signals:
    // Shared, not copied: a queued connection copies its arguments, and a
    // batch's protobuf messages cost more to copy than to decode.
    void batchReady(sitroom::models::SharedTelemetryBatch batch);

private:
    void connectNow();
    void onEncrypted();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void onHandshakeTimeout();
    void onSilence();

    // Mutable: a tick's state and samples are moved out into the batch.
    void handle(sitroom::v1::Envelope &envelope);
    void handleBroadcast(sitroom::v1::Envelope &envelope);
    void goLive(const sitroom::v1::Envelope &envelope);
    void sendPing();
    void send(sitroom::v1::Envelope envelope);
    void sendCommandNow(const sitroom::v1::Command &command);
    void handleCommandResult(const sitroom::v1::CommandResult &result);

    // Failing over (TelemetryWorkerFailover.cpp).
    transport::HostPort currentServer() const;
    bool canFailOver() const { return m_choice.hasAlternatives(); }
    // After a failed attempt or a dead link: which gateway next, and how long
    // to wait (0: at once); -1 to wait the backoff as with one gateway.
    int chooseAfterFailure(bool wasLive);
    void noteServiceLevel(quint32 level);
    void probeNext();
    void onProbed(int index, std::optional<quint32> level);
    void moveTo(int index);
    void stopProbing();
    int liveSilenceMs(const sitroom::v1::Welcome &welcome) const;
    void resendInFlight();

    // Ends the current attempt (Refused or Failed) and reports it. A network
    // failure arms the reconnect timer with the backoff's delay; a refusal of
    // the credentials does not (event.retryInMs stays 0).
    void giveUpAttempt(LinkEvent event);
    void fail(LinkFailure failure, const QString &detail, const QString &subject = {});
    void dropSocket();
    void report(LinkState state, const QString &detail = {});
    void report(LinkEvent event);
    void scheduleEmit();
    void emitBatch();

    ConnectionSettings m_settings;
    QList<transport::HostPort> m_servers;
    GatewayChoice m_choice;
    CommandsInFlight m_inFlight;
    ReconnectBackoff m_backoff;
    SequenceTracker m_sequence;
    PendingBatch m_pending;
    BatchPacer m_pacer;
    std::optional<framing::FrameDecoder> m_decoder;
    QElapsedTimer m_clock;  // monotonic: message times, RTT, batch pacing

    QPointer<QSslSocket> m_socket;  // one per attempt
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_handshakeTimer = nullptr;
    QTimer *m_pingTimer = nullptr;
    QTimer *m_silenceTimer = nullptr;
    QTimer *m_emitTimer = nullptr;
    QTimer *m_probeTimer = nullptr;   // the next probe round, while degraded
    GatewayProbe *m_probe = nullptr;

    LinkState m_state = LinkState::Stopped;
    bool m_started = false;
    bool m_stopped = false;
    bool m_attemptOver = false;  // set while a decode loop must stop delivering
    bool m_switching = false;    // this attempt moves away from another gateway
    // A Welcome's batch waits for its Snapshot, so the GUI never sees the new
    // link live over the old picture (held at most kWelcomeHoldMs).
    bool m_awaitingSnapshot = false;
    qint64 m_welcomeAtMs = 0;
    static constexpr qint64 kWelcomeHoldMs = 1000;
    int m_attempt = 0;
    quint64 m_clientSeq = 0;
    quint64 m_pingNonce = 0;
};

} // namespace sitroom::models
