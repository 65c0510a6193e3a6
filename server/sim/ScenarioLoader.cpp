#include "server/sim/ScenarioLoader.h"

#include "domain/BookingRotation.h"
#include "domain/LightSpecJson.h"

#include "domain/JsonFieldReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

#include <limits>

namespace sitroom::sim {

using domain::JsonFieldReader;

namespace {

constexpr double kHuge = 1e12;
constexpr std::int64_t kMaxDurationS = 14 * 24 * 3600;

LocalizedName readName(JsonFieldReader &parent, const QString &field)
{
    JsonFieldReader name = parent.object(field);
    LocalizedName result{name.string(QStringLiteral("ko")), name.string(QStringLiteral("en"))};
    name.rejectUnknownFields();
    return result;
}

ArrivalShape readArrivals(JsonFieldReader r)
{
    ArrivalShape a;
    a.rushShare = r.number(QStringLiteral("rush_share"), 0, 1);
    a.rushTauS = r.number(QStringLiteral("rush_tau_s"), 1, 86400);
    a.followShare = r.number(QStringLiteral("follow_share"), 0, 1);
    a.followTauS = r.number(QStringLiteral("follow_tau_s"), 1, 86400);
    a.returnShare = r.number(QStringLiteral("return_share"), 0, 1);
    if (a.rushShare + a.followShare > 1.0)
        r.fail(QStringLiteral("follow_share"), QStringLiteral("rush_share + follow_share must not exceed 1"));
    const QJsonArray diurnal = r.array(QStringLiteral("diurnal"));
    if (r.ok() && diurnal.size() != 24) {
        r.fail(QStringLiteral("diurnal"), QStringLiteral("must list 24 hourly weights, not %1").arg(diurnal.size()));
    } else {
        double sum = 0;
        for (int h = 0; h < diurnal.size() && h < 24; ++h) {
            const double w = diurnal.at(h).toDouble(-1);
            if (!diurnal.at(h).isDouble() || w < 0) {
                r.fail(QStringLiteral("diurnal[%1]").arg(h), QStringLiteral("must be a number of at least 0"));
                break;
            }
            a.diurnal[size_t(h)] = w;
            sum += w;
        }
        if (r.ok() && sum <= 0)
            r.fail(QStringLiteral("diurnal"), QStringLiteral("needs at least one weight above 0"));
    }
    r.rejectUnknownFields();
    return a;
}

AdmissionSpec readAdmission(JsonFieldReader r)
{
    AdmissionSpec s;
    s.minPerS = r.number(QStringLiteral("min_per_s"), 0, kHuge);
    s.maxPerS = r.number(QStringLiteral("max_per_s"), 1, kHuge);
    s.ratePerS = r.number(QStringLiteral("rate_per_s"), 0, kHuge);
    s.stepPerS = r.number(QStringLiteral("step_per_s"), 1, kHuge);
    s.hazardousCutFraction = r.number(QStringLiteral("hazardous_cut_fraction"), 0, 1);
    s.patienceS = r.number(QStringLiteral("patience_s"), 1, 86400);
    if (r.ok() && s.minPerS > s.maxPerS)
        r.fail(QStringLiteral("min_per_s"), QStringLiteral("must not exceed max_per_s"));
    if (r.ok() && (s.ratePerS < s.minPerS || s.ratePerS > s.maxPerS))
        r.fail(QStringLiteral("rate_per_s"), QStringLiteral("must lie within min_per_s and max_per_s"));
    r.rejectUnknownFields();
    return s;
}

CitizenSpec readCitizens(JsonFieldReader r)
{
    CitizenSpec c;
    c.userFailure = r.number(QStringLiteral("user_failure"), 0, 0.95);
    c.retryProbability = r.number(QStringLiteral("retry_probability"), 0, 0.99);
    c.switchProbability = r.number(QStringLiteral("switch_probability"), 0, 1);
    c.switchWhenCongested = r.number(QStringLiteral("switch_when_congested"), 0, 1);
    c.avoidYellow = r.number(QStringLiteral("avoid_yellow"), 0, 1);
    c.avoidRed = r.number(QStringLiteral("avoid_red"), 0, 1);
    c.userTimeS = r.number(QStringLiteral("user_time_s"), 1, 600);
    c.retryDelayS = r.number(QStringLiteral("retry_delay_s"), 1, 600);
    c.lookupOnlyShare = r.number(QStringLiteral("lookup_only_share"), 0, 0.9);
    c.reverifyShare = r.number(QStringLiteral("reverify_share"), 0, 0.9);
    c.backendRetryProbability = r.number(QStringLiteral("backend_retry_probability"), 0, 0.99);
    if (r.ok() && c.lookupOnlyShare + c.reverifyShare >= 1)
        r.fail(QStringLiteral("reverify_share"), QStringLiteral("lookup_only_share + reverify_share must stay below 1"));
    r.rejectUnknownFields();
    return c;
}

// The capacity, latency and error figures a provider and the backend share.
StageSpec readStage(JsonFieldReader &r)
{
    StageSpec s;
    s.capacityPerS = r.number(QStringLiteral("capacity_per_s"), 1, kHuge);
    s.baseP95Ms = r.number(QStringLiteral("base_p95_ms"), 1, 600000);
    s.loadLatencyFactor = r.number(QStringLiteral("load_latency_factor"), 0, 100);
    s.baseErrorRate = r.number(QStringLiteral("base_error_rate"), 0, 1);
    s.overloadErrorSlope = r.number(QStringLiteral("overload_error_slope"), 0, 100);
    s.timeoutMs = r.number(QStringLiteral("timeout_ms"), 100, 600000);
    return s;
}

ProviderSpec readProvider(JsonFieldReader r)
{
    ProviderSpec p;
    p.id = r.string(QStringLiteral("id"));
    p.name = readName(r, QStringLiteral("name"));
    p.popularity = r.number(QStringLiteral("popularity"), 0, kHuge);
    p.simpleAuth = r.boolean(QStringLiteral("simple_auth"), false);
    p.service = readStage(r);
    r.rejectUnknownFields();
    return p;
}

StageSpec readBackend(JsonFieldReader r)
{
    const StageSpec b = readStage(r);
    r.rejectUnknownFields();
    return b;
}

// A cohort either has one window (open/close) or a 10부제 rotation that
// expands into one window per birth-date digit, a day apart.
void readCohort(JsonFieldReader r, QList<CohortWindow> &out)
{
    const QString id = r.string(QStringLiteral("id"));
    const LocalizedName name = readName(r, QStringLiteral("name"));
    const std::int64_t eligible = r.integer(QStringLiteral("eligible"), 1, 100'000'000);
    const std::int64_t alreadyBooked = r.integer(QStringLiteral("already_booked"), 0, 100'000'000, 0);
    const double intent = r.number(QStringLiteral("intent_share"), 0, 1);
    const double uptake = r.number(QStringLiteral("expected_uptake"), 0, 1, intent * 0.7);
    if (r.ok() && alreadyBooked > eligible)
        r.fail(QStringLiteral("already_booked"), QStringLiteral("must not exceed eligible"));

    if (!r.has(QStringLiteral("rotation"))) {
        CohortWindow w{id, name, eligible, alreadyBooked, intent, uptake, 0, 0, {}};
        w.openMs = r.time(QStringLiteral("open"));
        w.closeMs = r.time(QStringLiteral("close"));
        if (r.ok() && w.closeMs <= w.openMs)
            r.fail(QStringLiteral("close"), QStringLiteral("must be after open"));
        r.rejectUnknownFields();
        out.append(w);
        return;
    }
    const domain::Rotation rotation = domain::readRotation(r.object(QStringLiteral("rotation")));
    r.rejectUnknownFields();
    if (!r.ok())
        return;
    for (const domain::RotationWindow &window : domain::rotationWindows(id, name.ko, name.en, eligible, alreadyBooked,
                                                                  rotation.firstOpenMs, rotation.windowHours,
                                                                  rotation.digits)) {
        CohortWindow w;
        w.id = window.id;
        w.name = {window.nameKo, window.nameEn};
        w.eligible = window.eligible;
        w.alreadyBooked = window.alreadyBooked;
        w.intentShare = intent;
        w.expectedUptake = uptake;
        w.openMs = window.openMs;
        w.closeMs = window.closeMs;
        w.birthDigits = {window.digit};
        out.append(w);
    }
}

ScenarioEvent readEvent(JsonFieldReader r, const Scenario &scenario)
{
    ScenarioEvent e;
    e.atMs = r.time(QStringLiteral("at"));
    e.durationS = r.integer(QStringLiteral("duration_s"), 0, kMaxDurationS, 0);
    const QString target = r.string(QStringLiteral("target"));
    if (target.startsWith(QStringLiteral("provider:"))) {
        e.providerId = target.mid(9);
        if (r.ok() && scenario.providerIndex(e.providerId) < 0)
            r.fail(QStringLiteral("target"), QStringLiteral("names provider \"%1\", which the scenario does not have").arg(e.providerId));
    } else if (target != QStringLiteral("backend") && r.ok()) {
        r.fail(QStringLiteral("target"), QStringLiteral("must be \"backend\" or \"provider:ID\", not \"%1\"").arg(target));
    }
    e.capacityFactor = r.number(QStringLiteral("capacity_factor"), 0, 10, 1.0);
    e.addedErrorRate = r.number(QStringLiteral("added_error_rate"), 0, 1, 0.0);
    e.addedLatencyMs = r.number(QStringLiteral("added_latency_ms"), 0, 600000, 0.0);
    e.note = r.string(QStringLiteral("note"), QString());
    r.rejectUnknownFields();
    return e;
}

// Fields of override replace those of base; objects are merged field by field.
void mergeInto(QJsonObject &base, const QJsonObject &override)
{
    for (auto it = override.constBegin(); it != override.constEnd(); ++it) {
        const QJsonValue existing = base.value(it.key());
        if (existing.isObject() && it->isObject()) {
            QJsonObject merged = existing.toObject();
            mergeInto(merged, it->toObject());
            base.insert(it.key(), merged);
        } else {
            base.insert(it.key(), *it);
        }
    }
}

} // namespace

int Scenario::providerIndex(const QString &providerId) const
{
    for (int i = 0; i < providers.size(); ++i) {
        if (providers.at(i).id == providerId)
            return i;
    }
    return -1;
}

QStringList ScenarioLoader::shippedNames()
{
    QStringList names;
    const auto files = QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        names.append(file.chopped(5));
    return names;
}

std::optional<Scenario> ScenarioLoader::load(const QString &nameOrPath)
{
    std::optional<QJsonObject> object = readObject(nameOrPath, 0);
    if (!object)
        return std::nullopt;
    return parse(QJsonDocument(*object).toJson(QJsonDocument::Compact), nameOrPath);
}

std::optional<QJsonObject> ScenarioLoader::readObject(const QString &nameOrPath, int depth)
{
    const bool looksLikePath = nameOrPath.contains(u'/') || nameOrPath.endsWith(QStringLiteral(".json"))
        || QFileInfo::exists(nameOrPath);
    const QString path = looksLikePath ? nameOrPath
                                       : QStringLiteral(":/scenarios/%1.json").arg(nameOrPath);
    QFile file(path);
    if (!looksLikePath && !file.exists()) {
        m_error = QStringLiteral("no scenario named \"%1\"; shipped scenarios: %2 (or give a path to a JSON file)")
                      .arg(nameOrPath, shippedNames().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("%1: cannot read: %2").arg(nameOrPath, file.errorString());
        return std::nullopt;
    }
    const QByteArray json = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto line = json.left(parseError.offset).count('\n') + 1;
        m_error = QStringLiteral("%1: line %2: not valid JSON: %3").arg(nameOrPath).arg(line).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        m_error = QStringLiteral("%1: the top level must be a JSON object").arg(nameOrPath);
        return std::nullopt;
    }
    QJsonObject object = doc.object();
    const QJsonValue base = object.take(QStringLiteral("extends"));
    if (base.isUndefined())
        return object;
    if (!base.isString() || base.toString().isEmpty()) {
        m_error = QStringLiteral("%1: extends: must name a scenario or a file").arg(nameOrPath);
        return std::nullopt;
    }
    if (depth >= 4) {
        m_error = QStringLiteral("%1: extends: more than four levels deep (a loop?)").arg(nameOrPath);
        return std::nullopt;
    }
    // A relative file name is taken from the extending file's folder.
    QString baseName = base.toString();
    if (looksLikePath && (baseName.contains(u'/') || baseName.endsWith(QStringLiteral(".json")))
        && QFileInfo(baseName).isRelative())
        baseName = QFileInfo(path).dir().filePath(baseName);
    std::optional<QJsonObject> merged = readObject(baseName, depth + 1);
    if (!merged) {
        m_error = QStringLiteral("%1: extends: %2").arg(nameOrPath, m_error);
        return std::nullopt;
    }
    mergeInto(*merged, object);
    return merged;
}

std::optional<Scenario> ScenarioLoader::parse(const QByteArray &json, const QString &origin)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto line = json.left(parseError.offset).count('\n') + 1;
        m_error = QStringLiteral("%1: line %2: not valid JSON: %3").arg(origin).arg(line).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        m_error = QStringLiteral("%1: the top level must be a JSON object").arg(origin);
        return std::nullopt;
    }

    JsonFieldReader r(doc.object());
    Scenario s;
    s.id = r.string(QStringLiteral("id"));
    s.name = readName(r, QStringLiteral("name"));
    s.description = r.string(QStringLiteral("description"), QString());
    s.timezone = r.string(QStringLiteral("timezone"), QStringLiteral("Asia/Seoul"));
    s.drill = r.boolean(QStringLiteral("drill"), false);
    int utcOffsetS = 0;
    s.startMs = r.time(QStringLiteral("start"), &utcOffsetS);
    s.utcOffsetS = utcOffsetS;
    s.durationS = r.integer(QStringLiteral("duration_s"), 60, kMaxDurationS);

    const QJsonArray providers = r.array(QStringLiteral("providers"));
    for (qsizetype i = 0; i < providers.size() && r.ok(); ++i) {
        ProviderSpec p = readProvider(r.element(providers, QStringLiteral("providers"), i));
        if (r.ok() && s.providerIndex(p.id) >= 0)
            r.fail(QStringLiteral("providers[%1].id").arg(i), QStringLiteral("\"%1\" appears twice").arg(p.id));
        s.providers.append(p);
    }
    if (r.ok() && s.providers.isEmpty())
        r.fail(QStringLiteral("providers"), QStringLiteral("must list at least one verification provider"));

    const QJsonArray cohorts = r.array(QStringLiteral("cohorts"));
    for (qsizetype i = 0; i < cohorts.size() && r.ok(); ++i)
        readCohort(r.element(cohorts, QStringLiteral("cohorts"), i), s.cohorts);
    if (r.ok() && s.cohorts.isEmpty())
        r.fail(QStringLiteral("cohorts"), QStringLiteral("must list at least one cohort"));

    s.arrivals = readArrivals(r.object(QStringLiteral("arrivals")));
    s.admission = readAdmission(r.object(QStringLiteral("admission")));
    s.citizens = readCitizens(r.object(QStringLiteral("citizens")));
    s.backend = readBackend(r.object(QStringLiteral("backend")));
    s.lights = domain::readLightSpec(r.object(QStringLiteral("lights")));

    const QJsonArray events = r.array(QStringLiteral("events"), false);
    for (qsizetype i = 0; i < events.size() && r.ok(); ++i)
        s.events.append(readEvent(r.element(events, QStringLiteral("events"), i), s));
    r.rejectUnknownFields();

    if (!r.ok()) {
        m_error = origin + QStringLiteral(": ") + r.error();
        return std::nullopt;
    }
    m_error.clear();
    return s;
}

} // namespace sitroom::sim
