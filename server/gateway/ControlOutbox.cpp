#include "server/gateway/ControlOutbox.h"

#include "server/gateway/CommandPipeline.h"
#include "server/gateway/ControlCommands.h"
#include "server/gateway/ControlDelivery.h"
#include "server/gateway/GatewayLog.h"
#include "server/gateway/GatewayStore.h"
#include "server/gateway/LiveChange.h"

#include "proto/sitroom/PhraseBook.h"

#include <QPointer>

namespace sitroom::gateway {

namespace v1 = sitroom::v1;

namespace {

// The command a row delivers, or puts back.
QString commandOf(const OutboxEntry &entry)
{
    return entry.isRestore() ? entry.restoresCommandId : entry.commandId;
}

} // namespace

ControlOutbox::ControlOutbox(CommandPipeline &pipeline, ControlCommands &controls, ControlDelivery &delivery,
                             ControlOutboxOptions options, Hooks hooks, QObject *parent)
    : QObject(parent)
    , m_pipeline(pipeline)
    , m_controls(controls)
    , m_delivery(delivery)
    , m_options(std::move(options))
    , m_hooks(std::move(hooks))
{
    m_poll.setInterval(std::max(10, m_options.pollMs));
    connect(&m_poll, &QTimer::timeout, this, &ControlOutbox::poll);
}

void ControlOutbox::start()
{
    m_poll.start();
    // Rows left by this gateway before a restart are its own at once.
    QTimer::singleShot(0, this, &ControlOutbox::poll);
}

OutboxEntry ControlOutbox::entryFor(const CommandDecision &decision) const
{
    const qint64 now = m_hooks.wallNowMs();
    OutboxEntry e;
    e.commandId = QString::fromStdString(decision.result.command_id());
    e.revision = decision.change->control.revision();
    e.decidedAtMs = now;
    e.leaseHolder = m_options.holder;
    e.leaseUntilMs = now + m_options.leaseMs;
    e.request.commandId = e.commandId;
    e.request.revision = e.revision;
    e.request.change = webhookChange(decision.before, decision.change->control, decision.endsTimedDisable);
    e.request.control = decision.change->control;
    e.request.actor = decision.change->actor;
    e.request.sentAtMs = now;
    e.restore = decision.before;
    // What the command does, as its audit row says it (an approval's: what it approved).
    e.summary = decision.audit.empty() ? decision.change->summaryWords : decision.audit.front().actionWords;
    return e;
}

void ControlOutbox::deliverNow(const OutboxEntry &entry, Reply reply)
{
    if (reply)
        m_waiting.insert(entry.commandId, std::move(reply));
    attempt(entry);
}

void ControlOutbox::answerWhenEnded(const QString &commandId, Reply reply)
{
    m_waiting.insert(commandId, std::move(reply));
    answerWaiting();
}

bool ControlOutbox::isBusy() const
{
    return !m_inFlight.isEmpty() || !m_pipeline.store().pendingDeliveries().empty();
}

void ControlOutbox::lookAgain()
{
    poll();
}

bool ControlOutbox::pastDeadline(const OutboxEntry &entry) const
{
    return m_hooks.wallNowMs() - entry.decidedAtMs > m_options.deadlineMs;
}

void ControlOutbox::poll()
{
    GatewayStore &store = m_pipeline.store();
    QString error;
    // Lowest revision first, one at a time: a later change waits for the one before it.
    for (const OutboxEntry &entry : store.pendingDeliveries()) {
        if (m_inFlight.contains(entry.commandId)) {
            if (pastDeadline(entry)) {
                // Its attempt has not come back by the deadline: the answer, if
                // it ever comes, is too late (the row has ended).
                // What the attempts before it met says more than its silence.
                m_inFlight.remove(entry.commandId);
                const auto before = m_lastFailure.constFind(entry.commandId);
                fail(entry, DeliveryFailure::stillOut(entry.attempts, before == m_lastFailure.cend()
                                                                          ? std::nullopt
                                                                          : std::optional<DeliveryFailure>(*before)));
            } else if (!store.takeDelivery(entry.commandId, m_options.holder, m_options.leaseMs, false, &error)) {
                qCWarning(lcGateway).noquote() << "the lease on the delivery of" << entry.commandId
                                               << "could not be renewed" << error;
            }
            break;
        }
        if (pastDeadline(entry)) {
            if (store.takeDelivery(entry.commandId, m_options.holder, m_options.leaseMs, false, &error))
                fail(entry, m_lastFailure.value(entry.commandId, DeliveryFailure::nothingAnswered()));
            break;
        }
        attempt(entry);
        break;
    }
    answerWaiting();
    const bool busy = isBusy();
    if (!busy && m_wasBusy)
        qCInfo(lcGateway) << "no control change is waiting for the live system now";
    m_wasBusy = busy;
    if (!busy)
        m_hooks.settled();
}

void ControlOutbox::attempt(const OutboxEntry &entry)
{
    if (m_inFlight.contains(entry.commandId))
        return;
    QString error;
    if (!m_pipeline.store().takeDelivery(entry.commandId, m_options.holder, m_options.leaseMs, true, &error)) {
        if (!error.isEmpty())
            qCWarning(lcGateway).noquote() << "the delivery of" << entry.commandId << "cannot be taken now:" << error;
        return;   // another gateway has it out, or it has ended
    }
    OutboxEntry sent = entry;
    sent.attempts = entry.attempts + 1;
    sent.leaseHolder = m_options.holder;
    m_inFlight.insert(sent.commandId);
    if (sent.attempts == 1) {
        m_hooks.progress(progressOf(sent, v1::COMMAND_STAGE_SENT, phrase::make("delivery.sent")));
    } else {
        qCInfo(lcGateway).noquote() << "delivering" << sent.commandId << "revision" << sent.revision << "again, attempt"
                                    << sent.attempts << "(same Idempotency-Key)";
        m_hooks.progress(progressOf(sent, v1::COMMAND_STAGE_SENT,
                                    phrase::make("delivery.resent", {{"gateway", m_options.holder},
                                                                     {"attempt", QString::number(sent.attempts)}})));
    }
    const QPointer<ControlOutbox> self(this);
    m_delivery.deliver(sent.request, [self, sent](const ControlDeliveryOutcome &outcome) {
        if (!self)
            return;
        if (!self->m_inFlight.remove(sent.commandId)) {
            qCWarning(lcGateway).noquote() << "the live system answered" << sent.commandId << "after its delivery ended"
                                           << (outcome.accepted ? QStringLiteral("(accepted)") : outcome.failure.english());
            return;
        }
        self->finish(sent, outcome);
    });
}

void ControlOutbox::finish(const OutboxEntry &entry, const ControlDeliveryOutcome &outcome)
{
    if (outcome.accepted)
        accept(entry);
    else if (!outcome.unanswered() || pastDeadline(entry))
        fail(entry, outcome.failure);
    else {
        m_lastFailure.insert(entry.commandId, outcome.failure);
        qCWarning(lcGateway).noquote() << "no answer from the live system for" << entry.commandId << "("
                                       << outcome.failure.english() << "); it is tried again with the same key";
    }
    // An unanswered row stays pending under this gateway's lease: the next
    // poll sends it again.
}

void ControlOutbox::accept(const OutboxEntry &entry)
{
    const qint64 now = m_hooks.wallNowMs();
    const QString commandId = commandOf(entry);
    const v1::Phrase acceptedIn = phrase::make("delivery.accepted_in", {{"elapsed", QString::number(now - entry.decidedAtMs)}});
    CommandDecision d;
    d.storeResult = false;
    if (const auto stored = entry.isRestore() ? std::nullopt : m_pipeline.store().findResult(commandId)) {
        d.result = *stored;
        d.result.set_stage(v1::COMMAND_STAGE_ACCEPTED);
        d.storeResult = true;
        d.replacesResult = true;
    }
    m_lastFailure.remove(entry.commandId);
    OutboxEntry ended = entry;
    ended.status = DeliveryStatus::Answered;
    ended.answer = phrase::english(acceptedIn);
    d.deliveries.push_back(ended);
    AuditRecord r;
    r.timeMs = now;
    r.user = QStringLiteral("system");
    r.commandId = commandId;
    r.sayAction(phrase::make("action.deliver", {{"command_id", entry.commandId}, {"revision", QString::number(entry.revision)}},
                             {{"command", entry.summary}}));
    r.sayReason(phrase::make("delivery.by", {{"gateway", m_options.holder}, {"attempt", QString::number(entry.attempts)}}));
    r.sayOutcome(acceptedIn);
    d.audit.push_back(r);
    QString error;
    if (!m_pipeline.write(d, &error)) {
        // Ended by the other gateway meanwhile, or the store is out of reach:
        // a pending row is sent again (the live system answers as before).
        qCWarning(lcGateway).noquote() << "the delivery of" << entry.commandId << "was accepted but cannot be recorded:" << error;
        answerWaiting();
        return;
    }
    qCInfo(lcGateway).noquote() << "delivered" << entry.commandId << "revision" << entry.revision << "on attempt"
                                << entry.attempts << "after" << (now - entry.decidedAtMs) << "ms";
    m_hooks.committed();
    m_hooks.progress(progressOf(entry, v1::COMMAND_STAGE_ACCEPTED, acceptedIn));
    if (!entry.isRestore()) {
        CommandDecision change;
        change.result.set_command_id(commandId.toStdString());
        change.before = entry.restore;
        ControlChange moved;
        moved.control = entry.request.control;
        moved.actor = entry.request.actor;
        moved.saySummary(entry.summary);
        change.change = moved;
        m_hooks.accepted(change, now);
    }
    answerWaiting();
    if (!isBusy())
        m_hooks.settled();
}

void ControlOutbox::fail(const OutboxEntry &entry, const DeliveryFailure &failure)
{
    const qint64 now = m_hooks.wallNowMs();
    const QString commandId = commandOf(entry);
    const bool unanswered = !failure.isRefusal();
    CommandDecision d = m_controls.restoreUndelivered(entry, failure, m_options.deadlineMs, now);
    if (!entry.isRestore() && m_pipeline.store().findResult(commandId)) {
        d.storeResult = true;
        d.replacesResult = true;
    }
    OutboxEntry ended = entry;
    ended.status = DeliveryStatus::Failed;
    ended.answer = failure.english();
    d.deliveries.push_back(ended);
    m_lastFailure.remove(entry.commandId);
    std::optional<OutboxEntry> restore;
    if (unanswered && d.change) {
        // It may have been applied without an answer: the state put back goes
        // to the live system too.
        restore = entryFor(d);
        restore->commandId = QStringLiteral("restore-") + entry.commandId;
        restore->request.commandId = restore->commandId;
        restore->restoresCommandId = entry.commandId;
        d.deliveries.push_back(*restore);
    }
    QString error;
    if (!m_pipeline.write(d, &error)) {
        qCWarning(lcGateway).noquote() << "the failed delivery of" << entry.commandId << "cannot be recorded now:" << error;
        answerWaiting();
        return;
    }
    qCWarning(lcGateway).noquote() << "the delivery of" << entry.commandId << "revision" << entry.revision << "failed ("
                                   << failure.english() << ")"
                                   << (d.change ? QStringLiteral("; the controls it changed are put back") : QString());
    m_hooks.committed();
    // Why, in the reader's words; the network's after the English only.
    const v1::Phrase why = undeliveredReason(failure, m_options.deadlineMs);
    v1::CommandProgress failed = progressOf(entry, v1::COMMAND_STAGE_DELIVERY_FAILED, why);
    failed.set_detail(withOwnWords(why, failure).toStdString());
    m_hooks.progress(failed);
    answerWaiting();
    if (restore)
        attempt(*restore);
    else if (!isBusy())
        m_hooks.settled();
}

void ControlOutbox::answerWaiting()
{
    for (const QString &commandId : m_waiting.uniqueKeys()) {
        const std::optional<v1::CommandResult> result = m_pipeline.store().findResult(commandId);
        if (!result || result->stage() == v1::COMMAND_STAGE_SENT)
            continue;   // not ended yet (or the store cannot say): asked again at the next poll
        const QList<Reply> replies = m_waiting.values(commandId);
        m_waiting.remove(commandId);
        for (const Reply &reply : replies)
            reply(*result);
    }
}

v1::CommandProgress ControlOutbox::progressOf(const OutboxEntry &entry, v1::CommandStage stage, const v1::Phrase &detail) const
{
    v1::CommandProgress p;
    p.set_command_id(commandOf(entry).toStdString());
    p.set_revision(stage == v1::COMMAND_STAGE_DELIVERY_FAILED ? 0 : entry.revision);
    p.set_stage(stage);
    p.set_at_ms(m_hooks.wallNowMs());
    p.set_detail(phrase::english(detail).toStdString());
    *p.mutable_detail_words() = detail;
    p.set_action(phrase::english(entry.summary).toStdString());
    *p.mutable_action_words() = entry.summary;
    p.set_user(entry.request.actor.user());
    return p;
}

} // namespace sitroom::gateway
