#pragma once

#include "domain/ProviderLight.h"

#include "sitroom/v1/telemetry.pb.h"

#include <QString>

#include <map>
#include <optional>

namespace sitroom::source {

// What the gateway needs to know of a live system that Prometheus cannot tell
// it, and how to read each figure from Prometheus (docs/sources.md).
struct SiteConfig
{
    sitroom::v1::Configuration configuration;   // providers, cohorts, bounds, light rules, zone, name, drill
    domain::LightSpec lights;                    // for lights computed by the gateway
    double initialRatePerS = 0.0;                // until the telemetry says what is in force
    qint64 effectTimeoutMs = 30000;              // closed-loop verification bound
    int queryTimeoutMs = 800;                    // one tick's instant queries
    QString providerLabel = QStringLiteral("provider");
    QString cohortLabel = QStringLiteral("cohort");
    // PromQL by figure name. Scalars: queue_depth, arrivals_per_s,
    // admitted_per_s, abandoned_per_s, rate_limit_per_s, paused,
    // bookings_per_s, backend_utilization, backend_p95_latency_ms, and the
    // optional live_clock and target_up. Per provider (a vector labelled by
    // providerLabel): p95_latency_ms, error_ratio, requests_per_s, enabled,
    // and the optional light. Per cohort (labelled by cohortLabel): booked,
    // bookings_per_min.
    std::map<QString, QString> scalars;
    std::map<QString, QString> perProvider;
    std::map<QString, QString> perCohort;

    bool publishesLights() const { return perProvider.count(QStringLiteral("light")) != 0; }
    // "queries.provider.p95_latency_ms": where a figure's query is written, for messages.
    static QString fieldOf(const QString &group, const QString &figure);
};

// Reads and checks a site configuration; nullopt with a message naming the
// file, the field and the reason.
std::optional<SiteConfig> loadSiteConfig(const QString &path, QString *error);
std::optional<SiteConfig> parseSiteConfig(const QByteArray &json, const QString &name, QString *error);

} // namespace sitroom::source
