#pragma once

#include <QByteArray>

#include <cstdint>

namespace sitroom::sim {
struct SimulationState;
}

namespace sitroom::metrics {

// What the live reservation system exposes to Prometheus (text format 0.0.4):
// counters of what it did since the start (requests offered to and finished by
// each verification provider, with their durations as a histogram; the
// waiting room's arrivals, admissions and departures; bookings per cohort; the
// booking backend's requests), gauges of its state now (queue depth, the
// admission throttle in force, each provider's switch and public light, the
// cohorts' registry figures), its own clock, and the revision of the last
// control change applied through its control endpoint. The names are a
// contract with the gateway's site configuration: docs/simulation.md lists
// them. Rendered once per simulated second, not per scrape.
QByteArray renderLiveMetrics(const sim::SimulationState &state, std::uint64_t controlRevision);

// "text/plain; version=0.0.4; charset=utf-8"
QByteArray metricsContentType();

} // namespace sitroom::metrics
