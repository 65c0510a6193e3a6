#pragma once

#include "server/gateway/TelemetryHistory.h"

#include "sitroom/v1/envelope.pb.h"

#include <cstdint>
#include <deque>
#include <vector>

namespace sitroom::gateway {

// What the data source has published so far, and where the broadcast stream
// stands. Sessions read it to build Snapshots and to stamp the messages they
// send to their one client; only the gateway writes it.
class PublishedState final
{
public:
    explicit PublishedState(int historySeconds);

    void setConfiguration(const sitroom::v1::Configuration &configuration);
    void setControl(const sitroom::v1::ControlState &control);
    void setState(const sitroom::v1::SystemState &state, const sitroom::v1::History &samples);
    // The newest audit entries a Snapshot carries (at most kRecentAudit).
    void setRecentAudit(const std::vector<sitroom::v1::AuditEntry> &entries);
    void appendAudit(const sitroom::v1::AuditEntry &entry);
    // Every alert not cleared, as the alert engine has it now.
    void setActiveAlerts(std::vector<sitroom::v1::Alert> alerts) { m_alerts = std::move(alerts); }
    static constexpr std::size_t kRecentAudit = 200;
    // The latest stage of each recent applied change (at most kRecentProgress).
    void appendProgress(const sitroom::v1::CommandProgress &progress);
    static constexpr std::size_t kRecentProgress = 50;

    const sitroom::v1::Configuration &configuration() const { return m_configuration; }
    const sitroom::v1::ControlState &control() const { return m_control; }
    const sitroom::v1::SystemState &state() const { return m_state; }
    const TelemetryHistory &history() const { return m_history; }

    void fillSnapshot(sitroom::v1::Snapshot *snapshot) const;

    // A broadcast takes the next position in the stream...
    void stampBroadcast(sitroom::v1::Envelope &envelope);
    // ...a message to one session repeats the last one (see envelope.proto).
    void stampUnicast(sitroom::v1::Envelope &envelope) const;
    std::uint64_t lastSeq() const { return m_lastSeq; }

private:
    void stampClocks(sitroom::v1::Envelope &envelope) const;

    sitroom::v1::Configuration m_configuration;
    sitroom::v1::ControlState m_control;
    sitroom::v1::SystemState m_state;
    TelemetryHistory m_history;
    std::deque<sitroom::v1::AuditEntry> m_recentAudit;
    std::deque<sitroom::v1::CommandProgress> m_recentProgress;
    std::vector<sitroom::v1::Alert> m_alerts;
    std::uint64_t m_lastSeq = 0;
};

} // namespace sitroom::gateway
