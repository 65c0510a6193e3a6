#include "models/alerts/RunbookStep.h"

#include <QFileInfo>
#include <algorithm>
#include <QRegularExpression>
#include <QUrlQuery>

#include <cmath>

namespace sitroom::models {

namespace {

std::optional<RunbookAction> actionFrom(const QString &name)
{
    if (name == u"disable-provider")
        return RunbookAction::DisableProvider;
    if (name == u"enable-provider")
        return RunbookAction::EnableProvider;
    if (name == u"throttle")
        return RunbookAction::Throttle;
    if (name == u"pause-admission")
        return RunbookAction::PauseAdmission;
    if (name == u"resume-admission")
        return RunbookAction::ResumeAdmission;
    return std::nullopt;
}

std::optional<RunbookPrecondition> preconditionFrom(const QString &text)
{
    const QString name = text.section(u':', 0, 0).trimmed();
    const QString argument = text.section(u':', 1).trimmed();
    RunbookPrecondition p;
    p.text = text.trimmed();
    static const std::pair<const char16_t *, PreconditionKind> plain[] = {
        {u"provider-red", PreconditionKind::ProviderRed},
        {u"provider-not-green", PreconditionKind::ProviderNotGreen},
        {u"provider-green", PreconditionKind::ProviderGreen},
        {u"provider-enabled", PreconditionKind::ProviderEnabled},
        {u"provider-disabled", PreconditionKind::ProviderDisabled},
        {u"admission-running", PreconditionKind::AdmissionRunning},
        {u"admission-paused", PreconditionKind::AdmissionPaused},
    };
    for (const auto &[word, kind] : plain) {
        if (name == QStringView(word)) {
            if (!argument.isEmpty())
                return std::nullopt;
            p.kind = kind;
            return p;
        }
    }
    bool ok = false;
    if (name == u"queue-wait-above") {
        // Seconds, or a duration such as 30m.
        const auto seconds = parseDuration(argument);
        if (!seconds)
            return std::nullopt;
        p.kind = PreconditionKind::QueueWaitAbove;
        p.threshold = *seconds;
        return p;
    }
    if (name == u"backend-utilization-above") {
        QString figure = argument;
        const bool percent = figure.endsWith(u'%');
        if (percent)
            figure.chop(1);
        const double value = figure.toDouble(&ok);
        if (!ok || value < 0)
            return std::nullopt;
        p.kind = PreconditionKind::BackendUtilizationAbove;
        p.threshold = percent ? value / 100.0 : value;
        return p;
    }
    return std::nullopt;
}

const sitroom::v1::ProviderState *providerState(const sitroom::v1::SystemState &state, const QString &id)
{
    const std::string key = id.toStdString();
    for (const auto &p : state.providers()) {
        if (p.id() == key)
            return &p;
    }
    return nullptr;
}

bool isProviderCondition(PreconditionKind kind)
{
    switch (kind) {
    case PreconditionKind::ProviderRed:
    case PreconditionKind::ProviderNotGreen:
    case PreconditionKind::ProviderGreen:
    case PreconditionKind::ProviderEnabled:
    case PreconditionKind::ProviderDisabled:
        return true;
    default:
        return false;
    }
}

QString durationText(quint32 seconds)
{
    if (seconds % 3600 == 0)
        return QString::number(seconds / 3600) + u'h';
    if (seconds % 60 == 0)
        return QString::number(seconds / 60) + u'm';
    return QString::number(seconds) + u's';
}

} // namespace

std::optional<quint32> parseDuration(const QString &text)
{
    static const QRegularExpression whole(QStringLiteral("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s?)?$"));
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    const QRegularExpressionMatch m = whole.match(t);
    if (!m.hasMatch())
        return std::nullopt;
    const quint64 seconds = m.captured(1).toULongLong() * 3600 + m.captured(2).toULongLong() * 60 + m.captured(3).toULongLong();
    if (seconds > 7 * 24 * 3600)
        return std::nullopt;
    return quint32(seconds);
}

double RunbookStep::targetRatePerS(double currentRatePerS) const
{
    if (ratePerS >= 0)
        return ratePerS;
    if (percent >= 0)
        return currentRatePerS * percent / 100.0;
    return currentRatePerS;
}

QString RunbookStep::summary(const QString &runbookId) const
{
    QString what;
    switch (action) {
    case RunbookAction::DisableProvider:
        what = QStringLiteral("disable ") + provider;
        if (disableForS > 0)
            what += QStringLiteral(" for ") + durationText(disableForS);
        break;
    case RunbookAction::EnableProvider:
        what = QStringLiteral("enable ") + provider;
        break;
    case RunbookAction::Throttle:
        what = ratePerS >= 0 ? QStringLiteral("throttle to %1/s").arg(ratePerS)
                             : QStringLiteral("throttle to %1%").arg(percent);
        break;
    case RunbookAction::PauseAdmission:
        what = QStringLiteral("pause admission");
        break;
    case RunbookAction::ResumeAdmission:
        what = QStringLiteral("resume admission");
        break;
    }
    const QString where = step > 0 ? runbookId + u'#' + QString::number(step) : runbookId;
    return where.isEmpty() ? what : where + QStringLiteral(": ") + what;
}

RunbookParse parseRunbookLink(const QUrl &url)
{
    RunbookParse out;
    if (url.scheme() != u"sitroom") {
        out.error = QStringLiteral("not a sitroom: link");
        return out;
    }
    const auto action = actionFrom(url.path());
    if (!action) {
        out.error = QStringLiteral("unknown action \"%1\"").arg(url.path());
        return out;
    }
    RunbookStep step;
    step.action = *action;
    const QUrlQuery query(url);
    for (const auto &[key, rawValue] : query.queryItems(QUrl::FullyDecoded)) {
        const QString value = rawValue.trimmed();
        bool ok = true;
        if (key == u"step") {
            step.step = value.toInt(&ok);
            ok = ok && step.step > 0;
        } else if (key == u"provider") {
            step.provider = value;
            ok = !value.isEmpty() && !value.contains(u'{');
        } else if (key == u"for") {
            const auto seconds = parseDuration(value);
            ok = seconds.has_value();
            step.disableForS = seconds.value_or(0);
        } else if (key == u"percent" || (key == u"to" && value.endsWith(u'%'))) {
            QString figure = value;
            if (figure.endsWith(u'%'))
                figure.chop(1);
            step.percent = figure.toDouble(&ok);
            ok = ok && step.percent > 0 && step.percent <= 100;
        } else if (key == u"rate" || key == u"to") {
            QString figure = value;
            if (figure.endsWith(QStringLiteral("/s")))
                figure.chop(2);
            step.ratePerS = figure.toDouble(&ok);
            ok = ok && step.ratePerS > 0;
        } else if (key == u"require") {
            for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
                const auto p = preconditionFrom(part);
                if (!p) {
                    out.error = QStringLiteral("unknown precondition \"%1\"").arg(part);
                    return out;
                }
                step.require << *p;
            }
        } else {
            out.error = QStringLiteral("unknown parameter \"%1\"").arg(key);
            return out;
        }
        if (!ok) {
            out.error = QStringLiteral("bad value \"%1\" for %2").arg(value, key);
            return out;
        }
    }
    // Provider preconditions without provider= refer to the alert's provider
    // (failedPrecondition's fallback); provider actions name theirs.
    const bool needsProvider = step.action == RunbookAction::DisableProvider || step.action == RunbookAction::EnableProvider;
    if (needsProvider && step.provider.isEmpty()) {
        out.error = QStringLiteral("no provider");
        return out;
    }
    if (step.action == RunbookAction::Throttle && step.percent < 0 && step.ratePerS < 0) {
        out.error = QStringLiteral("a throttle needs percent or rate");
        return out;
    }
    out.step = step;
    return out;
}

std::optional<PreconditionFailure> failedPrecondition(const RunbookStep &step, const sitroom::v1::SystemState &state,
                                                      const QString &alertProvider)
{
    const QString providerId = step.provider.isEmpty() ? alertProvider : step.provider;
    const sitroom::v1::ProviderState *provider = providerId.isEmpty() ? nullptr : providerState(state, providerId);
    for (const RunbookPrecondition &p : step.require) {
        PreconditionFailure failure;
        failure.precondition = p;
        failure.provider = providerId;
        failure.paused = state.admission().paused();
        bool holds = false;
        if (isProviderCondition(p.kind)) {
            failure.providerKnown = provider != nullptr;
            if (provider) {
                failure.light = provider->light();
                failure.enabled = provider->enabled();
                const auto light = provider->light();
                switch (p.kind) {
                case PreconditionKind::ProviderRed: holds = light == sitroom::v1::LIGHT_RED; break;
                case PreconditionKind::ProviderNotGreen: holds = light != sitroom::v1::LIGHT_GREEN; break;
                case PreconditionKind::ProviderGreen: holds = light == sitroom::v1::LIGHT_GREEN; break;
                case PreconditionKind::ProviderEnabled: holds = provider->enabled(); break;
                case PreconditionKind::ProviderDisabled: holds = !provider->enabled(); break;
                default: break;
                }
            }
        } else {
            switch (p.kind) {
            case PreconditionKind::QueueWaitAbove:
                failure.value = state.admission().paused() ? -1.0 : state.admission().estimated_wait_s();
                holds = failure.value > p.threshold;
                break;
            case PreconditionKind::BackendUtilizationAbove:
                failure.value = state.backend().utilization();
                holds = failure.value > p.threshold;
                break;
            case PreconditionKind::AdmissionRunning: holds = !state.admission().paused(); break;
            case PreconditionKind::AdmissionPaused: holds = state.admission().paused(); break;
            default: break;
            }
        }
        if (!holds)
            return failure;
    }
    return std::nullopt;
}

QString alertProvider(const sitroom::v1::Alert &alert, const sitroom::v1::Configuration &configuration)
{
    const QString source = QString::fromStdString(alert.source());
    if (source.startsWith(QStringLiteral("provider/")))
        return source.mid(9);
    for (const auto &p : configuration.providers()) {
        if (!alert.subject().empty() && p.id() == alert.subject())
            return QString::fromStdString(p.id());
    }
    return {};
}

QString worstProvider(const sitroom::v1::SystemState &state)
{
    const sitroom::v1::ProviderState *worst = nullptr;
    const auto rank = [](const sitroom::v1::ProviderState &p) {
        return p.light() == sitroom::v1::LIGHT_RED ? 3 : p.light() == sitroom::v1::LIGHT_YELLOW ? 2 : 0;
    };
    for (const auto &p : state.providers()) {
        if (!p.enabled() || rank(p) == 0)
            continue;
        if (!worst || rank(p) > rank(*worst) || (rank(p) == rank(*worst) && p.error_rate() > worst->error_rate()))
            worst = &p;
    }
    return worst ? QString::fromStdString(worst->id()) : QString();
}

QString fillRunbookPlaceholders(QString markdown, const QString &providerId, const QString &providerName)
{
    if (!providerId.isEmpty()) {
        markdown.replace(QStringLiteral("{provider_name}"), providerName.isEmpty() ? providerId : providerName);
        markdown.replace(QStringLiteral("{provider}"), providerId);
    }
    return markdown;
}

QString runbookId(const QString &runbookField)
{
    QString id = QFileInfo(runbookField.trimmed()).fileName();
    for (const QString &suffix : {QStringLiteral(".ko.md"), QStringLiteral(".en.md"), QStringLiteral(".md")}) {
        if (id.endsWith(suffix)) {
            id.chop(suffix.size());
            break;
        }
    }
    return id;
}

QString runbookResource(const QString &id, const QString &language)
{
    if (id.isEmpty())
        return {};
    for (const QString &lang : {language, QStringLiteral("ko"), QStringLiteral("en")}) {
        const QString path = QStringLiteral(":/runbooks/%1.%2.md").arg(id, lang);
        if (QFileInfo::exists(path))
            return path;
    }
    return {};
}

QList<int> writtenStepNumbers(const QString &markdown)
{
    static const QRegularExpression item(QStringLiteral("^(\\d{1,4})[.)](?: |\\t|$)"));
    QList<int> numbers;
    bool fenced = false;
    for (const QStringView line : QStringView(markdown).split(u'\n')) {
        if (line.trimmed().startsWith(u"```") || line.trimmed().startsWith(u"~~~")) {
            fenced = !fenced;
            continue;
        }
        if (fenced)
            continue;
        const QRegularExpressionMatch m = item.match(line);
        if (m.hasMatch())
            numbers.append(m.capturedView(1).toInt());
    }
    return numbers;
}

} // namespace sitroom::models
