// The control changes the gateway makes by itself, not on a command:
// unapproved requests and handovers expiring, timed disables ending, following the live
// system's revision, and putting back a change the live system did not take.
#include "server/gateway/ControlCommands.h"

#include "server/gateway/CommandPipeline.h"
#include "server/gateway/CommandWords.h"
#include "server/gateway/ControlDiff.h"
#include "server/gateway/LiveChange.h"

#include "proto/sitroom/CommandRoom.h"
#include "proto/sitroom/PhraseBook.h"
#include "proto/sitroom/ProtoText.h"
#include "proto/sitroom/SiteKey.h"

#include <QLocale>

#include <tuple>

namespace sitroom::gateway {

namespace v1 = sitroom::v1;

namespace {

const Identity kSystem{QStringLiteral("system"), v1::ROLE_SUPERVISOR, v1::SITE_UNSPECIFIED};

} // namespace

void ControlCommands::tick(qint64 wallNowMs, qint64 sourceNowMs)
{
    expireRequests(wallNowMs);
    while (auto due = dueTimedDisable(wallNowMs, sourceNowMs)) {
        QString error;
        if (!m_pipeline.write(*due, &error))
            return;   // tried again at the next tick
    }
}

void ControlCommands::expireRequests(qint64 wallNowMs)
{
    expireHandover(wallNowMs);
    // Unapproved requests, on the wall clock. A written expiry takes its
    // request out of m_control, so the same index holds the next one.
    for (int i = 0; i < m_control.pending_size();) {
        const v1::PendingApproval pending = m_control.pending(i);
        if (pending.expires_ms() >= wallNowMs) {
            ++i;
            continue;
        }
        const QString requester = fromProto(pending.requested_by().user());
        CommandDecision d;
        d.owner = this;
        d.storeResult = false;
        d.before = m_control;
        ControlChange change;
        change.control = m_control;
        change.control.mutable_pending()->DeleteSubrange(i, 1);
        change.control.set_revision(m_control.revision() + 1);
        change.actor = actorSaying(kSystem, wallNowMs, phrase::make("reason.not_approved_in_time"));
        *change.control.mutable_last_changed_by() = change.actor;
        change.saySummary(phrase::make("summary.expired", {{"requester", requester}},
                                       {{"command", commandPhrase(pending.command())}}));
        AuditRecord r;
        r.timeMs = wallNowMs;
        r.user = kSystem.user;
        r.sayAction(phrase::make("action.expire_request",
                                 {{"request", fromProto(pending.request_id())}, {"requester", requester}},
                                 {{"command", commandPhrase(pending.command())}}));
        r.reason = fromProto(pending.command().reason());
        std::tie(r.before, r.after) = controlDiff(m_control, change.control);
        r.sayOutcome(outcomePhrase(v1::COMMAND_EXPIRED,
                                   phrase::make("expired.not_within",
                                                {{"minutes", QString::number(m_options.approvalTimeoutMs / 60000.0, 'g',
                                                                             QLocale::FloatingPointShortest)}})));
        d.audit.push_back(r);
        d.change = change;
        QString error;
        if (!m_pipeline.write(d, &error))
            return;   // tried again at the next tick
    }
}

void ControlCommands::expireHandover(qint64 wallNowMs)
{
    // A handover unanswered by its deadline, on the wall clock as an approval.
    if (!handoverWaits(m_control) || m_control.handover().expires_ms() >= wallNowMs)
        return;
    const v1::HandoverRequest handover = m_control.handover();
    const QString requester = fromProto(handover.requested_by().user());
    const QString stays = siteKey(commandSiteOf(m_control));
    CommandDecision d;
    d.owner = this;
    d.storeResult = false;
    d.before = m_control;
    ControlChange change;
    change.control = m_control;
    change.control.clear_handover();
    change.control.set_revision(m_control.revision() + 1);
    change.actor = actorSaying(kSystem, wallNowMs, phrase::make("reason.handover_not_answered"));
    *change.control.mutable_last_changed_by() = change.actor;
    change.saySummary(phrase::make("summary.handover_expired", {{"requester", requester}, {"room", stays}}));
    AuditRecord r;
    r.timeMs = wallNowMs;
    r.user = kSystem.user;
    r.sayAction(phrase::make("action.expire_handover", {{"request", fromProto(handover.request_id())},
                                                        {"from_room", siteKey(handover.from_site())},
                                                        {"to_room", siteKey(handover.to_site())},
                                                        {"requester", requester}}));
    r.reason = fromProto(handover.requested_by().reason());
    std::tie(r.before, r.after) = controlDiff(m_control, change.control);
    r.sayOutcome(outcomePhrase(v1::COMMAND_EXPIRED,
                               phrase::make("expired.handover_not_within",
                                            {{"minutes", QString::number(m_options.approvalTimeoutMs / 60000.0, 'g',
                                                                         QLocale::FloatingPointShortest)}})));
    d.audit.push_back(r);
    d.change = change;
    QString error;
    m_pipeline.write(d, &error);   // tried again at the next tick when it fails
}

std::optional<CommandDecision> ControlCommands::dueTimedDisable(qint64 wallNowMs, qint64 sourceNowMs)
{
    // Timed disables, on the live system's clock.
    for (int i = 0; i < m_control.providers_size(); ++i) {
        const v1::ProviderControl p = m_control.providers(i);
        if (p.enabled() || p.disabled_until_ms() == 0 || sourceNowMs < p.disabled_until_ms())
            continue;
        const QString provider = fromProto(p.id());
        CommandDecision d;
        d.owner = this;
        d.storeResult = false;
        d.before = m_control;
        d.endsTimedDisable = true;
        d.result.set_command_id(QStringLiteral("timed-enable-%1-r%2").arg(provider).arg(m_control.revision() + 1).toStdString());
        ControlChange change;
        change.control = m_control;
        auto *q = change.control.mutable_providers(i);
        q->set_enabled(true);
        q->set_disabled_until_ms(0);
        if (q->ramp_s() == 0)
            q->set_ramp_s(m_options.rampS);
        change.control.set_revision(m_control.revision() + 1);
        change.actor = actorSaying(kSystem, wallNowMs, phrase::make("reason.timed_disable_ended"));
        *change.control.mutable_last_changed_by() = change.actor;
        // The ramp back starts now, on the live system's clock.
        *q->mutable_switched_by() = change.actor;
        q->clear_approved_by();
        q->set_switched_at_ms(sourceNowMs);
        change.saySummary(phrase::make("summary.timed_enable",
                                       {{"provider", provider}, {"seconds", QString::number(q->ramp_s())}}));
        AuditRecord r;
        r.timeMs = wallNowMs;
        r.user = kSystem.user;
        r.sayAction(phrase::make("command.enable_provider", {{"provider", provider}}));
        r.sayReason(phrase::make("reason.timed_disable_ended"));
        std::tie(r.before, r.after) = controlDiff(m_control, change.control);
        r.sayOutcome(outcomePhrase(v1::COMMAND_APPLIED,
                                   phrase::make("applied.ramping", {{"seconds", QString::number(q->ramp_s())}})));
        d.audit.push_back(r);
        d.change = change;
        d.result.set_status(v1::COMMAND_APPLIED);
        d.result.set_message(r.action.toStdString());
        *d.result.mutable_message_words() = r.actionWords;
        return d;
    }
    return std::nullopt;
}

void ControlCommands::followRevision(std::uint64_t liveRevision, qint64 wallNowMs)
{
    if (liveRevision <= m_control.revision())
        return;
    // The live system has applied a later revision than this gateway knows
    // (it restarted without its state, say): go on from there, so the next
    // change is not refused as stale.
    CommandDecision d;
    d.owner = this;
    d.storeResult = false;
    d.before = m_control;
    ControlChange change;
    change.control = m_control;
    change.control.set_revision(liveRevision);
    change.actor = actorSaying(kSystem, wallNowMs, phrase::make("reason.live_revision", {{"revision", QString::number(liveRevision)}}));
    change.saySummary(phrase::make("summary.follow_revision", {{"from", QString::number(m_control.revision())},
                                                               {"to", QString::number(liveRevision)}}));
    AuditRecord r;
    r.timeMs = wallNowMs;
    r.user = kSystem.user;
    r.sayAction(phrase::make("action.follow_revision"));
    r.sayReason(phrase::make("reason.endpoint_revision", {{"revision", QString::number(liveRevision)}}));
    r.before = QStringLiteral("{\"revision\":%1}").arg(m_control.revision());
    r.after = QStringLiteral("{\"revision\":%1}").arg(liveRevision);
    r.sayOutcome(commandStatusPhrase(v1::COMMAND_APPLIED));
    d.audit.push_back(r);
    d.change = change;
    QString error;
    m_pipeline.write(d, &error);
}

CommandDecision ControlCommands::restoreUndelivered(const OutboxEntry &entry, const DeliveryFailure &failure,
                                                   qint64 deadlineMs, qint64 wallNowMs)
{
    const QString commandId = entry.isRestore() ? entry.restoresCommandId : entry.commandId;
    // In the reader's words; the network's (the URL, Qt's error) only after
    // the English text fields, which the audit and sitroomctl keep.
    const v1::Phrase why = undeliveredReason(failure, deadlineMs);
    CommandDecision d;
    d.owner = this;
    d.storeResult = false;
    d.before = m_control;
    AuditRecord r;
    r.timeMs = wallNowMs;
    r.user = kSystem.user;
    r.commandId = commandId;
    r.sayAction(phrase::make("action.restore_undelivered", {{"command_id", entry.commandId},
                                                            {"revision", QString::number(entry.revision)}},
                             {{"command", entry.summary}}));
    r.sayReason(why);
    r.reason = withOwnWords(why, failure);
    if (entry.isRestore()) {
        // A restore is not restored in turn: the live system may still run the
        // change it put back, until the next change sends the whole state.
        r.sayOutcome(phrase::make("delivery.restore_unconfirmed"));
        d.audit.push_back(r);
        return d;
    }
    const v1::ControlState undone = undoLiveChange(m_control, entry.restore, entry.request.control);
    if (liveControlsDiffer(m_control, undone)) {
        ControlChange change;
        change.control = undone;
        change.control.set_revision(m_control.revision() + 1);
        change.actor = actorSaying(kSystem, wallNowMs, why);
        *change.control.mutable_last_changed_by() = change.actor;
        change.saySummary(phrase::make("summary.restored", {}, {{"command", entry.summary}}));
        std::tie(r.before, r.after) = controlDiff(m_control, change.control);
        r.sayOutcome(phrase::make("delivery.restored", {{"revision", QString::number(change.control.revision())}}));
        d.change = change;
    } else {
        r.sayOutcome(phrase::make("delivery.nothing_to_restore"));
    }
    d.audit.push_back(r);
    const v1::Phrase failed = phrase::make("delivery.failed", {}, {{"reason", why}});
    d.result.set_command_id(commandId.toStdString());
    d.result.set_status(v1::COMMAND_REFUSED);
    d.result.set_stage(v1::COMMAND_STAGE_DELIVERY_FAILED);
    *d.result.mutable_message_words() = failed;
    d.result.set_message(withOwnWords(failed, failure).toStdString());
    *d.result.mutable_control() = d.change ? d.change->control : m_control;
    return d;
}

} // namespace sitroom::gateway
