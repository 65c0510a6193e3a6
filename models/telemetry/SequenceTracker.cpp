#include "models/telemetry/SequenceTracker.h"

namespace sitroom::models {

SequenceVerdict SequenceTracker::onBroadcast(quint64 seq)
{
    if (m_awaitingSnapshot)
        return SequenceVerdict::AwaitingSnapshot;
    if (!m_hasLast || seq == m_last + 1) {
        m_last = seq;
        m_hasLast = true;
        return SequenceVerdict::Accept;
    }
    if (seq <= m_last)
        return SequenceVerdict::Duplicate;
    ++m_gaps;
    m_awaitingSnapshot = true;
    return SequenceVerdict::Gap;
}

void SequenceTracker::onUnicast(quint64 seq)
{
    m_last = seq;
    m_hasLast = true;
}

bool SequenceTracker::onSnapshot(quint64 seq)
{
    const bool afterGap = m_awaitingSnapshot;
    m_awaitingSnapshot = false;
    onUnicast(seq);
    return afterGap;
}

void SequenceTracker::reset()
{
    m_last = 0;
    m_hasLast = false;
    m_awaitingSnapshot = false;
    // m_gaps counts over the tracker's life: a statistic, not state.
}

} // namespace sitroom::models
