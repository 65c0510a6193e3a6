#include "models/control/AuditStages.h"

#include <QByteArray>

#include <algorithm>
#include <cstdlib>
#include <tuple>

namespace sitroom::models {

namespace {

bool sameAction(const sitroom::v1::AuditEntry &entry, const sitroom::v1::CommandProgress &progress)
{
    if (progress.action().empty() || entry.user() != progress.user())
        return false;
    const std::string &row = entry.action();
    const std::string &action = progress.action();
    return row.size() >= action.size() && row.compare(0, action.size(), action) == 0
        && (row.size() == action.size() || row[action.size()] == ' ');
}

} // namespace

QHash<quint64, int> AuditStages::pair(const std::deque<sitroom::v1::AuditEntry> &audit,
                                      const std::vector<sitroom::v1::CommandProgress> &progress)
{
    QHash<quint64, int> byRow;
    std::vector<bool> progressTaken(progress.size(), false);
    // A row written with its command's id is that command's: paired exactly.
    QHash<QByteArray, int> progressById;
    for (int p = 0; p < int(progress.size()); ++p) {
        const std::string &id = progress[std::size_t(p)].command_id();
        if (!id.empty())
            progressById.insert(QByteArray::fromStdString(id), p);
    }
    for (const sitroom::v1::AuditEntry &entry : audit) {
        if (entry.command_id().empty())
            continue;
        const auto found = progressById.constFind(QByteArray::fromStdString(entry.command_id()));
        if (found == progressById.constEnd() || progressTaken[std::size_t(*found)])
            continue;
        byRow.insert(entry.id(), *found);
        progressTaken[std::size_t(*found)] = true;
    }

    // The others (rows of older gateways, approvals whose progress carries the
    // approver's command): (distance, row index, progress index) for every
    // plausible pair; few progress entries (at most the store's capacity)
    // against the newest rows.
    std::vector<std::tuple<qint64, std::size_t, int>> candidates;
    for (int p = 0; p < int(progress.size()); ++p) {
        if (progressTaken[std::size_t(p)])
            continue;
        const auto &pr = progress[std::size_t(p)];
        const qint64 acceptedMs = pr.at_ms() - qint64(pr.after_ms());
        for (std::size_t r = audit.size(); r-- > 0;) {
            const qint64 delta = acceptedMs - audit[r].time_ms();
            if (delta > kLateMs)
                break;  // rows are by ascending id, so by time: older ones are further
            if (delta < -kEarlyMs || byRow.contains(audit[r].id()) || !sameAction(audit[r], pr))
                continue;
            candidates.emplace_back(std::llabs(delta), r, p);
        }
    }
    std::sort(candidates.begin(), candidates.end());
    for (const auto &[distance, r, p] : candidates) {
        const quint64 id = audit[r].id();
        if (byRow.contains(id) || progressTaken[std::size_t(p)])
            continue;
        byRow.insert(id, p);
        progressTaken[std::size_t(p)] = true;
    }
    return byRow;
}

} // namespace sitroom::models
