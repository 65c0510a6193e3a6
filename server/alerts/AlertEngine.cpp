#include "server/alerts/AlertEngine.h"
#include "server/alerts/AlertLifecycle.h"
#include "server/alerts/AlertMessage.h"
#include "server/alerts/MetricCatalogue.h"

#include "proto/sitroom/ProtoText.h"

#include <algorithm>
#include <set>

namespace sitroom::alerts {

namespace v1 = sitroom::v1;

namespace {

constexpr std::size_t kRecentlyClearedKept = 256;

QString keyOf(const AlertRule &rule, const QString &subject)
{
    return subject.isEmpty() ? rule.id : rule.id + u'/' + subject;
}

v1::Actor systemActor(std::int64_t nowMs)
{
    v1::Actor actor;
    actor.set_user("system");
    actor.set_time_ms(nowMs);
    return actor;
}

} // namespace

AlertEngine::AlertEngine(AlertRuleSet rules)
    : m_rules(std::move(rules))
    , m_flood(m_rules.flood)
{
    double longest = 0;
    for (const AlertRule &rule : m_rules.rules)
        if (rule.metric == Metric::AttemptsPerBooking)
            longest = std::max(longest, rule.windowS);
    m_metrics.setLongestWindowS(longest);
}

void AlertEngine::setConfiguration(const v1::Configuration &configuration)
{
    m_metrics.setConfiguration(configuration);
}

void AlertEngine::restore(const std::vector<v1::Alert> &alerts, std::uint64_t nextId)
{
    // In place of what the engine had: each start is in the window once.
    m_open.clear();
    m_openByKey.clear();
    m_flood = FloodDetector(m_rules.flood);
    m_nextId = std::max<std::uint64_t>(1, nextId);
    for (const v1::Alert &alert : alerts) {
        if (alert.state() == v1::ALERT_CLEARED)
            continue;
        const QString id = fromProto(alert.id());
        m_open[id] = alert;
        m_openByKey[fromProto(alert.key())] = id;
        m_flood.noteStart(alert.raised_ms(), id);
        // Its condition as last known, so that it returns to normal only
        // after its off-delay if it no longer holds.
        if (alert.condition_active())
            conditionFrom(alert);
    }
}

void AlertEngine::conditionFrom(const v1::Alert &alert)
{
    for (std::size_t r = 0; r < m_rules.rules.size(); ++r) {
        const AlertRule &rule = m_rules.rules[r];
        if (rule.id != fromProto(alert.rule()))
            continue;
        Watch &watch = watchFor(r, fromProto(alert.subject()));
        watch.condition = alert.condition_active() ? ConditionTracker(std::max(0, rule.levelOf(alert.active_severity())))
                                                   : ConditionTracker();
    }
}

AlertEngine::Watch &AlertEngine::watchFor(std::size_t rule, const QString &subject)
{
    const QString key = keyOf(m_rules.rules[rule], subject);
    auto it = m_watches.find(key);
    if (it == m_watches.end())
        it = m_watches.emplace(key, Watch{rule, subject, ConditionTracker()}).first;
    return it->second;
}

void AlertEngine::observe(const v1::SystemState &state, std::int64_t nowMs)
{
    m_lastMs = std::max(m_lastMs, nowMs);
    m_metrics.record(state, nowMs);
    for (std::size_t r = 0; r < m_rules.rules.size(); ++r) {
        const AlertRule &rule = m_rules.rules[r];
        std::set<QString> seen;
        for (const MetricReading &reading : m_metrics.read(rule, state, nowMs)) {
            seen.insert(reading.subject);
            watchFor(r, reading.subject).condition.observe(rule, reading.value, nowMs);
        }
        // A subject gone from the telemetry has no value: it returns to normal.
        for (auto &[key, watch] : m_watches)
            if (watch.rule == r && !seen.count(watch.subject))
                watch.condition.observe(rule, std::nullopt, nowMs);
    }
    for (auto &[key, watch] : m_watches)
        follow(key, watch, nowMs);
    followOrphans(nowMs);
    expireShelves(nowMs);
    updateFlood(nowMs);
}

void AlertEngine::tick(std::int64_t nowMs, double silenceS)
{
    m_lastMs = std::max(m_lastMs, nowMs);
    for (std::size_t r = 0; r < m_rules.rules.size(); ++r)
        if (m_rules.rules[r].metric == Metric::TelemetrySilence)
            watchFor(r, QString());
    for (auto &[key, watch] : m_watches) {
        const AlertRule &rule = m_rules.rules[watch.rule];
        if (rule.metric == Metric::TelemetrySilence)
            watch.condition.observe(rule, std::max(0.0, silenceS), nowMs);
        else
            watch.condition.advance(rule, nowMs);
        follow(key, watch, nowMs);
    }
    expireShelves(nowMs);
    updateFlood(nowMs);
}

void AlertEngine::describe(v1::Alert &alert, const AlertRule &rule, double value) const
{
    const int level = std::max(0, rule.levelOf(alert.severity()));
    const double threshold = rule.levels[std::size_t(level)].threshold;
    alert.set_threshold(threshold);
    const QString subject = fromProto(alert.subject());
    *alert.mutable_message() = renderMessage(rule, m_metrics.nameOf(metricInfo(rule.metric).subject, subject),
                                             subject, value, threshold);
}

void AlertEngine::follow(const QString &key, Watch &watch, std::int64_t nowMs)
{
    const AlertRule &rule = m_rules.rules[watch.rule];
    const auto openIt = m_openByKey.find(key);
    if (openIt == m_openByKey.end()) {
        if (watch.condition.holds())
            raise(key, watch, nowMs);
        return;
    }
    v1::Alert &alert = m_open.at(openIt->second);
    if (watch.condition.value())
        alert.set_value(*watch.condition.value());
    const v1::AlertState previous = alert.state();
    const v1::AlertTransition made =
        lifecycle::followCondition(alert, rule.severityAt(watch.condition.level()), nowMs);
    if (made == v1::ALERT_TRANSITION_UNSPECIFIED)
        return;
    if (made == v1::TRANSITION_ESCALATED || made == v1::TRANSITION_REACTIVATED)
        describe(alert, rule, alert.value());
    if (made == v1::TRANSITION_REACTIVATED)
        m_flood.noteStart(nowMs, fromProto(alert.id()));
    recordSystem(alert, previous, made, nowMs);
    if (alert.state() == v1::ALERT_CLEARED)
        retire(fromProto(alert.id()));
}

void AlertEngine::raise(const QString &key, const Watch &watch, std::int64_t nowMs)
{
    const AlertRule &rule = m_rules.rules[watch.rule];
    v1::Alert alert;
    const QString id = QStringLiteral("A%1").arg(m_nextId++);
    alert.set_id(id.toStdString());
    alert.set_key(key.toStdString());
    alert.set_rule(rule.id.toStdString());
    alert.set_subject(watch.subject.toStdString());
    alert.set_source(sourceOf(rule.metric, watch.subject).toStdString());
    alert.set_unit(metricInfo(rule.metric).unit.toStdString());
    alert.set_runbook(rule.runbook.toStdString());
    alert.set_state(v1::ALERT_ACTIVE_UNACKED);
    alert.set_severity(rule.severityAt(watch.condition.level()));
    alert.set_active_severity(alert.severity());
    alert.set_condition_active(true);
    alert.set_value(watch.condition.value().value_or(0.0));
    alert.set_raised_ms(nowMs);
    alert.set_changed_ms(nowMs);
    alert.set_occurrences(1);
    describe(alert, rule, alert.value());

    m_flood.noteStart(nowMs, id);
    m_flood.update(nowMs);
    if (m_flood.flood()) {
        alert.set_flood_group(alert.source());
        alert.set_first_out(m_flood.firstOutId() == id);
    }
    m_open[id] = alert;
    m_openByKey[key] = id;
    recordSystem(alert, v1::ALERT_STATE_UNSPECIFIED, v1::TRANSITION_RAISED, nowMs);
    syncFloodMarks(nowMs);
}

void AlertEngine::followOrphans(std::int64_t nowMs)
{
    std::vector<QString> orphans;
    for (const auto &[key, id] : m_openByKey)
        if (!m_watches.count(key))
            orphans.push_back(id);
    for (const QString &id : orphans) {
        v1::Alert &alert = m_open.at(id);
        const v1::AlertState previous = alert.state();
        const v1::AlertTransition made = lifecycle::followCondition(alert, v1::SEVERITY_UNSPECIFIED, nowMs);
        if (made == v1::ALERT_TRANSITION_UNSPECIFIED)
            continue;
        recordSystem(alert, previous, made, nowMs);
        if (alert.state() == v1::ALERT_CLEARED)
            retire(id);
    }
}

void AlertEngine::expireShelves(std::int64_t nowMs)
{
    for (auto &[id, alert] : m_open) {
        const v1::AlertState previous = alert.state();
        const v1::AlertTransition made = lifecycle::expireShelf(alert, nowMs);
        if (made == v1::ALERT_TRANSITION_UNSPECIFIED)
            continue;
        if (const AlertRule *rule = ruleOf(alert))
            describe(alert, *rule, alert.value());
        recordSystem(alert, previous, made, nowMs);
    }
}

void AlertEngine::updateFlood(std::int64_t nowMs)
{
    m_flood.update(nowMs);
    syncFloodMarks(nowMs);
}

void AlertEngine::syncFloodMarks(std::int64_t nowMs)
{
    // In a flood every open alert is grouped under its source, the first-out
    // marked; out of one, the marks go.
    const bool flood = m_flood.flood();
    for (auto &[id, alert] : m_open) {
        const std::string group = flood ? alert.source() : std::string();
        const bool firstOut = flood && id == m_flood.firstOutId();
        if (alert.flood_group() == group && alert.first_out() == firstOut)
            continue;
        alert.set_flood_group(group);
        alert.set_first_out(firstOut);
        recordSystem(alert, alert.state(), v1::TRANSITION_FLOOD_CHANGED, nowMs);
    }
}

void AlertEngine::record(const v1::Alert &alert, v1::AlertState previous, v1::AlertTransition transition,
                         const v1::Actor &actor)
{
    m_transitions.push_back({alert, previous, transition, actor});
}

void AlertEngine::recordSystem(const v1::Alert &alert, v1::AlertState previous, v1::AlertTransition transition,
                               std::int64_t nowMs)
{
    record(alert, previous, transition, systemActor(nowMs));
}

void AlertEngine::retire(const QString &alertId)
{
    const auto it = m_open.find(alertId);
    if (it == m_open.end())
        return;
    v1::Alert alert = std::move(it->second);
    m_open.erase(it);
    const auto byKey = m_openByKey.find(fromProto(alert.key()));
    if (byKey != m_openByKey.end() && byKey->second == alertId)
        m_openByKey.erase(byKey);
    alert.set_flood_group(std::string());
    alert.set_first_out(false);
    m_recentlyCleared.push_back(std::move(alert));
    if (m_recentlyCleared.size() > kRecentlyClearedKept)
        m_recentlyCleared.pop_front();
}

v1::Alert *AlertEngine::open(const QString &alertId)
{
    const auto it = m_open.find(alertId);
    return it == m_open.end() ? nullptr : &it->second;
}

const AlertRule *AlertEngine::ruleOf(const v1::Alert &alert) const
{
    for (const AlertRule &rule : m_rules.rules)
        if (rule.id == fromProto(alert.rule()))
            return &rule;
    return nullptr;
}

namespace {

template<typename Action>
AlertActionResult act(const AlertEngine &engine, v1::Alert *alert, const QString &alertId, Action action)
{
    if (!alert) {
        if (engine.find(alertId))
            return {v1::COMMAND_REFUSED, QStringLiteral("Alert %1 is cleared.").arg(alertId)};
        return {v1::COMMAND_INVALID, QStringLiteral("There is no alert %1.").arg(alertId)};
    }
    return action(*alert);
}

} // namespace

AlertActionResult AlertEngine::acknowledge(const QString &alertId, const v1::Actor &actor, const QString &comment,
                                           const QString &runbookStep, std::int64_t nowMs)
{
    return act(*this, open(alertId), alertId, [&](v1::Alert &alert) {
        const v1::AlertState previous = alert.state();
        v1::AlertTransition made = v1::ALERT_TRANSITION_UNSPECIFIED;
        AlertActionResult result = lifecycle::acknowledge(alert, actor, comment, runbookStep, nowMs, &made);
        if (result.ok()) {
            record(alert, previous, made, actor);
            if (alert.state() == v1::ALERT_CLEARED)
                retire(alertId);
        }
        return result;
    });
}

AlertActionResult AlertEngine::shelve(const QString &alertId, const v1::Actor &actor, std::int64_t durationS,
                                      std::int64_t nowMs)
{
    return act(*this, open(alertId), alertId, [&](v1::Alert &alert) {
        const v1::AlertState previous = alert.state();
        v1::AlertTransition made = v1::ALERT_TRANSITION_UNSPECIFIED;
        AlertActionResult result = lifecycle::shelve(alert, actor, durationS, nowMs, &made);
        if (result.ok())
            record(alert, previous, made, actor);
        return result;
    });
}

AlertActionResult AlertEngine::unshelve(const QString &alertId, const v1::Actor &actor, std::int64_t nowMs)
{
    return act(*this, open(alertId), alertId, [&](v1::Alert &alert) {
        const v1::AlertState previous = alert.state();
        v1::AlertTransition made = v1::ALERT_TRANSITION_UNSPECIFIED;
        AlertActionResult result = lifecycle::unshelve(alert, actor, nowMs, &made);
        if (result.ok()) {
            record(alert, previous, made, actor);
            if (alert.state() == v1::ALERT_CLEARED)
                retire(alertId);
        }
        return result;
    });
}

std::vector<AlertTransitionRecord> AlertEngine::takeTransitions()
{
    std::vector<AlertTransitionRecord> out;
    out.swap(m_transitions);
    return out;
}

std::vector<v1::Alert> AlertEngine::activeAlerts() const
{
    std::vector<v1::Alert> out;
    out.reserve(m_open.size());
    for (const auto &[id, alert] : m_open)
        out.push_back(alert);
    std::sort(out.begin(), out.end(), [](const v1::Alert &a, const v1::Alert &b) {
        if (a.severity() != b.severity())
            return a.severity() > b.severity();
        if (a.raised_ms() != b.raised_ms())
            return a.raised_ms() > b.raised_ms();
        return a.id() > b.id();
    });
    return out;
}

const v1::Alert *AlertEngine::find(const QString &alertId) const
{
    const auto it = m_open.find(alertId);
    if (it != m_open.end())
        return &it->second;
    for (auto cleared = m_recentlyCleared.rbegin(); cleared != m_recentlyCleared.rend(); ++cleared)
        if (fromProto(cleared->id()) == alertId)
            return &*cleared;
    return nullptr;
}

std::uint32_t AlertEngine::startedInWindow() const
{
    return m_flood.startedInWindow();
}

bool AlertEngine::flood() const
{
    return m_flood.flood();
}

std::uint64_t AlertEngine::nextId() const
{
    return m_nextId;
}

} // namespace sitroom::alerts
