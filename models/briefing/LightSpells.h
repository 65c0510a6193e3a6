#pragma once

#include "models/history/HistoryRing.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sitroom::models {

// A stretch of time one provider's public light showed one colour, read from
// the per-second history. Short breaks (the light stepping down and back up
// within kSpellMergeGapMs) belong to the same spell: a room reads "혼잡 from
// 20:03", not three spells of a minute.
struct LightSpell
{
    QString providerId;
    int light = 0;           // sitroom::v1::Light
    qint64 fromMs = 0;       // first second at that light
    qint64 untilMs = -1;     // first second after it; -1 while it lasts
    bool ongoing() const { return untilMs < 0; }
};

inline constexpr qint64 kSpellMergeGapMs = 5 * 60 * 1000;

// Every spell of `light` in the provider's history from fromMs on, oldest first.
std::vector<LightSpell> lightSpells(const HistoryRing &history, const QString &providerId, int light, qint64 fromMs);

// The earliest spell of `light` among the providers (ties: the order given).
std::optional<LightSpell> firstSpell(const HistoryRing &history, const QStringList &providerIds, int light, qint64 fromMs);

// Where citizens went when a provider turned congested: the other providers
// whose share of all verification requests rose by at least kMoveShareMin
// between the two minutes before onsetMs and the three minutes from one
// minute after it, most gained first.
inline constexpr double kMoveShareMin = 0.02;
struct ShareShift
{
    QString providerId;
    double before = 0;   // share, 0..1
    double after = 0;
};
std::vector<ShareShift> sharesGained(const HistoryRing &history, const QStringList &providerIds,
                                     const QString &congestedId, qint64 onsetMs);

} // namespace sitroom::models
