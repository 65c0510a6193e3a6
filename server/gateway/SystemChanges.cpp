// The control changes the gateway makes by itself, not on a command:
// unapproved requests expiring, timed disables ending, following the live
// system's revision.
#include "gateway/CommandProcessor.h"

#include "gateway/CommandWords.h"
#include "gateway/ControlDiff.h"
#include "gateway/StateDatabase.h"

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
        change.actor = actorOf(kSystem, wallNowMs, QStringLiteral("not approved in time"));
        *change.control.mutable_last_changed_by() = change.actor;
        change.summary = QStringLiteral("%1's request to %2 expired unapproved")
                             .arg(s(pending.requested_by().user()), describe(pending.command()));
        AuditRecord r;
        r.timeMs = wallNowMs;
        r.user = kSystem.user;
        r.action = QStringLiteral("expire request %1 (%2 by %3)")
                       .arg(s(pending.request_id()), describe(pending.command()), s(pending.requested_by().user()));
        r.reason = s(pending.command().reason());
        std::tie(r.before, r.after) = controlDiff(m_control, change.control);
        r.outcome = QStringLiteral("expired: not approved within %1 min").arg(m_options.approvalTimeoutMs / 60000.0);
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
        change.actor = actorOf(kSystem, wallNowMs, QStringLiteral("timed disable ended"));
        *change.control.mutable_last_changed_by() = change.actor;
        // The ramp back starts now, on the live system's clock.
        *q->mutable_switched_by() = change.actor;
        q->clear_approved_by();
        q->set_switched_at_ms(sourceNowMs);
        change.summary = QStringLiteral("provider %1 re-enabled at the end of its timed disable; ramping in over %2 s")
                             .arg(s(p.id())).arg(q->ramp_s());
        AuditRecord r;
        r.timeMs = wallNowMs;
        r.user = kSystem.user;
        r.action = QStringLiteral("enable provider %1").arg(s(p.id()));
        r.reason = QStringLiteral("timed disable ended");
        std::tie(r.before, r.after) = controlDiff(m_control, change.control);
        r.outcome = QStringLiteral("applied: ramping in over %1 s").arg(q->ramp_s());
        d.audit.push_back(r);
        d.change = change;
        d.result.set_status(v1::COMMAND_APPLIED);
        d.result.set_message(r.action.toStdString());
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
    change.actor = actorOf(kSystem, wallNowMs, QStringLiteral("the live system has applied revision %1").arg(liveRevision));
    change.summary = QStringLiteral("control revision raised from %1 to %2 to follow the live system")
                         .arg(m_control.revision()).arg(liveRevision);
    AuditRecord r;
    r.timeMs = wallNowMs;
    r.user = kSystem.user;
    r.action = QStringLiteral("follow the live system's control revision");
    r.reason = QStringLiteral("its control endpoint reports revision %1").arg(liveRevision);
    r.before = QStringLiteral("{\"revision\":%1}").arg(m_control.revision());
    r.after = QStringLiteral("{\"revision\":%1}").arg(liveRevision);
    r.outcome = QStringLiteral("applied");
    d.audit.push_back(r);
    d.change = change;
    d.storeResult = false;
    QString error;
    commit(d, &error);
}

} // namespace sitroom::gateway
