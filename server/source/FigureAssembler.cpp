#include "server/source/FigureAssembler.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sitroom::source {

namespace {

// The figure's name in StaleFigure and docs/sources.md.
QString figureName(const QString &group, const QString &figure)
{
    if (group.isEmpty()) {
        if (figure == u"backend_utilization")
            return QStringLiteral("backend.utilization");
        if (figure == u"backend_p95_latency_ms")
            return QStringLiteral("backend.p95_latency_ms");
        return figure;
    }
    return figure == u"error_ratio" ? QStringLiteral("error_rate") : figure;
}

QString scoped(const QString &group, const std::string &id, const QString &figure)
{
    return group + u'.' + QString::fromStdString(id) + u'.' + figure;
}

sitroom::v1::Light publishedLight(double v)
{
    switch (int(std::lround(v))) {
    case 0: return sitroom::v1::LIGHT_GREEN;
    case 1: return sitroom::v1::LIGHT_YELLOW;
    case 2: return sitroom::v1::LIGHT_RED;
    case 3: return sitroom::v1::LIGHT_SUSPENDED;
    default: return sitroom::v1::LIGHT_UNSPECIFIED;
    }
}

sitroom::v1::Light lightOf(domain::Light light)
{
    switch (light) {
    case domain::Light::Green: return sitroom::v1::LIGHT_GREEN;
    case domain::Light::Yellow: return sitroom::v1::LIGHT_YELLOW;
    case domain::Light::Red: return sitroom::v1::LIGHT_RED;
    case domain::Light::Suspended: return sitroom::v1::LIGHT_SUSPENDED;
    }
    return sitroom::v1::LIGHT_UNSPECIFIED;
}

float sample(bool fresh, double value)
{
    return fresh ? float(value) : std::numeric_limits<float>::quiet_NaN();
}

} // namespace

std::vector<FigureQuery> figureQueries(const SiteConfig &site)
{
    std::vector<FigureQuery> out;
    for (const auto &[figure, promql] : site.scalars)
        out.push_back({QString(), figure, promql});
    for (const auto &[figure, promql] : site.perProvider)
        out.push_back({QStringLiteral("provider"), figure, promql});
    for (const auto &[figure, promql] : site.perCohort)
        out.push_back({QStringLiteral("cohort"), figure, promql});
    return out;
}

FigureAssembler::FigureAssembler(const SiteConfig &site)
    : m_site(site)
    , m_queries(figureQueries(site))
{
    m_hasLiveClock = std::any_of(m_queries.begin(), m_queries.end(),
                                 [](const FigureQuery &q) { return q.group.isEmpty() && q.figure == u"live_clock"; });
    for (const auto &p : m_site.configuration.providers()) {
        m_lights.emplace_back(m_site.lights);
        m_shownLights.push_back(sitroom::v1::LIGHT_GREEN);
        m_lightSinceMs.push_back(0);
        m_figures[scoped(QStringLiteral("provider"), p.id(), QStringLiteral("enabled"))].value = 1.0;
    }
    m_figures[QStringLiteral("rate_limit_per_s")].value = m_site.initialRatePerS;
}

void FigureAssembler::take(const QString &name, const QueryResult &result, const QString &labelKey,
                           const QString &labelValue, qint64 wallNowMs, const sitroom::v1::StaleFigure *forced)
{
    Figure &f = m_figures[name];
    sitroom::v1::StaleFigure why;
    bool stale = true;
    if (forced) {
        why = *forced;
    } else if (result.failure == QueryFailure::Unreachable) {
        why.set_reason(sitroom::v1::STALE_SOURCE_UNREACHABLE);
        why.set_detail(result.error.toStdString());
    } else if (result.failure == QueryFailure::Failed) {
        why.set_reason(sitroom::v1::STALE_QUERY_FAILED);
        why.set_detail(QStringLiteral("%1: %2").arg(result.errorType, result.error).toStdString());
    } else {
        const QuerySample *found = nullptr;
        for (const QuerySample &s : result.samples) {
            if (labelKey.isEmpty() || s.labels.value(labelKey) == labelValue) {
                found = &s;
                break;
            }
        }
        if (found) {
            stale = false;
            // NaN: a ratio over no requests at all, say; nothing happened.
            f.value = std::isfinite(found->value) ? found->value : 0.0;
            f.everFresh = true;
            f.stale.reset();
        } else {
            why.set_reason(sitroom::v1::STALE_NO_DATA);
            why.set_detail(labelKey.isEmpty() ? std::string("the query returned no sample")
                                              : QStringLiteral("no sample with %1=\"%2\"").arg(labelKey, labelValue).toStdString());
        }
    }
    if (!stale)
        return;
    why.set_figure(name.toStdString());
    why.set_since_ms(f.stale ? f.stale->since_ms() : wallNowMs);
    f.stale = why;
}

double FigureAssembler::value(const QString &name) const
{
    const auto it = m_figures.find(name);
    return it == m_figures.end() ? 0.0 : it->second.value;
}

bool FigureAssembler::fresh(const QString &name) const
{
    const auto it = m_figures.find(name);
    return it != m_figures.end() && it->second.everFresh && !it->second.stale;
}

sitroom::v1::SystemState FigureAssembler::assemble(const std::vector<QueryResult> &answers, double promTimeS, qint64 wallNowMs)
{
    const sitroom::v1::Configuration &c = m_site.configuration;
    const qint64 promTimeMs = qint64(promTimeS * 1000.0);
    // The scrape target down makes every figure stale, whatever Prometheus
    // still holds for it.
    std::optional<sitroom::v1::StaleFigure> down;
    for (std::size_t i = 0; i < m_queries.size() && i < answers.size(); ++i) {
        if (!m_queries[i].group.isEmpty() || m_queries[i].figure != u"target_up" || !answers[i].ok())
            continue;
        bool up = !answers[i].samples.empty();
        for (const QuerySample &s : answers[i].samples)
            up = up && s.value >= 1.0;
        if (!up) {
            down.emplace();
            down->set_reason(sitroom::v1::STALE_TARGET_DOWN);
            down->set_detail(QStringLiteral("%1 is 0 or absent").arg(m_queries[i].promql).toStdString());
        }
    }
    for (std::size_t i = 0; i < m_queries.size() && i < answers.size(); ++i) {
        const FigureQuery &q = m_queries[i];
        const QString figure = figureName(q.group, q.figure);
        const sitroom::v1::StaleFigure *forced = down ? &*down : nullptr;
        if (q.group.isEmpty()) {
            if (q.figure != u"target_up")
                take(figure, answers[i], {}, {}, wallNowMs, forced);
        } else if (q.group == u"provider") {
            for (const auto &p : c.providers())
                take(scoped(q.group, p.id(), figure), answers[i], m_site.providerLabel, QString::fromStdString(p.id()),
                     wallNowMs, forced);
        } else {
            for (const auto &w : c.cohorts())
                take(scoped(q.group, w.id(), figure), answers[i], m_site.cohortLabel, QString::fromStdString(w.id()),
                     wallNowMs, forced);
        }
    }

    if (m_hasLiveClock && fresh(QStringLiteral("live_clock"))) {
        m_clockOffsetMs = qint64(value(QStringLiteral("live_clock")) * 1000.0) - promTimeMs;
        m_clockSeen = true;
    }
    // 0: the live system's time is not known yet (clockKnown()).
    const qint64 nowMs = clockKnown() ? promTimeMs + m_clockOffsetMs : 0;

    sitroom::v1::SystemState state;
    state.set_sim_time_ms(nowMs);
    auto *a = state.mutable_admission();
    const double depth = std::max(0.0, value(QStringLiteral("queue_depth")));
    const double rate = value(QStringLiteral("rate_limit_per_s"));
    const bool paused = value(QStringLiteral("paused")) >= 0.5;
    a->set_queue_depth(std::uint64_t(std::llround(depth)));
    a->set_arrivals_per_s(value(QStringLiteral("arrivals_per_s")));
    a->set_admitted_per_s(value(QStringLiteral("admitted_per_s")));
    a->set_abandoned_per_s(value(QStringLiteral("abandoned_per_s")));
    a->set_rate_limit_per_s(rate);
    a->set_paused(paused);
    a->set_estimated_wait_s(paused ? -1.0 : depth <= 0 ? 0.0 : depth / std::max(rate, 0.01));

    double totalRequests = 0.0;
    for (const auto &p : c.providers())
        totalRequests += value(scoped(QStringLiteral("provider"), p.id(), QStringLiteral("requests_per_s")));
    for (int i = 0; i < c.providers_size(); ++i) {
        const auto &p = c.providers(i);
        const auto fig = [&](const char *name) { return scoped(QStringLiteral("provider"), p.id(), QLatin1String(name)); };
        auto *o = state.add_providers();
        o->set_id(p.id());
        const bool enabled = value(fig("enabled")) >= 0.5;
        const double p95 = value(fig("p95_latency_ms"));
        const double errors = std::clamp(value(fig("error_rate")), 0.0, 1.0);
        const double rps = value(fig("requests_per_s"));
        o->set_enabled(enabled);
        o->set_p95_latency_ms(p95);
        o->set_error_rate(errors);
        o->set_success_rate(1.0 - errors);
        o->set_requests_per_s(rps);
        o->set_share(totalRequests > 0 ? rps / totalRequests : 0.0);
        sitroom::v1::Light light = m_shownLights[std::size_t(i)];
        if (m_site.publishesLights()) {
            if (fresh(fig("light")))
                light = publishedLight(value(fig("light")));
        } else if (nowMs > 0) {
            const std::int64_t nowS = nowMs / 1000;
            domain::ProviderLight &judge = m_lights[std::size_t(i)];
            judge.setSuspended(!enabled, nowS);
            if (enabled && fresh(fig("p95_latency_ms")) && fresh(fig("error_rate")) && fresh(fig("requests_per_s"))) {
                const auto finished = std::uint64_t(std::llround(std::max(0.0, rps)));
                judge.update(nowS, p95, std::uint64_t(std::llround(errors * double(finished))), finished);
            }
            light = lightOf(judge.light());
        }
        // Dated on the live clock; undated (0) until it is known.
        if (light != m_shownLights[std::size_t(i)] || m_lightSinceMs[std::size_t(i)] == 0)
            m_lightSinceMs[std::size_t(i)] = nowMs;
        m_shownLights[std::size_t(i)] = light;
        o->set_light(light);
        o->set_light_since_ms(m_lightSinceMs[std::size_t(i)]);
    }

    auto *b = state.mutable_backend();
    const double utilization = value(QStringLiteral("backend.utilization"));
    b->set_capacity_per_s(c.backend_capacity_per_s());
    b->set_utilization(utilization);
    b->set_requests_per_s(utilization * c.backend_capacity_per_s());
    b->set_p95_latency_ms(value(QStringLiteral("backend.p95_latency_ms")));

    std::uint64_t booked = 0;
    for (const auto &w : c.cohorts()) {
        auto *o = state.add_cohorts();
        o->set_id(w.id());
        o->set_eligible(w.eligible());
        const auto n = std::uint64_t(std::llround(std::max(0.0, value(scoped(QStringLiteral("cohort"), w.id(), QStringLiteral("booked"))))));
        o->set_booked(n);
        booked += n;
        o->set_window_open(nowMs >= w.window_open_ms() && nowMs < w.window_close_ms());
        o->set_bookings_per_min(value(scoped(QStringLiteral("cohort"), w.id(), QStringLiteral("bookings_per_min"))));
    }
    state.set_bookings_total(booked);
    state.set_bookings_per_s(value(QStringLiteral("bookings_per_s")));
    state.set_auth_attempts_per_s(totalRequests);
    for (const auto &[name, f] : m_figures)
        if (f.stale)
            *state.add_stale() = *f.stale;
    return state;
}

sitroom::v1::History FigureAssembler::sampleOf(const sitroom::v1::SystemState &state) const
{
    sitroom::v1::History h;
    if (state.sim_time_ms() <= 0)
        return h;   // no second of the live system's clock to put it in
    h.set_first_time_ms(state.sim_time_ms() / 1000 * 1000);
    h.set_step_ms(1000);
    const auto &a = state.admission();
    h.add_queue_depth(a.queue_depth());
    h.add_arrivals_per_s(sample(fresh(QStringLiteral("arrivals_per_s")), a.arrivals_per_s()));
    h.add_admitted_per_s(sample(fresh(QStringLiteral("admitted_per_s")), a.admitted_per_s()));
    h.add_abandoned_per_s(sample(fresh(QStringLiteral("abandoned_per_s")), a.abandoned_per_s()));
    h.add_bookings_per_s(sample(fresh(QStringLiteral("bookings_per_s")), state.bookings_per_s()));
    bool allRequests = true;
    for (const auto &p : state.providers())
        allRequests = allRequests && fresh(scoped(QStringLiteral("provider"), p.id(), QStringLiteral("requests_per_s")));
    h.add_auth_attempts_per_s(sample(allRequests, state.auth_attempts_per_s()));
    h.add_backend_utilization(sample(fresh(QStringLiteral("backend.utilization")), state.backend().utilization()));
    h.add_rate_limit_per_s(sample(fresh(QStringLiteral("rate_limit_per_s")), a.rate_limit_per_s()));
    for (const auto &p : state.providers()) {
        const auto fig = [&](const char *name) { return scoped(QStringLiteral("provider"), p.id(), QLatin1String(name)); };
        auto *s = h.add_providers();
        s->set_id(p.id());
        s->add_light(p.light());
        s->add_p95_latency_ms(sample(fresh(fig("p95_latency_ms")), p.p95_latency_ms()));
        s->add_error_rate(sample(fresh(fig("error_rate")), p.error_rate()));
        s->add_requests_per_s(sample(fresh(fig("requests_per_s")), p.requests_per_s()));
    }
    return h;
}

std::optional<sitroom::v1::ControlState> FigureAssembler::observedControl(const sitroom::v1::SystemState &state) const
{
    if (!fresh(QStringLiteral("rate_limit_per_s")) || !fresh(QStringLiteral("paused")))
        return std::nullopt;
    sitroom::v1::ControlState control;
    control.set_revision(1);
    control.set_admission_rate_per_s(state.admission().rate_limit_per_s());
    control.set_admission_paused(state.admission().paused());
    for (const auto &p : state.providers()) {
        if (!fresh(scoped(QStringLiteral("provider"), p.id(), QStringLiteral("enabled"))))
            return std::nullopt;
        auto *o = control.add_providers();
        o->set_id(p.id());
        o->set_enabled(p.enabled());
    }
    return control;
}

} // namespace sitroom::source
