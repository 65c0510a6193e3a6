#pragma once

// Alerts, alert events and a live console picture for the alert widget tests.

#include "tests/models/SituationFixtures.h"

#include "sitroom/v1/envelope.pb.h"

namespace sitroom::testing {

inline v1::Alert makeAlert(const std::string &id, v1::Severity severity, v1::AlertState state, qint64 raisedMs,
                           const std::string &source = "provider/kakao", const std::string &runbook = "provider-failing")
{
    v1::Alert a;
    a.set_id(id);
    a.set_key("provider.error_rate/" + id);
    a.set_rule("provider.error_rate");
    a.set_severity(severity);
    a.set_active_severity(severity);
    a.set_state(state);
    a.set_source(source);
    if (source.rfind("provider/", 0) == 0)
        a.set_subject(source.substr(9));
    a.mutable_message()->set_ko("인증 오류율 높음 " + id);
    a.mutable_message()->set_en("High verification error rate " + id);
    a.set_runbook(runbook);
    a.set_raised_ms(raisedMs);
    a.set_changed_ms(raisedMs);
    return a;
}

inline models::TelemetryBatch alertEventBatch(const v1::Alert &alert, v1::AlertTransition transition,
                                              quint32 last10 = 1, bool flood = false, const std::string &actor = "system")
{
    models::TelemetryBatch b;
    v1::Envelope e;
    v1::AlertEvent *ev = e.mutable_alert_event();
    *ev->mutable_alert() = alert;
    ev->set_transition(transition);
    ev->set_alerts_last_10min(last10);
    ev->set_flood(flood);
    ev->mutable_actor()->set_user(actor);
    b.events.push_back(e);
    return b;
}

// A live session with `role` and a snapshot holding `alerts`; kakao red.
inline models::TelemetryBatch liveBatch(v1::Role role, std::vector<v1::Alert> alerts, qint64 arrivedMs,
                                        const std::vector<std::string> &providers = {"kakao", "naver"})
{
    const qint64 t = kSimStartMs + 60'000;
    v1::SystemState state = makeState(t, providers);
    for (auto &p : *state.mutable_providers()) {
        p.set_light(p.id() == "kakao" ? v1::LIGHT_RED : v1::LIGHT_GREEN);
        p.set_enabled(true);
    }
    state.mutable_admission()->set_rate_limit_per_s(700);
    state.mutable_admission()->set_estimated_wait_s(2400);
    state.mutable_backend()->set_utilization(0.95);
    v1::Configuration config = makeConfiguration(providers);
    config.set_admission_rate_min_per_s(50);
    config.set_admission_rate_max_per_s(3000);
    config.set_admission_rate_step_per_s(10);
    config.set_hazardous_rate_cut_fraction(0.3);
    models::TelemetryBatch b = snapshotBatch(config, state, makeHistory(t - 5000, 5), arrivedMs, std::move(alerts));
    b.snapshot->mutable_control()->set_revision(3);
    b.snapshot->mutable_control()->set_admission_rate_per_s(700);
    for (const std::string &id : providers) {
        auto *pc = b.snapshot->mutable_control()->add_providers();
        pc->set_id(id);
        pc->set_enabled(true);
    }
    b.link.push_back(linkEvent(models::LinkState::Live));
    v1::Welcome welcome;
    welcome.set_role(role);
    welcome.set_user("kim");
    welcome.set_site(v1::SITE_SEOUL);
    b.welcome = welcome;
    return b;
}

} // namespace sitroom::testing
