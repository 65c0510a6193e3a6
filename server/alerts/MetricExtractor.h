#pragma once

#include "server/alerts/AlertRules.h"
#include "server/alerts/MetricCatalogue.h"

#include "sitroom/v1/telemetry.pb.h"

#include <QString>

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <vector>

namespace sitroom::alerts {

// A rule's figure for one subject ("" for rules without one). No value when
// there is nothing honest to say: a disabled provider, a paused queue, too few
// bookings in the window, outside an opening's first hour.
struct MetricReading
{
    QString subject;
    std::optional<double> value;
};

// Computes every metric from the SystemState, keeping what the rolling ones
// need: the counters over the last minutes, each cohort's bookings when its
// window was first seen open. Telemetry silence is not here: it comes with
// the engine's tick.
class MetricExtractor final
{
public:
    void setConfiguration(const sitroom::v1::Configuration &configuration);
    // The longest rolling window any rule reads.
    void setLongestWindowS(double windowS) { m_longestWindowS = windowS; }

    // Takes the counters and baselines from one observation; call before read().
    void record(const sitroom::v1::SystemState &state, std::int64_t nowMs);
    std::vector<MetricReading> read(const AlertRule &rule, const sitroom::v1::SystemState &state,
                                    std::int64_t nowMs) const;

    // Names for messages: a provider's or cohort's configured name, else its id.
    sitroom::v1::LocalizedText nameOf(SubjectKind kind, const QString &subject) const;

private:
    struct CounterSample
    {
        std::int64_t timeMs;
        std::uint64_t attempts;
        std::uint64_t bookings;
    };
    struct CohortBaseline
    {
        std::int64_t firstSeenMs;
        std::uint64_t bookedThen;
    };

    std::optional<double> attemptsPerBooking(const AlertRule &rule, std::int64_t nowMs) const;
    std::optional<double> envelopeShare(const AlertRule &rule, const sitroom::v1::CohortConfig &cohort,
                                        const sitroom::v1::CohortState &state, std::int64_t nowMs) const;

    sitroom::v1::Configuration m_configuration;
    double m_longestWindowS = 300;
    std::deque<CounterSample> m_counters;
    std::map<QString, CohortBaseline> m_cohortBaselines;
};

} // namespace sitroom::alerts
