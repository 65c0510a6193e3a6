#pragma once

#include <QtGlobal>

#include <optional>
#include <vector>

namespace sitroom::models {

// Which of several gateways the telemetry worker uses, and when it moves:
// pure, so every rule is tested without a socket. Gateways are numbered in
// the order given (0 is the preferred one).
//
// - Connecting: the current one first; an attempt that fails goes on to the
//   next at once; only when every one has failed in a row does the worker
//   wait its backoff, and then starts again from the first.
// - A live link that dies goes on to the next one at once (the old one comes
//   last in that round).
// - Live on one whose level is below the healthy threshold: the others are
//   probed in order of preference, one at a time. The first healthy one is
//   moved to at once; when none is, the best of them, if it is better than
//   the current one; otherwise the worker stays and probes again later.
class GatewayChoice final
{
public:
    GatewayChoice(int count, quint32 healthyLevel);

    int count() const { return m_count; }
    bool hasAlternatives() const { return m_count > 1; }
    int current() const { return m_current; }
    quint32 healthyLevel() const { return m_healthy; }

    // The attempt on current() failed before it went live: current() is now
    // the one to try next; true when that closes a round in which every
    // gateway failed (the caller waits its backoff first).
    bool attemptFailed();
    // The live link on current() died: current() is now the next one.
    void linkLost();

    // current() is live at this level (Welcome), or a broadcast says it moved.
    void wentLive(quint32 level);
    void levelChanged(quint32 level);
    std::optional<quint32> currentLevel() const { return m_level; }
    bool isHealthy() const { return m_level && *m_level >= m_healthy; }
    // Live, below the threshold, with somewhere else to look.
    bool wantsBetter() const { return m_level && !isHealthy() && hasAlternatives(); }

    // A probe round over the others, in order of preference.
    void beginProbeRound();
    // The next gateway to probe; none when the round has asked every one.
    std::optional<int> nextProbe();
    // What a probe of `index` found (nullopt: no answer). The gateway to move
    // to now, if that is one: the first healthy one.
    std::optional<int> probed(int index, std::optional<quint32> level);
    // After the round: the best one heard, if it beats the current level.
    std::optional<int> bestOfRound() const;
    bool probing() const { return m_probing; }
    void endProbeRound();

    // Leaves current() for index (a healthier one): no longer live.
    void moveTo(int index);

private:
    int m_count;
    quint32 m_healthy;
    int m_current = 0;
    int m_failedInRow = 0;
    std::optional<quint32> m_level;   // set while live
    bool m_probing = false;
    int m_nextProbe = 0;
    std::vector<std::optional<quint32>> m_heard;   // this round's answers, by index
};

} // namespace sitroom::models
