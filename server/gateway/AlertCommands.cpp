#include "server/gateway/AlertCommands.h"

#include "server/gateway/AlertWatch.h"
#include "server/gateway/AlertWords.h"
#include "server/gateway/CommandWords.h"

#include "proto/sitroom/PhraseBook.h"
#include "proto/sitroom/ProtoText.h"

#include <algorithm>

namespace sitroom::gateway {

namespace v1 = sitroom::v1;

namespace {

QString alertIdOf(const v1::Command &command)
{
    switch (command.action_case()) {
    case v1::Command::kAcknowledgeAlert: return fromProto(command.acknowledge_alert().alert_id());
    case v1::Command::kShelveAlert: return fromProto(command.shelve_alert().alert_id());
    case v1::Command::kUnshelveAlert: return fromProto(command.unshelve_alert().alert_id());
    default: return {};
    }
}

} // namespace

AlertCommands::AlertCommands(AlertWatch &watch)
    : m_watch(watch)
{
}

bool AlertCommands::isAlertCommand(const v1::Command &command)
{
    switch (command.action_case()) {
    case v1::Command::kAcknowledgeAlert:
    case v1::Command::kShelveAlert:
    case v1::Command::kUnshelveAlert:
        return true;
    default:
        return false;
    }
}

qint64 AlertCommands::auditClockMs(qint64 wallNowMs, qint64 sourceNowMs) const
{
    (void)sourceNowMs;
    return m_watch.engineNowMs(wallNowMs);
}

CommandDecision AlertCommands::decide(const v1::Command &command, const CommandContext &context)
{
    const Identity &who = context.who;
    // message: the English text when it is not the phrase's (the engine's own).
    const auto decline = [&](v1::CommandStatus status, const v1::Phrase &words, const QString &message = {}) {
        CommandDecision d;
        d.result.set_command_id(command.command_id());
        d.conclude(status, words, context.row, context.inForce);
        if (!message.isEmpty()) {
            d.result.set_message(message.toStdString());
            d.audit.back().outcome = commandStatusWord(status) + QStringLiteral(": ") + message;
        }
        return d;
    };

    const QString alertId = alertIdOf(command);
    if (alertId.isEmpty())
        return decline(v1::COMMAND_INVALID, phrase::make("invalid.no_alert"));
    const v1::Alert *alert = m_watch.find(alertId);
    if (!alert)
        return decline(v1::COMMAND_INVALID, phrase::make("invalid.no_open_alert", {{"alert", alertId}}));
    if (command.action_case() == v1::Command::kShelveAlert && alert->severity() == v1::SEVERITY_CRITICAL
        && who.role != v1::ROLE_SUPERVISOR)
        return decline(v1::COMMAND_REFUSED, phrase::make("refused.shelve_critical"));
    const v1::Alert alertBefore = *alert;

    v1::Actor actor;
    actor.set_user(who.user.toStdString());
    actor.set_site(who.site);
    actor.set_time_ms(context.wallNowMs);
    actor.set_reason(command.reason());

    const qint64 now = std::max<qint64>(m_watch.engineNowMs(context.wallNowMs), alert->changed_ms());
    const alerts::AlertActionResult outcome = m_watch.act([&](alerts::AlertEngine &engine) {
        switch (command.action_case()) {
        case v1::Command::kAcknowledgeAlert: {
            const auto &a = command.acknowledge_alert();
            QString comment = fromProto(a.comment()).trimmed();
            if (comment.isEmpty())
                comment = fromProto(command.reason()).trimmed();
            actor.set_reason(comment.toStdString());
            return engine.acknowledge(alertId, actor, comment, fromProto(a.runbook_step()).trimmed(), now);
        }
        case v1::Command::kShelveAlert:
            return engine.shelve(alertId, actor, std::int64_t(command.shelve_alert().duration_s()), now);
        default:
            return engine.unshelve(alertId, actor, now);
        }
    });
    if (!outcome.ok())
        return decline(outcome.status == v1::COMMAND_STATUS_UNSPECIFIED ? v1::COMMAND_REFUSED : outcome.status,
                       alertRefusalPhrase(command, alertId, &alertBefore), outcome.message);

    CommandDecision done = m_watch.transitionsDecision(context.wallNowMs);
    done.storeResult = true;
    done.result.set_command_id(command.command_id());
    done.result.set_status(v1::COMMAND_APPLIED);
    done.result.set_message((outcome.message.isEmpty() ? context.row.action : outcome.message).toStdString());
    *done.result.mutable_message_words() = context.row.actionWords;
    *done.result.mutable_control() = context.inForce;
    return done;
}

} // namespace sitroom::gateway
