#pragma once

#include <cstdint>

namespace sitroom::domain {

// The public traffic light citizens see for a verification provider. The
// order matters: a larger value is a worse light.
enum class Light { Green, Yellow, Red, Suspended };

// The thresholds a light is judged against; the same for every provider.
struct LightSpec
{
    double yellowP95Ms = 0.0;
    double redP95Ms = 0.0;
    double yellowErrorRate = 0.0;
    double redErrorRate = 0.0;
    double hysteresis = 0.0;
    int minDwellS = 0;
    double smoothingS = 0.0;         // time constant of the figures the light is judged on
};

// The public traffic light of one provider. It is judged on smoothed p95
// latency and error rate. A worse colour is shown as soon as a figure reaches
// its threshold; a better one only when every figure is below
// threshold * (1 - hysteresis) and the current colour has been shown for
// min_dwell_s. So a wobbling figure does not make the light (and the citizens
// who follow it) flap, and trouble is never hidden by the dwell.
// The simulator runs it for its providers; the gateway runs the same rules for
// a live system that publishes no light of its own.
class ProviderLight final
{
public:
    explicit ProviderLight(const LightSpec &spec);

    // Feeds one second's figures (p95 of the answered requests, and how many
    // of how many finished ended in an error); returns the light to show.
    Light update(std::int64_t nowS, double p95Ms, std::uint64_t errors, std::uint64_t finished);
    void setSuspended(bool suspended, std::int64_t nowS);

    Light light() const { return m_light; }
    std::int64_t sinceS() const { return m_sinceS; }
    double smoothedP95Ms() const { return m_p95; }
    double smoothedErrorRate() const;

private:
    Light levelFor(double p95Ms, double errorRate, double scale) const;
    void change(Light light, std::int64_t nowS);

    LightSpec m_spec;
    double m_alpha;
    double m_p95 = 0.0;
    double m_errors = 0.0;          // smoothed counts, so that two failures out of
    double m_finished = 0.0;        // three requests at 4 a.m. do not turn a light red
    bool m_primed = false;
    Light m_light = Light::Green;
    Light m_beforeSuspension = Light::Green;
    std::int64_t m_sinceS = 0;
};

} // namespace sitroom::domain
