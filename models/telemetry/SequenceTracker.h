#pragma once

#include <QtGlobal>

namespace sitroom::models {

// What the worker does with a broadcast (Tick, Heartbeat, *Event).
enum class SequenceVerdict {
    Accept,            // seq == last + 1 (or the first seq seen): apply it
    Gap,               // seq > last + 1: drop it, send SnapshotRequest{lastSeen()}
    Duplicate,         // seq <= last: already seen (or older); drop it
    AwaitingSnapshot,  // a gap was seen and its Snapshot has not come yet; drop it
};

// The client side of the protocol's sequence numbers (envelope.proto): every
// broadcast increases seq by one; unicasts (Welcome, Snapshot, Refusal,
// CommandResult, Pong, AuditResponse) carry the seq of the last broadcast before them and set
// the expectation to seq + 1. Pure: no I/O, one per connection.
class SequenceTracker final
{
public:
    SequenceVerdict onBroadcast(quint64 seq);
    // Welcome, Refusal, CommandResult, Pong, AuditResponse.
    void onUnicast(quint64 seq);
    // A Snapshot: resets the expectation and ends a wait after a gap. Returns
    // true when the snapshot is the one a gap asked for.
    bool onSnapshot(quint64 seq);

    bool awaitingSnapshot() const { return m_awaitingSnapshot; }
    bool hasLastSeen() const { return m_hasLast; }
    // The last broadcast applied (or announced by a unicast).
    quint64 lastSeen() const { return m_last; }
    quint64 gaps() const { return m_gaps; }

    // A new connection: no expectation, no wait.
    void reset();

private:
    quint64 m_last = 0;
    quint64 m_gaps = 0;
    bool m_hasLast = false;
    bool m_awaitingSnapshot = false;
};

} // namespace sitroom::models
