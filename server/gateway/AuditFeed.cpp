#include "server/gateway/AuditFeed.h"

namespace sitroom::gateway {

void AuditFeed::startAfter(std::uint64_t lastId)
{
    m_through = lastId;
    m_beyond.clear();
}

bool AuditFeed::take(std::uint64_t id)
{
    if (id <= m_through || !m_beyond.insert(id).second)
        return false;
    while (!m_beyond.empty() && *m_beyond.begin() == m_through + 1) {
        m_through = *m_beyond.begin();
        m_beyond.erase(m_beyond.begin());
    }
    return true;
}

} // namespace sitroom::gateway
