#pragma once

#include "server/gateway/CommandDecision.h"
#include "server/gateway/Identity.h"

#include "sitroom/v1/envelope.pb.h"

#include <deque>
#include <functional>

namespace sitroom::gateway {

class CommandPipeline;
class ControlCommands;
class ControlOutbox;

// The control commands' way through the CommandPipeline: one at a time, in
// arrival order. With a live system behind a webhook (a ControlOutbox), a
// decision that moves its controls is applied and written with its outbox
// row in one transaction, and delivered after; its sender is answered once
// the delivery has ended (accepted, or failed and put back). While any
// change is on its way to the live system, from this gateway or another on
// the same store, later commands wait, so that every decision sees the state
// before it and the live system gets the changes in order. A repeated
// command_id whose delivery has not ended is answered when it does.
// Without an outbox (the in-process simulation) a decision is committed at
// once and ControlCommands' ControlTarget applies it.
class ControlDispatcher final
{
public:
    using Reply = std::function<void(const sitroom::v1::CommandResult &)>;
    struct Hooks
    {
        std::function<qint64()> wallNowMs;
        std::function<qint64()> sourceNowMs;
        // After every commit: there are events to broadcast.
        std::function<void()> committed;
        // A change applied in process (no outbox), for closed-loop verification.
        std::function<void(const CommandDecision &decision, qint64 acceptedWallMs)> accepted;
    };

    ControlDispatcher(CommandPipeline &pipeline, ControlCommands &controls, ControlOutbox *outbox, Hooks hooks);

    void submit(const sitroom::v1::Command &command, const Identity &who, Reply reply);
    // Every second: expiries, and timed disables that are due (delivered too).
    void tick();
    // Runs the commands that wait, as far as they can go now (the outbox
    // calls it once no delivery is pending).
    void pump();
    bool hasWaiting() const { return !m_queue.empty(); }

private:
    struct Job
    {
        sitroom::v1::Command command;
        Identity who;
        Reply reply;
    };
    // False when the job must wait for a delivery to end (it stays queued).
    bool run(Job &job);
    // False when a timed disable's end went out, or must wait to.
    bool runTimedDisables();
    bool busy() const;
    void commitAndReply(CommandDecision &decision, const Reply &reply);
    // Written with its outbox row, then delivered; reply waits for the end.
    void send(CommandDecision decision, Reply reply);

    CommandPipeline &m_pipeline;
    ControlCommands &m_controls;
    ControlOutbox *m_outbox;
    Hooks m_hooks;
    std::deque<Job> m_queue;
    bool m_pumping = false;
};

} // namespace sitroom::gateway
