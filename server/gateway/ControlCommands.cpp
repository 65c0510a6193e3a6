#include "server/gateway/ControlCommands.h"

#include "server/gateway/AlertCommands.h"
#include "server/gateway/CommandPipeline.h"
#include "server/gateway/CommandWords.h"
#include "server/gateway/ControlDiff.h"
#include "server/gateway/ControlTarget.h"
#include "server/gateway/GatewayStore.h"
#include "server/gateway/StaleInterlock.h"
#include "server/gateway/UsersFile.h"

#include "proto/sitroom/CommandRoom.h"
#include "proto/sitroom/PhraseBook.h"
#include "proto/sitroom/ProtoText.h"
#include "proto/sitroom/SiteKey.h"

#include <QLocale>
#include <QUuid>

#include <tuple>

namespace sitroom::gateway {

namespace v1 = sitroom::v1;
using v1::Command;
using v1::ControlState;

namespace {

// As QString::arg(double) writes it: "5", "2.5".
QString shortest(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

v1::Actor actorOf(const Identity &who, qint64 wallNowMs, const QString &reason)
{
    return gateway::actorOf(who.user, who.site, wallNowMs, reason);
}

} // namespace

ControlCommands::ControlCommands(CommandPipeline &pipeline, ControlCommandsOptions options)
    : m_pipeline(pipeline)
    , m_options(options)
{
    if (const auto stored = m_pipeline.store().loadControl()) {
        m_control = *stored;
        m_restored = true;
    }
    if (!mayHoldCommand(m_control.command_site()))
        m_control.set_command_site(m_options.commandSite);
}

void ControlCommands::setConfiguration(const v1::Configuration &configuration)
{
    m_configuration = configuration;
}

void ControlCommands::initialize(const ControlState &sourceInitial)
{
    if (m_restored || m_initialized) {
        for (const auto &p : sourceInitial.providers())
            if (!findProvider(m_control, p.id()))
                *m_control.add_providers() = p;
    } else {
        const std::uint32_t commandSite = m_control.command_site();
        m_control = sourceInitial;
        if (m_control.revision() == 0)
            m_control.set_revision(1);
        if (!mayHoldCommand(m_control.command_site()))
            m_control.set_command_site(commandSite);
    }
    m_initialized = true;
    if (m_target)
        m_target->applyControl(m_control);
}

v1::Actor ControlCommands::actorSaying(const Identity &who, qint64 wallNowMs, const v1::Phrase &reason)
{
    v1::Actor actor = actorOf(who, wallNowMs, phrase::english(reason));
    *actor.mutable_reason_words() = reason;
    return actor;
}

v1::Phrase ControlCommands::validate(const Command &c) const
{
    switch (c.action_case()) {
    case Command::ACTION_NOT_SET:
        return phrase::make("invalid.no_action");
    case Command::kApprove:
        return c.approve().request_id().empty() ? phrase::make("invalid.no_request_id") : v1::Phrase();
    default:
        break;
    }
    if (fromProto(c.reason()).trimmed().isEmpty())
        return phrase::make("invalid.no_reason");
    if (c.action_case() == Command::kSetAdmissionRate) {
        const double r = c.set_admission_rate().rate_per_s();
        const double lo = m_configuration.admission_rate_min_per_s();
        const double hi = m_configuration.admission_rate_max_per_s();
        if (!(r >= 0) || (hi > 0 && (r < lo || r > hi)))
            return phrase::make("invalid.rate_range", {{"min", shortest(lo)}, {"max", shortest(hi)},
                                                       {"rate", shortest(r)}});
    }
    if (c.action_case() == Command::kSetProviderEnabled) {
        if (!findProvider(m_control, c.set_provider_enabled().provider_id()))
            return phrase::make("invalid.unknown_provider", {{"provider", fromProto(c.set_provider_enabled().provider_id())}});
    }
    return {};
}

bool ControlCommands::isHazardous(const Command &c) const
{
    switch (c.action_case()) {
    case Command::kPauseAdmission:
        return true;
    case Command::kSetAdmissionRate:
        return c.set_admission_rate().rate_per_s()
            < m_control.admission_rate_per_s() * (1.0 - m_configuration.hazardous_rate_cut_fraction());
    case Command::kSetProviderEnabled:
        return !c.set_provider_enabled().enabled();
    default:
        return false;
    }
}

void ControlCommands::applyAction(ControlState &state, const Command &c, qint64 sourceNowMs) const
{
    switch (c.action_case()) {
    case Command::kSetAdmissionRate:
        state.set_admission_rate_per_s(c.set_admission_rate().rate_per_s());
        break;
    case Command::kPauseAdmission:
        state.set_admission_paused(true);
        break;
    case Command::kResumeAdmission:
        state.set_admission_paused(false);
        break;
    case Command::kSetProviderEnabled: {
        const auto &a = c.set_provider_enabled();
        v1::ProviderControl *p = findProvider(state, a.provider_id());
        if (!p)
            break;
        p->set_enabled(a.enabled());
        p->set_disabled_until_ms(!a.enabled() && a.disable_for_s() ? sourceNowMs + qint64(a.disable_for_s()) * 1000 : 0);
        if (!a.enabled() || p->ramp_s() == 0)
            p->set_ramp_s(m_options.rampS);
        break;
    }
    default:
        break;
    }
}

bool ControlCommands::accepts(const Command &command) const
{
    (void)command;
    return true;
}

CommandDecision ControlCommands::decide(const Command &c, const CommandContext &context)
{
    const Identity &who = context.who;
    CommandDecision d;
    d.before = m_control;
    d.result.set_command_id(c.command_id());
    const auto finish = [&](v1::CommandStatus status, const v1::Phrase &message) {
        AuditRecord row = context.row;
        if (d.change)
            std::tie(row.before, row.after) = controlDiff(m_control, d.change->control);
        d.conclude(status, message, row, d.change ? d.change->control : m_control);
        return std::move(d);
    };

    if (AlertCommands::isAlertCommand(c))
        return finish(v1::COMMAND_REFUSED, phrase::make("refused.no_alert_engine"));
    // What an operator may not do.
    if (who.role == v1::ROLE_OPERATOR && c.action_case() == Command::kSetProviderEnabled)
        return finish(v1::COMMAND_REFUSED, c.set_provider_enabled().enabled() ? phrase::make("refused.operator_enable")
                                                                              : phrase::make("refused.operator_disable"));
    if (who.role == v1::ROLE_OPERATOR && c.action_case() == Command::kApprove)
        return finish(v1::COMMAND_REFUSED, phrase::make("refused.operator_approve"));
    // Malformed, or decided on stale figures.
    if (const v1::Phrase why = validate(c); !why.code().empty())
        return finish(v1::COMMAND_INVALID, why);
    if (const v1::Phrase why = staleInterlock(c, m_stale); !why.code().empty())
        return finish(v1::COMMAND_REFUSED, why);
    if (const v1::Phrase why = clockInterlock(c, context.sourceNowMs); !why.code().empty())
        return finish(v1::COMMAND_REFUSED, why);
    if (c.action_case() == Command::kApprove) {
        // An approval names its request; the revision it was made at does not matter.
        return decideApproval(c, context);
    }
    // Decided on another revision than the one in force.
    if (const v1::Phrase conflict = revisionConflict(c.expected_revision()); !conflict.code().empty())
        return finish(v1::COMMAND_CONFLICT, conflict);
    ControlChange change;
    change.control = m_control;
    change.control.set_revision(m_control.revision() + 1);
    change.actor = actorOf(who, context.wallNowMs, fromProto(c.reason()));
    *change.control.mutable_last_changed_by() = change.actor;
    // From a room not in command, whatever it asks, or hazardous: a
    // (second) supervisor of the room in command must approve.
    const QString inCommand = siteKey(commandSiteOf(m_control));
    const bool fromOtherRoom = who.site != commandSiteOf(m_control);
    if (fromOtherRoom || isHazardous(c)) {
        const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto *pending = change.control.add_pending();
        pending->set_request_id(requestId.toStdString());
        *pending->mutable_command() = c;
        *pending->mutable_requested_by() = change.actor;
        pending->set_expires_ms(context.wallNowMs + m_options.approvalTimeoutMs);
        v1::RequestFigures *figures = pending->mutable_figures_at_request();
        if (m_figures)
            *figures->mutable_state() = m_figures();
        figures->set_admission_rate_per_s(m_control.admission_rate_per_s());
        figures->set_admission_paused(m_control.admission_paused());
        pending->set_from_room_not_in_command(fromOtherRoom);
        const QString minutes = shortest(m_options.approvalTimeoutMs / 60000.0);
        change.saySummary(fromOtherRoom ? phrase::make("summary.requested_other_room",
                                                       {{"user", who.user}, {"room", inCommand}, {"minutes", minutes}},
                                                       {{"command", commandPhrase(c)}})
                                        : phrase::make("summary.requested", {{"user", who.user}, {"minutes", minutes}},
                                                       {{"command", commandPhrase(c)}}));
        d.change = change;
        d.result.set_request_id(requestId.toStdString());
        return finish(v1::COMMAND_PENDING_APPROVAL,
                      fromOtherRoom ? phrase::make("pending.other_room", {{"request", requestId}, {"room", inCommand}})
                                    : phrase::make("pending.waits", {{"request", requestId}}));
    }
    applyAction(change.control, c, context.sourceNowMs);
    stampProviderSwitch(change.control, c, change.actor, {}, context.sourceNowMs);
    change.saySummary(phrase::make("summary.did", {{"user", who.user}}, {{"command", commandPhrase(c)}}));
    d.change = change;
    return finish(v1::COMMAND_APPLIED, commandPhrase(c));
}

CommandDecision ControlCommands::decideApproval(const Command &c, const CommandContext &context)
{
    const Identity &who = context.who;
    CommandDecision d;
    d.before = m_control;
    d.result.set_command_id(c.command_id());
    AuditRecord row = context.row;
    const auto finish = [&](v1::CommandStatus status, const v1::Phrase &message) {
        d.conclude(status, message, row, d.change ? d.change->control : m_control);
        return std::move(d);
    };
    const std::string requestId = c.approve().request_id();
    int index = -1;
    for (int i = 0; i < m_control.pending_size(); ++i)
        if (m_control.pending(i).request_id() == requestId)
            index = i;
    if (index < 0 || m_control.pending(index).expires_ms() < context.wallNowMs)
        return finish(v1::COMMAND_EXPIRED, phrase::make("expired.no_request", {{"request", fromProto(requestId)}}));
    const v1::PendingApproval pending = m_control.pending(index);
    if (pending.requested_by().user() == who.user.toStdString())
        return finish(v1::COMMAND_REFUSED, phrase::make("refused.same_supervisor"));
    // Only the room in command approves, whichever room asked.
    if (who.site != commandSiteOf(m_control))
        return finish(v1::COMMAND_REFUSED, phrase::make("refused.approver_room", {{"room", siteKey(commandSiteOf(m_control))}}));
    // The approver decides on today's figures: their override, not the requester's.
    v1::Command approved = pending.command();
    approved.set_stale_override(c.stale_override());
    if (const v1::Phrase why = staleInterlock(approved, m_stale); !why.code().empty())
        return finish(v1::COMMAND_REFUSED, why);
    if (const v1::Phrase why = clockInterlock(approved, context.sourceNowMs); !why.code().empty())
        return finish(v1::COMMAND_REFUSED, why);

    const QString requester = fromProto(pending.requested_by().user());
    ControlChange change;
    change.control = m_control;
    change.control.mutable_pending()->DeleteSubrange(index, 1);
    change.control.set_revision(m_control.revision() + 1);
    applyAction(change.control, pending.command(), context.sourceNowMs);
    change.actor = actorSaying(who, context.wallNowMs,
                               phrase::make("reason.approved_request",
                                            {{"requester", requester}, {"reason", fromProto(pending.command().reason())}}));
    *change.control.mutable_last_changed_by() = change.actor;
    stampProviderSwitch(change.control, pending.command(), pending.requested_by(), actorOf(who, context.wallNowMs, {}),
                        context.sourceNowMs);
    change.saySummary(phrase::make("summary.approved", {{"approver", who.user}, {"requester", requester}},
                                   {{"command", commandPhrase(pending.command())}}));
    d.change = change;

    // The original command's own row: its requester, its reason, its effect.
    AuditRecord original;
    original.timeMs = context.wallNowMs;
    original.sourceTimeMs = context.sourceNowMs;
    original.commandId = fromProto(pending.command().command_id());
    original.user = requester;
    original.site = pending.requested_by().site();
    original.sayAction(commandPhrase(pending.command()));
    original.reason = fromProto(pending.command().reason());
    std::tie(original.before, original.after) = controlDiff(m_control, change.control);
    original.sayOutcome(outcomePhrase(v1::COMMAND_APPLIED,
                                      phrase::make("approval.by", {{"approver", who.user}, {"request", fromProto(requestId)}})));
    d.audit.push_back(original);
    row.before = original.before;
    row.after = original.after;
    return finish(v1::COMMAND_APPLIED, phrase::make("approval.approved", {{"requester", requester}},
                                                    {{"command", commandPhrase(pending.command())}}));
}

v1::Phrase ControlCommands::revisionConflict(std::uint64_t expected) const
{
    if (expected == m_control.revision())
        return {};
    const v1::Actor &last = m_control.last_changed_by();
    const QString now = QString::number(m_control.revision());
    const QString wanted = QString::number(expected);
    if (last.user().empty())
        return phrase::make("conflict.revision", {{"now", now}, {"expected", wanted}});
    return phrase::make("conflict.revision_by",
                        {{"now", now}, {"expected", wanted}, {"user", fromProto(last.user())},
                         {"site", UsersFile::siteName(v1::Site(last.site()))},
                         {"time_wall_ms", QString::number(last.time_ms())}, {"reason", fromProto(last.reason())}});
}

void ControlCommands::committed(CommandDecision &decision)
{
    if (!decision.change)
        return;
    m_control = decision.change->control;
    m_changes.push_back(*decision.change);
    if (m_target)
        m_target->applyControl(m_control);
}

void ControlCommands::storeMovedOn()
{
    const std::optional<ControlState> stored = m_pipeline.store().loadControl();
    if (!stored || stored->SerializeAsString() == m_control.SerializeAsString())
        return;
    // Changed by another gateway: in force here too, and told to the consoles.
    ControlChange change;
    change.control = *stored;
    change.actor = stored->last_changed_by();
    m_control = *stored;
    m_changes.push_back(change);
    if (m_target)
        m_target->applyControl(m_control);
}

std::vector<ControlChange> ControlCommands::takeControlChanges()
{
    return std::exchange(m_changes, {});
}

} // namespace sitroom::gateway
