#include "server/gateway/CommandDecision.h"

#include "server/gateway/CommandWords.h"
#include "server/gateway/ControlDiff.h"

#include "proto/sitroom/PhraseBook.h"

namespace sitroom::gateway {

namespace v1 = sitroom::v1;

void ControlChange::saySummary(const v1::Phrase &words)
{
    summaryWords = words;
    summary = phrase::english(words);
}

bool CommandDecision::changesLiveControls() const
{
    return change && liveControlsDiffer(before, change->control);
}

void CommandDecision::conclude(v1::CommandStatus status, const v1::Phrase &message, AuditRecord row,
                               const v1::ControlState &control)
{
    result.set_status(status);
    *result.mutable_message_words() = message;
    result.set_message(phrase::english(message).toStdString());
    *result.mutable_control() = control;
    row.sayOutcome(outcomePhrase(status, message));
    audit.push_back(std::move(row));
}

CommandDecision CommandDecision::nothingDone(v1::CommandStatus status, const v1::Phrase &message,
                                             const v1::ControlState &control, bool keepResult) const
{
    CommandDecision d;
    d.storeResult = keepResult;
    d.result.set_command_id(result.command_id());
    d.result.set_status(status);
    *d.result.mutable_message_words() = message;
    d.result.set_message(phrase::english(message).toStdString());
    *d.result.mutable_control() = control;
    for (AuditRecord r : audit) {
        r.sayOutcome(outcomePhrase(status, message));
        r.before.clear();
        r.after.clear();
        d.audit.push_back(std::move(r));
    }
    return d;
}

v1::Phrase viewerRefusal()
{
    return phrase::make("refused.viewer_role");
}

v1::CommandResult refusedResult(const std::string &commandId, const v1::Phrase &why, const v1::ControlState &control)
{
    v1::CommandResult result;
    result.set_command_id(commandId);
    result.set_status(v1::COMMAND_REFUSED);
    *result.mutable_message_words() = why;
    result.set_message(phrase::english(why).toStdString());
    *result.mutable_control() = control;
    return result;
}

} // namespace sitroom::gateway
