#pragma once

#include "tests/support/ChaosPlan.h"

#include "sitroom/v1/alerts.pb.h"
#include "sitroom/v1/control.pb.h"

#include <QHash>
#include <QString>

#include <cstdint>
#include <map>
#include <vector>

namespace sitroom::gateway {
class GatewayStore;
}

namespace sitroom::testing {

// What a chaos run must leave behind, checked against the gateways' shared
// state as the gateways themselves read it (a GatewayStore on the same
// PostgreSQL, its own AuditChainCheck for the chain):
//  - the audit hash chain verifies;
//  - every command was answered, and its answer is its stored first result;
//  - every command is decided by exactly one audit row, which says what its
//    stored result says (so every command a client saw applied is in the
//    audit exactly once);
//  - an applied command moved the revision from the one it expected, by one
//    (none sent on a revision known to be old was applied);
//  - control revisions rise by one without gaps, each made by one decision;
//  - replaying the audit from the first state gives every applied command's
//    state and the final control state;
//  - no viewer's command was applied;
//  - the live system refused no change delivered to it (every command is
//    valid: a refusal is the gateway's fault; one unanswered in time may be
//    the machine's).
// The first counter-example found is the answer, in words that name the
// command, its user, the gateway and the audit row.
class ChaosCheck final
{
public:
    explicit ChaosCheck(gateway::GatewayStore &store);

    // first: the control state when the commands began; rows up to
    // startAfterAuditId were written before it. Fills the figures it finds
    // (revisions, audit rows, restores, the checks passed).
    bool run(const sitroom::v1::ControlState &first, std::uint64_t startAfterAuditId,
             const std::vector<ChaosCommand> &commands, ChaosFigures &figures, QString *why);

private:
    bool readAudit(QString *why);
    bool answersAreStored(QString *why);
    bool appliedOnceInTheAudit(QString *why);
    bool appliedOnTheirRevision(QString *why);
    bool revisionsWithoutGaps(QString *why);
    bool replayGivesTheState(QString *why);
    bool noViewerApplied(QString *why);
    bool noDeliveryRefused(QString *why);
    static QString describe(const ChaosCommand &c);

    gateway::GatewayStore &m_store;
    sitroom::v1::ControlState m_first;
    sitroom::v1::ControlState m_final;
    std::uint64_t m_startAfter = 0;
    const std::vector<ChaosCommand> *m_commands = nullptr;
    std::vector<sitroom::v1::AuditEntry> m_rows;
    // By command_id: the stored first results, and the audit rows that decide each.
    QHash<QString, sitroom::v1::CommandResult> m_stored;
    QHash<QString, std::vector<const sitroom::v1::AuditEntry *>> m_decisions;
    // Revision → the states the stored results of applied commands carry.
    std::map<std::uint64_t, const sitroom::v1::CommandResult *> m_appliedAt;
    std::uint64_t m_restores = 0;
};

} // namespace sitroom::testing
