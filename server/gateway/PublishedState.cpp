#include "server/gateway/PublishedState.h"

#include <QDateTime>

namespace sitroom::gateway {

PublishedState::PublishedState(int historySeconds)
    : m_history(historySeconds)
{
}

void PublishedState::setConfiguration(const sitroom::v1::Configuration &configuration)
{
    // A new scenario's history is not this one's.
    if (configuration.scenario_id() != m_configuration.scenario_id()
        || configuration.seed() != m_configuration.seed()
        || configuration.sim_start_ms() != m_configuration.sim_start_ms())
        m_history.clear();
    m_configuration = configuration;
}

void PublishedState::setControl(const sitroom::v1::ControlState &control)
{
    m_control = control;
}

void PublishedState::setState(const sitroom::v1::SystemState &state, const sitroom::v1::History &samples)
{
    m_state = state;
    m_history.append(samples);
}

void PublishedState::setRecentAudit(const std::vector<sitroom::v1::AuditEntry> &entries)
{
    m_recentAudit.clear();
    for (const auto &e : entries)
        appendAudit(e);
}

void PublishedState::appendAudit(const sitroom::v1::AuditEntry &entry)
{
    m_recentAudit.push_back(entry);
    while (m_recentAudit.size() > kRecentAudit)
        m_recentAudit.pop_front();
}

void PublishedState::appendProgress(const sitroom::v1::CommandProgress &progress)
{
    // One entry per command: its latest stage.
    for (auto it = m_recentProgress.begin(); it != m_recentProgress.end(); ++it) {
        if (it->command_id() == progress.command_id()) {
            m_recentProgress.erase(it);
            break;
        }
    }
    m_recentProgress.push_back(progress);
    while (m_recentProgress.size() > kRecentProgress)
        m_recentProgress.pop_front();
}

void PublishedState::fillSnapshot(sitroom::v1::Snapshot *snapshot) const
{
    *snapshot->mutable_configuration() = m_configuration;
    *snapshot->mutable_state() = m_state;
    *snapshot->mutable_history() = m_history.toHistory();
    *snapshot->mutable_control() = m_control;
    for (const auto &a : m_alerts)
        *snapshot->add_active_alerts() = a;
    for (const auto &e : m_recentAudit)
        *snapshot->add_recent_audit() = e;
    for (const auto &p : m_recentProgress)
        *snapshot->add_recent_progress() = p;
}

void PublishedState::stampClocks(sitroom::v1::Envelope &envelope) const
{
    envelope.set_server_time_ms(QDateTime::currentMSecsSinceEpoch());
    envelope.set_sim_time_ms(m_state.sim_time_ms());
}

void PublishedState::stampBroadcast(sitroom::v1::Envelope &envelope)
{
    envelope.set_seq(++m_lastSeq);
    stampClocks(envelope);
}

void PublishedState::stampUnicast(sitroom::v1::Envelope &envelope) const
{
    envelope.set_seq(m_lastSeq);
    stampClocks(envelope);
}

} // namespace sitroom::gateway
