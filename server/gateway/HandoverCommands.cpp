#include "server/gateway/HandoverCommands.h"

#include "server/gateway/CommandPipeline.h"
#include "server/gateway/ControlCommands.h"
#include "server/gateway/ControlDiff.h"
#include "server/gateway/GatewayStore.h"

#include "proto/sitroom/CommandRoom.h"
#include "proto/sitroom/PhraseBook.h"
#include "proto/sitroom/ProtoText.h"
#include "proto/sitroom/SiteKey.h"

#include <QLocale>
#include <QUuid>

#include <algorithm>
#include <tuple>

namespace sitroom::gateway {

namespace v1 = sitroom::v1;
using v1::Command;

namespace {

QString room(quint32 site)
{
    return siteKey(site);
}

QString wholeSeconds(qint64 ms)
{
    return QString::number(std::max<qint64>(0, ms) / 1000);
}

// The steps every handover command shares, before its own rules: who may
// hand over or take command at all.
v1::Phrase whoMayNot(const Identity &who)
{
    if (who.role != v1::ROLE_SUPERVISOR)
        return phrase::make("refused.handover_role");
    if (!mayHoldCommand(who.site))
        return phrase::make("refused.handover_site");
    return {};
}

} // namespace

HandoverCommands::HandoverCommands(CommandPipeline &pipeline, ControlCommands &controls, HandoverOptions options)
    : m_pipeline(pipeline)
    , m_controls(controls)
    , m_options(options)
{
}

bool HandoverCommands::accepts(const Command &command) const
{
    switch (command.action_case()) {
    case Command::kRequestHandover:
    case Command::kAnswerHandover:
    case Command::kTakeCommand:
        return true;
    default:
        return false;
    }
}

void HandoverCommands::committed(CommandDecision &decision)
{
    m_controls.committed(decision);
}

void HandoverCommands::storeMovedOn()
{
    m_controls.storeMovedOn();
}

CommandDecision HandoverCommands::decide(const Command &c, const CommandContext &context)
{
    switch (c.action_case()) {
    case Command::kRequestHandover: return decideRequest(c, context);
    case Command::kAnswerHandover: return decideAnswer(c, context);
    default: return decideTakeover(c, context);
    }
}

CommandDecision HandoverCommands::decideRequest(const Command &c, const CommandContext &context)
{
    const Identity &who = context.who;
    const v1::ControlState &now = m_controls.control();
    CommandDecision d;
    d.before = now;
    d.result.set_command_id(c.command_id());
    AuditRecord row = context.row;
    const auto finish = [&](v1::CommandStatus status, const v1::Phrase &message) {
        if (d.change)
            std::tie(row.before, row.after) = controlDiff(now, d.change->control);
        d.conclude(status, message, row, d.change ? d.change->control : now);
        return std::move(d);
    };
    if (const v1::Phrase why = whoMayNot(who); !why.code().empty())
        return finish(v1::COMMAND_REFUSED, why);
    if (fromProto(c.reason()).trimmed().isEmpty())
        return finish(v1::COMMAND_INVALID, phrase::make("invalid.no_reason"));
    if (handoverWaits(now))
        return finish(v1::COMMAND_REFUSED,
                      phrase::make("refused.handover_waiting", {{"request", fromProto(now.handover().request_id())}}));
    if (const v1::Phrase conflict = m_controls.revisionConflict(c.expected_revision()); !conflict.code().empty())
        return finish(v1::COMMAND_CONFLICT, conflict);

    // Offered by the room in command, or asked for by the other: either way
    // command would move from the one to the other, and the room that did
    // not ask answers.
    const v1::Site from = commandSiteOf(now);
    const v1::Site to = otherRoom(from);
    const bool offered = who.site == from;
    const v1::Site answering = offered ? to : from;
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    row.sayAction(phrase::make(offered ? "action.offer_command" : "action.ask_command",
                               {{"from_room", room(from)}, {"to_room", room(to)}}));

    ControlChange change;
    change.control = now;
    change.control.set_revision(now.revision() + 1);
    change.actor = actorOf(who.user, who.site, context.wallNowMs, fromProto(c.reason()));
    *change.control.mutable_last_changed_by() = change.actor;
    v1::HandoverRequest *handover = change.control.mutable_handover();
    handover->set_request_id(requestId.toStdString());
    handover->set_from_site(from);
    handover->set_to_site(to);
    *handover->mutable_requested_by() = change.actor;
    handover->set_expires_ms(context.wallNowMs + m_controls.approvalTimeoutMs());
    const QString minutes = QString::number(m_controls.approvalTimeoutMs() / 60000.0, 'g', QLocale::FloatingPointShortest);
    change.saySummary(phrase::make(offered ? "summary.handover_offered" : "summary.handover_asked",
                                   {{"user", who.user}, {"from_room", room(from)}, {"to_room", room(to)}, {"minutes", minutes}}));
    d.change = change;
    d.result.set_request_id(requestId.toStdString());
    return finish(v1::COMMAND_PENDING_APPROVAL,
                  phrase::make("pending.handover", {{"request", requestId}, {"room", room(answering)}}));
}

CommandDecision HandoverCommands::decideAnswer(const Command &c, const CommandContext &context)
{
    const Identity &who = context.who;
    const v1::ControlState &now = m_controls.control();
    CommandDecision d;
    d.before = now;
    d.result.set_command_id(c.command_id());
    AuditRecord row = context.row;
    const auto finish = [&](v1::CommandStatus status, const v1::Phrase &message) {
        if (d.change)
            std::tie(row.before, row.after) = controlDiff(now, d.change->control);
        d.conclude(status, message, row, d.change ? d.change->control : now);
        return std::move(d);
    };
    const v1::AnswerHandover &answer = c.answer_handover();
    if (const v1::Phrase why = whoMayNot(who); !why.code().empty())
        return finish(v1::COMMAND_REFUSED, why);
    if (answer.request_id().empty())
        return finish(v1::COMMAND_INVALID, phrase::make("invalid.no_request_id"));
    if (answer.answer() != v1::HANDOVER_ACCEPT && answer.answer() != v1::HANDOVER_DECLINE
        && answer.answer() != v1::HANDOVER_WITHDRAW)
        return finish(v1::COMMAND_INVALID, phrase::make("invalid.no_handover_answer"));
    const QString requestId = fromProto(answer.request_id());
    // An answer names its request; the revision it was made at does not matter.
    if (!handoverWaits(now) || now.handover().request_id() != answer.request_id()
        || now.handover().expires_ms() < context.wallNowMs)
        return finish(v1::COMMAND_EXPIRED, phrase::make("expired.no_handover", {{"request", requestId}}));

    const v1::HandoverRequest handover = now.handover();
    const quint32 asking = handover.requested_by().site();
    const v1::Site answering = otherRoom(asking);
    const QString requester = fromProto(handover.requested_by().user());
    if (answer.answer() == v1::HANDOVER_WITHDRAW ? quint32(who.site) != asking : who.site != answering) {
        return finish(v1::COMMAND_REFUSED,
                      answer.answer() == v1::HANDOVER_WITHDRAW
                          ? phrase::make("refused.handover_withdraw_room", {{"request", requestId}, {"room", room(asking)}})
                          : phrase::make("refused.handover_answer_room", {{"request", requestId}, {"room", room(answering)}}));
    }

    ControlChange change;
    change.control = now;
    change.control.clear_handover();
    change.control.set_revision(now.revision() + 1);
    v1::Phrase message;
    if (answer.answer() == v1::HANDOVER_ACCEPT) {
        change.control.set_command_site(handover.to_site());
        change.actor = ControlCommands::actorSaying(
            who, context.wallNowMs,
            phrase::make("reason.handover_accepted", {{"requester", requester}, {"reason", fromProto(handover.requested_by().reason())}}));
        change.saySummary(phrase::make("summary.handover_accepted",
                                       {{"user", who.user}, {"requester", requester}, {"to_room", room(handover.to_site())}}));
        message = phrase::make("handover.accepted", {{"from_room", room(handover.from_site())}, {"to_room", room(handover.to_site())}});
    } else {
        change.actor = actorOf(who.user, who.site, context.wallNowMs, fromProto(c.reason()));
        const bool declined = answer.answer() == v1::HANDOVER_DECLINE;
        change.saySummary(declined ? phrase::make("summary.handover_declined",
                                                  {{"user", who.user}, {"requester", requester}, {"room", room(handover.from_site())}})
                                   : phrase::make("summary.handover_withdrawn", {{"user", who.user}, {"room", room(handover.from_site())}}));
        message = phrase::make(declined ? "handover.declined" : "handover.withdrawn",
                               {{"request", requestId}, {"room", room(handover.from_site())}});
    }
    *change.control.mutable_last_changed_by() = change.actor;
    d.change = change;
    return finish(v1::COMMAND_APPLIED, message);
}

v1::Phrase HandoverCommands::takeoverRefusal(v1::Site inCommand, qint64 wallNowMs, qint64 *lastSeenMs) const
{
    *lastSeenMs = 0;
    if (m_options.gatewaySite == inCommand)
        return phrase::make("refused.takeover_own_gateway", {{"room", room(inCommand)}});
    const GatewayPresence *newest = nullptr;
    const std::vector<GatewayPresence> seen = m_pipeline.store().loadPresence();
    for (const GatewayPresence &p : seen)
        if (p.site == inCommand && (!newest || p.lastSeenMs > newest->lastSeenMs))
            newest = &p;
    if (!newest)
        return m_options.allowUnseenTakeover ? v1::Phrase() : phrase::make("refused.takeover_unseen", {{"room", room(inCommand)}});
    *lastSeenMs = newest->lastSeenMs;
    const qint64 age = wallNowMs - newest->lastSeenMs;
    if (age < m_options.takeoverAfterMs)
        return phrase::make("refused.takeover_seen", {{"room", room(inCommand)}, {"server", newest->serverId},
                                                      {"seconds", wholeSeconds(age)},
                                                      {"after", wholeSeconds(m_options.takeoverAfterMs)}});
    return {};
}

CommandDecision HandoverCommands::decideTakeover(const Command &c, const CommandContext &context)
{
    const Identity &who = context.who;
    const v1::ControlState &now = m_controls.control();
    CommandDecision d;
    d.before = now;
    d.result.set_command_id(c.command_id());
    AuditRecord row = context.row;
    const v1::Site from = commandSiteOf(now);
    row.sayAction(phrase::make("action.take_command", {{"from_room", room(from)}, {"to_room", room(who.site)}}));
    const auto finish = [&](v1::CommandStatus status, const v1::Phrase &message) {
        if (d.change)
            std::tie(row.before, row.after) = controlDiff(now, d.change->control);
        d.conclude(status, message, row, d.change ? d.change->control : now);
        return std::move(d);
    };
    if (const v1::Phrase why = whoMayNot(who); !why.code().empty())
        return finish(v1::COMMAND_REFUSED, why);
    if (fromProto(c.reason()).trimmed().isEmpty())
        return finish(v1::COMMAND_INVALID, phrase::make("invalid.no_reason"));
    if (who.site == from)
        return finish(v1::COMMAND_REFUSED, phrase::make("refused.in_command", {{"room", room(from)}}));
    if (const v1::Phrase conflict = m_controls.revisionConflict(c.expected_revision()); !conflict.code().empty())
        return finish(v1::COMMAND_CONFLICT, conflict);
    qint64 lastSeenMs = 0;
    if (const v1::Phrase why = takeoverRefusal(from, context.wallNowMs, &lastSeenMs); !why.code().empty())
        return finish(v1::COMMAND_REFUSED, why);

    ControlChange change;
    change.control = now;
    change.control.set_command_site(who.site);
    change.control.clear_handover();   // whatever waited is moot: command has moved
    change.control.set_revision(now.revision() + 1);
    change.actor = actorOf(who.user, who.site, context.wallNowMs, fromProto(c.reason()));
    *change.control.mutable_last_changed_by() = change.actor;
    change.saySummary(phrase::make("summary.took_command", {{"user", who.user}, {"from_room", room(from)}, {"to_room", room(who.site)}}));
    d.change = change;
    const v1::Phrase message = lastSeenMs > 0
        ? phrase::make("handover.taken", {{"from_room", room(from)}, {"to_room", room(who.site)},
                                          {"seconds", wholeSeconds(context.wallNowMs - lastSeenMs)}})
        : phrase::make("handover.taken_unseen", {{"from_room", room(from)}, {"to_room", room(who.site)}});
    return finish(v1::COMMAND_APPLIED, message);
}

} // namespace sitroom::gateway
