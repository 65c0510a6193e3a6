#pragma once

#include "server/gateway/CommandDecision.h"
#include "server/gateway/CommandHandler.h"
#include "server/gateway/Identity.h"

#include "sitroom/v1/alerts.pb.h"
#include "sitroom/v1/control.pb.h"

#include <functional>
#include <optional>
#include <vector>

namespace sitroom::gateway {

class GatewayStore;

// The one road every command takes through the gateway, whatever it asks
// (docs/controls.md): a repeated command_id is answered with its first
// result; a command without one is invalid; a viewer is refused, whatever
// the command; otherwise the first handler that accepts it decides it
// (AlertCommands, ControlCommands), and one that none accepts is refused. Every decision, a refusal too, is written in one
// transaction with its audit rows, the state it changes and its result,
// before it is put in force, answered or broadcast; when the store refuses,
// nothing is done and the answer says so. The gateway's own decisions (an
// expiry, an alert raised) and audit rows of no decision (sign-ins) are
// written the same way. The audit entries written wait in order for the
// gateway to broadcast them.
class CommandPipeline final
{
public:
    explicit CommandPipeline(GatewayStore &store);

    GatewayStore &store() { return m_store; }
    const GatewayStore &store() const { return m_store; }

    // Handlers are asked in the order they were added.
    void addHandler(CommandHandler *handler);
    // The control state in force, which every CommandResult carries.
    void setControlInForce(std::function<const sitroom::v1::ControlState &()> control);
    // The live system's clock, for the audit rows that do not bring their own.
    void setSourceClock(std::function<qint64()> clock) { m_sourceClock = std::move(clock); }
    // That clock now; 0 when it is not known.
    qint64 sourceNowMs() const { return m_sourceClock ? m_sourceClock() : 0; }

    // A command in steps, for a decision that must go somewhere between
    // deciding and writing (ControlDispatcher delivers it to the live
    // system): the first result of a repeated command_id; the decision; its
    // commit, which answers (the refusal when the store would not write it;
    // *written says whether the decision itself was written).
    std::optional<sitroom::v1::CommandResult> storedResult(const sitroom::v1::Command &command) const;
    CommandDecision decide(const sitroom::v1::Command &command, const Identity &who, qint64 wallNowMs,
                           qint64 sourceNowMs);
    sitroom::v1::CommandResult commit(CommandDecision &decision, bool *written = nullptr);
    // The three at once.
    sitroom::v1::CommandResult handle(const sitroom::v1::Command &command, const Identity &who, qint64 wallNowMs,
                                      qint64 sourceNowMs);

    // A decision no command asked for; false, with error, when it was not
    // written (its owner has taken it back: it may be tried again).
    bool write(CommandDecision &decision, QString *error);
    // An audit row of no decision; an entry with id 0 on failure.
    sitroom::v1::AuditEntry record(const AuditRecord &record, QString *error = nullptr);

    // The audit entries written since the last call, in order.
    std::vector<sitroom::v1::AuditEntry> takeAuditEvents();

    // Operators and supervisors may command; viewers may not.
    static bool mayCommand(sitroom::v1::Role role);

private:
    enum class Outcome { Written, Failed, Superseded, AnsweredBefore, AlertMovedOn };
    struct Attempt
    {
        Outcome outcome = Outcome::Failed;
        QString error;
        std::uint64_t storedRevision = 0;         // Superseded: the revision stored
        sitroom::v1::CommandResult firstResult;   // AnsweredBefore: the stored answer
        QString alertId;                          // AlertMovedOn: the alert changed elsewhere
    };
    Attempt tryWrite(CommandDecision &decision);
    Outcome writeInOne(CommandDecision &decision, Attempt &attempt);
    CommandHandler *handlerFor(const sitroom::v1::Command &command) const;
    const sitroom::v1::ControlState &controlInForce() const;

    GatewayStore &m_store;
    std::vector<CommandHandler *> m_handlers;
    std::function<const sitroom::v1::ControlState &()> m_controlInForce;
    std::function<qint64()> m_sourceClock;
    std::vector<sitroom::v1::AuditEntry> m_auditEvents;
};

} // namespace sitroom::gateway
