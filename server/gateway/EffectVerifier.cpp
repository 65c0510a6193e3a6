#include "server/gateway/EffectVerifier.h"

#include "server/gateway/ControlDiff.h"

#include "proto/sitroom/PhraseBook.h"

#include <QLocale>

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace sitroom::gateway {

namespace {

bool isStale(const sitroom::v1::SystemState &state, const std::string &figure)
{
    return std::any_of(state.stale().begin(), state.stale().end(),
                       [&](const sitroom::v1::StaleFigure &f) { return f.figure() == figure; });
}

const sitroom::v1::ProviderState *providerState(const sitroom::v1::SystemState &state, const std::string &id)
{
    for (const auto &p : state.providers())
        if (p.id() == id)
            return &p;
    return nullptr;
}

QString aspectOf(const sitroom::v1::ControlState &before, const sitroom::v1::ControlState &after)
{
    if (before.admission_rate_per_s() != after.admission_rate_per_s())
        return QStringLiteral("rate");
    if (before.admission_paused() != after.admission_paused())
        return QStringLiteral("pause");
    for (const auto &p : after.providers()) {
        const sitroom::v1::ProviderControl *q = findProvider(before, p.id());
        if (!q || q->enabled() != p.enabled())
            return QStringLiteral("provider.") + QString::fromStdString(p.id());
    }
    return {};
}

QString rateText(double r)
{
    return QString::number(r, 'g', 10);
}

} // namespace

sitroom::v1::Phrase EffectVerifier::expectationPhrase(const sitroom::v1::ControlState &before,
                                                      const sitroom::v1::ControlState &after)
{
    std::vector<sitroom::v1::Phrase> parts;
    if (before.admission_rate_per_s() != after.admission_rate_per_s())
        parts.push_back(phrase::make("expect.rate", {{"rate", rateText(after.admission_rate_per_s())}}));
    if (before.admission_paused() != after.admission_paused())
        parts.push_back(phrase::make(after.admission_paused() ? "expect.paused" : "expect.not_paused"));
    for (const auto &p : after.providers()) {
        const sitroom::v1::ProviderControl *q = findProvider(before, p.id());
        if (q && q->enabled() == p.enabled())
            continue;
        parts.push_back(phrase::make(p.enabled() ? "expect.provider_on" : "expect.provider_off",
                                     {{"provider", QString::fromStdString(p.id())}}));
    }
    if (parts.empty())
        return {};
    sitroom::v1::Phrase all = parts.back();
    for (auto it = parts.rbegin() + 1; it != parts.rend(); ++it)
        all = phrase::make("list", {}, {{"first", *it}, {"then", all}});
    return all;
}

QString EffectVerifier::expectationText(const sitroom::v1::ControlState &before, const sitroom::v1::ControlState &after)
{
    const sitroom::v1::Phrase p = expectationPhrase(before, after);
    return p.code().empty() ? QString() : phrase::english(p);
}

bool EffectVerifier::effectSeen(const sitroom::v1::ControlState &before, const sitroom::v1::ControlState &after,
                                const sitroom::v1::SystemState &state)
{
    const auto &a = state.admission();
    if (before.admission_rate_per_s() != after.admission_rate_per_s()) {
        const double want = after.admission_rate_per_s();
        if (isStale(state, "rate_limit_per_s") || std::abs(a.rate_limit_per_s() - want) > std::max(0.5, want * 1e-3))
            return false;
    }
    if (before.admission_paused() != after.admission_paused()) {
        if (isStale(state, "paused") || a.paused() != after.admission_paused())
            return false;
        // A paused queue admits nobody.
        if (after.admission_paused() && (isStale(state, "admitted_per_s") || a.admitted_per_s() >= 0.5))
            return false;
    }
    double totalRequests = 0.0;
    for (const auto &p : state.providers())
        totalRequests += p.requests_per_s();
    for (const auto &p : after.providers()) {
        const sitroom::v1::ProviderControl *q = findProvider(before, p.id());
        if (q && q->enabled() == p.enabled())
            continue;
        const sitroom::v1::ProviderState *ps = providerState(state, p.id());
        const std::string prefix = "provider." + p.id() + '.';
        if (!ps || isStale(state, prefix + "light"))
            return false;
        if (p.enabled()) {
            if (ps->light() == sitroom::v1::LIGHT_SUSPENDED)
                return false;
        } else {
            // Near zero: at most 1 request a second, or 1 % of all traffic.
            if (ps->light() != sitroom::v1::LIGHT_SUSPENDED || isStale(state, prefix + "requests_per_s")
                || ps->requests_per_s() > std::max(1.0, 0.01 * totalRequests))
                return false;
        }
    }
    return true;
}

bool EffectVerifier::expect(const QString &commandId, std::uint64_t revision, const QString &action, const QString &user,
                            const sitroom::v1::ControlState &before, const sitroom::v1::ControlState &after,
                            qint64 acceptedWallMs, const sitroom::v1::Phrase &actionWords)
{
    const QString aspect = aspectOf(before, after);
    if (aspect.isEmpty())
        return false;
    m_expectations.erase(std::remove_if(m_expectations.begin(), m_expectations.end(),
                                        [&](const Expectation &e) { return e.aspect == aspect; }),
                         m_expectations.end());
    Expectation e;
    e.commandId = commandId;
    e.revision = revision;
    e.action = action;
    e.actionWords = actionWords;
    e.user = user;
    e.words = expectationPhrase(before, after);
    e.text = phrase::english(e.words);
    e.aspect = aspect;
    e.before = before;
    e.after = after;
    e.acceptedWallMs = acceptedWallMs;
    m_expectations.push_back(std::move(e));
    return true;
}

sitroom::v1::CommandProgress EffectVerifier::progressOf(const Expectation &e, sitroom::v1::CommandStage stage,
                                                        qint64 wallNowMs, const sitroom::v1::Phrase &detail) const
{
    sitroom::v1::CommandProgress p;
    p.set_command_id(e.commandId.toStdString());
    p.set_revision(e.revision);
    p.set_stage(stage);
    p.set_at_ms(wallNowMs);
    p.set_after_ms(std::uint32_t(std::clamp<qint64>(wallNowMs - e.acceptedWallMs, 0, 0xffffffffLL)));
    p.set_detail(phrase::english(detail).toStdString());
    *p.mutable_detail_words() = detail;
    p.set_action(e.action.toStdString());
    if (!e.actionWords.code().empty())
        *p.mutable_action_words() = e.actionWords;
    p.set_user(e.user.toStdString());
    p.set_expectation(e.text.toStdString());
    *p.mutable_expectation_words() = e.words;
    return p;
}

std::vector<sitroom::v1::CommandProgress> EffectVerifier::observe(const sitroom::v1::SystemState &state, qint64 wallNowMs)
{
    std::vector<sitroom::v1::CommandProgress> out;
    for (auto it = m_expectations.begin(); it != m_expectations.end();) {
        if (effectSeen(it->before, it->after, state)) {
            const double s = double(wallNowMs - it->acceptedWallMs) / 1000.0;
            out.push_back(progressOf(*it, sitroom::v1::COMMAND_STAGE_EFFECT_SEEN, wallNowMs,
                                     phrase::make(it->overdue ? "effect.seen_late" : "effect.seen",
                                                  {{"seconds", QString::number(s, 'f', 1)}}, {{"expectation", it->words}})));
            it = m_expectations.erase(it);
            continue;
        }
        ++it;
    }
    auto overdue = tick(wallNowMs);
    out.insert(out.end(), overdue.begin(), overdue.end());
    return out;
}

std::vector<sitroom::v1::CommandProgress> EffectVerifier::tick(qint64 wallNowMs)
{
    std::vector<sitroom::v1::CommandProgress> out;
    for (Expectation &e : m_expectations) {
        if (e.overdue || wallNowMs - e.acceptedWallMs < m_boundMs)
            continue;
        e.overdue = true;
        out.push_back(progressOf(e, sitroom::v1::COMMAND_STAGE_EFFECT_NOT_SEEN, wallNowMs,
                                 phrase::make("effect.not_seen",
                                              {{"seconds", QString::number(double(m_boundMs) / 1000.0, 'g',
                                                                           QLocale::FloatingPointShortest)}},
                                              {{"expectation", e.words}})));
    }
    return out;
}

std::uint32_t EffectVerifier::notSeenCount() const
{
    return std::uint32_t(std::count_if(m_expectations.begin(), m_expectations.end(),
                                       [](const Expectation &e) { return e.overdue; }));
}

} // namespace sitroom::gateway
