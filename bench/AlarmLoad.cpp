// Alarm load: every shipped scenario for a day through the alert engine with
// the shipped rules, one observation per simulated second as the gateway
// makes them, and the load an operator would see against ISA-18.2 / EEMUA 191
// (about 1-2 alerts per 10 minutes in steady state; more than 10 is a flood,
// to be summarised in at most 10 groups). No operator acts: every alert stays
// until its condition goes, and one that comes back is counted again.
//
//   build-alerts/bin/sitroom-alarm-load [--scenario NAME]... [--seed N] [--hours H]
//                                       [--rules FILE] [--json]
//
// "Steady state" is every 10-minute block of the day (fixed blocks from the
// scenario's start) outside the openings, an opening being from 10 minutes
// before a booking window opens to 2 hours after; the figure is the mean
// starts per block there, with the median and the worst block. The worst
// 10 minutes is the largest count of starts in any 10-minute span (sliding,
// openings included). Docs: docs/alerts.md.
#include "server/alerts/AlertEngine.h"
#include "server/alerts/AlertRules.h"
#include "server/alerts/MetricExtractor.h"
#include "server/sim/ScenarioLoader.h"
#include "server/sim/SimTelemetry.h"
#include "server/sim/Simulation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>
#include <map>
#include <vector>

namespace {

namespace v1 = sitroom::v1;
using sitroom::alerts::AlertEngine;
using sitroom::alerts::AlertRuleSet;

constexpr std::int64_t kBlockMs = 10 * 60 * 1000;
constexpr std::int64_t kBeforeOpeningMs = 10 * 60 * 1000;
constexpr std::int64_t kAfterOpeningMs = 2 * 3600 * 1000;

struct Start
{
    std::int64_t timeMs;
    QString key;
    v1::Severity severity;
};

struct Flood
{
    std::int64_t beganMs = 0;
    std::int64_t endedMs = 0;    // 0: still on at the end of the run
    int maxAlerts = 0;           // alerts standing at once during it
    QSet<QString> groups;        // every flood_group seen during it
    QString firstOutKey;
};

// How far each rule's figure went, per subject, whether or not it raised:
// what the thresholds are tuned against.
struct Figure
{
    double peak = 0;
    bool seen = false;
    int secondsPastFirstLevel = 0;
};

struct Load
{
    QJsonArray timeline;         // every raise, escalation, return and reactivation
    std::map<QString, Figure> figures;
    QString scenario;
    std::int64_t durationS = 0;
    std::vector<Start> starts;
    std::map<QString, int> startsByKey;
    double steadyMean = 0;
    double steadyMedian = 0;
    int steadyWorst = 0;
    int steadyBlocks = 0;
    int worst10 = 0;
    std::int64_t worst10AtMs = 0;
    std::vector<Flood> floods;
    int peakStanding = 0;
};

QString clock(std::int64_t ms, const QString &timezone)
{
    const QTimeZone zone(timezone.toUtf8());
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms, zone.isValid() ? zone : QTimeZone::utc());
    return when.toString(QStringLiteral("ddd HH:mm"));
}

Load measure(const sitroom::sim::Scenario &scenario, const AlertRuleSet &rules, std::uint64_t seed, std::int64_t limitS,
             const QString &trace)
{
    sitroom::sim::Simulation simulation(scenario, seed);
    AlertEngine engine(rules);
    engine.setConfiguration(sitroom::sim::configurationOf(simulation, 0));
    sitroom::alerts::MetricExtractor metrics;
    metrics.setConfiguration(sitroom::sim::configurationOf(simulation, 0));
    metrics.setLongestWindowS(3600);
    Load load;
    load.scenario = scenario.id;
    Flood current;
    bool inFlood = false;
    std::int64_t nowMs = scenario.startMs;
    while (!simulation.finished() && (nowMs - scenario.startMs) < limitS * 1000) {
        simulation.step();
        const v1::SystemState state = sitroom::sim::systemStateOf(simulation);
        nowMs = state.sim_time_ms();
        engine.observe(state, nowMs);
        metrics.record(state, nowMs);
        for (const auto &rule : rules.rules) {
            for (const auto &reading : metrics.read(rule, state, nowMs)) {
                if (!reading.value)
                    continue;
                const QString key = reading.subject.isEmpty() ? rule.id : rule.id + u'/' + reading.subject;
                if (key == trace && (nowMs / 1000) % 10 == 0)
                    QTextStream(stderr) << clock(nowMs, scenario.timezone) << ':' << (nowMs / 1000) % 60 << ' '
                                        << *reading.value << '\n';
                Figure &f = load.figures[key];
                const bool above = rule.direction == sitroom::alerts::Direction::Above;
                if (!f.seen || (above ? *reading.value > f.peak : *reading.value < f.peak))
                    f.peak = *reading.value;
                f.seen = true;
                const double first = rule.levels.front().threshold;
                if (above ? *reading.value >= first : *reading.value <= first)
                    ++f.secondsPastFirstLevel;
            }
        }
        for (const auto &record : engine.takeTransitions()) {
            if (record.transition != v1::TRANSITION_FLOOD_CHANGED)
                load.timeline.append(QJsonObject{
                    {QStringLiteral("time"), clock(nowMs, scenario.timezone)},
                    {QStringLiteral("key"), QString::fromStdString(record.alert.key())},
                    {QStringLiteral("id"), QString::fromStdString(record.alert.id())},
                    {QStringLiteral("transition"), QString::fromStdString(v1::AlertTransition_Name(record.transition))},
                    {QStringLiteral("severity"), sitroom::alerts::severityName(record.alert.severity())},
                    {QStringLiteral("value"), record.alert.value()},
                });
            if (record.transition != v1::TRANSITION_RAISED && record.transition != v1::TRANSITION_REACTIVATED)
                continue;
            const QString key = QString::fromStdString(record.alert.key());
            load.starts.push_back({nowMs, key, record.alert.severity()});
            ++load.startsByKey[key];
        }
        const std::vector<v1::Alert> standing = engine.activeAlerts();
        load.peakStanding = std::max(load.peakStanding, int(standing.size()));
        if (engine.flood() && !inFlood) {
            inFlood = true;
            current = Flood{};
            current.beganMs = nowMs;
        }
        if (inFlood) {
            current.maxAlerts = std::max(current.maxAlerts, int(standing.size()));
            for (const v1::Alert &alert : standing) {
                if (!alert.flood_group().empty())
                    current.groups.insert(QString::fromStdString(alert.flood_group()));
                if (alert.first_out())
                    current.firstOutKey = QString::fromStdString(alert.key());
            }
            if (!engine.flood()) {
                inFlood = false;
                current.endedMs = nowMs;
                load.floods.push_back(current);
            }
        }
    }
    if (inFlood)
        load.floods.push_back(current);
    load.durationS = (nowMs - scenario.startMs) / 1000;

    // The worst 10 minutes: any span, sliding over the starts.
    for (std::size_t first = 0, last = 0; last < load.starts.size(); ++last) {
        while (load.starts[last].timeMs - load.starts[first].timeMs >= kBlockMs)
            ++first;
        const int count = int(last - first + 1);
        if (count > load.worst10) {
            load.worst10 = count;
            load.worst10AtMs = load.starts[first].timeMs;
        }
    }
    // Steady state: fixed 10-minute blocks away from the openings.
    std::vector<int> steady;
    for (std::int64_t block = scenario.startMs; block + kBlockMs <= nowMs; block += kBlockMs) {
        bool nearOpening = false;
        for (const auto &cohort : scenario.cohorts)
            if (block + kBlockMs > cohort.openMs - kBeforeOpeningMs && block < cohort.openMs + kAfterOpeningMs)
                nearOpening = true;
        if (nearOpening)
            continue;
        steady.push_back(int(std::count_if(load.starts.begin(), load.starts.end(), [&](const Start &s) {
            return s.timeMs >= block && s.timeMs < block + kBlockMs;
        })));
    }
    load.steadyBlocks = int(steady.size());
    if (!steady.empty()) {
        double sum = 0;
        for (int c : steady)
            sum += c;
        load.steadyMean = sum / double(steady.size());
        std::sort(steady.begin(), steady.end());
        const std::size_t n = steady.size();
        load.steadyMedian = n % 2 ? steady[n / 2] : (steady[n / 2 - 1] + steady[n / 2]) / 2.0;
        load.steadyWorst = steady.back();
    }
    return load;
}

QJsonObject toJson(const Load &load, const QString &timezone)
{
    QJsonArray floods;
    for (const Flood &f : load.floods) {
        QStringList groups(f.groups.cbegin(), f.groups.cend());
        groups.sort();
        floods.append(QJsonObject{
            {QStringLiteral("began"), clock(f.beganMs, timezone)},
            {QStringLiteral("ended"), f.endedMs ? clock(f.endedMs, timezone) : QString()},
            {QStringLiteral("groups"), int(f.groups.size())},
            {QStringLiteral("group_names"), QJsonArray::fromStringList(groups)},
            {QStringLiteral("max_alerts"), f.maxAlerts},
            {QStringLiteral("first_out"), f.firstOutKey},
        });
    }
    QJsonObject byKey;
    for (const auto &[key, count] : load.startsByKey)
        byKey.insert(key, count);
    int maxGroups = 0;
    for (const Flood &f : load.floods)
        maxGroups = std::max(maxGroups, int(f.groups.size()));
    QJsonObject figures;
    for (const auto &[key, f] : load.figures)
        figures.insert(key, QJsonObject{{QStringLiteral("peak"), f.peak},
                                        {QStringLiteral("s_past_first_level"), f.secondsPastFirstLevel}});
    return QJsonObject{
        {QStringLiteral("scenario"), load.scenario},
        {QStringLiteral("figures"), figures},
        {QStringLiteral("timeline"), load.timeline},
        {QStringLiteral("duration_s"), qint64(load.durationS)},
        {QStringLiteral("starts"), int(load.starts.size())},
        {QStringLiteral("steady_blocks"), load.steadyBlocks},
        {QStringLiteral("steady_per_10min_mean"), load.steadyMean},
        {QStringLiteral("steady_per_10min_median"), load.steadyMedian},
        {QStringLiteral("steady_per_10min_worst"), load.steadyWorst},
        {QStringLiteral("worst_10min"), load.worst10},
        {QStringLiteral("worst_10min_from"), load.starts.empty() ? QString() : clock(load.worst10AtMs, timezone)},
        {QStringLiteral("peak_standing"), load.peakStanding},
        {QStringLiteral("flood"), !load.floods.empty()},
        {QStringLiteral("flood_groups_max"), maxGroups},
        {QStringLiteral("floods"), floods},
        {QStringLiteral("starts_by_key"), byKey},
        {QStringLiteral("steady_target_met"), load.steadyMean <= 2.0},
        {QStringLiteral("flood_target_met"), maxGroups <= 10},
    };
}

void printMarkdown(QTextStream &out, const QJsonArray &results)
{
    out << "| scenario | starts in 24 h | steady: mean / median / worst per 10 min | worst 10 min | flood | groups | first-out |\n";
    out << "|---|---:|---|---|---|---:|---|\n";
    for (const QJsonValue &value : results) {
        const QJsonObject r = value.toObject();
        const QJsonArray floods = r.value(QStringLiteral("floods")).toArray();
        QString floodText = QStringLiteral("no");
        QString firstOut = QStringLiteral("—");
        if (!floods.isEmpty()) {
            QStringList spans;
            for (const QJsonValue &f : floods) {
                const QJsonObject flood = f.toObject();
                spans << flood.value(QStringLiteral("began")).toString() + QStringLiteral("–")
                             + flood.value(QStringLiteral("ended")).toString();
            }
            floodText = QStringLiteral("yes, %1 (%2)").arg(floods.size()).arg(spans.join(QStringLiteral(", ")));
            firstOut = u'`' + floods.first().toObject().value(QStringLiteral("first_out")).toString() + u'`';
        }
        out << "| " << r.value(QStringLiteral("scenario")).toString()
            << " | " << r.value(QStringLiteral("starts")).toInt()
            << " | " << QString::number(r.value(QStringLiteral("steady_per_10min_mean")).toDouble(), 'f', 2)
            << " / " << r.value(QStringLiteral("steady_per_10min_median")).toDouble()
            << " / " << r.value(QStringLiteral("steady_per_10min_worst")).toInt()
            << " | " << r.value(QStringLiteral("worst_10min")).toInt() << " (from "
            << r.value(QStringLiteral("worst_10min_from")).toString() << ")"
            << " | " << floodText
            << " | " << (floods.isEmpty() ? QStringLiteral("—") : QString::number(r.value(QStringLiteral("flood_groups_max")).toInt()))
            << " | " << firstOut << " |\n";
    }
    out << "\nStarts per alert key:\n\n";
    for (const QJsonValue &value : results) {
        const QJsonObject r = value.toObject();
        const QJsonObject byKey = r.value(QStringLiteral("starts_by_key")).toObject();
        QStringList parts;
        for (auto it = byKey.begin(); it != byKey.end(); ++it)
            parts << QStringLiteral("`%1` %2").arg(it.key()).arg(it.value().toInt());
        out << "- " << r.value(QStringLiteral("scenario")).toString() << ": "
            << (parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "))) << "\n";
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Alarm load of the shipped alert rules on the shipped scenarios."));
    parser.addHelpOption();
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"), QStringLiteral("Scenario (repeatable; default: every shipped one)."), QStringLiteral("NAME"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Seed (default 1)."), QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption hoursOption(QStringLiteral("hours"), QStringLiteral("Simulated hours (default 24)."), QStringLiteral("H"), QStringLiteral("24"));
    const QCommandLineOption rulesOption(QStringLiteral("rules"), QStringLiteral("Rules file (default: the shipped rules)."), QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption traceOption(QStringLiteral("trace"), QStringLiteral("Print one alert key's figure every 10 s to stderr (for tuning)."), QStringLiteral("KEY"));
    parser.addOptions({scenarioOption, seedOption, hoursOption, rulesOption, jsonOption, traceOption});
    parser.process(app);

    QTextStream err(stderr);
    AlertRuleSet rules = sitroom::alerts::defaultAlertRules();
    if (parser.isSet(rulesOption)) {
        QString error;
        auto loaded = sitroom::alerts::loadAlertRules(parser.value(rulesOption), &error);
        if (!loaded) {
            err << error << '\n';
            return 2;
        }
        rules = std::move(*loaded);
    }
    QStringList names = parser.values(scenarioOption);
    if (names.isEmpty())
        names = sitroom::sim::ScenarioLoader::shippedNames();
    const std::uint64_t seed = parser.value(seedOption).toULongLong();
    const std::int64_t limitS = std::int64_t(parser.value(hoursOption).toDouble() * 3600.0);

    QJsonArray results;
    for (const QString &name : names) {
        sitroom::sim::ScenarioLoader loader;
        const auto scenario = loader.load(name);
        if (!scenario) {
            err << loader.error() << '\n';
            return 2;
        }
        results.append(toJson(measure(*scenario, rules, seed, limitS, parser.value(traceOption)), scenario->timezone));
    }

    QTextStream out(stdout);
    if (parser.isSet(jsonOption)) {
        const QJsonObject summary{
            {QStringLiteral("seed"), qint64(seed)},
            {QStringLiteral("hours"), parser.value(hoursOption).toDouble()},
            {QStringLiteral("steady_target_per_10min"), 2},
            {QStringLiteral("flood_groups_target"), 10},
            {QStringLiteral("scenarios"), results},
        };
        out << QJsonDocument(summary).toJson(QJsonDocument::Indented);
    } else {
        printMarkdown(out, results);
    }
    return 0;
}
