// The control changes the gateway makes by itself, not on a command:
// unapproved requests expiring, timed disables ending, following the live
// system's revision.
#include "server/gateway/CommandProcessor.h"

#include "server/gateway/CommandWords.h"
#include "server/gateway/ControlDiff.h"
#include "server/gateway/StateDatabase.h"

#include "proto/sitroom/PhraseBook.h"

#include <QLocale>

namespace sitroom::gateway {

namespace {

QString s(const std::string &text)
{
    return QString::fromStdString(text);
}

const Identity kSystem{QStringLiteral("system"), sitroom::v1::ROLE_SUPERVISOR, sitroom::v1::SITE_UNSPECIFIED};

} // namespace

void CommandProcessor::tick(qint64 wallNowMs, qint64 sourceNowMs)
{
    expireRequests(wallNowMs);
    while (auto due = dueTimedDisable(wallNowMs, sourceNowMs)) {
        QString error;
        if (!commit(*due, &error))
            return;   // tried again at the next tick
    }
}

void CommandProcessor::expireRequests(qint64 wallNowMs)
{
    // Unapproved requests, on the wall clock.
    for (int i = 0; i < m_control.pending_size();) {
        const v1::PendingApproval pending = m_control.pending(i);
        if (pending.expires_ms() >= wallNowMs) {
            ++i;
            continue;
        }
        CommandDecision d;
        d.before = m_control;
        ControlChange change;
        change.control = m_control;
        change.control.mutable_pending()->DeleteSubrange(i, 1);
        change.control.set_revision(m_control.revision() + 1);
        change.actor = actorSaying(kSystem, wallNowMs, phrase::make("reason.not_approved_in_time"));
        *change.control.mutable_last_changed_by() = change.actor;
        change.saySummary(phrase::make("summary.expired", {{"requester", s(pending.requested_by().user())}},
                                       {{"command", commandPhrase(pending.command())}}));
        AuditRecord r;
        r.timeMs = wallNowMs;
        r.user = kSystem.user;
        r.sayAction(phrase::make("action.expire_request",
                                 {{"request", s(pending.request_id())}, {"requester", s(pending.requested_by().user())}},
                                 {{"command", commandPhrase(pending.command())}}));
        r.reason = s(pending.command().reason());
        std::tie(r.before, r.after) = controlDiff(m_control, change.control);
        r.sayOutcome(outcomePhrase(v1::COMMAND_EXPIRED,
                                   phrase::make("expired.not_within",
                                                {{"minutes", QString::number(m_options.approvalTimeoutMs / 60000.0, 'g',
                                                                             QLocale::FloatingPointShortest)}})));
        d.audit.push_back(r);
        d.change = change;
        d.storeResult = false;
        QString error;
        if (!commit(d, &error))
            return;   // tried again at the next tick
    }
}

std::optional<CommandDecision> CommandProcessor::dueTimedDisable(qint64 wallNowMs, qint64 sourceNowMs) const
{
    // Timed disables, on the live system's clock.
    for (int i = 0; i < m_control.providers_size(); ++i) {
        const v1::ProviderControl p = m_control.providers(i);
        if (p.enabled() || p.disabled_until_ms() == 0 || sourceNowMs < p.disabled_until_ms())
            continue;
        CommandDecision d;
        d.before = m_control;
        d.endsTimedDisable = true;
        d.result.set_command_id(QStringLiteral("timed-enable-%1-r%2").arg(s(p.id())).arg(m_control.revision() + 1).toStdString());
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
                                       {{"provider", s(p.id())}, {"seconds", QString::number(q->ramp_s())}}));
        AuditRecord r;
        r.timeMs = wallNowMs;
        r.user = kSystem.user;
        r.sayAction(phrase::make("command.enable_provider", {{"provider", s(p.id())}}));
        r.sayReason(phrase::make("reason.timed_disable_ended"));
        std::tie(r.before, r.after) = controlDiff(m_control, change.control);
        r.sayOutcome(outcomePhrase(v1::COMMAND_APPLIED,
                                   phrase::make("applied.ramping", {{"seconds", QString::number(q->ramp_s())}})));
        d.audit.push_back(r);
        d.change = change;
        d.result.set_status(v1::COMMAND_APPLIED);
        d.result.set_message(r.action.toStdString());
        *d.result.mutable_message_words() = r.actionWords;
        d.storeResult = false;
        return d;
    }
    return std::nullopt;
}

void CommandProcessor::followRevision(std::uint64_t liveRevision, qint64 wallNowMs)
{
    if (liveRevision <= m_control.revision())
        return;
    // The live system has applied a later revision than this gateway knows
    // (it restarted without its state, say): go on from there, so the next
    // change is not refused as stale.
    CommandDecision d;
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
    d.storeResult = false;
    QString error;
    commit(d, &error);
}

} // namespace sitroom::gateway
