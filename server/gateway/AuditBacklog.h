#pragma once

#include "server/gateway/AuditChain.h"

#include <QString>

#include <cstddef>
#include <deque>

namespace sitroom::gateway {

class CommandPipeline;

// Audit rows that must be written but could not be when they happened. A
// sign-in is let in (or refused) whatever the state store says, so that a
// PostgreSQL out of reach never locks the rooms out; its row waits here, in
// memory, until the store takes writes again. The rows are then appended to
// the chain in the order they happened, with their own times (the gateway's
// and the live system's), each saying that it was recorded late and when.
//
// In memory only: a gateway that stops first loses them. Its log names each
// row as it starts to wait, and says how many are lost as the gateway goes.
// At most `capacity` rows wait; the ones after are dropped, each said in the
// log, and counted in one row written after those kept, so that the hole
// shows in the audit itself.
class AuditBacklog final
{
public:
    static constexpr std::size_t kCapacity = 10000;

    explicit AuditBacklog(std::size_t capacity = kCapacity);
    ~AuditBacklog();
    AuditBacklog(const AuditBacklog &) = delete;
    AuditBacklog &operator=(const AuditBacklog &) = delete;

    // Writes the row now when no row waits before it (or all that wait are
    // written first) and the store takes it; otherwise it waits. `what` names
    // it in the log ("the sign-in of kim from 10.0.0.5 (signed in as
    // operator)"). True when it was written now.
    bool record(CommandPipeline &pipeline, AuditRecord row, const QString &what, qint64 wallNowMs);

    // Writes the waiting rows, oldest first, then the row counting those
    // dropped; stops at the first the store does not take (the rest wait for
    // the next try). Tries only when the store says it can be reached, so
    // calling it often costs nothing while it cannot. How many were written.
    int writeWaiting(CommandPipeline &pipeline, qint64 wallNowMs);

    std::size_t waiting() const { return m_rows.size(); }
    // Dropped since the last row counting them was written.
    std::size_t dropped() const { return m_dropped.count; }
    bool isEmpty() const { return m_rows.empty() && m_dropped.count == 0; }

private:
    struct Waiting
    {
        AuditRecord row;
        QString what;
    };
    struct Dropped
    {
        std::size_t count = 0;
        qint64 firstMs = 0;   // the gateway's wall clock, as the rows' own times
        qint64 lastMs = 0;
    };

    void keep(const CommandPipeline &pipeline, AuditRecord row, const QString &what, const QString &why);

    std::size_t m_capacity;
    std::deque<Waiting> m_rows;
    Dropped m_dropped;
    QString m_lastFailure;   // said once in the log until it changes
};

} // namespace sitroom::gateway
