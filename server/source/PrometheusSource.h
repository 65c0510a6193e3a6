#pragma once

#include "server/source/FigureAssembler.h"
#include "server/source/PrometheusClient.h"
#include "server/source/SiteConfig.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace sitroom::gateway {
class Gateway;
}

namespace sitroom::source {

// A live system read through the Prometheus its owners run (docs/sources.md):
// every tick, all of the site's queries at once as instant queries with a
// bounded time-out, assembled figure by figure (FigureAssembler) and
// published through the gateway. At start, every query is run once (a PromQL
// error refuses the start, naming the field and Prometheus's words) and the
// snapshot's hour is backfilled with range queries at 1 s steps.
class PrometheusSource final : public QObject
{
    Q_OBJECT

public:
    PrometheusSource(SiteConfig site, QUrl prometheus, gateway::Gateway &gateway, int tickHz = 1, QObject *parent = nullptr);

    // Checks the queries and backfills, publishes the configuration, the
    // first state and (when the gateway has none stored) the control state
    // the telemetry shows; then ticks. ready(false, why) for a query
    // Prometheus refuses; an unreachable Prometheus is not fatal (its
    // figures are stale until it answers) and is said in the log.
    void start(std::function<void(bool ok, const QString &error)> ready);

    static QString sourceName(const QUrl &prometheus) { return QStringLiteral("prometheus:") + prometheus.toString(); }
    quint64 ticks() const { return m_ticks; }

signals:
    // One tick assembled and handed to the gateway (for tests and benchmarks).
    void published(qint64 wallMs);

private:
    void runQueries(double timeS, std::function<void(std::vector<QueryResult>)> done);
    void backfill(double endS, std::function<void(sitroom::v1::History)> done);
    void tick();
    // Once the live system's clock is known: the run's start on it, in the
    // configuration (0 until then), and the log told.
    void dateTheRun(double nowS);

    SiteConfig m_site;
    gateway::Gateway &m_gateway;
    PrometheusClient m_client;
    FigureAssembler m_assembler;
    sitroom::v1::Configuration m_configuration;
    QTimer m_timer;
    bool m_inFlight = false;
    bool m_controlKnown = false;
    quint64 m_ticks = 0;
    qint64 m_lastSampleMs = 0;
    bool m_runDated = false;
};

} // namespace sitroom::source
