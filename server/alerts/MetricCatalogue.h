#pragma once

#include "server/alerts/AlertRules.h"

#include <QString>

#include <optional>

namespace sitroom::alerts {

// What each metric watches: its name in the rules file, whose it is (the
// subject half of the alert's key), the source an alert of it comes from and
// the unit of its figure.
enum class SubjectKind { None, Provider, Cohort };

struct MetricInfo
{
    Metric metric;
    QString name;
    SubjectKind subject;
    QString source;    // "queue", "backend", "bookings", "telemetry"; providers: "provider/<id>"
    QString unit;      // "ratio", "ms", "s", "x"
};

const MetricInfo &metricInfo(Metric metric);
std::optional<Metric> metricFromName(const QString &name);
// Every metric's name, for the loader's error message.
QString metricNames();
QString sourceOf(Metric metric, const QString &subject);

} // namespace sitroom::alerts
