#include "server/source/SiteConfig.h"

#include "domain/BookingRotation.h"
#include "domain/JsonFieldReader.h"
#include "domain/LightSpecJson.h"

#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>

namespace sitroom::source {

using domain::JsonFieldReader;

namespace {

constexpr double kHuge = 1e12;

void readName(JsonFieldReader &parent, const QString &field, sitroom::v1::LocalizedText *out)
{
    JsonFieldReader name = parent.object(field);
    out->set_ko(name.string(QStringLiteral("ko")).toStdString());
    out->set_en(name.string(QStringLiteral("en")).toStdString());
    name.rejectUnknownFields();
}

void readProvider(JsonFieldReader r, sitroom::v1::Configuration &c, QSet<QString> &ids)
{
    auto *p = c.add_providers();
    const QString id = r.string(QStringLiteral("id"));
    if (r.ok() && ids.contains(id))
        r.fail(QStringLiteral("id"), QStringLiteral("\"%1\" is listed twice").arg(id));
    ids.insert(id);
    p->set_id(id.toStdString());
    readName(r, QStringLiteral("name"), p->mutable_name());
    p->set_simple_auth(r.boolean(QStringLiteral("simple_auth"), false));
    p->set_capacity_per_s(r.number(QStringLiteral("capacity_per_s"), 0, kHuge, 0));
    p->set_popularity(r.number(QStringLiteral("popularity"), 0, 1, 0));
    r.rejectUnknownFields();
}

void addWindow(sitroom::v1::Configuration &c, const QString &id, const QString &ko, const QString &en, std::int64_t eligible,
               std::int64_t openMs, std::int64_t closeMs, const QList<int> &digits, double uptake)
{
    auto *w = c.add_cohorts();
    w->set_id(id.toStdString());
    w->mutable_name()->set_ko(ko.toStdString());
    w->mutable_name()->set_en(en.toStdString());
    w->set_eligible(std::uint64_t(eligible));
    w->set_window_open_ms(openMs);
    w->set_window_close_ms(closeMs);
    w->set_expected_bookings(std::uint64_t(double(eligible) * uptake));
    for (int d : digits)
        w->add_birth_digits(std::uint32_t(d));
}

// One window (open/close) or a 10부제 rotation, as scenarios write cohorts.
void readCohort(JsonFieldReader r, sitroom::v1::Configuration &c)
{
    const QString id = r.string(QStringLiteral("id"));
    sitroom::v1::LocalizedText name;
    readName(r, QStringLiteral("name"), &name);
    const std::int64_t eligible = r.integer(QStringLiteral("eligible"), 1, 100'000'000);
    const double uptake = r.number(QStringLiteral("expected_uptake"), 0, 1);
    const QString ko = QString::fromStdString(name.ko());
    const QString en = QString::fromStdString(name.en());
    if (!r.has(QStringLiteral("rotation"))) {
        const std::int64_t openMs = r.time(QStringLiteral("open"));
        const std::int64_t closeMs = r.time(QStringLiteral("close"));
        if (r.ok() && closeMs <= openMs)
            r.fail(QStringLiteral("close"), QStringLiteral("must be after open"));
        r.rejectUnknownFields();
        if (r.ok())
            addWindow(c, id, ko, en, eligible, openMs, closeMs, {}, uptake);
        return;
    }
    const domain::Rotation rotation = domain::readRotation(r.object(QStringLiteral("rotation")));
    r.rejectUnknownFields();
    if (!r.ok())
        return;
    for (const domain::RotationWindow &w : domain::rotationWindows(id, ko, en, eligible, 0, rotation.firstOpenMs,
                                                                                rotation.windowHours, rotation.digits))
        addWindow(c, w.id, w.nameKo, w.nameEn, w.eligible, w.openMs, w.closeMs, {w.digit}, uptake);
}

// A group of queries: every required name present, no unknown one, each a
// non-empty string.
void readQueries(JsonFieldReader &r, const QStringList &required, const QStringList &optional, std::map<QString, QString> &out)
{
    for (const QString &name : required)
        out[name] = r.string(name).trimmed();
    for (const QString &name : optional)
        if (r.has(name))
            out[name] = r.string(name).trimmed();
    for (const auto &[name, query] : out)
        if (r.ok() && query.isEmpty())
            r.fail(name, QStringLiteral("must be a PromQL expression, not empty"));
}

} // namespace

QString SiteConfig::fieldOf(const QString &group, const QString &figure)
{
    return group.isEmpty() ? QStringLiteral("queries.") + figure : QStringLiteral("queries.%1.%2").arg(group, figure);
}

std::optional<SiteConfig> parseSiteConfig(const QByteArray &json, const QString &name, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull() || !doc.isObject()) {
        *error = QStringLiteral("%1: not a JSON object (%2 at offset %3)")
                     .arg(name, parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    SiteConfig site;
    sitroom::v1::Configuration &c = site.configuration;
    JsonFieldReader r(doc.object());
    if (r.integer(QStringLiteral("version"), 1, 1) != 1 && r.ok())
        r.fail(QStringLiteral("version"), QStringLiteral("must be 1"));
    c.set_scenario_id(r.string(QStringLiteral("id")).toStdString());
    readName(r, QStringLiteral("name"), c.mutable_scenario_name());
    const QString zone = r.string(QStringLiteral("timezone"), QStringLiteral("Asia/Seoul"));
    if (r.ok() && !QTimeZone(zone.toUtf8()).isValid())
        r.fail(QStringLiteral("timezone"), QStringLiteral("\"%1\" is not an IANA time zone name").arg(zone));
    c.set_timezone(zone.toStdString());
    c.set_speed(1.0);
    c.set_drill(r.boolean(QStringLiteral("drill"), false));

    const QJsonArray providers = r.array(QStringLiteral("providers"));
    QSet<QString> providerIds;
    for (qsizetype i = 0; i < providers.size() && r.ok(); ++i)
        readProvider(r.element(providers, QStringLiteral("providers"), i), c, providerIds);
    if (r.ok() && providers.isEmpty())
        r.fail(QStringLiteral("providers"), QStringLiteral("must list at least one provider"));
    const QJsonArray cohorts = r.array(QStringLiteral("cohorts"));
    for (qsizetype i = 0; i < cohorts.size() && r.ok(); ++i)
        readCohort(r.element(cohorts, QStringLiteral("cohorts"), i), c);

    JsonFieldReader admission = r.object(QStringLiteral("admission"));
    c.set_admission_rate_min_per_s(admission.number(QStringLiteral("min_per_s"), 0, kHuge));
    c.set_admission_rate_max_per_s(admission.number(QStringLiteral("max_per_s"), 0, kHuge));
    c.set_admission_rate_step_per_s(admission.number(QStringLiteral("step_per_s"), 0, kHuge));
    c.set_hazardous_rate_cut_fraction(admission.number(QStringLiteral("hazardous_cut_fraction"), 0, 1));
    site.initialRatePerS = admission.number(QStringLiteral("rate_per_s"), 0, kHuge);
    if (admission.ok() && c.admission_rate_max_per_s() <= c.admission_rate_min_per_s())
        admission.fail(QStringLiteral("max_per_s"), QStringLiteral("must be above min_per_s"));
    if (admission.ok() && (site.initialRatePerS < c.admission_rate_min_per_s() || site.initialRatePerS > c.admission_rate_max_per_s()))
        admission.fail(QStringLiteral("rate_per_s"), QStringLiteral("must be within min_per_s and max_per_s"));
    admission.rejectUnknownFields();

    JsonFieldReader backend = r.object(QStringLiteral("backend"));
    c.set_backend_capacity_per_s(backend.number(QStringLiteral("capacity_per_s"), 0, kHuge));
    backend.rejectUnknownFields();

    site.lights = domain::readLightSpec(r.object(QStringLiteral("lights")));
    auto *t = c.mutable_light_thresholds();
    t->set_yellow_p95_ms(site.lights.yellowP95Ms);
    t->set_red_p95_ms(site.lights.redP95Ms);
    t->set_yellow_error_rate(site.lights.yellowErrorRate);
    t->set_red_error_rate(site.lights.redErrorRate);
    t->set_hysteresis(site.lights.hysteresis);
    t->set_min_dwell_s(std::uint32_t(site.lights.minDwellS));

    JsonFieldReader verification = r.object(QStringLiteral("verification"));
    site.effectTimeoutMs = qint64(verification.number(QStringLiteral("effect_timeout_s"), 1, 3600, 30) * 1000);
    verification.rejectUnknownFields();

    JsonFieldReader prometheus = r.object(QStringLiteral("prometheus"));
    site.queryTimeoutMs = int(prometheus.integer(QStringLiteral("query_timeout_ms"), 50, 10000, 800));
    prometheus.rejectUnknownFields();

    JsonFieldReader queries = r.object(QStringLiteral("queries"));
    readQueries(queries,
                {QStringLiteral("queue_depth"), QStringLiteral("arrivals_per_s"), QStringLiteral("admitted_per_s"),
                 QStringLiteral("abandoned_per_s"), QStringLiteral("rate_limit_per_s"), QStringLiteral("paused"),
                 QStringLiteral("bookings_per_s"), QStringLiteral("backend_utilization"),
                 QStringLiteral("backend_p95_latency_ms")},
                {QStringLiteral("live_clock"), QStringLiteral("target_up")}, site.scalars);
    JsonFieldReader provider = queries.object(QStringLiteral("provider"));
    site.providerLabel = provider.string(QStringLiteral("label"), site.providerLabel);
    readQueries(provider,
                {QStringLiteral("p95_latency_ms"), QStringLiteral("error_ratio"), QStringLiteral("requests_per_s"),
                 QStringLiteral("enabled")},
                {QStringLiteral("light")}, site.perProvider);
    provider.rejectUnknownFields();
    JsonFieldReader cohort = queries.object(QStringLiteral("cohort"));
    site.cohortLabel = cohort.string(QStringLiteral("label"), site.cohortLabel);
    readQueries(cohort, {QStringLiteral("booked"), QStringLiteral("bookings_per_min")}, {}, site.perCohort);
    cohort.rejectUnknownFields();
    queries.rejectUnknownFields();
    r.rejectUnknownFields();
    if (!r.ok()) {
        *error = QStringLiteral("%1: %2").arg(name, r.error());
        return std::nullopt;
    }
    return site;
}

std::optional<SiteConfig> loadSiteConfig(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the site configuration %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parseSiteConfig(file.readAll(), path, error);
}

} // namespace sitroom::source
