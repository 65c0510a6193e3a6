#include "server/alerts/AlertRules.h"
#include "server/alerts/MetricCatalogue.h"

#include "domain/JsonFieldReader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace sitroom::alerts {

using domain::JsonFieldReader;
using sitroom::v1::Severity;

namespace {

constexpr double kMaxDelayS = 24 * 3600;

std::optional<Direction> directionFromName(const QString &name)
{
    if (name == u"above")
        return Direction::Above;
    if (name == u"below")
        return Direction::Below;
    return std::nullopt;
}

std::vector<AlertLevel> readLevels(JsonFieldReader &r, Direction direction)
{
    std::vector<AlertLevel> levels;
    const QJsonArray array = r.array(QStringLiteral("levels"));
    if (!r.ok())
        return levels;
    if (array.isEmpty()) {
        r.fail(QStringLiteral("levels"), QStringLiteral("must name at least one severity and its threshold"));
        return levels;
    }
    for (qsizetype i = 0; i < array.size() && r.ok(); ++i) {
        JsonFieldReader level = r.element(array, QStringLiteral("levels"), i);
        AlertLevel out;
        const QString severity = level.string(QStringLiteral("severity"));
        out.threshold = level.number(QStringLiteral("threshold"), -1e12, 1e12);
        level.rejectUnknownFields();
        if (!level.ok())
            break;
        const std::optional<Severity> parsed = severityFromName(severity);
        if (!parsed) {
            level.fail(QStringLiteral("severity"),
                       QStringLiteral("must be critical, major, minor or info, not \"%1\"").arg(severity));
            break;
        }
        out.severity = *parsed;
        if (!levels.empty()) {
            const AlertLevel &previous = levels.back();
            if (out.severity <= previous.severity) {
                level.fail(QStringLiteral("severity"), QStringLiteral("must be more severe than the level before it"));
                break;
            }
            const bool further = direction == Direction::Above ? out.threshold > previous.threshold
                                                               : out.threshold < previous.threshold;
            if (!further) {
                level.fail(QStringLiteral("threshold"),
                           direction == Direction::Above
                               ? QStringLiteral("must be above the threshold of the level before it (%1)").arg(previous.threshold)
                               : QStringLiteral("must be below the threshold of the level before it (%1)").arg(previous.threshold));
                break;
            }
        }
        levels.push_back(out);
    }
    return levels;
}

void readMessage(JsonFieldReader &r, AlertRule &rule)
{
    JsonFieldReader message = r.object(QStringLiteral("message"));
    rule.messageKo = message.string(QStringLiteral("ko"));
    rule.messageEn = message.string(QStringLiteral("en"));
    message.rejectUnknownFields();
    if (!message.ok())
        return;
    const bool subjectless = metricInfo(rule.metric).subject != SubjectKind::Provider;
    for (const QString &text : {rule.messageKo, rule.messageEn}) {
        if (subjectless && text.contains(QStringLiteral("{provider_name}"))) {
            message.fail(text == rule.messageKo ? QStringLiteral("ko") : QStringLiteral("en"),
                         QStringLiteral("{provider_name} is only known for provider metrics"));
            return;
        }
    }
}

// The metric's own parameters: only these metrics take them, so a misplaced
// one is an unknown field.
void readParameters(JsonFieldReader &r, AlertRule &rule)
{
    if (rule.metric == Metric::AttemptsPerBooking) {
        rule.windowS = r.number(QStringLiteral("window_s"), 30, 3600, rule.windowS);
        rule.minBookings = r.number(QStringLiteral("min_bookings"), 1, 1e9, rule.minBookings);
    } else if (rule.metric == Metric::BookingsVersusEnvelope) {
        rule.graceS = r.number(QStringLiteral("grace_s"), 0, 24 * 3600, rule.graceS);
        rule.horizonS = r.number(QStringLiteral("horizon_s"), 60, 7 * 24 * 3600, rule.horizonS);
        rule.minExpected = r.number(QStringLiteral("min_expected"), 1, 1e9, rule.minExpected);
        if (r.ok() && rule.horizonS <= rule.graceS)
            r.fail(QStringLiteral("horizon_s"), QStringLiteral("must be longer than grace_s (%1)").arg(rule.graceS));
    }
}

std::optional<AlertRule> readRule(JsonFieldReader &r)
{
    AlertRule rule;
    rule.id = r.string(QStringLiteral("id"));
    if (r.ok() && rule.id.contains(u'/'))
        r.fail(QStringLiteral("id"), QStringLiteral("must not contain '/': it is the first half of the alert's key"));
    rule.metricName = r.string(QStringLiteral("metric"));
    if (r.ok()) {
        const std::optional<Metric> metric = metricFromName(rule.metricName);
        if (!metric)
            r.fail(QStringLiteral("metric"), QStringLiteral("unknown metric \"%1\" (known: %2)").arg(rule.metricName, metricNames()));
        else
            rule.metric = *metric;
    }
    const QString direction = r.string(QStringLiteral("direction"));
    if (r.ok()) {
        const std::optional<Direction> parsed = directionFromName(direction);
        if (!parsed)
            r.fail(QStringLiteral("direction"), QStringLiteral("must be \"above\" or \"below\", not \"%1\"").arg(direction));
        else
            rule.direction = *parsed;
    }
    if (r.ok())
        rule.levels = readLevels(r, rule.direction);
    rule.onDelayS = r.number(QStringLiteral("on_delay_s"), 0, kMaxDelayS);
    rule.offDelayS = r.number(QStringLiteral("off_delay_s"), 0, kMaxDelayS);
    rule.hysteresis = r.number(QStringLiteral("hysteresis"), 0, 0.9);
    rule.runbook = r.string(QStringLiteral("runbook"));
    if (r.ok()) {
        for (const QChar c : rule.runbook) {
            if (!(c.isLower() || c.isDigit() || c == u'-')) {
                r.fail(QStringLiteral("runbook"), QStringLiteral("must be a runbook id of lower-case letters, digits and '-', "
                                                                 "not \"%1\"").arg(rule.runbook));
                break;
            }
        }
    }
    if (r.ok())
        readMessage(r, rule);
    if (r.ok())
        readParameters(r, rule);
    r.rejectUnknownFields();
    if (!r.ok())
        return std::nullopt;
    return rule;
}

} // namespace

int AlertRule::levelOf(Severity severity) const
{
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (levels[i].severity == severity)
            return int(i);
    return -1;
}

QString severityName(Severity severity)
{
    switch (severity) {
    case sitroom::v1::SEVERITY_CRITICAL: return QStringLiteral("critical");
    case sitroom::v1::SEVERITY_MAJOR: return QStringLiteral("major");
    case sitroom::v1::SEVERITY_MINOR: return QStringLiteral("minor");
    case sitroom::v1::SEVERITY_INFO: return QStringLiteral("info");
    default: break;
    }
    return {};
}

std::optional<Severity> severityFromName(const QString &name)
{
    for (Severity s : {sitroom::v1::SEVERITY_CRITICAL, sitroom::v1::SEVERITY_MAJOR, sitroom::v1::SEVERITY_MINOR,
                       sitroom::v1::SEVERITY_INFO})
        if (severityName(s) == name)
            return s;
    return std::nullopt;
}

std::optional<AlertRuleSet> parseAlertRules(const QByteArray &json, const QString &origin, QString *error)
{
    auto refuse = [&](const QString &reason) -> std::optional<AlertRuleSet> {
        if (error)
            *error = origin + QStringLiteral(": ") + reason;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return refuse(QStringLiteral("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        return refuse(QStringLiteral("must be a JSON object with \"rules\""));

    JsonFieldReader top(doc.object());
    AlertRuleSet set;
    const std::int64_t version = top.integer(QStringLiteral("version"), 1, 1);
    Q_UNUSED(version);
    if (top.has(QStringLiteral("flood"))) {
        JsonFieldReader flood = top.object(QStringLiteral("flood"));
        set.flood.windowS = flood.integer(QStringLiteral("window_s"), 60, 24 * 3600, set.flood.windowS);
        set.flood.startAbove = std::uint32_t(flood.integer(QStringLiteral("start_above"), 1, 10000, set.flood.startAbove));
        set.flood.endAtOrBelow = std::uint32_t(flood.integer(QStringLiteral("end_at_or_below"), 0, 10000, set.flood.endAtOrBelow));
        if (flood.ok() && set.flood.endAtOrBelow >= set.flood.startAbove)
            flood.fail(QStringLiteral("end_at_or_below"),
                       QStringLiteral("must be below start_above (%1), or a flood would never end").arg(set.flood.startAbove));
        flood.rejectUnknownFields();
    }
    const QJsonArray rules = top.array(QStringLiteral("rules"));
    top.rejectUnknownFields();
    if (!top.ok())
        return refuse(top.error());

    QSet<QString> ids;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject object = rules.at(i).toObject();
        const QString id = object.value(QStringLiteral("id")).toString();
        const QString name = id.isEmpty() ? QStringLiteral("rules[%1]").arg(i) : QStringLiteral("rule '%1'").arg(id);
        if (!rules.at(i).isObject())
            return refuse(name + QStringLiteral(": must be an object"));
        JsonFieldReader r(object);
        std::optional<AlertRule> rule = readRule(r);
        if (!rule)
            return refuse(name + QStringLiteral(": ") + r.error());
        if (ids.contains(rule->id))
            return refuse(name + QStringLiteral(": id: used by an earlier rule; keys must be unique"));
        ids.insert(rule->id);
        set.rules.push_back(std::move(*rule));
    }
    return set;
}

std::optional<AlertRuleSet> loadAlertRules(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + QStringLiteral(": cannot read: ") + file.errorString();
        return std::nullopt;
    }
    return parseAlertRules(file.readAll(), path, error);
}

QString defaultAlertRulesResource()
{
    return QStringLiteral(":/alerts/default-rules.json");
}

AlertRuleSet defaultAlertRules()
{
    QString error;
    std::optional<AlertRuleSet> rules = loadAlertRules(defaultAlertRulesResource(), &error);
    Q_ASSERT_X(rules, "defaultAlertRules", qPrintable(error));
    return rules ? std::move(*rules) : AlertRuleSet{};
}

} // namespace sitroom::alerts
