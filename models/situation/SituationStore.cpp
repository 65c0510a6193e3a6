#include "SituationStore.h"

#include "MonotonicClock.h"

namespace sitroom::models {

namespace {

// The identity of a run of the live system: a different one means the history
// we hold belongs to something else and must go.
bool sameRun(const sitroom::v1::Configuration &a, const sitroom::v1::Configuration &b)
{
    return a.scenario_id() == b.scenario_id() && a.seed() == b.seed() && a.sim_start_ms() == b.sim_start_ms();
}

bool sameLayout(const sitroom::v1::Configuration &a, const sitroom::v1::Configuration &b)
{
    if (a.providers_size() != b.providers_size() || a.cohorts_size() != b.cohorts_size())
        return false;
    for (int i = 0; i < a.providers_size(); ++i) {
        if (a.providers(i).id() != b.providers(i).id())
            return false;
    }
    for (int i = 0; i < a.cohorts_size(); ++i) {
        if (a.cohorts(i).id() != b.cohorts(i).id())
            return false;
    }
    return true;
}

} // namespace

SituationStore::SituationStore(QObject *parent, Clock clock)
    : QObject(parent)
    , m_clock(clock ? std::move(clock) : Clock(&monotonicNowMs))
{
    m_freshnessTimer.setInterval(250);
    connect(&m_freshnessTimer, &QTimer::timeout, this, &SituationStore::checkFreshness);
    m_freshnessTimer.start();
}

qint64 SituationStore::ageMs() const
{
    return m_lastMessageMs < 0 ? -1 : std::max<qint64>(0, m_clock() - m_lastMessageMs);
}

void SituationStore::checkFreshness()
{
    const qint64 age = ageMs();
    const bool stale = age < 0 || age > kStaleAfterMs || m_link.state != LinkState::Live || !m_hasSnapshot;
    if (stale != m_stale) {
        m_stale = stale;
        emit freshnessChanged(stale);
    }
    emit ageChanged(age);
}

void SituationStore::applySnapshot(const sitroom::v1::Snapshot &snapshot)
{
    // A simulator restarted with the same scenario and seed is a new run too:
    // its clock starts again, earlier than what we hold.
    const bool clockWentBack = !m_history.isEmpty() && snapshot.state().sim_time_ms() < m_history.lastTimeMs();
    const bool firstOrNewRun = !m_hasSnapshot || !sameRun(m_configuration, snapshot.configuration()) || clockWentBack;
    const bool layoutChanged = !m_hasSnapshot || !sameLayout(m_configuration, snapshot.configuration());
    if (firstOrNewRun) {
        m_history.clear();
        m_sessionOriginMs = snapshot.state().sim_time_ms();
    }
    m_configuration = snapshot.configuration();
    m_state = snapshot.state();
    m_control = snapshot.control();
    m_alerts.assign(snapshot.active_alerts().begin(), snapshot.active_alerts().end());
    // A resync's backfill overlaps what we hold; the ring keeps ours and adds
    // what is new, so a reconnect fills the gap it left.
    m_history.append(snapshot.history());
    m_hasSnapshot = true;
    if (layoutChanged)
        emit configurationChanged();
    emit alertsChanged();
}

void SituationStore::apply(const TelemetryBatch &batch)
{
    bool linkChangedNow = false;
    if (!batch.link.empty()) {
        m_link = batch.link.back();
        linkChangedNow = true;
    }
    if (batch.welcome)
        m_welcome = *batch.welcome;
    if (batch.snapshot)
        applySnapshot(*batch.snapshot);
    if (batch.hasState)
        m_state = batch.state;
    if (batch.samples.queue_depth_size() > 0)
        m_history.append(batch.samples);
    if (batch.roundTripMs)
        m_roundTripMs = *batch.roundTripMs;
    if (batch.messages > 0) {
        m_lastMessageMs = batch.lastMessageMonotonicMs;
        m_lastServerTimeMs = batch.lastServerTimeMs;
    }
    // Once per batch, even when a snapshot's backfill and the samples after it both arrived.
    if (batch.snapshot || batch.samples.queue_depth_size() > 0)
        emit historyChanged();
    if (linkChangedNow)
        emit linkChanged();
    if (batch.snapshot || batch.hasState)
        emit stateChanged();
    checkFreshness();
}

} // namespace sitroom::models
