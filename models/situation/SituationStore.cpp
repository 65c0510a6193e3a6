#include "models/situation/SituationStore.h"

#include "domain/MonotonicClock.h"

#include <algorithm>
#include <utility>

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

// Stages only move forward: a broadcast may overtake the answer that carried
// an earlier stage, and a snapshot may repeat what events already said.
int stageRank(sitroom::v1::CommandStage stage)
{
    switch (stage) {
    case sitroom::v1::COMMAND_STAGE_SENT: return 1;
    case sitroom::v1::COMMAND_STAGE_ACCEPTED: return 2;
    case sitroom::v1::COMMAND_STAGE_EFFECT_SEEN:
    case sitroom::v1::COMMAND_STAGE_EFFECT_NOT_SEEN:
    case sitroom::v1::COMMAND_STAGE_DELIVERY_FAILED: return 3;
    default: return 0;
    }
}

} // namespace

SituationStore::SituationStore(QObject *parent, Clock clock)
    : QObject(parent)
    , m_clock(clock ? std::move(clock) : Clock(&domain::monotonicNowMs))
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
    m_controlActor = snapshot.control().last_changed_by();
    // The snapshot's recent audit is the server's truth for its range; keep
    // older entries we hold from before (a resync), drop ours that overlap.
    if (snapshot.recent_audit_size() > 0 || firstOrNewRun) {
        if (firstOrNewRun)
            m_audit.clear();
        for (const sitroom::v1::AuditEntry &entry : snapshot.recent_audit())
            addAudit(entry);
    }
    m_alerts.clear();
    for (const sitroom::v1::Alert &alert : snapshot.active_alerts()) {
        if (alert.state() != sitroom::v1::ALERT_CLEARED)
            m_alerts.push_back(alert);
    }
    // Events before the snapshot in this batch are in it already.
    m_pendingAlertEvents.clear();
    setAlarmLoad(snapshot.state().alerts_last_10min(), snapshot.state().alert_flood());
    // A resync's backfill overlaps what we hold; the ring keeps ours and adds
    // what is new, so a reconnect fills the gap it left.
    m_history.append(snapshot.history());
    for (const sitroom::v1::CommandProgress &progress : snapshot.recent_progress())
        adoptProgress(progress);
    m_hasSnapshot = true;
    if (layoutChanged)
        emit configurationChanged();
    emit alertsChanged();
}

sitroom::v1::Role SituationStore::role() const
{
    const sitroom::v1::Role role = m_welcome.role();
    return role == sitroom::v1::ROLE_UNSPECIFIED ? sitroom::v1::ROLE_VIEWER : role;
}

bool SituationStore::adoptControl(const sitroom::v1::ControlState &control)
{
    // Revisions only move forward; an answer can carry a state an event
    // already brought (or one older than it).
    if (m_hasSnapshot && control.revision() < m_control.revision())
        return false;
    m_control = control;
    return true;
}

bool SituationStore::addAudit(const sitroom::v1::AuditEntry &entry)
{
    if (m_audit.empty() || entry.id() > m_audit.back().id()) {
        m_audit.push_back(entry);
    } else {
        auto at = std::lower_bound(m_audit.begin(), m_audit.end(), entry.id(),
                                   [](const sitroom::v1::AuditEntry &e, quint64 id) { return e.id() < id; });
        if (at != m_audit.end() && at->id() == entry.id())
            return false;  // seen
        m_audit.insert(at, entry);
    }
    while (m_audit.size() > kAuditCapacity)
        m_audit.pop_front();
    return true;
}

const sitroom::v1::Alert *SituationStore::alert(const QString &id) const
{
    const std::string key = id.toStdString();
    for (const sitroom::v1::Alert &a : m_alerts) {
        if (a.id() == key)
            return &a;
    }
    return nullptr;
}

void SituationStore::setAlarmLoad(quint32 last10min, bool flood)
{
    if (last10min == m_alertsLast10min && flood == m_alertFlood)
        return;
    m_alertsLast10min = last10min;
    m_alertFlood = flood;
    m_alarmLoadMoved = true;
}

void SituationStore::applyAlertEvent(const sitroom::v1::AlertEvent &event)
{
    const sitroom::v1::Alert &alert = event.alert();
    auto at = std::find_if(m_alerts.begin(), m_alerts.end(),
                           [&](const sitroom::v1::Alert &a) { return a.id() == alert.id(); });
    const bool gone = event.transition() == sitroom::v1::TRANSITION_CLEARED
        || alert.state() == sitroom::v1::ALERT_CLEARED;
    if (gone) {
        if (at != m_alerts.end())
            m_alerts.erase(at);
    } else if (at != m_alerts.end()) {
        *at = alert;
    } else {
        m_alerts.push_back(alert);
    }
    setAlarmLoad(event.alerts_last_10min(), event.flood());
    m_pendingAlertEvents.push_back(event);
}

const StaleFigure *SituationStore::staleFigure(const QString &figure) const
{
    auto at = std::lower_bound(m_staleFigures.begin(), m_staleFigures.end(), figure,
                               [](const StaleFigure &f, const QString &name) { return f.figure < name; });
    return at != m_staleFigures.end() && at->figure == figure ? &*at : nullptr;
}

std::vector<StaleFigure> SituationStore::staleFiguresUnder(const QString &prefix) const
{
    std::vector<StaleFigure> under;
    auto at = std::lower_bound(m_staleFigures.begin(), m_staleFigures.end(), prefix,
                               [](const StaleFigure &f, const QString &name) { return f.figure < name; });
    for (; at != m_staleFigures.end() && at->figure.startsWith(prefix); ++at)
        under.push_back(*at);
    return under;
}

void SituationStore::adoptStaleFigures(const sitroom::v1::SystemState &state)
{
    std::vector<StaleFigure> figures = staleFiguresOf(state);
    if (figures == m_staleFigures)
        return;
    m_staleFigures = std::move(figures);
    m_staleFiguresMoved = true;
}

const sitroom::v1::CommandProgress *SituationStore::progress(const QString &commandId) const
{
    const std::string id = commandId.toStdString();
    for (auto it = m_progress.rbegin(); it != m_progress.rend(); ++it) {
        if (it->command_id() == id)
            return &*it;
    }
    return nullptr;
}

bool SituationStore::adoptProgress(const sitroom::v1::CommandProgress &progress)
{
    if (progress.command_id().empty() || stageRank(progress.stage()) == 0)
        return false;
    auto at = std::find_if(m_progress.begin(), m_progress.end(), [&](const sitroom::v1::CommandProgress &p) {
        return p.command_id() == progress.command_id();
    });
    if (at != m_progress.end()) {
        if (stageRank(progress.stage()) < stageRank(at->stage()) || at->stage() == progress.stage())
            return false;
        // A result's stage names no action or user; keep what an event said.
        sitroom::v1::CommandProgress merged = progress;
        if (merged.action().empty())
            merged.set_action(at->action());
        if (merged.user().empty())
            merged.set_user(at->user());
        if (merged.expectation().empty())
            merged.set_expectation(at->expectation());
        *at = std::move(merged);
        m_pendingProgress.push_back(*at);
        return true;
    }
    m_progress.push_back(progress);
    while (m_progress.size() > kProgressCapacity)
        m_progress.erase(m_progress.begin());
    m_pendingProgress.push_back(progress);
    return true;
}

int SituationStore::applyEvent(const sitroom::v1::Envelope &envelope)
{
    using Body = sitroom::v1::Envelope::BodyCase;
    switch (envelope.body_case()) {
    case Body::kControlEvent:
        if (adoptControl(envelope.control_event().control())) {
            m_controlActor = envelope.control_event().actor();
            return 1;
        }
        return 0;
    case Body::kAuditEvent:
        return addAudit(envelope.audit_event().entry()) ? 2 : 0;
    case Body::kAlertEvent:
        applyAlertEvent(envelope.alert_event());
        return 4;
    case Body::kCommandProgress:
        adoptProgress(envelope.command_progress());
        return 0;
    default:
        return 0;
    }
}

void SituationStore::apply(const TelemetryBatch &batch)
{
    bool linkChangedNow = false;
    if (!batch.link.empty()) {
        m_link = batch.link.back();
        linkChangedNow = true;
    }
    bool serviceMoved = false;
    if (batch.welcome) {
        m_welcome = *batch.welcome;
        const GatewayService before = std::exchange(m_service, {});
        m_service.welcome(m_welcome);
        serviceMoved = !(before == m_service);
    }
    if (batch.serviceLevel && m_service.hear(*batch.serviceLevel))
        serviceMoved = true;
    if (batch.snapshot)
        applySnapshot(*batch.snapshot);
    if (batch.snapshot && !batch.hasState)
        adoptStaleFigures(batch.snapshot->state());
    if (batch.hasState) {
        m_state = batch.state;
        adoptStaleFigures(batch.state);
        setAlarmLoad(batch.state.alerts_last_10min(), batch.state.alert_flood());
    }
    int changed = batch.snapshot ? 3 : 0;
    for (const sitroom::v1::Envelope &event : batch.events)
        changed |= applyEvent(event);
    for (const sitroom::v1::CommandResult &result : batch.commandResults) {
        if (result.has_control() && adoptControl(result.control()))
            changed |= 1;
        if (result.stage() != sitroom::v1::COMMAND_STAGE_UNSPECIFIED) {
            sitroom::v1::CommandProgress progress;
            progress.set_command_id(result.command_id());
            progress.set_stage(result.stage());
            progress.set_revision(result.control().revision());
            progress.set_at_ms(batch.lastServerTimeMs);
            adoptProgress(progress);
        }
    }
    for (const sitroom::v1::AuditResponse &response : batch.auditResponses) {
        for (const sitroom::v1::AuditEntry &entry : response.entries()) {
            if (addAudit(entry))
                changed |= 2;
        }
    }
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
    if (serviceMoved)
        emit serviceChanged();
    if (batch.snapshot || batch.hasState)
        emit stateChanged();
    if (changed & 1)
        emit controlChanged();
    if (changed & 2)
        emit auditChanged();
    // Move them out first: a receiver may apply another batch (tests do).
    const std::vector<sitroom::v1::AlertEvent> alertEvents = std::exchange(m_pendingAlertEvents, {});
    for (const sitroom::v1::AlertEvent &event : alertEvents)
        emit alertEvent(event);
    if (std::exchange(m_alarmLoadMoved, false))
        emit alarmLoadChanged();
    if (std::exchange(m_staleFiguresMoved, false))
        emit staleFiguresChanged();
    for (const sitroom::v1::CommandResult &result : batch.commandResults)
        emit commandResult(result);
    for (const sitroom::v1::AuditResponse &response : batch.auditResponses)
        emit auditResponse(response);
    // After the results: a console says "applied" before "effect seen".
    const std::vector<sitroom::v1::CommandProgress> progressed = std::exchange(m_pendingProgress, {});
    for (const sitroom::v1::CommandProgress &progress : progressed)
        emit commandProgressed(progress);
    if (!progressed.empty())
        emit progressChanged();
    checkFreshness();
}

} // namespace sitroom::models
