#pragma once

// Builders for the store and item-model tests: configurations, states,
// snapshots and batches with values derived from ids, so a test can compute
// what a cell must show.

#include "models/situation/SituationStore.h"
#include "models/telemetry/TelemetryBatch.h"
#include "models/words/DisplayLanguage.h"

#include "sitroom/v1/envelope.pb.h"

#include <QLocale>

#include <string>
#include <vector>

namespace sitroom::testing {

constexpr qint64 kSimStartMs = 1'700'000'000'000;
constexpr qint64 kMinuteMs = 60'000;

// The console's language for as long as it lives: the default locale, as the
// application installs it from --lang ("ko", "en"); the one before comes back
// after. The machine's own locale never decides what a test sees.
class ConsoleLanguage final
{
public:
    explicit ConsoleLanguage(const QString &languageCode)
        : m_before(QLocale())
    {
        QLocale::setDefault(models::displayLocale(languageCode));
    }
    ~ConsoleLanguage() { QLocale::setDefault(m_before); }
    ConsoleLanguage(const ConsoleLanguage &) = delete;
    ConsoleLanguage &operator=(const ConsoleLanguage &) = delete;

private:
    QLocale m_before;
};

struct FakeClock
{
    qint64 now = 500'000; // monotonic ms; never 0 so "no message" (-1) stays distinct
    models::SituationStore::Clock clock()
    {
        return [this] { return now; };
    }
};

struct CohortSpec
{
    std::string id;
    qint64 openMinute;   // window open, minutes after kSimStartMs
    qint64 closeMinute;
};

inline v1::Configuration makeConfiguration(const std::vector<std::string> &providers,
                                           const std::vector<CohortSpec> &cohorts = {},
                                           const std::string &scenario = "day-one", quint64 seed = 7,
                                           qint64 simStartMs = kSimStartMs)
{
    v1::Configuration c;
    c.set_scenario_id(scenario);
    c.set_seed(seed);
    c.set_sim_start_ms(simStartMs);
    c.set_sim_end_ms(simStartMs + 24 * 3600 * 1000LL);
    for (std::size_t i = 0; i < providers.size(); ++i) {
        v1::ProviderConfig *p = c.add_providers();
        p->set_id(providers[i]);
        p->mutable_name()->set_ko("공급자-" + providers[i]);
        p->mutable_name()->set_en("Provider " + providers[i]);
        p->set_capacity_per_s(100.0 * double(i + 1));
        p->set_simple_auth(i % 2 == 0);
    }
    for (std::size_t i = 0; i < cohorts.size(); ++i) {
        v1::CohortConfig *k = c.add_cohorts();
        k->set_id(cohorts[i].id);
        k->mutable_name()->set_ko("코호트-" + cohorts[i].id);
        k->mutable_name()->set_en("Cohort " + cohorts[i].id);
        k->set_eligible(1000 * (i + 1));
        k->set_window_open_ms(kSimStartMs + cohorts[i].openMinute * kMinuteMs);
        k->set_window_close_ms(kSimStartMs + cohorts[i].closeMinute * kMinuteMs);
        k->add_birth_digits(quint32(i));
        k->add_birth_digits(quint32(i + 5));
        k->set_expected_bookings(500 * (i + 1));
    }
    return c;
}

// A number that differs for every id the tests use, so each provider's figures differ.
inline int saltOf(const std::string &id)
{
    int sum = 0;
    for (char ch : id)
        sum += static_cast<unsigned char>(ch);
    return sum % 97;
}

// A provider's figures at `tick`: derived from the id, so a test can tell
// them apart whatever order the state lists providers in.
inline void fillProvider(v1::ProviderState *p, const std::string &id, int salt, int tick)
{
    p->set_id(id);
    p->set_light(v1::Light(1 + (salt + tick) % 4));
    p->set_enabled(salt % 2 == 0);
    p->set_p95_latency_ms(100.0 + salt * 10 + tick);
    p->set_error_rate(0.01 * salt);
    p->set_success_rate(1.0 - 0.01 * salt);
    p->set_requests_per_s(50.0 + salt + tick * 0.5);
    p->set_share(0.1 * (salt + 1));
    p->set_in_flight(quint64(salt * 3 + tick));
    p->set_light_since_ms(kSimStartMs + salt * 1000 + tick);
}

inline v1::SystemState makeState(qint64 simTimeMs, const std::vector<std::string> &providers,
                                 const std::vector<std::string> &cohorts = {}, int tick = 0)
{
    v1::SystemState s;
    s.set_sim_time_ms(simTimeMs);
    for (const std::string &id : providers)
        fillProvider(s.add_providers(), id, saltOf(id), tick);
    for (const std::string &id : cohorts) {
        v1::CohortState *c = s.add_cohorts();
        c->set_id(id);
        c->set_booked(quint64(10 * id.size() + tick));
        c->set_bookings_per_min(2.5 * double(id.size()) + tick);
        c->set_window_open(true);
    }
    return s;
}

// n per-second samples from `firstMs`; queue depth = `base` + i.
inline v1::History makeHistory(qint64 firstMs, int n, int base = 0, const std::vector<std::string> &providers = {})
{
    v1::History h;
    h.set_first_time_ms(firstMs);
    h.set_step_ms(1000);
    for (int i = 0; i < n; ++i) {
        h.add_queue_depth(quint64(base + i));
        h.add_arrivals_per_s(1);
        h.add_admitted_per_s(1);
        h.add_abandoned_per_s(0);
        h.add_bookings_per_s(1);
        h.add_auth_attempts_per_s(1);
        h.add_backend_utilization(0.5f);
        h.add_rate_limit_per_s(100);
    }
    for (const std::string &id : providers) {
        v1::ProviderSeries *s = h.add_providers();
        s->set_id(id);
        for (int i = 0; i < n; ++i) {
            s->add_light(v1::LIGHT_GREEN);
            s->add_p95_latency_ms(float(base + i));
            s->add_error_rate(0);
            s->add_requests_per_s(1);
        }
    }
    return h;
}

inline models::LinkEvent linkEvent(models::LinkState state)
{
    models::LinkEvent e;
    e.state = state;
    return e;
}

inline models::TelemetryBatch snapshotBatch(const v1::Configuration &config, const v1::SystemState &state,
                                            const v1::History &history, qint64 arrivedMs,
                                            std::vector<v1::Alert> alerts = {})
{
    models::TelemetryBatch b;
    v1::Snapshot snap;
    *snap.mutable_configuration() = config;
    *snap.mutable_state() = state;
    *snap.mutable_history() = history;
    for (v1::Alert &a : alerts)
        *snap.add_active_alerts() = std::move(a);
    b.snapshot = std::move(snap);
    b.hasState = true;
    b.state = state;
    b.messages = 1;
    b.lastMessageMonotonicMs = arrivedMs;
    b.lastServerTimeMs = state.sim_time_ms();
    b.lastSimTimeMs = state.sim_time_ms();
    return b;
}

inline models::TelemetryBatch tickBatch(const v1::SystemState &state, const v1::History &samples, qint64 arrivedMs)
{
    models::TelemetryBatch b;
    b.hasState = true;
    b.state = state;
    b.samples = samples;
    b.messages = 1;
    b.lastMessageMonotonicMs = arrivedMs;
    b.lastServerTimeMs = state.sim_time_ms();
    b.lastSimTimeMs = state.sim_time_ms();
    return b;
}

inline models::TelemetryBatch linkBatch(models::LinkState state)
{
    models::TelemetryBatch b;
    b.link.push_back(linkEvent(state));
    return b;
}

} // namespace sitroom::testing
