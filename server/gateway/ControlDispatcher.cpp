#include "server/gateway/ControlDispatcher.h"

#include "server/gateway/CommandPipeline.h"
#include "server/gateway/CommandWords.h"
#include "server/gateway/ControlCommands.h"
#include "server/gateway/ControlDelivery.h"
#include "server/gateway/ControlDiff.h"

#include "proto/sitroom/PhraseBook.h"

#include <QElapsedTimer>

#include <memory>

namespace sitroom::gateway {

namespace {

// What moved between two control states, as the webhook's "change" object
// says it (docs/control-webhook.md).
QJsonObject changeOf(const sitroom::v1::ControlState &before, const sitroom::v1::ControlState &after, bool timedEnd)
{
    if (before.admission_rate_per_s() != after.admission_rate_per_s())
        return {{QStringLiteral("action"), QStringLiteral("set_admission_rate")},
                {QStringLiteral("admission_rate_per_s"), after.admission_rate_per_s()}};
    if (before.admission_paused() != after.admission_paused())
        return {{QStringLiteral("action"), after.admission_paused() ? QStringLiteral("pause_admission")
                                                                    : QStringLiteral("resume_admission")}};
    for (const auto &p : after.providers()) {
        const sitroom::v1::ProviderControl *q = findProvider(before, p.id());
        if (q && q->enabled() == p.enabled())
            continue;
        const QString id = QString::fromStdString(p.id());
        if (timedEnd)
            return {{QStringLiteral("action"), QStringLiteral("expire_timed_disable")}, {QStringLiteral("provider_id"), id}};
        return {{QStringLiteral("action"), QStringLiteral("set_provider_enabled")},
                {QStringLiteral("provider_id"), id},
                {QStringLiteral("enabled"), p.enabled()}};
    }
    return {{QStringLiteral("action"), QStringLiteral("none")}};
}

} // namespace

ControlDispatcher::ControlDispatcher(CommandPipeline &pipeline, ControlCommands &controls, ControlDelivery *delivery,
                                     Hooks hooks)
    : m_pipeline(pipeline)
    , m_controls(controls)
    , m_delivery(delivery)
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
    if (m_delivering)
        return;   // the next second's tick sees to it
    m_controls.expireRequests(m_hooks.wallNowMs());
    m_hooks.committed();
    runTimedDisables();
}

void ControlDispatcher::pump()
{
    while (!m_delivering && !m_queue.empty()) {
        Job job = std::move(m_queue.front());
        m_queue.pop_front();
        run(job);
    }
}

bool ControlDispatcher::runTimedDisables()
{
    while (!m_delivering) {
        auto due = m_controls.dueTimedDisable(m_hooks.wallNowMs(), m_hooks.sourceNowMs());
        if (!due)
            return true;
        if (m_delivery) {
            deliver(std::move(*due), {});
            return false;
        }
        commitAndReply(*due, {});
        if (due->change && m_controls.control().revision() != due->change->control.revision())
            return true;   // the database refused: tried again next second
    }
    return false;
}

bool ControlDispatcher::run(Job &job)
{
    // Due expiries and timed disables first, so a late approval sees its
    // request gone and a decision sees the state in force.
    m_controls.expireRequests(m_hooks.wallNowMs());
    if (!runTimedDisables()) {
        m_queue.push_front(std::move(job));
        return false;
    }
    if (auto first = m_pipeline.storedResult(job.command)) {
        job.reply(*first);
        return true;
    }
    CommandDecision decision = m_pipeline.decide(job.command, job.who, m_hooks.wallNowMs(), m_hooks.sourceNowMs());
    if (m_delivery && decision.changesLiveControls() && decision.result.status() == sitroom::v1::COMMAND_APPLIED) {
        deliver(std::move(decision), std::move(job.reply));
        return false;
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

sitroom::v1::CommandProgress ControlDispatcher::progressOf(const CommandDecision &decision, sitroom::v1::CommandStage stage,
                                                           const sitroom::v1::Phrase &detail) const
{
    sitroom::v1::CommandProgress p;
    p.set_command_id(decision.result.command_id());
    const bool failed = stage == sitroom::v1::COMMAND_STAGE_DELIVERY_FAILED;
    p.set_revision(decision.change && !failed ? decision.change->control.revision() : 0);
    p.set_stage(stage);
    p.set_at_ms(m_hooks.wallNowMs());
    p.set_detail(phrase::english(detail).toStdString());
    *p.mutable_detail_words() = detail;
    p.set_action(decision.change ? decision.change->summary.toStdString() : decision.result.message());
    *p.mutable_action_words() = decision.change ? decision.change->summaryWords : decision.result.message_words();
    if (decision.change)
        p.set_user(decision.change->actor.user());
    return p;
}

void ControlDispatcher::deliver(CommandDecision decision, Reply reply)
{
    m_delivering = true;
    ControlDeliveryRequest request;
    request.commandId = QString::fromStdString(decision.result.command_id());
    request.revision = decision.change->control.revision();
    request.control = decision.change->control;
    request.actor = decision.change->actor;
    request.change = changeOf(decision.before, decision.change->control, decision.endsTimedDisable);
    m_hooks.progress(progressOf(decision, sitroom::v1::COMMAND_STAGE_SENT, phrase::make("delivery.sent")));
    auto held = std::make_shared<CommandDecision>(std::move(decision));
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_delivery->deliver(request, [this, held, clock, reply = std::move(reply)](const ControlDeliveryOutcome &outcome) {
        m_delivering = false;
        if (outcome.accepted) {
            const sitroom::v1::Phrase note = phrase::make("delivery.accepted_in", {{"elapsed", QString::number(clock->elapsed())}});
            for (AuditRecord &r : held->audit)
                if (r.outcome.startsWith(QStringLiteral("applied")))
                    r.sayOutcome(phrase::joined(r.outcomeWords, note));
            m_hooks.progress(progressOf(*held, sitroom::v1::COMMAND_STAGE_ACCEPTED, note));
            commitAndReply(*held, reply);
        } else {
            const sitroom::v1::CommandResult refused = m_controls.refuseUndelivered(*held, outcome.reason);
            m_hooks.committed();
            m_hooks.progress(progressOf(*held, sitroom::v1::COMMAND_STAGE_DELIVERY_FAILED,
                                        phrase::make("delivery.reason", {{"reason", outcome.reason}})));
            if (reply)
                reply(refused);
        }
        pump();
    });
}

} // namespace sitroom::gateway
