#include "server/gateway/CommandWords.h"

#include "proto/sitroom/PhraseBook.h"
#include "proto/sitroom/ProtoText.h"

namespace sitroom::gateway {

QString figureText(double value)
{
    return QString::number(value, 'g', 10);
}

sitroom::v1::Phrase commandStatusPhrase(sitroom::v1::CommandStatus status)
{
    switch (status) {
    case sitroom::v1::COMMAND_APPLIED: return phrase::make("status.applied");
    case sitroom::v1::COMMAND_PENDING_APPROVAL: return phrase::make("status.pending_approval");
    case sitroom::v1::COMMAND_REFUSED: return phrase::make("status.refused");
    case sitroom::v1::COMMAND_CONFLICT: return phrase::make("status.conflict");
    case sitroom::v1::COMMAND_INVALID: return phrase::make("status.invalid");
    case sitroom::v1::COMMAND_EXPIRED: return phrase::make("status.expired");
    default: return phrase::make("status.unknown");
    }
}

QString commandStatusWord(sitroom::v1::CommandStatus status)
{
    return phrase::english(commandStatusPhrase(status));
}

sitroom::v1::Phrase outcomePhrase(sitroom::v1::CommandStatus status, const sitroom::v1::Phrase &detail)
{
    return phrase::make("outcome", {}, {{"status", commandStatusPhrase(status)}, {"detail", detail}});
}

sitroom::v1::Phrase commandPhrase(const sitroom::v1::Command &c)
{
    sitroom::v1::Phrase p;
    switch (c.action_case()) {
    case sitroom::v1::Command::kSetAdmissionRate:
        p = phrase::make("command.set_admission_rate", {{"rate", figureText(c.set_admission_rate().rate_per_s())}});
        break;
    case sitroom::v1::Command::kPauseAdmission: p = phrase::make("command.pause_admission"); break;
    case sitroom::v1::Command::kResumeAdmission: p = phrase::make("command.resume_admission"); break;
    case sitroom::v1::Command::kSetProviderEnabled: {
        const auto &e = c.set_provider_enabled();
        const QString provider = fromProto(e.provider_id());
        if (e.enabled())
            p = phrase::make("command.enable_provider", {{"provider", provider}});
        else if (e.disable_for_s())
            p = phrase::make("command.disable_provider_for",
                             {{"provider", provider}, {"seconds", QString::number(e.disable_for_s())}});
        else
            p = phrase::make("command.disable_provider", {{"provider", provider}});
        break;
    }
    case sitroom::v1::Command::kApprove: p = phrase::make("command.approve", {{"request", fromProto(c.approve().request_id())}}); break;
    case sitroom::v1::Command::kAcknowledgeAlert:
        p = phrase::make("command.acknowledge_alert", {{"alert", fromProto(c.acknowledge_alert().alert_id())}});
        break;
    case sitroom::v1::Command::kShelveAlert: p = phrase::make("command.shelve_alert", {{"alert", fromProto(c.shelve_alert().alert_id())}}); break;
    case sitroom::v1::Command::kUnshelveAlert:
        p = phrase::make("command.unshelve_alert", {{"alert", fromProto(c.unshelve_alert().alert_id())}});
        break;
    case sitroom::v1::Command::kRequestHandover: p = phrase::make("command.request_handover"); break;
    case sitroom::v1::Command::kAnswerHandover: {
        const QString request = fromProto(c.answer_handover().request_id());
        switch (c.answer_handover().answer()) {
        case sitroom::v1::HANDOVER_ACCEPT: p = phrase::make("command.accept_handover", {{"request", request}}); break;
        case sitroom::v1::HANDOVER_DECLINE: p = phrase::make("command.decline_handover", {{"request", request}}); break;
        case sitroom::v1::HANDOVER_WITHDRAW: p = phrase::make("command.withdraw_handover", {{"request", request}}); break;
        default: p = phrase::make("command.answer_handover", {{"request", request}}); break;
        }
        break;
    }
    case sitroom::v1::Command::kTakeCommand: p = phrase::make("command.take_command"); break;
    case sitroom::v1::Command::ACTION_NOT_SET: p = phrase::make("command.none"); break;
    }
    if (c.stale_override())
        p = phrase::make("command.stale_override", {}, {{"command", p}});
    return p;
}

QString describeCommand(const sitroom::v1::Command &c)
{
    return phrase::english(commandPhrase(c));
}

} // namespace sitroom::gateway
