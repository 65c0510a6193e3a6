#include "server/livesystem/ControlCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringList>

#include <cmath>

namespace sitroom::livesystem {

namespace {

const QStringList &knownActions()
{
    static const QStringList actions{
        QStringLiteral("set_admission_rate"), QStringLiteral("pause_admission"), QStringLiteral("resume_admission"),
        QStringLiteral("set_provider_enabled"), QStringLiteral("expire_timed_disable")};
    return actions;
}

// A JSON number that is a whole number from `min` to `max`, as the given integer type.
template<typename Int>
bool wholeNumber(const QJsonValue &value, double min, Int *out, double max = 9.0e15)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    if (d != std::floor(d) || d < min || d > max)
        return false;
    *out = static_cast<Int>(d);
    return true;
}

} // namespace

std::optional<ControlCommand> parseControlCommand(QByteArrayView body, QString *error)
{
    const auto fail = [error](const QString &message) {
        *error = message;
        return std::optional<ControlCommand>();
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("the body is not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fail(QStringLiteral("the body is not a JSON object"));
    const QJsonObject root = document.object();

    ControlCommand c;
    if (root.value(QStringLiteral("version")).toInt(-1) != 1 || !root.value(QStringLiteral("version")).isDouble())
        return fail(QStringLiteral("\"version\" must be 1"));
    const QJsonValue commandId = root.value(QStringLiteral("command_id"));
    if (!commandId.isString() || commandId.toString().trimmed().isEmpty())
        return fail(QStringLiteral("\"command_id\" must be a non-empty string"));
    c.commandId = commandId.toString();
    if (!wholeNumber(root.value(QStringLiteral("revision")), 1, &c.revision))
        return fail(QStringLiteral("\"revision\" must be a whole number of at least 1"));
    if (!wholeNumber(root.value(QStringLiteral("sent_at_ms")), 0, &c.sentAtMs))
        return fail(QStringLiteral("\"sent_at_ms\" must be a whole number of milliseconds since 1970"));

    const QJsonValue changeValue = root.value(QStringLiteral("change"));
    if (!changeValue.isObject())
        return fail(QStringLiteral("\"change\" must be an object"));
    const QJsonObject change = changeValue.toObject();
    c.action = change.value(QStringLiteral("action")).toString();
    if (!knownActions().contains(c.action))
        return fail(QStringLiteral("\"change.action\" must be one of %1").arg(knownActions().join(QStringLiteral(", "))));
    if (c.action == QStringLiteral("set_provider_enabled") || c.action == QStringLiteral("expire_timed_disable")) {
        const QJsonValue id = change.value(QStringLiteral("provider_id"));
        if (!id.isString() || id.toString().isEmpty())
            return fail(QStringLiteral("\"change.provider_id\" must be a non-empty string for %1").arg(c.action));
        c.changeProviderId = id.toString();
    }

    const QJsonValue controlValue = root.value(QStringLiteral("control"));
    if (!controlValue.isObject())
        return fail(QStringLiteral("\"control\" must be an object: the whole desired state after the change"));
    const QJsonObject control = controlValue.toObject();
    const QJsonValue rate = control.value(QStringLiteral("admission_rate_per_s"));
    if (!rate.isDouble() || !std::isfinite(rate.toDouble()))
        return fail(QStringLiteral("\"control.admission_rate_per_s\" must be a number"));
    c.admissionRatePerS = rate.toDouble();
    const QJsonValue paused = control.value(QStringLiteral("admission_paused"));
    if (!paused.isBool())
        return fail(QStringLiteral("\"control.admission_paused\" must be true or false"));
    c.admissionPaused = paused.toBool();
    const QJsonValue providers = control.value(QStringLiteral("providers"));
    if (!providers.isArray())
        return fail(QStringLiteral("\"control.providers\" must be an array"));
    for (const QJsonValue &entry : providers.toArray()) {
        const QJsonObject p = entry.toObject();
        ProviderControl pc;
        pc.id = p.value(QStringLiteral("id")).toString();
        if (pc.id.isEmpty())
            return fail(QStringLiteral("each of \"control.providers\" needs an \"id\" string"));
        if (!p.value(QStringLiteral("enabled")).isBool())
            return fail(QStringLiteral("\"enabled\" of provider \"%1\" must be true or false").arg(pc.id));
        pc.enabled = p.value(QStringLiteral("enabled")).toBool();
        if (p.contains(QStringLiteral("ramp_s")) && !wholeNumber(p.value(QStringLiteral("ramp_s")), 0, &pc.rampS, 7 * 86400.0))
            return fail(QStringLiteral("\"ramp_s\" of provider \"%1\" must be a whole number of seconds, at most a week").arg(pc.id));
        if (p.contains(QStringLiteral("disabled_until_ms"))
            && !wholeNumber(p.value(QStringLiteral("disabled_until_ms")), 0, &pc.disabledUntilMs))
            return fail(QStringLiteral("\"disabled_until_ms\" of provider \"%1\" must be a whole number").arg(pc.id));
        for (const ProviderControl &earlier : std::as_const(c.providers)) {
            if (earlier.id == pc.id)
                return fail(QStringLiteral("provider \"%1\" appears twice in \"control.providers\"").arg(pc.id));
        }
        c.providers.append(pc);
    }

    const QJsonObject actor = root.value(QStringLiteral("actor")).toObject();
    c.actorUser = actor.value(QStringLiteral("user")).toString();
    c.actorSite = actor.value(QStringLiteral("site")).toString();
    c.reason = actor.value(QStringLiteral("reason")).toString();
    return c;
}

} // namespace sitroom::livesystem
