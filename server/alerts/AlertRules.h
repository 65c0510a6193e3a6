#pragma once

#include "sitroom/v1/alerts.pb.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace sitroom::alerts {

// The figures a rule can watch (MetricExtractor computes them from the
// telemetry). Each decides the rule's subject (a provider, a cohort or none),
// its source and its unit: docs/alerts.md lists them.
enum class Metric {
    ProviderErrorRate,         // "provider.error_rate", ratio, per enabled provider
    ProviderP95Latency,        // "provider.p95_latency_ms", ms, per enabled provider
    ProviderRedSeconds,        // "provider.red_s", s the light has been LIGHT_RED, per enabled provider
    QueueEstimatedWait,        // "admission.estimated_wait_s", s; none while paused
    BackendUtilization,        // "backend.utilization", ratio
    AttemptsPerBooking,        // "verification.attempts_per_booking", x over a rolling window
    BookingsVersusEnvelope,    // "cohort.bookings_vs_envelope", ratio, per cohort in its opening
    TelemetrySilence,          // "telemetry.silence_s", s without telemetry
    ControlEffectNotSeen,      // "control.effect_not_seen", applied changes whose effect the telemetry does not show
    SourceStaleFigures,        // "source.stale_figures", figures the gateway could not read fresh from its source
};

enum class Direction { Above, Below };

// One step of a rule: at or past threshold the condition is at this severity.
struct AlertLevel
{
    sitroom::v1::Severity severity = sitroom::v1::SEVERITY_UNSPECIFIED;
    double threshold = 0;
};

// The rules file (JSON, docs/alerts.md). The shipped defaults are compiled in
// as the resource ":/alerts/default-rules.json"; sitroom-sim --alert-rules FILE
// replaces them. A bad file is refused whole, naming the rule and the reason.
struct AlertRule
{
    QString id;                 // also the first half of the alert's key: "provider.error_rate"
    Metric metric = Metric::ProviderErrorRate;
    QString metricName;         // as written in the file
    Direction direction = Direction::Above;
    // Least severe first; thresholds strictly further along the direction.
    std::vector<AlertLevel> levels;
    double onDelayS = 0;        // the condition must hold this long before it raises (or escalates)
    double offDelayS = 0;       // and be gone this long before it returns
    // To leave a level the figure must get back past threshold * (1 - h)
    // (above) or threshold * (1 + h) (below).
    double hysteresis = 0;
    QString runbook;            // resources/runbooks/<runbook>.{ko,en}.md
    QString messageKo;          // placeholders: {provider_name} {cohort_name} {subject} {value} {threshold}
    QString messageEn;
    // Metric parameters (only where the metric takes them).
    double windowS = 300;       // verification.attempts_per_booking: rolling window
    double minBookings = 50;    // verification.attempts_per_booking: fewer in the window, no value
    double graceS = 300;        // cohort.bookings_vs_envelope: no value in the first grace_s of an opening
    double horizonS = 3600;     // cohort.bookings_vs_envelope: nor after horizon_s
    double minExpected = 100;   // cohort.bookings_vs_envelope: nor while fewer bookings are expected

    // The severity the condition is at for a level index (-1: none).
    sitroom::v1::Severity severityAt(int level) const
    {
        return level < 0 ? sitroom::v1::SEVERITY_UNSPECIFIED : levels[std::size_t(level)].severity;
    }
    int levelOf(sitroom::v1::Severity severity) const;
};

struct FloodSettings
{
    std::int64_t windowS = 600;   // the ISA-18.2 window
    std::uint32_t startAbove = 10;  // more than this many starts in the window is a flood
    std::uint32_t endAtOrBelow = 5; // it ends when the count falls to this
};

struct AlertRuleSet
{
    std::vector<AlertRule> rules;
    FloodSettings flood;
};

// Parses a rules document. origin names it in errors ("rules.json: rule
// 'provider.error_rate': levels[1].threshold: must be a number").
std::optional<AlertRuleSet> parseAlertRules(const QByteArray &json, const QString &origin, QString *error);
std::optional<AlertRuleSet> loadAlertRules(const QString &path, QString *error);
// The shipped defaults (the resource); never fails in a correct build.
AlertRuleSet defaultAlertRules();
QString defaultAlertRulesResource();

// "critical", "major", "minor", "info"; empty for unspecified.
QString severityName(sitroom::v1::Severity severity);
std::optional<sitroom::v1::Severity> severityFromName(const QString &name);

} // namespace sitroom::alerts
