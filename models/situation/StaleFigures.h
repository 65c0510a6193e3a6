#pragma once

#include "sitroom/v1/telemetry.pb.h"

#include <QString>

#include <vector>

namespace sitroom::models {

// Why one figure of the live system is not live (the gateway read it through
// Prometheus and could not get a fresh value). The figure keeps its last
// value in the state; views must not show that value as if it were live.
enum class StaleFigureReason {
    Unknown,
    SourceUnreachable,   // Prometheus did not answer
    QueryFailed,         // Prometheus answered with an error for this figure
    NoData,              // the query returned no sample
    TargetDown,          // the live system's scrape target is down (up == 0)
};

struct StaleFigure
{
    QString figure;      // "queue_depth", "provider.kakao.p95_latency_ms", …
    StaleFigureReason reason = StaleFigureReason::Unknown;
    QString detail;      // the source's own words, for tooltips and logs
    qint64 sinceMs = 0;  // gateway wall clock

    bool operator==(const StaleFigure &other) const = default;
};

// The figure names of docs/sources.md, so no view spells them out.
namespace figure {
inline const QString queueDepth = QStringLiteral("queue_depth");
inline const QString arrivals = QStringLiteral("arrivals_per_s");
inline const QString admitted = QStringLiteral("admitted_per_s");
inline const QString abandoned = QStringLiteral("abandoned_per_s");
inline const QString rateLimit = QStringLiteral("rate_limit_per_s");
inline const QString paused = QStringLiteral("paused");
inline const QString liveClock = QStringLiteral("live_clock");
inline const QString backendUtilization = QStringLiteral("backend.utilization");
inline const QString backendP95 = QStringLiteral("backend.p95_latency_ms");
// "provider.<id>.<what>": what is p95_latency_ms, error_rate, requests_per_s, light or enabled.
QString provider(const QString &providerId, const char *what);
QString providerPrefix(const QString &providerId);
QString cohortBooked(const QString &cohortId);
// The figures the waiting room's throttle is decided on.
const std::vector<QString> &admissionFigures();
} // namespace figure

StaleFigureReason staleReasonFrom(sitroom::v1::StaleReason reason);
// The state's stale list as the console's own type, sorted by figure name.
std::vector<StaleFigure> staleFiguresOf(const sitroom::v1::SystemState &state);

} // namespace sitroom::models
