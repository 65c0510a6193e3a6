#include "server/alerts/MetricCatalogue.h"

#include <QStringList>

#include <array>

namespace sitroom::alerts {

namespace {

const std::array<MetricInfo, 10> &catalogue()
{
    static const std::array<MetricInfo, 10> metrics{{
        {Metric::ProviderErrorRate, QStringLiteral("provider.error_rate"), SubjectKind::Provider, QStringLiteral("provider"), QStringLiteral("ratio")},
        {Metric::ProviderP95Latency, QStringLiteral("provider.p95_latency_ms"), SubjectKind::Provider, QStringLiteral("provider"), QStringLiteral("ms")},
        {Metric::ProviderRedSeconds, QStringLiteral("provider.red_s"), SubjectKind::Provider, QStringLiteral("provider"), QStringLiteral("s")},
        {Metric::QueueEstimatedWait, QStringLiteral("admission.estimated_wait_s"), SubjectKind::None, QStringLiteral("queue"), QStringLiteral("s")},
        {Metric::BackendUtilization, QStringLiteral("backend.utilization"), SubjectKind::None, QStringLiteral("backend"), QStringLiteral("ratio")},
        {Metric::AttemptsPerBooking, QStringLiteral("verification.attempts_per_booking"), SubjectKind::None, QStringLiteral("bookings"), QStringLiteral("x")},
        {Metric::BookingsVersusEnvelope, QStringLiteral("cohort.bookings_vs_envelope"), SubjectKind::Cohort, QStringLiteral("bookings"), QStringLiteral("ratio")},
        {Metric::TelemetrySilence, QStringLiteral("telemetry.silence_s"), SubjectKind::None, QStringLiteral("telemetry"), QStringLiteral("s")},
        {Metric::ControlEffectNotSeen, QStringLiteral("control.effect_not_seen"), SubjectKind::None, QStringLiteral("controls"), QStringLiteral("count")},
        {Metric::SourceStaleFigures, QStringLiteral("source.stale_figures"), SubjectKind::None, QStringLiteral("telemetry"), QStringLiteral("figures")},
    }};
    return metrics;
}

} // namespace

const MetricInfo &metricInfo(Metric metric)
{
    for (const MetricInfo &info : catalogue())
        if (info.metric == metric)
            return info;
    return catalogue().front();
}

std::optional<Metric> metricFromName(const QString &name)
{
    for (const MetricInfo &info : catalogue())
        if (info.name == name)
            return info.metric;
    return std::nullopt;
}

QString metricNames()
{
    QStringList names;
    for (const MetricInfo &info : catalogue())
        names << info.name;
    return names.join(QStringLiteral(", "));
}

QString sourceOf(Metric metric, const QString &subject)
{
    const MetricInfo &info = metricInfo(metric);
    if (info.subject == SubjectKind::Provider)
        return info.source + u'/' + subject;
    return info.source;
}

} // namespace sitroom::alerts
