#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace sitroom::sim {

struct ProviderTotals
{
    QString id;
    std::uint64_t authAttempts = 0;
    std::uint64_t authSuccess = 0;
    std::int64_t secondsGreen = 0;
    std::int64_t secondsYellow = 0;
    std::int64_t secondsRed = 0;
    std::int64_t secondsDisabled = 0;
};

// What a whole run adds up to: the figures of the --report file.
struct SimulationTotals
{
    std::int64_t virtualSeconds = 0;
    std::uint64_t bookingsTotal = 0;
    std::uint64_t bookingsFirst30Min = 0;   // from the opening of the first window
    std::int64_t referenceOpenMs = 0;       // that opening
    std::uint64_t authAttemptsTotal = 0;
    std::uint64_t peakQueueDepth = 0;
    std::int64_t peakQueueAtMs = 0;
    std::uint64_t arrivalsTotal = 0;
    std::uint64_t abandonedTotal = 0;
    std::vector<ProviderTotals> providers;
};

} // namespace sitroom::sim
