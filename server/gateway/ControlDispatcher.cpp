#include "server/gateway/ControlDispatcher.h"

#include "server/gateway/CommandPipeline.h"
#include "server/gateway/ControlCommands.h"
#include "server/gateway/ControlOutbox.h"

namespace sitroom::gateway {

ControlDispatcher::ControlDispatcher(CommandPipeline &pipeline, ControlCommands &controls, ControlOutbox *outbox,
                                     Hooks hooks)
    : m_pipeline(pipeline)
    , m_controls(controls)
    , m_outbox(outbox)
    , m_hooks(std::move(hooks))
{
}

void ControlDispatcher::submit(const sitroom::v1::Command &command, const Identity &who, Reply reply)
{
    m_queue.push_back(Job{command, who, std::move(reply)});
    pump();
}

void ControlDispatcher::tick()
{
    m_controls.expireRequests(m_hooks.wallNowMs());
    m_hooks.committed();
    runTimedDisables();
    pump();
}

bool ControlDispatcher::busy() const
{
    return m_outbox && m_outbox->isBusy();
}

void ControlDispatcher::pump()
{
    // A reply given while pumping may submit again: that job waits its turn here.
    if (m_pumping)
        return;
    m_pumping = true;
    while (!m_queue.empty()) {
        if (!run(m_queue.front()))
            break;
        m_queue.pop_front();
    }
    m_pumping = false;
}

bool ControlDispatcher::runTimedDisables()
{
    for (;;) {
        auto due = m_controls.dueTimedDisable(m_hooks.wallNowMs(), m_hooks.sourceNowMs());
        if (!due)
            return true;
        if (m_outbox) {
            if (!busy())
                send(std::move(*due), {});
            return false;
        }
        commitAndReply(*due, {});
        if (due->change && m_controls.control().revision() != due->change->control.revision())
            return true;   // the database refused: tried again next second
    }
}

bool ControlDispatcher::run(Job &job)
{
    // Due expiries and timed disables first, so a late approval sees its
    // request gone and a decision sees the state in force.
    m_controls.expireRequests(m_hooks.wallNowMs());
    if (!runTimedDisables())
        return false;
    if (auto first = m_pipeline.storedResult(job.command)) {
        if (m_outbox && first->stage() == sitroom::v1::COMMAND_STAGE_SENT)
            m_outbox->answerWhenEnded(QString::fromStdString(job.command.command_id()), std::move(job.reply));
        else
            job.reply(*first);
        return true;
    }
    if (busy())
        return false;
    CommandDecision decision = m_pipeline.decide(job.command, job.who, m_hooks.wallNowMs(), m_hooks.sourceNowMs());
    if (m_outbox && decision.changesLiveControls() && decision.result.status() == sitroom::v1::COMMAND_APPLIED) {
        send(std::move(decision), std::move(job.reply));
        return true;
    }
    commitAndReply(decision, job.reply);
    return true;
}

void ControlDispatcher::commitAndReply(CommandDecision &decision, const Reply &reply)
{
    const bool live = decision.changesLiveControls();
    if (live && decision.result.status() == sitroom::v1::COMMAND_APPLIED)
        decision.result.set_stage(sitroom::v1::COMMAND_STAGE_ACCEPTED);
    sitroom::v1::CommandResult result = m_pipeline.commit(decision);
    m_hooks.committed();
    if (live && result.status() == sitroom::v1::COMMAND_APPLIED)
        m_hooks.accepted(decision, m_hooks.wallNowMs());
    if (reply)
        reply(result);
}

void ControlDispatcher::send(CommandDecision decision, Reply reply)
{
    // In force and stored as sent; its result is told once the delivery ends.
    decision.result.set_stage(sitroom::v1::COMMAND_STAGE_SENT);
    const OutboxEntry entry = m_outbox->entryFor(decision);
    decision.deliveries.push_back(entry);
    bool written = false;
    const sitroom::v1::CommandResult result = m_pipeline.commit(decision, &written);
    m_hooks.committed();
    if (written)
        m_outbox->deliverNow(entry, std::move(reply));
    else if (reply && result.stage() == sitroom::v1::COMMAND_STAGE_SENT)
        m_outbox->answerWhenEnded(QString::fromStdString(result.command_id()), std::move(reply));   // decided elsewhere
    else if (reply)
        reply(result);
}

} // namespace sitroom::gateway
