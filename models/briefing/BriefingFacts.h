#pragma once

#include "models/briefing/LightSpells.h"
#include "models/history/HistoryRing.h"

#include <QString>
#include <QStringList>

#include <cmath>
#include <optional>
#include <vector>

namespace sitroom::v1 {
class Alert;
class Configuration;
class SystemState;
}

namespace sitroom::models {

class SituationStore;

// A change of the admission rate, read from the history's rate_limit column.
struct RateChange
{
    qint64 atMs = 0;
    double fromPerS = 0;
    double toPerS = 0;
};

// What the ministry briefing says, in figures, before any word is chosen:
// gathered from the live system's configuration, current state, per-second
// history and alerts. Every figure comes from the data; NaN or empty where
// the data does not say.
struct BriefingFacts
{
    static constexpr qint64 kSurgeMs = 30 * 60 * 1000;   // the first 30 minutes (PRODUCT.md §1)

    qint64 nowMs = 0;                 // the live system's clock (state, else the history's last second)
    QString timezone;                 // IANA, for the clock the sentences read

    // The booking window open now, or the last one opened, or the next.
    QString cohortId;
    qint64 openMs = 0;                // 0: no booking window
    double expectedBookings = NAN;    // the planners' forecast for the window
    double bookingsSinceOpen = NAN;   // summed from the per-second history
    double firstHalfHourBookings = NAN;
    bool firstHalfHourComplete = false;   // the history covers all of the first 30 minutes
    double envelopeByNow = NAN;       // the surge envelope's expectation at nowMs

    // The first provider to turn congested (혼잡) since 30 minutes before the
    // opening, and where its citizens went.
    std::optional<LightSpell> firstCongestion;
    std::vector<ShareShift> movedTo;
    // Admission rate changes since 30 minutes before the opening, oldest first.
    std::vector<RateChange> rateChanges;

    // Now.
    QStringList congestedNow;         // provider ids, red now
    QStringList suspendedNow;         // disabled by the operators
    double queueDepth = NAN;          // NaN when the figure is stale
    double waitS = NAN;               // NaN when stale or paused
    bool paused = false;
    int criticalStanding = 0;
    QString worstCriticalId;

    bool hasOpening() const { return openMs > 0; }
    bool opened() const { return hasOpening() && nowMs >= openMs; }
    double firstHalfHourShareOfForecast() const
    {
        return expectedBookings > 0 ? firstHalfHourBookings / expectedBookings : NAN;
    }
};

// Sum of a rate column (per second) over [fromMs, toMs): the count it adds up to.
double sumOfRate(const HistoryRing &history, const QString &column, qint64 fromMs, qint64 toMs);

BriefingFacts gatherBriefingFacts(const sitroom::v1::Configuration &configuration, const sitroom::v1::SystemState &state,
                                  const HistoryRing &history, const std::vector<sitroom::v1::Alert> &alerts,
                                  const QStringList &staleFigures = {});
BriefingFacts gatherBriefingFacts(const SituationStore &store);

} // namespace sitroom::models
