#pragma once

#include "sitroom/v1/telemetry.pb.h"

#include <QByteArray>

namespace sitroom::metrics {

// The live system's published state in the Prometheus text exposition format
// (version 0.0.4): one HELP and TYPE line per family, base units (seconds,
// ratios), counters ending in _total, provider and cohort ids as labels.
// Lights are gauges holding the protocol's Light number (1 green, 2 yellow,
// 3 red, 4 suspended), so a query can see a change as a new value.
QByteArray renderMetrics(const sitroom::v1::Configuration &configuration,
                         const sitroom::v1::SystemState &state);

// "text/plain; version=0.0.4; charset=utf-8"
QByteArray metricsContentType();

} // namespace sitroom::metrics
