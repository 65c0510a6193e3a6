#include "server/livesystem/IdempotencyMemory.h"

#include <QCryptographicHash>

#include <algorithm>

namespace sitroom::livesystem {

IdempotencyMemory::IdempotencyMemory(int capacity)
    : m_capacity(std::max(1, capacity))
{
}

QByteArray IdempotencyMemory::hashOf(QByteArrayView body)
{
    return QCryptographicHash::hash(body, QCryptographicHash::Sha256);
}

IdempotencyMemory::Seen IdempotencyMemory::check(const QByteArray &key, QByteArrayView body, ControlAnswer *answer) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return Seen::New;
    if (it->bodyHash != hashOf(body))
        return Seen::Conflict;
    if (answer)
        *answer = it->answer;
    return Seen::Repeat;
}

void IdempotencyMemory::remember(const QByteArray &key, QByteArrayView body, const ControlAnswer &answer)
{
    if (m_entries.contains(key))
        return; // the first answer stands
    m_entries.insert(key, Entry{hashOf(body), answer});
    m_order.push_back(key);
    while (int(m_order.size()) > m_capacity) {
        m_entries.remove(m_order.front());
        m_order.pop_front();
    }
}

} // namespace sitroom::livesystem
