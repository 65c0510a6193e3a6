#include "server/gateway/CommandProcessor.h"

#include "server/gateway/CommandWords.h"
#include "server/gateway/ControlDiff.h"
#include "server/gateway/ControlTarget.h"
#include "server/gateway/StaleInterlock.h"
#include "server/gateway/StateDatabase.h"
#include "server/gateway/UsersFile.h"

#include "proto/sitroom/PhraseBook.h"

#include <QLocale>
#include <QUuid>

namespace sitroom::gateway {

using sitroom::v1::Command;
using sitroom::v1::CommandResult;
using sitroom::v1::ControlState;

namespace {

QString s(const std::string &text)
{
    return QString::fromStdString(text);
}

// As QString::arg(double) writes it: "5", "2.5".
QString shortest(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

CommandProcessor::CommandProcessor(StateDatabase &database, CommandProcessorOptions options)
    : m_db(database)
    , m_audit(database)
    , m_store(database)
    , m_options(options)
{
    if (const auto stored = m_store.loadControl()) {
        m_control = *stored;
        m_restored = true;
    }
}

void CommandProcessor::setConfiguration(const sitroom::v1::Configuration &configuration)
{
    m_configuration = configuration;
}

void CommandProcessor::initialize(const ControlState &sourceInitial)
{
    if (m_restored || m_initialized) {
        for (const auto &p : sourceInitial.providers())
            if (!findProvider(m_control, p.id()))
                *m_control.add_providers() = p;
    } else {
        m_control = sourceInitial;
        if (m_control.revision() == 0)
            m_control.set_revision(1);
    }
    m_initialized = true;
    if (m_target)
        m_target->applyControl(m_control);
}

QString CommandProcessor::describe(const Command &c)
{
    return describeCommand(c);
}

void ControlChange::saySummary(const v1::Phrase &words)
{
    summaryWords = words;
    summary = phrase::english(words);
}

v1::Actor CommandProcessor::actorSaying(const Identity &who, qint64 wallNowMs, const v1::Phrase &reason)
{
    v1::Actor actor = actorOf(who, wallNowMs, phrase::english(reason));
    *actor.mutable_reason_words() = reason;
    return actor;
}

bool CommandDecision::changesLiveControls() const
{
    return change && liveControlsDiffer(before, change->control);
}

v1::Phrase CommandProcessor::validate(const Command &c) const
{
    switch (c.action_case()) {
    case Command::ACTION_NOT_SET:
        return phrase::make("invalid.no_action");
    case Command::kApprove:
        return c.approve().request_id().empty() ? phrase::make("invalid.no_request_id") : v1::Phrase();
    default:
        break;
    }
    if (QString::fromStdString(c.reason()).trimmed().isEmpty())
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
            return phrase::make("invalid.unknown_provider", {{"provider", s(c.set_provider_enabled().provider_id())}});
    }
    return {};
}

bool CommandProcessor::isHazardous(const Command &c) const
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

void CommandProcessor::applyAction(ControlState &state, const Command &c, qint64 sourceNowMs) const
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

CommandResult CommandProcessor::handle(const Command &command, const Identity &who, qint64 wallNowMs, qint64 sourceNowMs)
{
    // Due expiries first, so a late approval sees its request gone.
    tick(wallNowMs, sourceNowMs);
    if (auto first = storedResult(command))
        return *first;
    CommandDecision decision = decide(command, who, wallNowMs, sourceNowMs);
    return commitDecision(decision);
}

std::optional<CommandResult> CommandProcessor::storedResult(const Command &command) const
{
    if (command.command_id().empty())
        return std::nullopt;
    return m_store.findResult(s(command.command_id()));
}

CommandResult CommandProcessor::commitDecision(CommandDecision &decision)
{
    QString error;
    if (commit(decision, &error))
        return decision.result;
    CommandResult refused;
    refused.set_command_id(decision.result.command_id());
    refused.set_status(v1::COMMAND_REFUSED);
    *refused.mutable_message_words() = phrase::make("audit.write_failed", {{"error", error}});
    refused.set_message(phrase::english(refused.message_words()).toStdString());
    *refused.mutable_control() = m_control;
    return refused;
}

CommandResult CommandProcessor::refuseUndelivered(CommandDecision &decision, const QString &reason)
{
    // Only the attempt is kept: the control state, its revision and the
    // command's result stay as they were, so the same command_id may be sent
    // again (the live system applies a repeated idempotency key once).
    CommandDecision failed;
    failed.storeResult = false;
    failed.result.set_command_id(decision.result.command_id());
    failed.result.set_status(v1::COMMAND_REFUSED);
    failed.result.set_stage(v1::COMMAND_STAGE_DELIVERY_FAILED);
    const v1::Phrase notApplied = phrase::make("delivery.failed", {{"reason", reason}});
    *failed.result.mutable_message_words() = notApplied;
    failed.result.set_message(phrase::english(notApplied).toStdString());
    *failed.result.mutable_control() = m_control;
    for (AuditRecord r : decision.audit) {
        r.sayOutcome(outcomePhrase(v1::COMMAND_REFUSED, notApplied));
        r.before.clear();
        r.after.clear();
        failed.audit.push_back(r);
    }
    QString error;
    if (!commit(failed, &error))
        failed.result.set_message(failed.result.message() + " (and the audit log could not be written: " + error.toStdString() + ")");
    return failed.result;
}

CommandDecision CommandProcessor::decide(const Command &c, const Identity &who, qint64 wallNowMs, qint64 sourceNowMs)
{
    CommandDecision d;
    d.before = m_control;
    d.result.set_command_id(c.command_id());
    AuditRecord base;
    base.timeMs = wallNowMs;
    base.sourceTimeMs = sourceNowMs;
    base.commandId = s(c.command_id());
    base.user = who.user;
    base.site = who.site;
    base.sayAction(commandPhrase(c));
    base.reason = s(c.reason());
    const auto finish = [&](v1::CommandStatus status, const v1::Phrase &message) {
        d.result.set_status(status);
        *d.result.mutable_message_words() = message;
        d.result.set_message(phrase::english(message).toStdString());
        *d.result.mutable_control() = d.change ? d.change->control : m_control;
        AuditRecord r = base;
        r.sayOutcome(outcomePhrase(status, message));
        if (d.change)
            std::tie(r.before, r.after) = controlDiff(m_control, d.change->control);
        d.audit.push_back(r);
        return std::move(d);
    };

    if (c.command_id().empty()) {
        d.storeResult = false;
        return finish(v1::COMMAND_INVALID, phrase::make("invalid.no_command_id"));
    }
    // 2. Role.
    switch (c.action_case()) {
    case Command::kAcknowledgeAlert:
    case Command::kShelveAlert:
    case Command::kUnshelveAlert:
        // The gateway hands these to its AlertDesk; one that got here has no engine behind it.
        return finish(v1::COMMAND_REFUSED, phrase::make("refused.no_alert_engine"));
    default:
        break;
    }
    if (who.role != v1::ROLE_OPERATOR && who.role != v1::ROLE_SUPERVISOR)
        return finish(v1::COMMAND_REFUSED, phrase::make("refused.viewer_role"));
    if (who.role == v1::ROLE_OPERATOR && c.action_case() == Command::kSetProviderEnabled)
        return finish(v1::COMMAND_REFUSED, c.set_provider_enabled().enabled() ? phrase::make("refused.operator_enable")
                                                                              : phrase::make("refused.operator_disable"));
    if (who.role == v1::ROLE_OPERATOR && c.action_case() == Command::kApprove)
        return finish(v1::COMMAND_REFUSED, phrase::make("refused.operator_approve"));
    // 3. Malformed.
    if (const v1::Phrase why = validate(c); !why.code().empty())
        return finish(v1::COMMAND_INVALID, why);
    if (const v1::Phrase why = staleInterlock(c, m_stale); !why.code().empty())
        return finish(v1::COMMAND_REFUSED, why);
    if (c.action_case() == Command::kApprove) {
        // An approval names its request; the revision it was made at does not matter.
        return decideApproval(c, who, wallNowMs, sourceNowMs, base);
    }
    // 4. Conflict.
    if (c.expected_revision() != m_control.revision()) {
        const v1::Actor &last = m_control.last_changed_by();
        const QString now = QString::number(m_control.revision());
        const QString expected = QString::number(c.expected_revision());
        if (last.user().empty())
            return finish(v1::COMMAND_CONFLICT, phrase::make("conflict.revision", {{"now", now}, {"expected", expected}}));
        return finish(v1::COMMAND_CONFLICT,
                      phrase::make("conflict.revision_by",
                                   {{"now", now}, {"expected", expected}, {"user", s(last.user())},
                                    {"site", UsersFile::siteName(v1::Site(last.site()))},
                                    {"time_ms", QString::number(last.time_ms())}, {"reason", s(last.reason())}}));
    }
    ControlChange change;
    change.control = m_control;
    change.control.set_revision(m_control.revision() + 1);
    change.actor = actorOf(who, wallNowMs, s(c.reason()));
    *change.control.mutable_last_changed_by() = change.actor;
    // 5. Hazardous: a second supervisor must approve.
    if (isHazardous(c)) {
        const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto *pending = change.control.add_pending();
        pending->set_request_id(requestId.toStdString());
        *pending->mutable_command() = c;
        *pending->mutable_requested_by() = change.actor;
        pending->set_expires_ms(wallNowMs + m_options.approvalTimeoutMs);
        v1::RequestFigures *figures = pending->mutable_figures_at_request();
        if (m_figures)
            *figures->mutable_state() = m_figures();
        figures->set_admission_rate_per_s(m_control.admission_rate_per_s());
        figures->set_admission_paused(m_control.admission_paused());
        change.saySummary(phrase::make("summary.requested",
                                       {{"user", who.user}, {"minutes", shortest(m_options.approvalTimeoutMs / 60000.0)}},
                                       {{"command", commandPhrase(c)}}));
        d.change = change;
        d.result.set_request_id(requestId.toStdString());
        return finish(v1::COMMAND_PENDING_APPROVAL, phrase::make("pending.waits", {{"request", requestId}}));
    }
    // 6. Applied.
    applyAction(change.control, c, sourceNowMs);
    stampProviderSwitch(change.control, c, change.actor, {}, sourceNowMs);
    change.saySummary(phrase::make("summary.did", {{"user", who.user}}, {{"command", commandPhrase(c)}}));
    d.change = change;
    return finish(v1::COMMAND_APPLIED, commandPhrase(c));
}

CommandDecision CommandProcessor::decideApproval(const Command &c, const Identity &who, qint64 wallNowMs,
                                                            qint64 sourceNowMs, AuditRecord base)
{
    CommandDecision d;
    d.before = m_control;
    d.result.set_command_id(c.command_id());
    const std::string requestId = c.approve().request_id();
    int index = -1;
    for (int i = 0; i < m_control.pending_size(); ++i)
        if (m_control.pending(i).request_id() == requestId)
            index = i;
    const auto finish = [&](v1::CommandStatus status, const v1::Phrase &message) {
        d.result.set_status(status);
        *d.result.mutable_message_words() = message;
        d.result.set_message(phrase::english(message).toStdString());
        *d.result.mutable_control() = d.change ? d.change->control : m_control;
        AuditRecord r = base;
        r.sayOutcome(outcomePhrase(status, message));
        d.audit.push_back(r);
        return std::move(d);
    };
    if (index < 0 || m_control.pending(index).expires_ms() < wallNowMs)
        return finish(v1::COMMAND_EXPIRED, phrase::make("expired.no_request", {{"request", s(requestId)}}));
    const v1::PendingApproval pending = m_control.pending(index);
    if (pending.requested_by().user() == who.user.toStdString())
        return finish(v1::COMMAND_REFUSED, phrase::make("refused.same_supervisor"));
    // The approver decides on today's figures: their override, not the requester's.
    v1::Command approved = pending.command();
    approved.set_stale_override(c.stale_override());
    if (const v1::Phrase why = staleInterlock(approved, m_stale); !why.code().empty())
        return finish(v1::COMMAND_REFUSED, why);

    ControlChange change;
    change.control = m_control;
    change.control.mutable_pending()->DeleteSubrange(index, 1);
    change.control.set_revision(m_control.revision() + 1);
    applyAction(change.control, pending.command(), sourceNowMs);
    change.actor = actorSaying(who, wallNowMs, phrase::make("reason.approved_request",
                                                        {{"requester", s(pending.requested_by().user())},
                                                         {"reason", s(pending.command().reason())}}));
    *change.control.mutable_last_changed_by() = change.actor;
    stampProviderSwitch(change.control, pending.command(), pending.requested_by(), actorOf(who, wallNowMs, {}),
                        sourceNowMs);
    change.saySummary(phrase::make("summary.approved", {{"approver", who.user}, {"requester", s(pending.requested_by().user())}},
                                   {{"command", commandPhrase(pending.command())}}));
    d.change = change;

    // The original command's own row: its requester, its reason, its effect.
    AuditRecord original;
    original.timeMs = wallNowMs;
    original.sourceTimeMs = sourceNowMs;
    original.commandId = s(pending.command().command_id());
    original.user = s(pending.requested_by().user());
    original.site = pending.requested_by().site();
    original.sayAction(commandPhrase(pending.command()));
    original.reason = s(pending.command().reason());
    std::tie(original.before, original.after) = controlDiff(m_control, change.control);
    original.sayOutcome(outcomePhrase(v1::COMMAND_APPLIED,
                                      phrase::make("approval.by", {{"approver", who.user}, {"request", s(requestId)}})));
    d.audit.push_back(original);
    base.before = original.before;
    base.after = original.after;
    return finish(v1::COMMAND_APPLIED, phrase::make("approval.approved", {{"requester", s(pending.requested_by().user())}},
                                                    {{"command", commandPhrase(pending.command())}}));
}

bool CommandProcessor::commit(CommandDecision &d, QString *error)
{
    if (!m_db.begin(error))
        return false;
    std::vector<v1::AuditEntry> entries;
    for (AuditRecord r : d.audit) {
        if (r.sourceTimeMs == 0 && m_sourceClock)
            r.sourceTimeMs = m_sourceClock();
        v1::AuditEntry e = m_audit.append(r, error);
        if (e.id() == 0) {
            m_db.rollback();
            return false;
        }
        entries.push_back(e);
    }
    if ((d.change && !m_store.saveControl(d.change->control, error))
        || (d.storeResult && !m_store.saveResult(d.result, error))
        || !m_db.commit(error)) {
        m_db.rollback();
        return false;
    }
    m_auditEvents.insert(m_auditEvents.end(), entries.begin(), entries.end());
    if (d.change) {
        m_control = d.change->control;
        m_changes.push_back(*d.change);
        if (m_target)
            m_target->applyControl(m_control);
    }
    return true;
}

v1::AuditEntry CommandProcessor::record(const AuditRecord &record, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    CommandDecision d;
    d.audit.push_back(record);
    d.storeResult = false;
    if (!commit(d, error))
        return {};
    return m_auditEvents.back();
}

std::vector<v1::AuditEntry> CommandProcessor::takeAuditEvents()
{
    return std::exchange(m_auditEvents, {});
}

std::vector<ControlChange> CommandProcessor::takeControlChanges()
{
    return std::exchange(m_changes, {});
}

} // namespace sitroom::gateway
