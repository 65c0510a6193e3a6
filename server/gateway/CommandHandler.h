#pragma once

#include "server/gateway/AuditChain.h"
#include "server/gateway/CommandDecision.h"
#include "server/gateway/Identity.h"

#include "sitroom/v1/control.pb.h"

namespace sitroom::gateway {

// What a written decision puts in force in memory, and what a decision that
// could not be written takes back (CommandPipeline calls these, never both).
class DecisionOwner
{
public:
    // Written: in force now; the events it makes are queued for the gateway.
    virtual void committed(CommandDecision &decision) = 0;
    // Not written: whatever deciding it moved goes back.
    virtual void abandoned(CommandDecision &decision) { (void)decision; }
    // The store holds a newer state than the one the decision was made on
    // (another gateway on a shared store wrote first): read it again.
    virtual void storeMovedOn() {}

protected:
    ~DecisionOwner() = default;
};

// A command past the steps every command takes (it has a command_id, its
// sender may command), as its handler sees it.
struct CommandContext
{
    const Identity &who;
    qint64 wallNowMs;                          // the gateway's clock (approval expiry)
    qint64 sourceNowMs;                        // the live system's clock (timed disables)
    const AuditRecord &row;                    // its audit row, but for the outcome
    const sitroom::v1::ControlState &inForce;  // every result carries it
};

// One kind of command plugged into the CommandPipeline: it says which
// commands are its own and decides them on its rules; the pipeline does the
// rest (a repeated command_id, the viewer's refusal, the audit row, the one
// transaction, the answer).
class CommandHandler : public DecisionOwner
{
public:
    virtual bool accepts(const sitroom::v1::Command &command) const = 0;
    // The clock its commands' audit rows carry as the live system's.
    virtual qint64 auditClockMs(qint64 wallNowMs, qint64 sourceNowMs) const
    {
        (void)wallNowMs;
        return sourceNowMs;
    }
    virtual CommandDecision decide(const sitroom::v1::Command &command, const CommandContext &context) = 0;

protected:
    ~CommandHandler() = default;
};

} // namespace sitroom::gateway
