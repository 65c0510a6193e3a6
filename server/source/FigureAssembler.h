#pragma once

#include "server/source/PrometheusClient.h"
#include "server/source/SiteConfig.h"

#include "domain/ProviderLight.h"

#include "sitroom/v1/control.pb.h"
#include "sitroom/v1/telemetry.pb.h"

#include <map>
#include <optional>
#include <vector>

namespace sitroom::source {

// A query the gateway runs each tick: its group ("" for a scalar figure,
// "provider", "cohort") and figure name in the site configuration.
struct FigureQuery
{
    QString group;
    QString figure;
    QString promql;
    QString field() const { return SiteConfig::fieldOf(group, figure); }
};

std::vector<FigureQuery> figureQueries(const SiteConfig &site);

// Turns one tick's query answers into the SystemState the gateway publishes
// (and a second of history), figure by figure: a figure whose query did not
// answer, failed, or came back empty, or every figure while the live
// system's scrape target is down, keeps its last good value and is listed
// stale with the reason. Lights are the live system's own when it publishes
// them, otherwise judged here with the simulator's rules (domain::ProviderLight).
class FigureAssembler final
{
public:
    explicit FigureAssembler(const SiteConfig &site);

    // answers: one per figureQueries() entry, same order. promTimeS: the
    // evaluation time the queries ran at (wall clock). The state's time is
    // the live system's clock (promTimeS plus the live clock's offset).
    sitroom::v1::SystemState assemble(const std::vector<QueryResult> &answers, double promTimeS, qint64 wallNowMs);
    // The second just assembled as a History sample (NaN for stale figures);
    // empty while the live clock is not known.
    sitroom::v1::History sampleOf(const sitroom::v1::SystemState &state) const;
    // The live system's own control state as the telemetry shows it (rate,
    // pause, providers), when those figures are fresh.
    std::optional<sitroom::v1::ControlState> observedControl(const sitroom::v1::SystemState &state) const;
    // Live clock minus Prometheus's, in ms (0 without a live_clock query).
    qint64 clockOffsetMs() const { return m_clockOffsetMs; }
    // Whether the live system's clock is known: always without a live_clock
    // query (the live system runs on Prometheus's clock), else once the
    // query has answered. Until then a state carries no time (sim_time_ms
    // 0), no light is dated and no second goes into the history: the wall
    // clock is not the live system's (a simulation replays July 2021).
    bool clockKnown() const { return !m_hasLiveClock || m_clockSeen; }
    const std::vector<FigureQuery> &queries() const { return m_queries; }

private:
    struct Figure
    {
        double value = 0.0;
        bool everFresh = false;
        std::optional<sitroom::v1::StaleFigure> stale;
    };
    // Reads one figure from a result (a labelled sample when label is set).
    void take(const QString &name, const QueryResult &result, const QString &labelKey, const QString &labelValue,
              qint64 wallNowMs, const sitroom::v1::StaleFigure *forced);
    double value(const QString &name) const;
    bool fresh(const QString &name) const;

    SiteConfig m_site;
    std::vector<FigureQuery> m_queries;
    std::map<QString, Figure> m_figures;
    std::vector<domain::ProviderLight> m_lights;     // judged here when the site publishes none
    std::vector<sitroom::v1::Light> m_shownLights;
    std::vector<qint64> m_lightSinceMs;
    qint64 m_clockOffsetMs = 0;
    bool m_hasLiveClock = false;
    bool m_clockSeen = false;
};

} // namespace sitroom::source
