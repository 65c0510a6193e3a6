#pragma once

#include <QtGlobal>

#include <functional>

namespace sitroom::models {

struct BackoffPolicy
{
    int initialMs = 1000;
    double factor = 1.6;
    double jitter = 0.2;   // fraction of the nominal delay, both ways
    int maxMs = 30000;     // hard cap: no delay is ever longer, jitter included
};

// Delays between reconnection attempts: the first failure waits initialMs, each
// further one factor times longer, up to maxMs; every delay is jittered by
// +-jitter so that consoles dropped together do not come back together. Pure
// (no timers): the worker asks for the next delay and arms its own timer.
class ReconnectBackoff final
{
public:
    using Policy = BackoffPolicy;

    // Uniform in [0, 1). Tests inject a fixed or scripted source.
    using RandomSource = std::function<double()>;

    // A default-constructed backoff draws its jitter from a generator seeded
    // from the system.
    ReconnectBackoff();
    explicit ReconnectBackoff(Policy policy, RandomSource random = {});
    // Reproducible jitter.
    static ReconnectBackoff seeded(quint32 seed, Policy policy = {});

    // The delay before the next attempt; advances the sequence.
    int nextDelayMs();
    // The un-jittered delay the next call is centred on.
    double nominalDelayMs() const;
    // Failures since the last reset.
    int failures() const { return m_failures; }
    // The link came back (Live): the next failure waits initialMs again.
    void reset() { m_failures = 0; }

    const Policy &policy() const { return m_policy; }

private:
    Policy m_policy;
    RandomSource m_random;
    int m_failures = 0;
};

} // namespace sitroom::models
