#include "models/briefing/LightSpells.h"

#include <algorithm>
#include <cmath>

namespace sitroom::models {

namespace {

// Mean of a column over [fromMs, toMs), NaN seconds left out; NaN when none.
double meanOver(const HistoryRing &history, int column, qint64 fromMs, qint64 toMs)
{
    double sum = 0;
    int n = 0;
    history.forEach(column, fromMs, toMs - 1, [&](qint64, float v) {
        if (std::isfinite(v)) {
            sum += v;
            ++n;
        }
    });
    return n > 0 ? sum / n : std::nan("");
}

} // namespace

std::vector<LightSpell> lightSpells(const HistoryRing &history, const QString &providerId, int light, qint64 fromMs)
{
    std::vector<LightSpell> spells;
    const int column = history.column(HistoryRing::providerColumn(providerId, "light"));
    if (column < 0)
        return spells;
    bool inSpell = false;
    history.forEach(column, fromMs, history.lastTimeMs(), [&](qint64 t, float v) {
        if (!std::isfinite(v))
            return;   // a gap says nothing about the light
        const bool at = int(std::lround(v)) == light;
        if (at && !inSpell) {
            if (!spells.empty() && spells.back().untilMs >= 0 && t - spells.back().untilMs < kSpellMergeGapMs)
                spells.back().untilMs = -1;   // back within the gap: the same spell
            else
                spells.push_back({providerId, light, t, -1});
            inSpell = true;
        } else if (!at && inSpell) {
            spells.back().untilMs = t;
            inSpell = false;
        }
    });
    return spells;
}

std::optional<LightSpell> firstSpell(const HistoryRing &history, const QStringList &providerIds, int light, qint64 fromMs)
{
    std::optional<LightSpell> first;
    for (const QString &id : providerIds) {
        const std::vector<LightSpell> spells = lightSpells(history, id, light, fromMs);
        if (!spells.empty() && (!first || spells.front().fromMs < first->fromMs))
            first = spells.front();
    }
    return first;
}

std::vector<ShareShift> sharesGained(const HistoryRing &history, const QStringList &providerIds,
                                     const QString &congestedId, qint64 onsetMs)
{
    constexpr qint64 kMinute = 60 * 1000;
    std::vector<double> before, after;
    for (const QString &id : providerIds) {
        const int column = history.column(HistoryRing::providerColumn(id, "requests"));
        before.push_back(meanOver(history, column, onsetMs - 2 * kMinute, onsetMs));
        after.push_back(meanOver(history, column, onsetMs + kMinute, onsetMs + 4 * kMinute));
    }
    const auto total = [](const std::vector<double> &v) {
        double sum = 0;
        for (double x : v)
            sum += std::isfinite(x) ? x : 0.0;
        return sum;
    };
    const double beforeTotal = total(before);
    const double afterTotal = total(after);
    std::vector<ShareShift> gained;
    if (beforeTotal <= 0 || afterTotal <= 0)
        return gained;
    for (qsizetype i = 0; i < providerIds.size(); ++i) {
        if (providerIds.at(i) == congestedId || !std::isfinite(before[std::size_t(i)]) || !std::isfinite(after[std::size_t(i)]))
            continue;
        const ShareShift s{providerIds.at(i), before[std::size_t(i)] / beforeTotal, after[std::size_t(i)] / afterTotal};
        if (s.after - s.before >= kMoveShareMin)
            gained.push_back(s);
    }
    std::stable_sort(gained.begin(), gained.end(),
                     [](const ShareShift &a, const ShareShift &b) { return a.after - a.before > b.after - b.before; });
    return gained;
}

} // namespace sitroom::models
