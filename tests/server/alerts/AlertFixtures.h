#pragma once

// Rules and telemetry for the alert engine's tests, built in code so that each
// test shows the figures it depends on.
#include "server/alerts/AlertEngine.h"
#include "server/alerts/AlertRules.h"

#include "sitroom/v1/telemetry.pb.h"

#include <QString>

#include <algorithm>
#include <initializer_list>
#include <vector>

namespace fixtures {

namespace v1 = sitroom::v1;
using sitroom::alerts::AlertLevel;
using sitroom::alerts::AlertRule;
using sitroom::alerts::AlertRuleSet;
using sitroom::alerts::Direction;
using sitroom::alerts::Metric;

constexpr std::int64_t kT0 = 1628506800000; // 2021-08-09 20:00 KST

inline std::int64_t at(double seconds)
{
    return kT0 + std::int64_t(seconds * 1000.0);
}

// A provider error-rate rule: major at 10 %, critical at 30 %.
inline AlertRule errorRateRule(double onDelayS = 0, double offDelayS = 0, double hysteresis = 0)
{
    AlertRule rule;
    rule.id = QStringLiteral("provider.error_rate");
    rule.metric = Metric::ProviderErrorRate;
    rule.metricName = QStringLiteral("provider.error_rate");
    rule.direction = Direction::Above;
    rule.levels = {{v1::SEVERITY_MAJOR, 0.10}, {v1::SEVERITY_CRITICAL, 0.30}};
    rule.onDelayS = onDelayS;
    rule.offDelayS = offDelayS;
    rule.hysteresis = hysteresis;
    rule.runbook = QStringLiteral("provider-failing");
    rule.messageKo = QStringLiteral("{provider_name} 인증 실패율 {value} (기준 {threshold})");
    rule.messageEn = QStringLiteral("{provider_name} failing: {value} (threshold {threshold})");
    return rule;
}

inline AlertRule silenceRule()
{
    AlertRule rule;
    rule.id = QStringLiteral("telemetry.silent");
    rule.metric = Metric::TelemetrySilence;
    rule.metricName = QStringLiteral("telemetry.silence_s");
    rule.levels = {{v1::SEVERITY_MAJOR, 15}, {v1::SEVERITY_CRITICAL, 120}};
    rule.runbook = QStringLiteral("telemetry-silent");
    rule.messageKo = QStringLiteral("{value} 동안 수신 없음");
    rule.messageEn = QStringLiteral("No telemetry for {value}");
    return rule;
}

inline AlertRuleSet ruleSet(std::vector<AlertRule> rules)
{
    AlertRuleSet set;
    set.rules = std::move(rules);
    return set;
}

struct Provider
{
    const char *id;
    double errorRate = 0.01;
    bool enabled = true;
    v1::Light light = v1::LIGHT_GREEN;
    std::int64_t lightSinceMs = 0;
    double p95Ms = 800;
};

inline v1::SystemState state(std::int64_t nowMs, std::initializer_list<Provider> providers)
{
    v1::SystemState s;
    s.set_sim_time_ms(nowMs);
    s.mutable_admission()->set_estimated_wait_s(0);
    for (const Provider &p : providers) {
        auto *out = s.add_providers();
        out->set_id(p.id);
        out->set_enabled(p.enabled);
        out->set_error_rate(p.errorRate);
        out->set_success_rate(1.0 - p.errorRate);
        out->set_light(p.light);
        out->set_light_since_ms(p.lightSinceMs);
        out->set_p95_latency_ms(p.p95Ms);
    }
    return s;
}

inline v1::SystemState kakao(std::int64_t nowMs, double errorRate)
{
    return state(nowMs, {Provider{"kakao", errorRate}});
}

inline v1::Configuration configuration()
{
    v1::Configuration c;
    auto *kakao = c.add_providers();
    kakao->set_id("kakao");
    kakao->mutable_name()->set_ko("카카오");
    kakao->mutable_name()->set_en("Kakao");
    auto *naver = c.add_providers();
    naver->set_id("naver");
    naver->mutable_name()->set_ko("네이버");
    naver->mutable_name()->set_en("Naver");
    return c;
}

inline v1::Actor operatorActor(const char *user = "kim", const char *reason = "")
{
    v1::Actor actor;
    actor.set_user(user);
    actor.set_site(1);
    actor.set_reason(reason);
    return actor;
}

inline std::vector<v1::AlertTransition> kinds(const std::vector<sitroom::alerts::AlertTransitionRecord> &records)
{
    std::vector<v1::AlertTransition> out;
    for (const auto &r : records)
        out.push_back(r.transition);
    return out;
}

inline int count(const std::vector<sitroom::alerts::AlertTransitionRecord> &records, v1::AlertTransition kind)
{
    return int(std::count_if(records.begin(), records.end(), [&](const auto &r) { return r.transition == kind; }));
}

} // namespace fixtures
