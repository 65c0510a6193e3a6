#include "models/briefing/BriefingFacts.h"

#include "models/briefing/CriticalStanding.h"
#include "models/situation/SituationStore.h"
#include "models/situation/StaleFigures.h"
#include "domain/SurgeEnvelope.h"

#include "sitroom/v1/alerts.pb.h"
#include "sitroom/v1/telemetry.pb.h"

namespace sitroom::models {

using domain::SurgeEnvelope;

namespace {

constexpr double kMinuteMs = 60.0 * 1000.0;
// A rate limit counts as changed when it moves by more than this (per second).
constexpr double kRateEpsilon = 0.5;

// The window open at nowMs, else the one opened last, else the next to open.
int chooseCohort(const sitroom::v1::Configuration &c, qint64 nowMs)
{
    int open = -1, last = -1, next = -1;
    for (int i = 0; i < c.cohorts_size(); ++i) {
        const auto &k = c.cohorts(i);
        if (k.window_open_ms() <= nowMs && nowMs < k.window_close_ms())
            open = open < 0 ? i : open;
        else if (k.window_close_ms() <= nowMs && (last < 0 || k.window_open_ms() > c.cohorts(last).window_open_ms()))
            last = i;
        else if (k.window_open_ms() > nowMs && (next < 0 || k.window_open_ms() < c.cohorts(next).window_open_ms()))
            next = i;
    }
    return open >= 0 ? open : last >= 0 ? last : next;
}

std::vector<RateChange> rateChanges(const HistoryRing &history, qint64 fromMs)
{
    std::vector<RateChange> changes;
    float previous = NAN;
    history.forEach(history.column(QStringLiteral("rate_limit")), fromMs, history.lastTimeMs(), [&](qint64 t, float v) {
        if (!std::isfinite(v))
            return;
        if (std::isfinite(previous) && std::abs(v - previous) > kRateEpsilon)
            changes.push_back({t, previous, v});
        previous = v;
    });
    return changes;
}

} // namespace

double sumOfRate(const HistoryRing &history, const QString &column, qint64 fromMs, qint64 toMs)
{
    const int c = history.column(column);
    if (c < 0)
        return NAN;
    double sum = 0;
    const double stepS = double(history.stepMs()) / 1000.0;
    history.forEach(c, fromMs, toMs - 1, [&](qint64, float v) {
        if (std::isfinite(v))
            sum += double(v) * stepS;
    });
    return sum;
}

BriefingFacts gatherBriefingFacts(const sitroom::v1::Configuration &configuration, const sitroom::v1::SystemState &state,
                                  const HistoryRing &history, const std::vector<sitroom::v1::Alert> &alerts,
                                  const QStringList &staleFigures)
{
    BriefingFacts f;
    f.timezone = QString::fromStdString(configuration.timezone());
    f.nowMs = state.sim_time_ms() > 0 ? state.sim_time_ms() : history.isEmpty() ? 0 : history.lastTimeMs();
    const qint64 historyEnd = history.isEmpty() ? 0 : history.lastTimeMs() + history.stepMs();

    QStringList providerIds;
    for (const auto &p : configuration.providers())
        providerIds << QString::fromStdString(p.id());

    const int cohort = chooseCohort(configuration, f.nowMs);
    qint64 fromMs = history.isEmpty() ? 0 : history.firstTimeMs();
    if (cohort >= 0) {
        const auto &k = configuration.cohorts(cohort);
        f.cohortId = QString::fromStdString(k.id());
        f.openMs = k.window_open_ms();
        f.expectedBookings = double(k.expected_bookings());
        fromMs = f.openMs - BriefingFacts::kSurgeMs;
        if (f.opened() && !history.isEmpty() && history.firstTimeMs() <= f.openMs) {
            const QString bookings = QStringLiteral("bookings");
            f.bookingsSinceOpen = sumOfRate(history, bookings, f.openMs, historyEnd);
            f.firstHalfHourComplete = historyEnd >= f.openMs + BriefingFacts::kSurgeMs;
            f.firstHalfHourBookings = sumOfRate(history, bookings, f.openMs,
                                                std::min(historyEnd, f.openMs + BriefingFacts::kSurgeMs));
        }
        if (f.opened() && k.window_close_ms() > f.openMs) {
            const SurgeEnvelope envelope(f.expectedBookings, double(k.window_close_ms() - f.openMs) / kMinuteMs);
            f.envelopeByNow = envelope.cumulative(double(f.nowMs - f.openMs) / kMinuteMs);
        }
    }

    if (!history.isEmpty()) {
        f.firstCongestion = firstSpell(history, providerIds, sitroom::v1::LIGHT_RED, fromMs);
        if (f.firstCongestion)
            f.movedTo = sharesGained(history, providerIds, f.firstCongestion->providerId, f.firstCongestion->fromMs);
        f.rateChanges = rateChanges(history, fromMs);
    }

    for (const auto &p : state.providers()) {
        const QString id = QString::fromStdString(p.id());
        if (staleFigures.contains(figure::provider(id, "light")))
            continue;
        if (p.light() == sitroom::v1::LIGHT_RED)
            f.congestedNow << id;
        else if (p.light() == sitroom::v1::LIGHT_SUSPENDED)
            f.suspendedNow << id;
    }
    const auto &a = state.admission();
    const bool queueStale = staleFigures.contains(figure::queueDepth);
    f.paused = a.paused() && !staleFigures.contains(figure::paused);
    f.queueDepth = queueStale ? NAN : double(a.queue_depth());
    f.waitS = queueStale || staleFigures.contains(figure::admitted) || a.paused() || a.estimated_wait_s() < 0
        ? NAN : a.estimated_wait_s();

    const CriticalStanding critical = criticalStanding(alerts);
    f.criticalStanding = critical.count;
    if (critical.worst)
        f.worstCriticalId = QString::fromStdString(critical.worst->id());
    return f;
}

BriefingFacts gatherBriefingFacts(const SituationStore &store)
{
    QStringList stale;
    for (const StaleFigure &s : store.staleFigures())
        stale << s.figure;
    return gatherBriefingFacts(store.configuration(), store.state(), store.history(), store.alerts(), stale);
}

} // namespace sitroom::models
