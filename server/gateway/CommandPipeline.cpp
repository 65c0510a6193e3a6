#include "server/gateway/CommandPipeline.h"

#include "server/gateway/CommandWords.h"
#include "server/gateway/GatewayLog.h"
#include "server/gateway/GatewayStore.h"
#include "server/gateway/StoreFailure.h"

#include "proto/sitroom/PhraseBook.h"
#include "proto/sitroom/ProtoText.h"

#include <memory>
#include <utility>

namespace sitroom::gateway {

namespace v1 = sitroom::v1;

CommandPipeline::CommandPipeline(GatewayStore &store)
    : m_store(store)
{
}

void CommandPipeline::addHandler(CommandHandler *handler)
{
    m_handlers.push_back(handler);
}

void CommandPipeline::setControlInForce(std::function<const v1::ControlState &()> control)
{
    m_controlInForce = std::move(control);
}

const v1::ControlState &CommandPipeline::controlInForce() const
{
    static const v1::ControlState none;
    return m_controlInForce ? m_controlInForce() : none;
}

bool CommandPipeline::mayCommand(v1::Role role)
{
    return role == v1::ROLE_OPERATOR || role == v1::ROLE_SUPERVISOR;
}

CommandHandler *CommandPipeline::handlerFor(const v1::Command &command) const
{
    for (CommandHandler *handler : m_handlers)
        if (handler->accepts(command))
            return handler;
    return nullptr;
}

std::optional<v1::CommandResult> CommandPipeline::storedResult(const v1::Command &command) const
{
    if (command.command_id().empty())
        return std::nullopt;
    return m_store.findResult(fromProto(command.command_id()));
}

CommandDecision CommandPipeline::decide(const v1::Command &command, const Identity &who, qint64 wallNowMs,
                                        qint64 sourceNowMs)
{
    CommandHandler *handler = handlerFor(command);
    AuditRecord row;
    row.timeMs = wallNowMs;
    row.sourceTimeMs = handler ? handler->auditClockMs(wallNowMs, sourceNowMs) : sourceNowMs;
    row.commandId = fromProto(command.command_id());
    row.user = who.user;
    row.site = who.site;
    row.sayAction(commandPhrase(command));
    row.reason = fromProto(command.reason());

    CommandDecision refused;
    refused.result.set_command_id(command.command_id());
    if (command.command_id().empty()) {
        // It could never be repeated, so its result is not kept.
        refused.storeResult = false;
        refused.conclude(v1::COMMAND_INVALID, phrase::make("invalid.no_command_id"), row, controlInForce());
        return refused;
    }
    if (!mayCommand(who.role)) {
        refused.conclude(v1::COMMAND_REFUSED, viewerRefusal(), row, controlInForce());
        return refused;
    }
    if (!handler) {
        refused.conclude(v1::COMMAND_REFUSED, phrase::make("refused.no_commands"), row, controlInForce());
        return refused;
    }
    // Made on a revision newer than the one in force here: another gateway on
    // the shared store has moved on and its notice has not arrived yet. The
    // stored state is read first, so the command is decided on what is
    // stored rather than refused for what this gateway has not read.
    if (command.expected_revision() > controlInForce().revision())
        handler->storeMovedOn();
    CommandDecision decision = handler->decide(command, CommandContext{who, wallNowMs, sourceNowMs, row, controlInForce()});
    if (!decision.owner)
        decision.owner = handler;
    return decision;
}

v1::CommandResult CommandPipeline::commit(CommandDecision &decision, bool *written)
{
    Attempt attempt = tryWrite(decision);
    if (written)
        *written = attempt.outcome == Outcome::Written;
    switch (attempt.outcome) {
    case Outcome::Written:
        return decision.result;
    case Outcome::AnsweredBefore:
        return attempt.firstResult;
    case Outcome::Superseded: {
        // Decided on a revision another writer has moved on from: a conflict,
        // as if it had been decided on the stored one, and audited as one.
        const v1::Phrase conflict = phrase::make("conflict.revision", {{"now", QString::number(attempt.storedRevision)},
                                                                       {"expected", QString::number(decision.before.revision())}});
        CommandDecision told = decision.nothingDone(v1::COMMAND_CONFLICT, conflict, controlInForce(), decision.storeResult);
        attempt = tryWrite(told);
        if (attempt.outcome == Outcome::Written)
            return told.result;
        break;
    }
    case Outcome::AlertMovedOn: {
        // As a stale revision: decided on an alert another gateway has changed.
        CommandDecision told = decision.nothingDone(v1::COMMAND_CONFLICT, phrase::make("conflict.alert_changed", {{"alert", attempt.alertId}}),
                                                    controlInForce(), decision.storeResult);
        attempt = tryWrite(told);
        if (attempt.outcome == Outcome::Written)
            return told.result;
        break;
    }
    case Outcome::Failed:
        break;
    }
    // The people told read the kind of failure in their language; the store's
    // own words are for whoever runs the gateway.
    const StoreFailure failure = StoreFailure::of(m_store, attempt.error);
    qCWarning(lcGateway).noquote() << "command" << fromProto(decision.result.command_id())
                                   << "refused: its audit row could not be written to" << m_store.location() << "-"
                                   << attempt.error;
    return auditWriteRefusal(decision.result.command_id(), failure, controlInForce());
}

v1::CommandResult CommandPipeline::handle(const v1::Command &command, const Identity &who, qint64 wallNowMs,
                                          qint64 sourceNowMs)
{
    if (auto first = storedResult(command))
        return *first;
    CommandDecision decision = decide(command, who, wallNowMs, sourceNowMs);
    return commit(decision);
}

bool CommandPipeline::write(CommandDecision &decision, QString *error)
{
    Attempt attempt = tryWrite(decision);
    if (attempt.outcome == Outcome::Written)
        return true;
    *error = attempt.error;
    return false;
}

v1::AuditEntry CommandPipeline::record(const AuditRecord &record, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    CommandDecision decision;
    decision.audit.push_back(record);
    decision.storeResult = false;
    if (!write(decision, error))
        return {};
    return m_auditEvents.back();
}

CommandPipeline::Attempt CommandPipeline::tryWrite(CommandDecision &decision)
{
    Attempt attempt;
    attempt.outcome = writeInOne(decision, attempt);
    if (!decision.owner)
        return attempt;
    if (attempt.outcome == Outcome::Written) {
        decision.owner->committed(decision);
        return attempt;
    }
    decision.owner->abandoned(decision);
    if (attempt.outcome != Outcome::Failed)
        decision.owner->storeMovedOn();
    return attempt;
}

CommandPipeline::Outcome CommandPipeline::writeInOne(CommandDecision &d, Attempt &attempt)
{
    // Whatever returns before the commit rolls the transaction back. A
    // command answered before is answered the same, whatever the revision.
    const std::unique_ptr<GatewayTransaction> tx = m_store.begin(&attempt.error);
    if (!tx)
        return Outcome::Failed;
    const QString commandId = fromProto(d.result.command_id());
    if (d.storeResult && !d.replacesResult && !commandId.isEmpty()) {
        if (auto first = tx->findResult(commandId)) {
            attempt.firstResult = std::move(*first);
            attempt.error = QStringLiteral("command %1 was answered before").arg(commandId);
            return Outcome::AnsweredBefore;
        }
    }
    for (const OutboxEntry &delivery : d.deliveries) {
        if (delivery.status == DeliveryStatus::Pending)
            continue;
        // A delivery ends once: the other gateway may have ended it first.
        const std::optional<OutboxEntry> stored = tx->findDelivery(delivery.commandId);
        if (!stored || stored->status != DeliveryStatus::Pending) {
            if (auto first = tx->findResult(delivery.commandId))
                attempt.firstResult = std::move(*first);
            attempt.error = QStringLiteral("the delivery of %1 has ended already").arg(delivery.commandId);
            return Outcome::AnsweredBefore;
        }
    }
    for (const CommandDecision::AlertFound &found : d.alertsFound) {
        const std::optional<v1::Alert> stored = tx->findAlert(found.alertId);
        if (stored.has_value() != found.existed
            || (stored && (stored->state() != found.state || stored->changed_ms() != found.changedMs))) {
            attempt.alertId = found.alertId;
            attempt.error = QStringLiteral("alert %1 was changed elsewhere after this was decided").arg(found.alertId);
            return Outcome::AlertMovedOn;
        }
    }
    if (d.change) {
        std::uint64_t stored = 0;
        if (!tx->readControlRevision(&stored, &attempt.error))
            return Outcome::Failed;
        if (stored != 0 && stored != d.before.revision()) {
            attempt.storedRevision = stored;
            attempt.error = QStringLiteral("the controls were moved on to revision %1 elsewhere; this was decided on revision %2")
                                .arg(stored).arg(d.before.revision());
            return Outcome::Superseded;
        }
    }
    std::vector<v1::AuditEntry> written;
    for (AuditRecord r : d.audit) {
        if (r.sourceTimeMs == 0 && !r.sourceTimeFixed && m_sourceClock)
            r.sourceTimeMs = m_sourceClock();
        v1::AuditEntry entry = tx->appendAudit(r, &attempt.error);
        if (entry.id() == 0)
            return Outcome::Failed;
        written.push_back(std::move(entry));
    }
    if (d.change && !tx->saveControl(d.change->control, &attempt.error))
        return Outcome::Failed;
    for (const alerts::AlertTransitionRecord &t : d.transitions)
        if (!tx->saveAlert(t.alert, &attempt.error))
            return Outcome::Failed;
    if (!d.transitions.empty() && !tx->saveNextAlertId(d.nextAlertId, &attempt.error))
        return Outcome::Failed;
    if (d.storeResult
        && !(d.replacesResult ? tx->replaceResult(d.result, &attempt.error) : tx->saveResult(d.result, &attempt.error)))
        return Outcome::Failed;
    for (const OutboxEntry &delivery : d.deliveries)
        if (!tx->saveDelivery(delivery, &attempt.error))
            return Outcome::Failed;
    if (!tx->commit(&attempt.error))
        return Outcome::Failed;
    m_auditEvents.insert(m_auditEvents.end(), written.begin(), written.end());
    return Outcome::Written;
}

std::vector<v1::AuditEntry> CommandPipeline::takeAuditEvents()
{
    return std::exchange(m_auditEvents, {});
}

} // namespace sitroom::gateway
