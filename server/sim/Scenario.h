#pragma once

#include "domain/ProviderLight.h"

#include <QList>
#include <QString>

#include <array>
#include <cstdint>

namespace sitroom::sim {

// The light rules are shared with the gateway (domain/ProviderLight.h).
using domain::Light;
using domain::LightSpec;
using domain::ProviderLight;

struct LocalizedName
{
    QString ko;
    QString en;
};

// One booking window of one cohort (for the 18–49 rotation: one birth-date
// digit group, 20:00 to 18:00 the next day).
struct CohortWindow
{
    QString id;
    LocalizedName name;
    std::int64_t eligible = 0;
    std::int64_t alreadyBooked = 0;
    double intentShare = 0.0;       // share of the eligible who will try to book in this window
    double expectedUptake = 0.0;    // the planners' forecast: share of the eligible booked in this window
    std::int64_t openMs = 0;
    std::int64_t closeMs = 0;
    QList<int> birthDigits;
};

// When the people who mean to book in a window arrive at the site.
struct ArrivalShape
{
    double rushShare = 0.0;          // the crowd at the opening minute
    double rushTauS = 0.0;           // its decay constant
    double followShare = 0.0;        // those who come in the first hours
    double followTauS = 0.0;
    std::array<double, 24> diurnal{}; // relative weight of each local hour for the rest
    double returnShare = 0.0;        // of those who give up, the share who come back later
};

struct AdmissionSpec
{
    double ratePerS = 0.0;
    double minPerS = 0.0;
    double maxPerS = 0.0;
    double stepPerS = 0.0;
    double hazardousCutFraction = 0.0;
    double patienceS = 0.0;          // shown wait at which a waiting person gives up at 1/patience per second
};

struct CitizenSpec
{
    double userFailure = 0.0;        // attempt ends without verification on the citizen's side
    double retryProbability = 0.0;   // after a failed attempt
    double switchProbability = 0.0;  // a retry goes to another provider
    double switchWhenCongested = 0.0; // ... when the failed one is not green
    double avoidYellow = 0.0;        // chance a citizen passes over a delayed provider
    double avoidRed = 0.0;           // ... a congested one
    double userTimeS = 0.0;          // time from verification request to the booking form
    double retryDelayS = 0.0;
    double lookupOnlyShare = 0.0;    // verified to look up or change, not to book
    double reverifyShare = 0.0;      // session expired on the form: verify again
    double backendRetryProbability = 0.0; // after a failed booking, verify and try again
};

// A pool of finite capacity with a line in front of it: a verification
// provider's servers, or the booking backend.
struct StageSpec
{
    double capacityPerS = 0.0;
    double baseP95Ms = 0.0;
    double loadLatencyFactor = 0.0;  // p95 grows by this factor at full load
    double baseErrorRate = 0.0;
    double overloadErrorSlope = 0.0; // extra error rate per unit of load above 90 %
    double timeoutMs = 0.0;
};

struct ProviderSpec
{
    QString id;
    LocalizedName name;
    double popularity = 0.0;
    bool simpleAuth = false;
    StageSpec service;
};

// Something that happens to the system at a set time: a provider failing, the
// backend losing capacity.
struct ScenarioEvent
{
    std::int64_t atMs = 0;
    std::int64_t durationS = 0;      // 0 = until the end
    QString providerId;              // empty: the event is on the booking backend
    double capacityFactor = 1.0;
    double addedErrorRate = 0.0;
    double addedLatencyMs = 0.0;
    QString note;
};

struct Scenario
{
    QString id;
    LocalizedName name;
    QString description;
    QString timezone;
    bool drill = false;              // an exercise: carried as Configuration.drill
    std::int64_t startMs = 0;
    int utcOffsetS = 0;              // of the start time: gives the local hour of day
    std::int64_t durationS = 0;
    QList<CohortWindow> cohorts;
    ArrivalShape arrivals;
    AdmissionSpec admission;
    CitizenSpec citizens;
    QList<ProviderSpec> providers;
    StageSpec backend;
    LightSpec lights;
    QList<ScenarioEvent> events;

    int providerIndex(const QString &id) const;
};

} // namespace sitroom::sim
