#pragma once

#include <cstdint>

namespace sitroom::sim {

// A small deterministic random source (xoshiro256**, seeded by splitmix64) with
// the samplers the simulation needs. Written here rather than taken from
// <random> so that a seed gives the same run with any standard library.
class Rng final
{
public:
    explicit Rng(std::uint64_t seed);

    std::uint64_t next();
    double uniform();                       // [0, 1)
    double normal();                        // mean 0, sd 1
    std::uint64_t poisson(double mean);
    std::uint64_t binomial(std::uint64_t trials, double probability);

private:
    std::uint64_t m_state[4];
    bool m_hasSpareNormal = false;
    double m_spareNormal = 0.0;
};

} // namespace sitroom::sim
