#pragma once

// The gateway's alert side as the gateway builds it, over a store of the
// test's choosing: the AlertWatch, and its AlertCommands plugged into the
// command pipeline; two rules (the estimated wait, telemetry silence), and
// the commands and figures the tests send.
#include "server/gateway/AlertCommands.h"
#include "server/gateway/AlertWatch.h"
#include "server/gateway/CommandPipeline.h"

#include <string>
#include <vector>

namespace sitroom::gateway::testing {

inline const qint64 kWall = 1'780'000'000'000;    // wall clock
inline const qint64 kSource = 1'626'692'400'000;  // the live system's clock (2021-07-19 20:00 KST)

inline const Identity kViewer{QStringLiteral("han"), v1::ROLE_VIEWER, v1::SITE_OSONG};
inline const Identity kOperator{QStringLiteral("kim"), v1::ROLE_OPERATOR, v1::SITE_SEOUL};
inline const Identity kOperator2{QStringLiteral("lee"), v1::ROLE_OPERATOR, v1::SITE_OSONG};
inline const Identity kSupervisor{QStringLiteral("park"), v1::ROLE_SUPERVISOR, v1::SITE_SEOUL};

inline alerts::AlertRuleSet rules()
{
    alerts::AlertRuleSet set;
    alerts::AlertRule wait;
    wait.id = QStringLiteral("admission.estimated_wait");
    wait.metric = alerts::Metric::QueueEstimatedWait;
    wait.metricName = QStringLiteral("admission.estimated_wait_s");
    wait.levels = {{v1::SEVERITY_MAJOR, 1800}, {v1::SEVERITY_CRITICAL, 3600}};
    wait.onDelayS = 10;
    wait.offDelayS = 30;
    wait.hysteresis = 0.1;
    wait.runbook = QStringLiteral("queue-wait");
    wait.messageKo = QStringLiteral("예상 대기 {value}");
    wait.messageEn = QStringLiteral("Estimated wait {value}");
    set.rules.push_back(wait);

    alerts::AlertRule silence;
    silence.id = QStringLiteral("telemetry.silence");
    silence.metric = alerts::Metric::TelemetrySilence;
    silence.metricName = QStringLiteral("telemetry.silence_s");
    silence.levels = {{v1::SEVERITY_CRITICAL, 5}};
    silence.onDelayS = 2;
    silence.offDelayS = 0;
    silence.runbook = QStringLiteral("telemetry-silent");
    silence.messageKo = QStringLiteral("원격 측정 끊김");
    silence.messageEn = QStringLiteral("Telemetry silent");
    set.rules.push_back(silence);
    return set;
}

inline v1::SystemState state(qint64 simMs, double waitS)
{
    v1::SystemState s;
    s.set_sim_time_ms(simMs);
    s.mutable_admission()->set_queue_depth(std::uint64_t(waitS * 100));
    s.mutable_admission()->set_admitted_per_s(100);
    s.mutable_admission()->set_estimated_wait_s(waitS);
    return s;
}

// The gateway's alert side over a store: the watch, and its commands
// plugged into the pipeline.
struct AlertSide
{
    explicit AlertSide(GatewayStore &store)
        : pipeline(store)
        , watch(pipeline, rules())
        , commands(watch)
    {
        pipeline.addHandler(&commands);
        watch.restore();
    }
    v1::CommandResult handle(const v1::Command &c, const Identity &who, qint64 wallMs)
    {
        return pipeline.handle(c, who, wallMs, wallMs);
    }
    CommandPipeline pipeline;
    AlertWatch watch;
    AlertCommands commands;
};

// Feeds one state per simulated second, wall clock in step, from `from` s.
inline void feed(AlertWatch &watch, int from, int to, double waitS)
{
    for (int t = from; t < to; ++t)
        watch.observe(state(kSource + t * 1000LL, waitS), kWall + t * 1000LL);
}

inline int g_id = 0;

inline v1::Command ack(const std::string &alertId, const char *comment, const char *step = "")
{
    v1::Command c;
    c.set_command_id("ack-" + std::to_string(++g_id));
    c.set_reason(comment);
    c.mutable_acknowledge_alert()->set_alert_id(alertId);
    c.mutable_acknowledge_alert()->set_comment(comment);
    c.mutable_acknowledge_alert()->set_runbook_step(step);
    return c;
}

inline v1::Command shelve(const std::string &alertId, std::uint32_t seconds, const char *reason)
{
    v1::Command c;
    c.set_command_id("shelve-" + std::to_string(++g_id));
    c.set_reason(reason);
    c.mutable_shelve_alert()->set_alert_id(alertId);
    c.mutable_shelve_alert()->set_duration_s(seconds);
    return c;
}

inline v1::Command unshelve(const std::string &alertId)
{
    v1::Command c;
    c.set_command_id("unshelve-" + std::to_string(++g_id));
    c.set_reason("back on the list");
    c.mutable_unshelve_alert()->set_alert_id(alertId);
    return c;
}

inline std::vector<v1::AlertEvent> eventsOf(AlertWatch &watch, v1::AlertTransition transition)
{
    std::vector<v1::AlertEvent> out;
    for (auto &e : watch.takeAlertEvents())
        if (e.transition() == transition)
            out.push_back(e);
    return out;
}

} // namespace sitroom::gateway::testing
