#include "server/sim/Simulation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sitroom::sim {

namespace {

// The window whose opening the first-30-minutes figure counts from: the first
// to open at or after the start, else the latest that opened before it.
std::int64_t referenceOpening(const Scenario &s)
{
    std::int64_t after = 0;
    std::int64_t before = 0;
    bool haveAfter = false;
    bool haveBefore = false;
    for (const CohortWindow &w : s.cohorts) {
        if (w.openMs >= s.startMs) {
            after = haveAfter ? std::min(after, w.openMs) : w.openMs;
            haveAfter = true;
        } else {
            before = haveBefore ? std::max(before, w.openMs) : w.openMs;
            haveBefore = true;
        }
    }
    return haveAfter ? after : before;
}

} // namespace

Simulation::Simulation(const Scenario &scenario, std::uint64_t seed)
    : m_scenario(scenario)
    , m_seed(seed)
    , m_rng(seed)
    , m_queue(scenario.admission.ratePerS, scenario.admission.patienceS)
    , m_backend(scenario.backend)
{
    for (const ProviderSpec &p : m_scenario.providers) {
        m_providers.push_back(Provider{ServiceStage(p.service), ProviderLight(m_scenario.lights), {}, true, 0, 0});
        ProviderStatus status;
        status.id = p.id;
        status.lightSinceMs = m_scenario.startMs;
        m_state.providers.push_back(status);
        m_totals.providers.push_back(ProviderTotals{p.id, 0, 0, 0, 0, 0, 0});
    }
    for (const CohortWindow &w : m_scenario.cohorts) {
        m_arrivals.emplace_back(w, m_scenario.arrivals, m_scenario.utcOffsetS);
        m_state.cohorts.push_back(CohortStatus{w.id, w.eligible, w.alreadyBooked, false, 0.0, 0});
    }
    m_arrivalCarry.assign(m_arrivals.size(), 0.0);
    m_arrived.assign(m_arrivals.size(), 0);
    m_returning.assign(m_arrivals.size(), 0.0);
    m_lastMinute.assign(m_arrivals.size(), std::vector<std::uint64_t>(60, 0));
    m_state.timeMs = m_scenario.startMs;
    m_state.admissionRate = m_queue.rate();
    m_state.backendCapacityPerS = m_scenario.backend.capacityPerS;
    m_totals.referenceOpenMs = referenceOpening(m_scenario);
}

void Simulation::setAdmissionRate(double ratePerS)
{
    m_queue.setRate(std::max(0.0, ratePerS));
    m_state.admissionRate = m_queue.rate();
}

void Simulation::setAdmissionPaused(bool paused)
{
    m_queue.setPaused(paused);
    m_state.admissionPaused = paused;
}

std::vector<Simulation::ProviderSwitch> Simulation::applyControls(double ratePerS, bool paused, const std::vector<ProviderSwitch> &providers)
{
    if (ratePerS != m_state.admissionRate)
        setAdmissionRate(ratePerS);
    if (paused != m_state.admissionPaused)
        setAdmissionPaused(paused);
    std::vector<ProviderSwitch> switched;
    for (const ProviderSwitch &p : providers) {
        const int index = m_scenario.providerIndex(p.id);
        if (index >= 0 && m_state.providers[std::size_t(index)].enabled != p.enabled
            && setProviderEnabled(p.id, p.enabled, p.rampS))
            switched.push_back(p);
    }
    return switched;
}

bool Simulation::setProviderEnabled(const QString &providerId, bool enabled, int rampS)
{
    const int index = m_scenario.providerIndex(providerId);
    if (index < 0)
        return false;
    Provider &p = m_providers[std::size_t(index)];
    if (enabled && !p.enabled) {
        p.rampStartS = m_state.elapsedS;
        p.rampS = std::max(0, rampS);
    }
    p.enabled = enabled;
    p.light.setSuspended(!enabled, m_state.elapsedS);
    ProviderStatus &status = m_state.providers[std::size_t(index)];
    status.enabled = enabled;
    status.light = p.light.light();
    status.lightSinceMs = nowMs();
    return true;
}

StageFault Simulation::faultFor(const QString &providerId, std::int64_t timeMs) const
{
    StageFault fault;
    for (const ScenarioEvent &e : m_scenario.events) {
        if (e.providerId != providerId || timeMs < e.atMs)
            continue;
        if (e.durationS > 0 && timeMs >= e.atMs + e.durationS * 1000)
            continue;
        fault.capacityFactor *= e.capacityFactor;
        fault.addedErrorRate += e.addedErrorRate;
        fault.addedLatencyMs += e.addedLatencyMs;
    }
    return fault;
}

std::uint64_t Simulation::arrive(std::int64_t timeMs)
{
    std::uint64_t total = 0;
    for (std::size_t c = 0; c < m_arrivals.size(); ++c) {
        const ArrivalProfile &profile = m_arrivals[c];
        const bool open = profile.isOpen(timeMs);
        m_state.cohorts[c].open = open;
        if (!open) {
            m_returning[c] = 0.0; // the window closed on those still meaning to come back
            continue;
        }
        // Those who gave up come back over the following hours, more by day.
        const double back = m_returning[c] * profile.hourWeight(timeMs) / 5400.0;
        m_returning[c] -= back;
        const double expected = profile.expectedArrivals(timeMs) + back;
        auto n = m_rng.poisson(expected);
        const double headroom = profile.intending() + 1.0 - double(m_arrived[c]);
        n = std::min<std::uint64_t>(n, std::uint64_t(std::max(0.0, headroom)));
        m_arrived[c] += n;
        total += n;
    }
    return total;
}

std::vector<double> Simulation::choiceWeights(int excluded) const
{
    const CitizenSpec &c = m_scenario.citizens;
    std::vector<double> weights(m_providers.size(), 0.0);
    for (std::size_t i = 0; i < m_providers.size(); ++i) {
        const Provider &p = m_providers[i];
        if (!p.enabled || int(i) == excluded)
            continue;
        double w = m_scenario.providers[qsizetype(i)].popularity;
        switch (p.light.light()) {
        case Light::Green: break;
        case Light::Yellow: w *= 1.0 - c.avoidYellow; break;
        case Light::Red: w *= 1.0 - c.avoidRed; break;
        case Light::Suspended: w = 0.0; break;
        }
        if (p.rampS > 0) {
            const double ramp = double(m_state.elapsedS - p.rampStartS) / double(p.rampS);
            w *= std::clamp(ramp, 0.0, 1.0);
        }
        weights[i] = w;
    }
    return weights;
}

void Simulation::distribute(std::uint64_t people, const std::vector<double> &weights,
                            std::vector<std::uint64_t> &out)
{
    double remainingWeight = std::accumulate(weights.begin(), weights.end(), 0.0);
    for (std::size_t i = 0; i < weights.size() && people > 0 && remainingWeight > 0; ++i) {
        if (weights[i] <= 0)
            continue;
        const std::uint64_t k = m_rng.binomial(people, std::min(1.0, weights[i] / remainingWeight));
        out[i] += k;
        people -= k;
        remainingWeight -= weights[i];
    }
}

void Simulation::verify(std::uint64_t fresh, std::int64_t timeMs)
{
    const CitizenSpec &c = m_scenario.citizens;
    const std::size_t n = m_providers.size();
    std::vector<std::uint64_t> offered(n, 0);
    const std::vector<double> openChoice = choiceWeights(-1);
    distribute(fresh, openChoice, offered);

    // Those coming back after a failure: most try the same provider again,
    // some switch, and all switch away from a congested or disabled one.
    for (std::size_t i = 0; i < n; ++i) {
        Provider &p = m_providers[i];
        const std::uint64_t returning = p.retries.take();
        if (returning == 0)
            continue;
        const double switchChance = !p.enabled ? 1.0
            : p.light.light() == Light::Green ? c.switchProbability
                                              : c.switchWhenCongested;
        const std::uint64_t stay = m_rng.binomial(returning, 1.0 - switchChance);
        offered[i] += stay;
        distribute(returning - stay, choiceWeights(int(i)), offered);
    }

    const std::uint64_t attempts = std::accumulate(offered.begin(), offered.end(), std::uint64_t(0));
    m_state.attemptsThisSecond = attempts;
    m_state.authAttemptsTotal += attempts;
    m_totals.authAttemptsTotal += attempts;

    for (std::size_t i = 0; i < n; ++i) {
        Provider &p = m_providers[i];
        ProviderStatus &status = m_state.providers[i];
        const StageSecond s = p.stage.step(offered[i], faultFor(status.id, timeMs), m_rng);
        const std::uint64_t answered = s.served - s.errors;
        const std::uint64_t verified = answered - m_rng.binomial(answered, c.userFailure);
        const std::uint64_t failed = s.served + s.timeouts - verified;

        const std::uint64_t retrying = m_rng.binomial(failed, c.retryProbability);
        p.retries.add(retrying, c.retryDelayS + s.waitS);

        const std::uint64_t lookupOnly = m_rng.binomial(verified, c.lookupOnlyShare);
        const std::uint64_t expired = m_rng.binomial(verified - lookupOnly, c.reverifyShare / (1.0 - c.lookupOnlyShare));
        m_toVerify.add(expired, c.userTimeS * 3.0 + s.waitS);
        m_toBook.add(verified - lookupOnly - expired, c.userTimeS + s.waitS);

        status.second = s;
        status.verified = verified;
        status.share = attempts > 0 ? double(offered[i]) / double(attempts) : 0.0;
        status.attemptsTotal += offered[i];
        status.successesTotal += verified;
        status.okTotal += s.served - s.errors;
        status.errorTotal += s.errors;
        status.timeoutTotal += s.timeouts;
        status.durations.recordSecond(s.served, s.p95Ms, s.timeouts, p.stage.spec().timeoutMs);
        m_totals.providers[i].authAttempts += offered[i];
        m_totals.providers[i].authSuccess += verified;
    }
}

void Simulation::book(std::int64_t timeMs)
{
    const std::uint64_t arriving = m_toBook.take();
    const StageSecond s = m_backend.step(arriving, faultFor(QString(), timeMs), m_rng);
    const std::uint64_t booked = s.served - s.errors;
    const std::uint64_t failed = s.errors + s.timeouts;
    // A failed booking sends the citizen back to verification.
    m_toVerify.add(m_rng.binomial(failed, m_scenario.citizens.backendRetryProbability),
                   m_scenario.citizens.retryDelayS);
    m_state.backend = s;
    m_state.backendRequestsTotal += s.offered;
    m_state.backendFailuresTotal += failed;
    m_state.backendDurations.recordSecond(s.served, s.p95Ms, s.timeouts, m_scenario.backend.timeoutMs);
    m_state.backendCapacityPerS = m_scenario.backend.capacityPerS * faultFor(QString(), timeMs).capacityFactor;
    attributeBookings(booked);
}

void Simulation::attributeBookings(std::uint64_t booked)
{
    m_state.bookedThisSecond = booked;
    m_state.bookingsTotal += booked;
    m_totals.bookingsTotal += booked;
    const std::int64_t sinceOpenMs = nowMs() - m_totals.referenceOpenMs;
    if (sinceOpenMs >= 0 && sinceOpenMs < 30 * 60 * 1000)
        m_totals.bookingsFirst30Min += booked;

    // Bookings go to the cohorts in proportion to the people each still has
    // on the way (arrived, not yet booked).
    std::vector<double> inFlight(m_state.cohorts.size(), 0.0);
    for (std::size_t c = 0; c < inFlight.size(); ++c)
        inFlight[c] = std::max(0.0, double(m_arrived[c]) - double(m_state.cohorts[c].booked - m_scenario.cohorts[qsizetype(c)].alreadyBooked));
    std::vector<std::uint64_t> share(inFlight.size(), 0);
    distribute(booked, inFlight, share);
    const auto slot = std::size_t(m_state.elapsedS % 60);
    for (std::size_t c = 0; c < share.size(); ++c) {
        CohortStatus &cohort = m_state.cohorts[c];
        const std::int64_t before = cohort.booked;
        cohort.booked = std::min<std::int64_t>(cohort.eligible, cohort.booked + std::int64_t(share[c]));
        cohort.bookingsTotal += std::uint64_t(cohort.booked - before);
        m_lastMinute[c][slot] = share[c];
        cohort.bookingsPerMin = double(std::accumulate(m_lastMinute[c].begin(), m_lastMinute[c].end(), std::uint64_t(0)));
    }
}

void Simulation::record(std::int64_t timeMs)
{
    for (std::size_t i = 0; i < m_providers.size(); ++i) {
        Provider &p = m_providers[i];
        ProviderStatus &status = m_state.providers[i];
        const Light before = p.light.light();
        const Light light = p.light.update(m_state.elapsedS, status.second.p95Ms,
                                         status.second.errors + status.second.timeouts,
                                         status.second.served + status.second.timeouts);
        status.light = light;
        status.enabled = p.enabled;
        status.smoothedP95Ms = p.light.smoothedP95Ms();
        status.smoothedErrorRate = p.light.smoothedErrorRate();
        if (light != before)
            status.lightSinceMs = timeMs;
        ProviderTotals &t = m_totals.providers[i];
        switch (light) {
        case Light::Green: ++t.secondsGreen; break;
        case Light::Yellow: ++t.secondsYellow; break;
        case Light::Red: ++t.secondsRed; break;
        case Light::Suspended: ++t.secondsDisabled; break;
        }
    }
    m_totals.virtualSeconds = m_state.elapsedS;
    if (m_state.admission.depth > m_totals.peakQueueDepth) {
        m_totals.peakQueueDepth = m_state.admission.depth;
        m_totals.peakQueueAtMs = timeMs;
    }
}

void Simulation::step()
{
    const std::int64_t timeMs = nowMs();

    const std::uint64_t arrivals = arrive(timeMs);
    m_state.admission = m_queue.step(arrivals, m_rng);
    m_totals.arrivalsTotal += arrivals;
    m_totals.abandonedTotal += m_state.admission.abandoned;
    m_state.arrivalsTotal += arrivals;
    m_state.admittedTotal += m_state.admission.admitted;
    m_state.abandonedTotal += m_state.admission.abandoned;
    // Of those who give up in the queue, some come back later in the window.
    if (m_state.admission.abandoned > 0) {
        const double back = double(m_state.admission.abandoned) * m_scenario.arrivals.returnShare;
        double weightSum = 0.0;
        for (std::size_t c = 0; c < m_arrivals.size(); ++c)
            weightSum += m_state.cohorts[c].open ? 1.0 : 0.0;
        for (std::size_t c = 0; c < m_arrivals.size() && weightSum > 0; ++c) {
            if (m_state.cohorts[c].open) {
                m_returning[c] += back / weightSum;
                m_arrived[c] -= std::min<std::uint64_t>(m_arrived[c], std::uint64_t(back / weightSum));
            }
        }
    }

    verify(m_state.admission.admitted + m_toVerify.take(), timeMs);
    book(timeMs);

    ++m_state.elapsedS;
    m_state.timeMs = nowMs();
    record(m_state.timeMs);
}

} // namespace sitroom::sim
