#include "models/telemetry/PendingBatch.h"

#include "models/telemetry/HistoryAppend.h"

#include <utility>

namespace sitroom::models {

void PendingBatch::noteMessage(const sitroom::v1::Envelope &envelope, qint64 monotonicMs)
{
    ++m_batch.messages;
    m_batch.lastMessageMonotonicMs = monotonicMs;
    if (envelope.server_time_ms() != 0)
        m_batch.lastServerTimeMs = envelope.server_time_ms();
    if (envelope.sim_time_ms() != 0)
        m_batch.lastSimTimeMs = envelope.sim_time_ms();
}

void PendingBatch::addLinkEvent(LinkEvent event)
{
    m_batch.link.push_back(std::move(event));
}

void PendingBatch::setWelcome(const sitroom::v1::Welcome &welcome)
{
    m_batch.welcome = welcome;
}

void PendingBatch::setSnapshot(const sitroom::v1::Snapshot &snapshot, bool afterGap)
{
    // The snapshot holds the whole picture: state, samples and events that came
    // before it in this interval are already part of it.
    m_batch.snapshot = snapshot;
    m_batch.snapshotAfterGap = afterGap;
    m_batch.hasState = true;
    m_batch.state = snapshot.state();
    m_batch.samples.Clear();
    m_batch.events.clear();
}

void PendingBatch::addTick(sitroom::v1::Tick tick)
{
    m_batch.hasState = true;
    m_batch.state.Swap(tick.mutable_state());
    if (sampleCount(m_batch.samples) == 0 && m_batch.samples.providers_size() == 0)
        m_batch.samples.Swap(tick.mutable_samples());
    else
        appendHistory(m_batch.samples, tick.samples());
}

void PendingBatch::addHeartbeat(const sitroom::v1::Heartbeat &heartbeat)
{
    m_batch.sourceIdle = heartbeat.source_idle();
}

void PendingBatch::noteServiceLevel(ServiceLevelNews news)
{
    m_batch.serviceLevel = news;
}

void PendingBatch::addEvent(const sitroom::v1::Envelope &envelope)
{
    m_batch.events.push_back(envelope);
}

void PendingBatch::addCommandResult(const sitroom::v1::CommandResult &result)
{
    m_batch.commandResults.push_back(result);
}

void PendingBatch::addAuditResponse(const sitroom::v1::AuditResponse &response)
{
    m_batch.auditResponses.push_back(response);
}

void PendingBatch::setRoundTrip(int milliseconds)
{
    m_batch.roundTripMs = milliseconds;
}

void PendingBatch::countGap()
{
    ++m_batch.gaps;
}

bool PendingBatch::hasData() const
{
    const TelemetryBatch &b = m_batch;
    return !b.link.empty() || b.welcome || b.snapshot || b.hasState || b.samples.ByteSizeLong() > 0
        || !b.events.empty() || !b.commandResults.empty() || !b.auditResponses.empty() || b.gaps > 0;
}

TelemetryBatch PendingBatch::take()
{
    return std::exchange(m_batch, TelemetryBatch{});
}

} // namespace sitroom::models
