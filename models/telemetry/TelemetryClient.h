#pragma once

#include "models/telemetry/ConnectionSettings.h"
#include "models/telemetry/TelemetryBatch.h"

#include <QObject>

#include <memory>

class QThread;

namespace sitroom::models {

class TelemetryWorker;

// The console's link to the live system. Network and decoding run in a worker
// on its own thread (the socket is created there); the GUI thread receives one
// TelemetryBatch per frame at most. The client reconnects with backoff (1 s,
// x1.6, +-20 % jitter, capped at 30 s) after any failure or refusal and
// resynchronises from a fresh snapshot; it never blocks. A refusal of the
// credentials is the exception: that run ends (no password is sent twice by
// itself), and start() with new settings begins again.
class TelemetryClient final : public QObject
{
    Q_OBJECT

public:
    explicit TelemetryClient(QObject *parent = nullptr);
    ~TelemetryClient() override;

    // Starts connecting (stopping a previous run first). Returns at once.
    void start(const ConnectionSettings &settings);
    // Closes the connection in the worker's thread, delivers a last batch with
    // LinkState::Stopped (queued, so it arrives after stop() returns) and
    // ends the thread. Safe to call at any time, twice, or never.
    void stop();
    bool isRunning() const;

    // Queued into the worker's thread, which writes the frame. The answer
    // comes back as a CommandResult (or AuditResponse) in a later batch; a
    // command given while not connected is answered with COMMAND_REFUSED.
    void sendCommand(const sitroom::v1::Command &command);
    void requestAudit(const sitroom::v1::AuditRequest &request);

signals:
    void batchReady(const sitroom::models::TelemetryBatch &batch);

private:
    struct ThreadStopper
    {
        void operator()(QThread *thread) const;
    };
    std::unique_ptr<QThread, ThreadStopper> m_thread;
    TelemetryWorker *m_worker = nullptr; // lives in m_thread, deleted when it finishes
};

} // namespace sitroom::models
