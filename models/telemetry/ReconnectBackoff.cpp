#include "models/telemetry/ReconnectBackoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <memory>

namespace sitroom::models {

namespace {

ReconnectBackoff::RandomSource generatorSource(QRandomGenerator generator)
{
    // Shared so that copies of the std::function draw from one sequence.
    auto shared = std::make_shared<QRandomGenerator>(generator);
    return [shared] { return shared->generateDouble(); };
}

} // namespace

ReconnectBackoff::ReconnectBackoff()
    : ReconnectBackoff(Policy{})
{
}

ReconnectBackoff::ReconnectBackoff(Policy policy, RandomSource random)
    : m_policy(policy)
    , m_random(random ? std::move(random) : generatorSource(QRandomGenerator::securelySeeded()))
{
}

ReconnectBackoff ReconnectBackoff::seeded(quint32 seed, Policy policy)
{
    return ReconnectBackoff(policy, generatorSource(QRandomGenerator(seed)));
}

double ReconnectBackoff::nominalDelayMs() const
{
    // pow() of a small exponent; once past the cap the exponent no longer matters.
    const double nominal = m_policy.initialMs * std::pow(m_policy.factor, std::min(m_failures, 64));
    return std::min(nominal, double(m_policy.maxMs));
}

int ReconnectBackoff::nextDelayMs()
{
    const double nominal = nominalDelayMs();
    const double unit = std::clamp(m_random(), 0.0, 1.0);     // [0, 1]
    const double jittered = nominal * (1.0 + m_policy.jitter * (2.0 * unit - 1.0));
    ++m_failures;
    return int(std::clamp(std::lround(jittered), 0L, long(m_policy.maxMs)));
}

} // namespace sitroom::models
