#pragma once

#include "sitroom/v1/alerts.pb.h"
#include "sitroom/v1/control.pb.h"

#include <QHash>

#include <deque>
#include <vector>

namespace sitroom::models {

// Which audit row each command's progress belongs to. A row that carries its
// command's command_id is paired with that command's progress. Rows without it
// (written by an older gateway) and progress no row names are matched by who
// (user) and what (its action is
// the audit row's action, or starts it: the row may add "(stale data,
// overridden)"), at the time the live system accepted it: at_ms − after_ms
// must fall from kEarlyMs before the row to kLateMs after it, both on the
// gateway's wall clock. Each row gets at most one progress and each progress
// at most one row, nearest in time first, so two identical commands in a row
// keep their own stages.
struct AuditStages
{
    static constexpr qint64 kEarlyMs = 2'000;
    static constexpr qint64 kLateMs = 120'000;

    // audit row id → index into progress
    static QHash<quint64, int> pair(const std::deque<sitroom::v1::AuditEntry> &audit,
                                    const std::vector<sitroom::v1::CommandProgress> &progress);
};

} // namespace sitroom::models
