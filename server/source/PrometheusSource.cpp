#include "server/source/PrometheusSource.h"

#include "server/gateway/Gateway.h"
#include "server/gateway/GatewayLog.h"

#include <QDateTime>

#include <cmath>
#include <limits>
#include <memory>

namespace sitroom::source {

namespace {

constexpr int kBackfillSeconds = 3600;
constexpr int kBackfillTimeoutMs = 15000;

double wallNowS()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

// Appends one History's columns to another's (same providers, in order).
void appendHistory(sitroom::v1::History &into, const sitroom::v1::History &more)
{
    if (into.queue_depth_size() == 0) {
        into = more;
        return;
    }
    into.mutable_queue_depth()->MergeFrom(more.queue_depth());
    into.mutable_arrivals_per_s()->MergeFrom(more.arrivals_per_s());
    into.mutable_admitted_per_s()->MergeFrom(more.admitted_per_s());
    into.mutable_abandoned_per_s()->MergeFrom(more.abandoned_per_s());
    into.mutable_bookings_per_s()->MergeFrom(more.bookings_per_s());
    into.mutable_auth_attempts_per_s()->MergeFrom(more.auth_attempts_per_s());
    into.mutable_backend_utilization()->MergeFrom(more.backend_utilization());
    into.mutable_rate_limit_per_s()->MergeFrom(more.rate_limit_per_s());
    for (int i = 0; i < into.providers_size() && i < more.providers_size(); ++i) {
        auto *p = into.mutable_providers(i);
        const auto &q = more.providers(i);
        p->mutable_light()->MergeFrom(q.light());
        p->mutable_p95_latency_ms()->MergeFrom(q.p95_latency_ms());
        p->mutable_error_rate()->MergeFrom(q.error_rate());
        p->mutable_requests_per_s()->MergeFrom(q.requests_per_s());
    }
}

// One second's sample, preceded by `missing` seconds the source has no
// figures for (a tick that came late): NaN gaps, so the history stays one
// unbroken run of seconds.
sitroom::v1::History withGap(const sitroom::v1::History &one, int missing)
{
    if (missing <= 0)
        return one;
    constexpr float kGap = std::numeric_limits<float>::quiet_NaN();
    sitroom::v1::History h;
    h.set_step_ms(one.step_ms());
    h.set_first_time_ms(one.first_time_ms() - std::int64_t(missing) * one.step_ms());
    for (int i = 0; i < missing; ++i) {
        h.add_queue_depth(one.queue_depth(0));
        for (auto *column : {h.mutable_arrivals_per_s(), h.mutable_admitted_per_s(), h.mutable_abandoned_per_s(),
                             h.mutable_bookings_per_s(), h.mutable_auth_attempts_per_s(), h.mutable_backend_utilization(),
                             h.mutable_rate_limit_per_s()})
            column->Add(kGap);
    }
    for (const auto &series : one.providers()) {
        auto *p = h.add_providers();
        p->set_id(series.id());
        for (int i = 0; i < missing; ++i) {
            p->add_light(series.light(0));
            p->add_p95_latency_ms(kGap);
            p->add_error_rate(kGap);
            p->add_requests_per_s(kGap);
        }
    }
    appendHistory(h, one);
    return h;
}

} // namespace

PrometheusSource::PrometheusSource(SiteConfig site, QUrl prometheus, gateway::Gateway &gateway, int tickHz, QObject *parent)
    : QObject(parent)
    , m_site(std::move(site))
    , m_gateway(gateway)
    , m_client(std::move(prometheus))
    , m_assembler(m_site)
{
    m_configuration = m_site.configuration;
    m_configuration.set_source(sourceName(m_client.base()).toStdString());
    m_timer.setInterval(1000 / std::max(1, tickHz));
    connect(&m_timer, &QTimer::timeout, this, &PrometheusSource::tick);
}

void PrometheusSource::runQueries(double timeS, std::function<void(std::vector<QueryResult>)> done)
{
    const auto &queries = m_assembler.queries();
    auto answers = std::make_shared<std::vector<QueryResult>>(queries.size());
    auto left = std::make_shared<std::size_t>(queries.size());
    for (std::size_t i = 0; i < queries.size(); ++i) {
        m_client.instant(queries[i].promql, timeS, m_site.queryTimeoutMs, [answers, left, i, done](const QueryResult &r) {
            (*answers)[i] = r;
            if (--*left == 0)
                done(std::move(*answers));
        });
    }
}

void PrometheusSource::start(std::function<void(bool, const QString &)> ready)
{
    const double nowS = wallNowS();
    runQueries(nowS, [this, nowS, ready](std::vector<QueryResult> answers) {
        const auto &queries = m_assembler.queries();
        bool reachable = false;
        for (std::size_t i = 0; i < answers.size(); ++i) {
            const QueryResult &r = answers[i];
            reachable = reachable || r.failure != QueryFailure::Unreachable;
            if (r.failure == QueryFailure::Failed && r.errorType == u"bad_data") {
                ready(false, QStringLiteral("%1: Prometheus refuses the query \"%2\": %3")
                                 .arg(queries[i].field(), queries[i].promql, r.error));
                return;
            }
        }
        const auto begin = [this, nowS, answers, ready, reachable](sitroom::v1::History backfilled) {
            const sitroom::v1::SystemState state = m_assembler.assemble(answers, nowS, QDateTime::currentMSecsSinceEpoch());
            m_configuration.set_sim_end_ms(0);
            if (m_assembler.clockKnown()) {
                dateTheRun(nowS);
            } else {
                m_gateway.setConfiguration(m_configuration);
                const auto query = m_site.scalars.find(QStringLiteral("live_clock"));
                qCWarning(gateway::lcGateway).noquote()
                    << "the live system's clock (live_clock:" << (query != m_site.scalars.end() ? query->second : QString())
                    << ") has no sample in Prometheus yet: the figures carry no time, nothing goes into the history"
                       " and the alerts wait until it has one";
            }
            if (const auto control = m_assembler.observedControl(state)) {
                m_gateway.setControlState(*control);
                m_controlKnown = true;
            } else {
                // Until the telemetry shows what is in force: the site's
                // planned rate, every provider on. A stored state wins anyway.
                sitroom::v1::ControlState planned;
                planned.set_revision(1);
                planned.set_admission_rate_per_s(m_site.initialRatePerS);
                for (const auto &p : m_configuration.providers()) {
                    auto *o = planned.add_providers();
                    o->set_id(p.id());
                    o->set_enabled(true);
                }
                m_gateway.setControlState(planned);
            }
            if (!reachable)
                qCWarning(gateway::lcGateway).noquote() << "Prometheus at" << m_client.base().toString()
                                                        << "cannot be reached now; every figure is stale until it answers";
            const sitroom::v1::History first = backfilled.queue_depth_size() ? backfilled : m_assembler.sampleOf(state);
            m_gateway.publishTick(state, first);
            if (first.queue_depth_size() > 0)
                m_lastSampleMs = first.first_time_ms() + std::int64_t(first.queue_depth_size() - 1) * first.step_ms();
            ++m_ticks;
            emit published(QDateTime::currentMSecsSinceEpoch());
            m_timer.start();
            ready(true, QString());
        };
        if (!reachable) {
            begin({});
            return;
        }
        backfill(nowS, [begin](sitroom::v1::History history) { begin(std::move(history)); });
    });
}

void PrometheusSource::backfill(double endS, std::function<void(sitroom::v1::History)> done)
{
    // The range answers are replayed second by second through a fresh
    // assembler, so backfilled lights, gaps and clock follow exactly the
    // rules of live ticks.
    const auto &queries = m_assembler.queries();
    const double startS = std::floor(endS) - kBackfillSeconds + 1;
    auto answers = std::make_shared<std::vector<QueryResult>>(queries.size());
    auto left = std::make_shared<std::size_t>(queries.size());
    for (std::size_t i = 0; i < queries.size(); ++i) {
        m_client.range(queries[i].promql, startS, std::floor(endS) - 1, 1.0, kBackfillTimeoutMs,
                       [this, answers, left, i, startS, endS, done](const QueryResult &r) {
            (*answers)[i] = r;
            if (--*left != 0)
                return;
            FigureAssembler replay(m_site);
            sitroom::v1::History history;
            const int seconds = int(std::floor(endS) - 1 - startS) + 1;
            // Per query, per second: the samples of every series at that time.
            std::vector<std::vector<QueryResult>> perSecond(std::size_t(seconds), std::vector<QueryResult>(answers->size()));
            bool any = false;
            for (std::size_t q = 0; q < answers->size(); ++q) {
                const QueryResult &range = (*answers)[q];
                for (auto &second : perSecond) {
                    second[q].failure = range.failure;
                    second[q].errorType = range.errorType;
                    second[q].error = range.error;
                }
                for (const QuerySeries &series : range.series) {
                    for (const auto &[t, v] : series.points) {
                        const auto k = std::llround(t - startS);
                        if (k < 0 || k >= seconds)
                            continue;
                        perSecond[std::size_t(k)][q].samples.push_back({series.labels, v, t});
                        any = true;
                    }
                }
            }
            if (any) {
                bool started = false;
                for (int k = 0; k < seconds; ++k) {
                    bool has = false;
                    for (const QueryResult &qr : perSecond[std::size_t(k)])
                        has = has || !qr.samples.empty();
                    if (!has && !started)
                        continue;   // before Prometheus knew the live system
                    started = true;
                    const double t = startS + k;
                    const auto state = replay.assemble(perSecond[std::size_t(k)], t, qint64(t * 1000));
                    appendHistory(history, replay.sampleOf(state));
                }
            }
            qCInfo(gateway::lcGateway).noquote() << "backfilled" << history.queue_depth_size()
                                                 << "seconds from Prometheus";
            done(std::move(history));
        });
    }
}

void PrometheusSource::dateTheRun(double nowS)
{
    m_runDated = true;
    // The hour the snapshot's history covers, on the live system's clock.
    m_configuration.set_sim_start_ms(qint64((nowS - kBackfillSeconds) * 1000.0) + m_assembler.clockOffsetMs());
    m_gateway.setConfiguration(m_configuration);
    if (m_ticks > 0)
        qCInfo(gateway::lcGateway).noquote() << "the live system's clock is known now:"
                                             << QDateTime::fromMSecsSinceEpoch(qint64(nowS * 1000.0) + m_assembler.clockOffsetMs(), Qt::UTC)
                                                    .toString(Qt::ISODateWithMs);
}

void PrometheusSource::tick()
{
    if (m_inFlight)
        return;   // the previous tick's queries are still out (each has its time-out)
    m_inFlight = true;
    const double nowS = wallNowS();
    runQueries(nowS, [this, nowS](std::vector<QueryResult> answers) {
        m_inFlight = false;
        const sitroom::v1::SystemState state = m_assembler.assemble(answers, nowS, QDateTime::currentMSecsSinceEpoch());
        if (!m_runDated && m_assembler.clockKnown())
            dateTheRun(nowS);
        if (!m_controlKnown) {
            if (const auto control = m_assembler.observedControl(state)) {
                m_gateway.setControlState(*control);
                m_controlKnown = true;
            }
        }
        sitroom::v1::History samples;
        const qint64 secondMs = state.sim_time_ms() / 1000 * 1000;
        if (secondMs > m_lastSampleMs) {
            // Seconds this gateway had no tick for (a late timer, a slow
            // Prometheus) are gaps, not a break in the history; a jump of
            // over an hour starts it anew.
            const qint64 missing = m_lastSampleMs > 0 ? (secondMs - m_lastSampleMs) / 1000 - 1 : 0;
            samples = withGap(m_assembler.sampleOf(state), missing <= 3600 ? int(missing) : 0);
            m_lastSampleMs = secondMs;
        }
        m_gateway.publishTick(state, samples);
        ++m_ticks;
        emit published(QDateTime::currentMSecsSinceEpoch());
    });
}

} // namespace sitroom::source
