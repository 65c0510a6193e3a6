#include "gateway/CommandProcessor.h"

#include "gateway/CommandWords.h"
#include "gateway/ControlDiff.h"
#include "gateway/ControlTarget.h"
#include "gateway/StaleInterlock.h"
#include "gateway/StateDatabase.h"
#include "gateway/UsersFile.h"

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

bool CommandDecision::changesLiveControls() const
{
    return change && liveControlsDiffer(before, change->control);
}

QString CommandProcessor::validate(const Command &c) const
{
    switch (c.action_case()) {
    case Command::ACTION_NOT_SET:
        return QStringLiteral("the command has no action");
    case Command::kApprove:
        return c.approve().request_id().empty() ? QStringLiteral("an approval needs the request_id") : QString();
    default:
        break;
    }
    if (QString::fromStdString(c.reason()).trimmed().isEmpty())
        return QStringLiteral("a reason must be given");
    if (c.action_case() == Command::kSetAdmissionRate) {
        const double r = c.set_admission_rate().rate_per_s();
        const double lo = m_configuration.admission_rate_min_per_s();
        const double hi = m_configuration.admission_rate_max_per_s();
        if (!(r >= 0) || (hi > 0 && (r < lo || r > hi)))
            return QStringLiteral("the admission rate must be from %1 to %2 per second, not %3")
                .arg(lo).arg(hi).arg(r);
    }
    if (c.action_case() == Command::kSetProviderEnabled) {
        if (!findProvider(m_control, c.set_provider_enabled().provider_id()))
            return QStringLiteral("there is no provider \"%1\"").arg(s(c.set_provider_enabled().provider_id()));
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
    refused.set_message(QString(QStringLiteral("the audit log could not be written, so nothing was done: ") + error).toStdString());
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
    failed.result.set_message(QStringLiteral("the live system did not apply it: %1").arg(reason).toStdString());
    *failed.result.mutable_control() = m_control;
    for (AuditRecord r : decision.audit) {
        r.outcome = QStringLiteral("refused: the live system did not apply it: ") + reason;
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
    base.action = describe(c);
    base.reason = s(c.reason());
    const auto finish = [&](v1::CommandStatus status, const QString &message) {
        d.result.set_status(status);
        d.result.set_message(message.toStdString());
        *d.result.mutable_control() = d.change ? d.change->control : m_control;
        AuditRecord r = base;
        r.outcome = commandStatusWord(status) + QStringLiteral(": ") + message;
        if (d.change)
            std::tie(r.before, r.after) = controlDiff(m_control, d.change->control);
        d.audit.push_back(r);
        return std::move(d);
    };

    if (c.command_id().empty()) {
        d.storeResult = false;
        return finish(v1::COMMAND_INVALID, QStringLiteral("the command has no command_id"));
    }
    // 2. Role.
    switch (c.action_case()) {
    case Command::kAcknowledgeAlert:
    case Command::kShelveAlert:
    case Command::kUnshelveAlert:
        // The gateway hands these to its AlertDesk; one that got here has no engine behind it.
        return finish(v1::COMMAND_REFUSED, QStringLiteral("this server runs no alert engine"));
    default:
        break;
    }
    if (who.role != v1::ROLE_OPERATOR && who.role != v1::ROLE_SUPERVISOR)
        return finish(v1::COMMAND_REFUSED, QStringLiteral("this session has the viewer role: commands are not allowed"));
    if (who.role == v1::ROLE_OPERATOR && c.action_case() == Command::kSetProviderEnabled)
        return finish(v1::COMMAND_REFUSED, c.set_provider_enabled().enabled()
                                               ? QStringLiteral("operators may not enable providers")
                                               : QStringLiteral("operators may not disable providers"));
    if (who.role == v1::ROLE_OPERATOR && c.action_case() == Command::kApprove)
        return finish(v1::COMMAND_REFUSED, QStringLiteral("only supervisors may approve requests"));
    // 3. Malformed.
    if (const QString why = validate(c); !why.isEmpty())
        return finish(v1::COMMAND_INVALID, QStringLiteral("") + why);
    if (const QString why = staleInterlock(c, m_stale); !why.isEmpty())
        return finish(v1::COMMAND_REFUSED, why);
    if (c.action_case() == Command::kApprove) {
        // An approval names its request; the revision it was made at does not matter.
        return decideApproval(c, who, wallNowMs, sourceNowMs, base);
    }
    // 4. Conflict.
    if (c.expected_revision() != m_control.revision()) {
        const v1::Actor &last = m_control.last_changed_by();
        QString message = QStringLiteral("the controls are at revision %1, not %2")
                              .arg(m_control.revision()).arg(c.expected_revision());
        if (!last.user().empty())
            message += QStringLiteral("; last changed by %1 (%2) at %3 ms: %4")
                           .arg(s(last.user()), UsersFile::siteName(v1::Site(last.site())))
                           .arg(last.time_ms()).arg(s(last.reason()));
        return finish(v1::COMMAND_CONFLICT, message);
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
        change.summary = QStringLiteral("%1 asks to %2; a second supervisor must approve within %3 min")
                             .arg(who.user, describe(c)).arg(m_options.approvalTimeoutMs / 60000.0);
        d.change = change;
        d.result.set_request_id(requestId.toStdString());
        return finish(v1::COMMAND_PENDING_APPROVAL,
                      QStringLiteral("request %1 waits for a second supervisor").arg(requestId));
    }
    // 6. Applied.
    applyAction(change.control, c, sourceNowMs);
    stampProviderSwitch(change.control, c, change.actor, {}, sourceNowMs);
    change.summary = QStringLiteral("%1 did: %2").arg(who.user, describe(c));
    d.change = change;
    return finish(v1::COMMAND_APPLIED, QStringLiteral("") + describe(c));
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
    const auto finish = [&](v1::CommandStatus status, const QString &message) {
        d.result.set_status(status);
        d.result.set_message(message.toStdString());
        *d.result.mutable_control() = d.change ? d.change->control : m_control;
        AuditRecord r = base;
        r.outcome = commandStatusWord(status) + QStringLiteral(": ") + message;
        d.audit.push_back(r);
        return std::move(d);
    };
    if (index < 0 || m_control.pending(index).expires_ms() < wallNowMs)
        return finish(v1::COMMAND_EXPIRED, QStringLiteral("there is no pending request %1 (it expired, was "
                                                          "already decided, or never existed)").arg(s(requestId)));
    const v1::PendingApproval pending = m_control.pending(index);
    if (pending.requested_by().user() == who.user.toStdString())
        return finish(v1::COMMAND_REFUSED, QStringLiteral("a request must be approved by a different supervisor"));
    // The approver decides on today's figures: their override, not the requester's.
    v1::Command approved = pending.command();
    approved.set_stale_override(c.stale_override());
    if (const QString why = staleInterlock(approved, m_stale); !why.isEmpty())
        return finish(v1::COMMAND_REFUSED, why);

    ControlChange change;
    change.control = m_control;
    change.control.mutable_pending()->DeleteSubrange(index, 1);
    change.control.set_revision(m_control.revision() + 1);
    applyAction(change.control, pending.command(), sourceNowMs);
    change.actor = actorOf(who, wallNowMs, QStringLiteral("approved %1's request: %2")
                                               .arg(s(pending.requested_by().user()), s(pending.command().reason())));
    *change.control.mutable_last_changed_by() = change.actor;
    stampProviderSwitch(change.control, pending.command(), pending.requested_by(), actorOf(who, wallNowMs, {}),
                        sourceNowMs);
    change.summary = QStringLiteral("%1 approved %2's request to %3")
                         .arg(who.user, s(pending.requested_by().user()), describe(pending.command()));
    d.change = change;

    // The original command's own row: its requester, its reason, its effect.
    AuditRecord original;
    original.timeMs = wallNowMs;
    original.sourceTimeMs = sourceNowMs;
    original.commandId = s(pending.command().command_id());
    original.user = s(pending.requested_by().user());
    original.site = pending.requested_by().site();
    original.action = describe(pending.command());
    original.reason = s(pending.command().reason());
    std::tie(original.before, original.after) = controlDiff(m_control, change.control);
    original.outcome = QStringLiteral("applied: approved by %1 (request %2)").arg(who.user, s(requestId));
    d.audit.push_back(original);
    base.before = original.before;
    base.after = original.after;
    return finish(v1::COMMAND_APPLIED, QStringLiteral("approved %1's request to %2")
                                           .arg(s(pending.requested_by().user()), describe(pending.command())));
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
