#pragma once

#include "server/gateway/CommandDecision.h"
#include "server/gateway/Identity.h"

#include "sitroom/v1/envelope.pb.h"

#include <deque>
#include <functional>

namespace sitroom::gateway {

class CommandPipeline;
class ControlCommands;
class ControlDelivery;

// The control commands' way through the CommandPipeline: one at a time, in
// arrival order. A decision that moves the live system's controls
// goes to the live system first (ControlDelivery, when there is one) and is
// committed only when it is accepted; a refusal leaves state, revision and
// result as they were and only the attempt is audited. While a delivery is
// out, later commands wait, so every decision sees the state before it.
// Without a delivery (the in-process simulation) a decision is committed at
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
        // A change that is in force in the live system now (accepted, or
        // applied in process), for closed-loop verification.
        std::function<void(const CommandDecision &decision, qint64 acceptedWallMs)> accepted;
        // A stage of an applied change: sent, accepted, delivery failed.
        std::function<void(const sitroom::v1::CommandProgress &progress)> progress;
    };

    ControlDispatcher(CommandPipeline &pipeline, ControlCommands &controls, ControlDelivery *delivery, Hooks hooks);

    void submit(const sitroom::v1::Command &command, const Identity &who, Reply reply);
    // Every second: expiries, and timed disables that are due (delivered too).
    void tick();
    bool isDelivering() const { return m_delivering; }

private:
    struct Job
    {
        sitroom::v1::Command command;
        Identity who;
        Reply reply;
    };
    void pump();
    // False when the job went out to the live system and finishes later.
    bool run(Job &job);
    bool runTimedDisables();
    void commitAndReply(CommandDecision &decision, const Reply &reply);
    void deliver(CommandDecision decision, Reply reply);
    sitroom::v1::CommandProgress progressOf(const CommandDecision &decision, sitroom::v1::CommandStage stage,
                                            const sitroom::v1::Phrase &detail) const;

    CommandPipeline &m_pipeline;
    ControlCommands &m_controls;
    ControlDelivery *m_delivery;
    Hooks m_hooks;
    std::deque<Job> m_queue;
    bool m_delivering = false;
};

} // namespace sitroom::gateway
