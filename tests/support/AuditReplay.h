#pragma once

#include "sitroom/v1/alerts.pb.h"
#include "sitroom/v1/control.pb.h"

#include <QString>

namespace sitroom::testing {

// The control state rebuilt from the audit alone: from a known state, each
// row that records a change of the control state, in the chain's order, sets
// what its "after" column holds (controlDiff's JSON: the admission rate, the
// pause, providers, the number of pending requests, the room in command) and
// moves the revision on by one. Which rows are changes the gateway's words
// say: a control command applied (an approval's own row counts, the row it
// writes for the request it approves does not), a request or handover
// expired, an undelivered change put back ("delivery.restored"), and the
// gateway following the live system's revision (to the revision it names).
// Each step is checked against the gateway's own encoding: controlDiff of the
// state before and after must give the row's before and after columns again.
class AuditReplay final
{
public:
    enum class RowKind { NoChange, Change, FollowRevision };

    explicit AuditReplay(sitroom::v1::ControlState start);

    static RowKind kindOf(const sitroom::v1::AuditEntry &row);
    // A row that decides a command (any status), and the status it says
    // ("status.applied", "status.conflict", …).
    static bool isCommandDecision(const sitroom::v1::AuditEntry &row);
    static std::string statusOf(const sitroom::v1::AuditEntry &row);
    // An arg of a phrase, or of its part.
    static QString argOf(const sitroom::v1::Phrase &phrase, const char *name);

    // False, with why, when a change row cannot be read or its columns do
    // not come back from the state it gives.
    bool apply(const sitroom::v1::AuditEntry &row, QString *why);
    const sitroom::v1::ControlState &state() const { return m_state; }
    int changes() const { return m_changes; }

    // The first difference in what the audit records (revision, rate, pause,
    // providers, the room in command, the number of pending requests);
    // empty when there is none.
    static QString difference(const sitroom::v1::ControlState &replayed, const sitroom::v1::ControlState &stored);

private:
    bool set(const QString &after, QString *why);

    sitroom::v1::ControlState m_state;
    int m_changes = 0;
};

} // namespace sitroom::testing
