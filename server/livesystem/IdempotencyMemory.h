#pragma once

#include <QByteArray>
#include <QHash>

#include <deque>

namespace sitroom::livesystem {

// The answer given to a control request, kept to be given again.
struct ControlAnswer
{
    int status = 0;
    QByteArray body;

    friend bool operator==(const ControlAnswer &, const ControlAnswer &) = default;
};

// The last `capacity` Idempotency-Keys with a hash of their body and the
// answer they got. A client that retries (same key, same bytes) gets the
// first answer back and nothing is applied twice; the same key with other
// bytes is a client bug the caller refuses. The oldest key is forgotten first.
class IdempotencyMemory final
{
public:
    enum class Seen { New, Repeat, Conflict };

    explicit IdempotencyMemory(int capacity = 1000);

    // Repeat fills *answer with the answer first given.
    Seen check(const QByteArray &key, QByteArrayView body, ControlAnswer *answer) const;
    void remember(const QByteArray &key, QByteArrayView body, const ControlAnswer &answer);
    int size() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        QByteArray bodyHash;
        ControlAnswer answer;
    };

    static QByteArray hashOf(QByteArrayView body);

    int m_capacity;
    QHash<QByteArray, Entry> m_entries;
    std::deque<QByteArray> m_order;   // oldest first
};

} // namespace sitroom::livesystem
