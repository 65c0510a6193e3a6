#pragma once

#include <QString>

#include <vector>

namespace sitroom::v1 {
class Alert;
}

namespace sitroom::models {

// The critical alerts whose condition stands (active, acknowledged or not;
// shelved and returned-to-normal ones apart, as AlarmPicture counts standing)
// and the worst of them, for the wall and the briefing: unacknowledged before
// acknowledged, the first-out of a flood before the rest, then the oldest.
struct CriticalStanding
{
    int count = 0;
    int unacknowledged = 0;
    const sitroom::v1::Alert *worst = nullptr;   // into the list given; valid while it is
};

CriticalStanding criticalStanding(const std::vector<sitroom::v1::Alert> &alerts);

} // namespace sitroom::models
