#include "models/telemetry/GatewayChoice.h"

#include <algorithm>

namespace sitroom::models {

GatewayChoice::GatewayChoice(int count, quint32 healthyLevel)
    : m_count(std::max(1, count))
    , m_healthy(healthyLevel)
    , m_heard(std::size_t(m_count))
{
}

bool GatewayChoice::attemptFailed()
{
    m_level.reset();
    endProbeRound();
    ++m_failedInRow;
    if (m_failedInRow >= m_count) {
        // Every one failed: start again from the preferred one, after the backoff.
        m_failedInRow = 0;
        m_current = 0;
        return true;
    }
    m_current = (m_current + 1) % m_count;
    return false;
}

void GatewayChoice::linkLost()
{
    m_level.reset();
    endProbeRound();
    // A round starts with the next one and ends with this one.
    m_failedInRow = 0;
    m_current = (m_current + 1) % m_count;
}

void GatewayChoice::wentLive(quint32 level)
{
    m_failedInRow = 0;
    m_level = level;
}

void GatewayChoice::levelChanged(quint32 level)
{
    if (m_level)
        m_level = level;
    if (isHealthy())
        endProbeRound();
}

void GatewayChoice::beginProbeRound()
{
    m_probing = true;
    m_nextProbe = 0;
    std::fill(m_heard.begin(), m_heard.end(), std::nullopt);
}

std::optional<int> GatewayChoice::nextProbe()
{
    if (!m_probing)
        return std::nullopt;
    while (m_nextProbe < m_count && m_nextProbe == m_current)
        ++m_nextProbe;
    if (m_nextProbe >= m_count)
        return std::nullopt;
    return m_nextProbe++;
}

std::optional<int> GatewayChoice::probed(int index, std::optional<quint32> level)
{
    if (!m_probing || index < 0 || index >= m_count || index == m_current)
        return std::nullopt;
    m_heard[std::size_t(index)] = level;
    if (level && *level >= m_healthy)
        return index;
    return std::nullopt;
}

std::optional<int> GatewayChoice::bestOfRound() const
{
    std::optional<int> best;
    for (int i = 0; i < m_count; ++i) {
        const std::optional<quint32> &heard = m_heard[std::size_t(i)];
        if (i == m_current || !heard)
            continue;
        if (!best || *heard > *m_heard[std::size_t(*best)])
            best = i;
    }
    if (best && m_level && *m_heard[std::size_t(*best)] > *m_level)
        return best;
    return std::nullopt;
}

void GatewayChoice::endProbeRound()
{
    m_probing = false;
    m_nextProbe = 0;
}

void GatewayChoice::moveTo(int index)
{
    endProbeRound();
    m_level.reset();
    m_failedInRow = 0;
    m_current = std::clamp(index, 0, m_count - 1);
}

} // namespace sitroom::models
