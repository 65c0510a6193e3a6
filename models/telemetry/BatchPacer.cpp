#include "models/telemetry/BatchPacer.h"

#include <algorithm>

namespace sitroom::models {

qint64 BatchPacer::delayMs(qint64 nowMs, bool hasData)
{
    if (!m_pendingSinceMs)
        m_pendingSinceMs = nowMs;
    const qint64 paced = m_lastEmitMs ? *m_lastEmitMs + kIntervalMs - nowMs : 0;
    const qint64 wait = hasData ? paced : std::max(paced, *m_pendingSinceMs + kHousekeepingWaitMs - nowMs);
    return std::max<qint64>(0, wait);
}

void BatchPacer::noteEmitted(qint64 nowMs)
{
    m_lastEmitMs = nowMs;
    m_pendingSinceMs.reset();
}

} // namespace sitroom::models
