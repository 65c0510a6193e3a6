#include "tests/support/ChaosCheck.h"

#include "tests/support/AuditReplay.h"

#include "server/gateway/GatewayStore.h"

#include <QStringList>

namespace sitroom::testing {

namespace v1 = sitroom::v1;

namespace {

QString statusName(v1::CommandStatus status)
{
    return QString::fromStdString(v1::CommandStatus_Name(status));
}

// As the audit's outcome says a status: "status.applied", "status.pending_approval".
std::string statusWord(v1::CommandStatus status)
{
    return "status." + QString::fromStdString(v1::CommandStatus_Name(status)).mid(8).toLower().toStdString();
}

QString rowIds(const std::vector<const v1::AuditEntry *> &rows)
{
    QStringList ids;
    for (const v1::AuditEntry *row : rows)
        ids << QString::number(row->id());
    return ids.join(QStringLiteral(", "));
}

QString idOf(const ChaosCommand &c)
{
    return QString::fromStdString(c.command.command_id());
}

} // namespace

ChaosCheck::ChaosCheck(gateway::GatewayStore &store)
    : m_store(store)
{
}

QString ChaosCheck::describe(const ChaosCommand &c)
{
    return QStringLiteral("command %1 (%2, on revision %3, sent %4 time(s), answered %5 by %6 at revision %7)")
        .arg(idOf(c), c.user)
        .arg(c.command.expected_revision())
        .arg(c.sends)
        .arg(statusName(c.result.status()), c.answeredBy.isEmpty() ? QStringLiteral("nobody") : c.answeredBy)
        .arg(c.result.control().revision());
}

bool ChaosCheck::run(const v1::ControlState &first, std::uint64_t startAfterAuditId, const std::vector<ChaosCommand> &commands,
                     ChaosFigures &figures, QString *why)
{
    m_first = first;
    m_startAfter = startAfterAuditId;
    m_commands = &commands;
    const std::optional<v1::ControlState> stored = m_store.loadControl();
    if (!stored) {
        *why = QStringLiteral("no control state is stored");
        return false;
    }
    m_final = *stored;
    figures.firstRevision = m_first.revision();
    figures.lastRevision = m_final.revision();

    const gateway::AuditVerification chain = m_store.verifyAudit();
    if (!chain.ok) {
        *why = chain.checked
            ? QStringLiteral("the audit hash chain does not verify: row %1: %2").arg(chain.firstBrokenId).arg(chain.detail)
            : QStringLiteral("the audit hash chain could not be checked: %1").arg(chain.detail);
        return false;
    }
    figures.checksPassed << QStringLiteral("the audit hash chain verifies (%1 rows, the gateway's AuditChainCheck)")
                                .arg(chain.rowsChecked);
    if (!readAudit(why))
        return false;
    figures.auditRows = m_rows.size();
    for (const v1::AuditEntry &row : m_rows)
        if (row.reason_words().code() == "delivery.by" && AuditReplay::argOf(row.reason_words(), "attempt").toInt() > 1)
            ++figures.deliveriesRetried;

    struct Check
    {
        bool (ChaosCheck::*run)(QString *);
        QString passed;
    };
    const Check checks[] = {
        {&ChaosCheck::answersAreStored, QStringLiteral("every command was answered with its stored first result")},
        {&ChaosCheck::appliedOnceInTheAudit,
         QStringLiteral("every command is decided in the audit exactly once, as its stored result says (so every one seen applied "
                        "is applied there once)")},
        {&ChaosCheck::appliedOnTheirRevision,
         QStringLiteral("every applied command moved the revision it expected by one; none sent on an old revision applied")},
        {&ChaosCheck::revisionsWithoutGaps, QStringLiteral("control revisions %1 to %2 rise by one without gaps, one decision each")
                                                .arg(m_first.revision())
                                                .arg(m_final.revision())},
        {&ChaosCheck::replayGivesTheState,
         QStringLiteral("replaying the audit gives every applied command's state and the final control state")},
        {&ChaosCheck::noViewerApplied, QStringLiteral("no viewer's command was applied")},
        {&ChaosCheck::noDeliveryRefused, QStringLiteral("the live system refused no change delivered to it")},
    };
    for (const Check &check : checks) {
        if (!(this->*check.run)(why))
            return false;
        figures.checksPassed << check.passed;
    }
    figures.restores = m_restores;
    return true;
}

bool ChaosCheck::readAudit(QString *why)
{
    m_rows.clear();
    std::uint64_t after = 0;
    // Bounded: each page moves on, or the reading ends.
    for (bool more = true; more;) {
        std::vector<v1::AuditEntry> page = m_store.auditPage(after, 1000, &more);
        if (page.empty())
            break;
        after = page.back().id();
        for (v1::AuditEntry &row : page)
            m_rows.push_back(std::move(row));
    }
    if (m_rows.empty()) {
        *why = QStringLiteral("the audit could not be read, or is empty");
        return false;
    }
    m_decisions.clear();
    for (const v1::AuditEntry &row : m_rows)
        if (AuditReplay::isCommandDecision(row) && !row.command_id().empty())
            m_decisions[QString::fromStdString(row.command_id())].push_back(&row);
    return true;
}

bool ChaosCheck::answersAreStored(QString *why)
{
    m_stored.clear();
    for (const ChaosCommand &c : *m_commands) {
        if (!c.answered) {
            *why = QStringLiteral("%1 was never answered").arg(describe(c));
            return false;
        }
        const std::optional<v1::CommandResult> stored = m_store.findResult(idOf(c));
        if (!stored) {
            *why = QStringLiteral("%1 has no stored result").arg(describe(c));
            return false;
        }
        if (stored->status() != c.result.status() || stored->control().revision() != c.result.control().revision()
            || stored->stage() != c.result.stage()) {
            *why = QStringLiteral("%1 was answered otherwise than its stored result says: %2 at revision %3, stage %4")
                       .arg(describe(c), statusName(stored->status()))
                       .arg(stored->control().revision())
                       .arg(QString::fromStdString(v1::CommandStage_Name(stored->stage())));
            return false;
        }
        m_stored.insert(idOf(c), *stored);
    }
    return true;
}

bool ChaosCheck::appliedOnceInTheAudit(QString *why)
{
    for (const ChaosCommand &c : *m_commands) {
        // Every decision is written with its audit row, a refusal too: one each.
        const std::vector<const v1::AuditEntry *> rows = m_decisions.value(idOf(c));
        if (rows.size() != 1) {
            *why = QStringLiteral("%1 is decided by %2 audit rows%3")
                       .arg(describe(c))
                       .arg(rows.size())
                       .arg(rows.empty() ? QString() : QStringLiteral(": ") + rowIds(rows));
            return false;
        }
        const v1::AuditEntry &row = *rows.front();
        const v1::CommandResult &stored = m_stored[idOf(c)];
        // A change whose delivery failed was applied, then put back: its result says so since.
        const v1::CommandStatus decided = stored.stage() == v1::COMMAND_STAGE_DELIVERY_FAILED ? v1::COMMAND_APPLIED : stored.status();
        if (AuditReplay::statusOf(row) != statusWord(decided)) {
            *why = QStringLiteral("%1 is %2 in audit row %3")
                       .arg(describe(c), QString::fromStdString(AuditReplay::statusOf(row)))
                       .arg(row.id());
            return false;
        }
        if (QString::fromStdString(row.user()) != c.user) {
            *why = QStringLiteral("%1 is decided in audit row %2 in the name of %3")
                       .arg(describe(c))
                       .arg(row.id())
                       .arg(QString::fromStdString(row.user()));
            return false;
        }
    }
    return true;
}

bool ChaosCheck::appliedOnTheirRevision(QString *why)
{
    m_appliedAt.clear();
    for (const ChaosCommand &c : *m_commands) {
        const v1::CommandResult &stored = m_stored[idOf(c)];
        if (stored.status() != v1::COMMAND_APPLIED)
            continue;
        if (c.staleOnPurpose) {
            *why = QStringLiteral("%1 was applied, though its client had seen revision %2 already").arg(describe(c)).arg(c.newestSeen);
            return false;
        }
        if (stored.control().revision() != c.command.expected_revision() + 1) {
            *why = QStringLiteral("%1 was applied at revision %2, not at the one after the revision it expected")
                       .arg(describe(c))
                       .arg(stored.control().revision());
            return false;
        }
        m_appliedAt.emplace(stored.control().revision(), &stored);
    }
    return true;
}

bool ChaosCheck::revisionsWithoutGaps(QString *why)
{
    // Who made each revision: an applied command (its stored result), or a
    // change put back after its delivery failed (the command's revision and
    // the restore's, from the restore's audit row).
    std::map<std::uint64_t, QStringList> makers;
    for (const ChaosCommand &c : *m_commands) {
        const v1::CommandResult &stored = m_stored[idOf(c)];
        if (stored.status() == v1::COMMAND_APPLIED)
            makers[stored.control().revision()] << QStringLiteral("%1 by %2 through %3").arg(idOf(c), c.user, c.answeredBy);
    }
    m_restores = 0;
    for (const v1::AuditEntry &row : m_rows) {
        if (row.id() <= m_startAfter || row.action_words().code() != "action.restore_undelivered")
            continue;
        const std::string &outcome = row.outcome_words().code();
        const QString command = QString::fromStdString(row.command_id());
        // A restore's own failure ("unconfirmed") made no revision.
        if (outcome == "delivery.restored" || outcome == "delivery.nothing_to_restore")
            makers[AuditReplay::argOf(row.action_words(), "revision").toULongLong()]
                << QStringLiteral("%1, whose delivery failed (audit row %2)").arg(command).arg(row.id());
        if (outcome == "delivery.restored") {
            ++m_restores;
            makers[AuditReplay::argOf(row.outcome_words(), "revision").toULongLong()]
                << QStringLiteral("the restore after %1 (audit row %2)").arg(command).arg(row.id());
        }
    }
    for (const auto &[revision, who] : makers) {
        if (revision <= m_first.revision() || revision > m_final.revision()) {
            *why = QStringLiteral("revision %1, made by %2, lies outside %3 to %4")
                       .arg(revision)
                       .arg(who.join(QStringLiteral(" and ")))
                       .arg(m_first.revision())
                       .arg(m_final.revision());
            return false;
        }
        if (who.size() > 1) {
            *why = QStringLiteral("revision %1 was made twice: by %2").arg(revision).arg(who.join(QStringLiteral(" and by ")));
            return false;
        }
    }
    for (std::uint64_t revision = m_first.revision() + 1; revision <= m_final.revision(); ++revision) {
        if (makers.count(revision))
            continue;
        const auto after = makers.upper_bound(revision);
        *why = QStringLiteral("revision %1 was made by no command nor restore (a gap after %2; next: %3)")
                   .arg(revision)
                   .arg(revision - 1)
                   .arg(after == makers.end() ? QStringLiteral("none") : after->second.join(QStringLiteral(", ")));
        return false;
    }
    return true;
}

bool ChaosCheck::replayGivesTheState(QString *why)
{
    AuditReplay replay(m_first);
    for (const v1::AuditEntry &row : m_rows) {
        if (row.id() <= m_startAfter)
            continue;
        if (!replay.apply(row, why))
            return false;
        if (AuditReplay::kindOf(row) != AuditReplay::RowKind::Change)
            continue;
        const auto at = m_appliedAt.find(replay.state().revision());
        if (at == m_appliedAt.end())
            continue;
        const QString difference = AuditReplay::difference(replay.state(), at->second->control());
        if (!difference.isEmpty()) {
            *why = QStringLiteral("replaying the audit to row %1 (revision %2, command %3): %4, as command %5's result stores it")
                       .arg(row.id())
                       .arg(replay.state().revision())
                       .arg(QString::fromStdString(row.command_id()), difference,
                            QString::fromStdString(at->second->command_id()));
            return false;
        }
    }
    const QString difference = AuditReplay::difference(replay.state(), m_final);
    if (!difference.isEmpty()) {
        *why = QStringLiteral("replaying the audit (%1 changes from revision %2) does not give the final control state: %3")
                   .arg(replay.changes())
                   .arg(m_first.revision())
                   .arg(difference);
        return false;
    }
    return true;
}

bool ChaosCheck::noViewerApplied(QString *why)
{
    QStringList viewers;
    for (const ChaosCommand &c : *m_commands) {
        if (!c.viewer)
            continue;
        if (!viewers.contains(c.user))
            viewers << c.user;
        if (c.result.status() != v1::COMMAND_REFUSED || m_stored[idOf(c)].status() != v1::COMMAND_REFUSED) {
            *why = QStringLiteral("the viewer's %1 was not refused").arg(describe(c));
            return false;
        }
    }
    for (const v1::AuditEntry &row : m_rows) {
        if (row.id() > m_startAfter && viewers.contains(QString::fromStdString(row.user()))
            && AuditReplay::kindOf(row) != AuditReplay::RowKind::NoChange) {
            *why = QStringLiteral("audit row %1 changes the control state in the name of the viewer %2 (%3)")
                       .arg(row.id())
                       .arg(QString::fromStdString(row.user()), QString::fromStdString(row.action()));
            return false;
        }
    }
    return true;
}

bool ChaosCheck::noDeliveryRefused(QString *why)
{
    for (const v1::AuditEntry &row : m_rows) {
        if (row.id() > m_startAfter && row.action_words().code() == "action.restore_undelivered"
            && row.reason_words().code() == "reason.delivery_refused") {
            *why = QStringLiteral("the live system refused the delivery of %1 (audit row %2): %3")
                       .arg(QString::fromStdString(row.command_id()))
                       .arg(row.id())
                       .arg(QString::fromStdString(row.reason()));
            return false;
        }
    }
    return true;
}

} // namespace sitroom::testing
