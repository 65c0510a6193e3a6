#pragma once

#include "models/telemetry/TelemetryBatch.h"

namespace sitroom::models {

// The batch the worker is filling between two emissions: folds each decoded
// message into one TelemetryBatch (latest state wins, samples are appended
// column-wise, a snapshot drops what came before it). Pure; the worker decides
// which messages reach it (sequence checks) and when to take() it.
class PendingBatch final
{
public:
    // Every decoded message, accepted or dropped: the link is alive.
    void noteMessage(const sitroom::v1::Envelope &envelope, qint64 monotonicMs);

    void addLinkEvent(LinkEvent event);
    void setWelcome(const sitroom::v1::Welcome &welcome);
    void setSnapshot(const sitroom::v1::Snapshot &snapshot, bool afterGap);
    // By value: the worker moves the decoded tick in (its state and samples
    // change hands instead of being copied); a caller that keeps its tick copies.
    void addTick(sitroom::v1::Tick tick);
    void addHeartbeat(const sitroom::v1::Heartbeat &heartbeat);
    // A broadcast's Envelope.service_level (the newest wins); a snapshot keeps it.
    void noteServiceLevel(ServiceLevelNews news);
    void addEvent(const sitroom::v1::Envelope &envelope);
    // Unicast answers: kept whatever snapshot follows them.
    void addCommandResult(const sitroom::v1::CommandResult &result);
    void addAuditResponse(const sitroom::v1::AuditResponse &response);
    void setRoundTrip(int milliseconds);
    void countGap();

    bool isEmpty() const { return m_batch.isEmpty() && !m_batch.roundTripMs; }
    // Anything beyond the link's housekeeping (message times, heartbeats'
    // idle flag, round trips): what the GUI repaints for.
    bool hasData() const;
    const TelemetryBatch &peek() const { return m_batch; }
    // Hands the batch over and starts an empty one.
    TelemetryBatch take();

private:
    TelemetryBatch m_batch;
};

} // namespace sitroom::models
