#pragma once

#include "models/history/HistoryRing.h"
#include "models/situation/GatewayService.h"
#include "models/situation/StaleFigures.h"
#include "models/telemetry/TelemetryBatch.h"

#include "sitroom/v1/envelope.pb.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <vector>

namespace sitroom::models {

// The console's picture of the live system, on the GUI thread: the latest
// configuration, state, control state, alerts and per-second history, and
// how fresh all of it is. It takes one TelemetryBatch per frame and then tells
// the item models and views once; it never lies about age: after
// kStaleAfterMs without a message (or while not connected) it is stale until
// fresh data arrives.
class SituationStore final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kStaleAfterMs = 3000;
    // The audit timeline keeps this many entries, newest last; older pages
    // stay on the server (AuditRequest).
    static constexpr std::size_t kAuditCapacity = 5000;
    // The latest stage of this many recent commands, newest last.
    static constexpr std::size_t kProgressCapacity = 200;
    using Clock = std::function<qint64()>; // monotonic milliseconds

    explicit SituationStore(QObject *parent = nullptr, Clock clock = {});

    void apply(const sitroom::models::TelemetryBatch &batch);

    bool hasSnapshot() const { return m_hasSnapshot; }
    const sitroom::v1::Configuration &configuration() const { return m_configuration; }
    const sitroom::v1::SystemState &state() const { return m_state; }
    const sitroom::v1::ControlState &control() const { return m_control; }
    // Every alert not cleared (shelved ones too): the snapshot's list, kept
    // current by AlertEvents (upserted by id, removed when cleared).
    const std::vector<sitroom::v1::Alert> &alerts() const { return m_alerts; }
    const sitroom::v1::Alert *alert(const QString &id) const;
    // Alarm load: alerts started in the last 10 minutes and whether the engine
    // is in a flood, from the newest tick or AlertEvent.
    quint32 alertsLast10min() const { return m_alertsLast10min; }
    bool alertFlood() const { return m_alertFlood; }
    // Who made the control state what it is (from the latest ControlEvent;
    // the snapshot's last_changed_by until one comes).
    const sitroom::v1::Actor &controlActor() const { return m_controlActor; }
    // Audit entries by ascending id, at most kAuditCapacity.
    const std::deque<sitroom::v1::AuditEntry> &audit() const { return m_audit; }
    // The role the server granted (Welcome.role); viewer until a Welcome says otherwise.
    sitroom::v1::Role role() const;
    // Connected and the handshake done: commands can be sent.
    bool isLive() const { return m_link.state == LinkState::Live; }
    const HistoryRing &history() const { return m_history; }
    const sitroom::v1::Welcome &welcome() const { return m_welcome; }
    const LinkEvent &link() const { return m_link; }
    int roundTripMs() const { return m_roundTripMs; }     // -1 before the first measurement
    // The gateway in use's service level, and whether it can decide commands
    // now (its state store): from its Welcome and every broadcast since.
    const GatewayService &gatewayService() const { return m_service; }

    // Figures the live system's source could not read fresh (their value in
    // state() is the last one read), sorted by name; empty for a simulation.
    const std::vector<StaleFigure> &staleFigures() const { return m_staleFigures; }
    const StaleFigure *staleFigure(const QString &figure) const;
    bool isFigureStale(const QString &figure) const { return staleFigure(figure) != nullptr; }
    // Those whose name starts with prefix ("provider.kakao.").
    std::vector<StaleFigure> staleFiguresUnder(const QString &prefix) const;
    // Where the gateway reads the live system from (Configuration.source):
    // "sim:<scenario>" or "prometheus:<url>"; empty from an older gateway.
    QString source() const { return QString::fromStdString(m_configuration.source()); }

    // The latest stage of recent applied commands, one per command_id, in the
    // order they were first heard of (the snapshot's, CommandResults' and
    // CommandProgress events').
    const std::vector<sitroom::v1::CommandProgress> &commandProgress() const { return m_progress; }
    const sitroom::v1::CommandProgress *progress(const QString &commandId) const;

    // Age of the newest message; -1 before any message arrived.
    qint64 ageMs() const;
    bool isStale() const { return m_stale; }
    qint64 lastServerTimeMs() const { return m_lastServerTimeMs; }
    // Charts plot time relative to this: the simulated time when this console
    // first saw data (the session start).
    qint64 sessionOriginMs() const { return m_sessionOriginMs; }

    // Re-evaluates freshness now (the store's own timer does this every 250 ms).
    void checkFreshness();

signals:
    void configurationChanged();   // a snapshot with a new set of providers or cohorts
    void stateChanged();           // new current state (a snapshot or a tick)
    void historyChanged();         // new samples
    void alertsChanged();          // the whole list replaced (a snapshot)
    // One alert's transition, after the store applied it; once per AlertEvent,
    // in order, after alertsChanged when both come in one batch.
    void alertEvent(const sitroom::v1::AlertEvent &event);
    void alarmLoadChanged();       // alertsLast10min or alertFlood moved
    void linkChanged();
    void serviceChanged();         // gatewayService() moved (after linkChanged in the same batch)
    void freshnessChanged(bool stale);
    void ageChanged(qint64 ageMs); // at the store's timer pace, for the status bar
    void controlChanged();         // new control state (snapshot, ControlEvent, a newer CommandResult)
    void auditChanged();           // entries added (or the list replaced by a snapshot)
    void commandResult(const sitroom::v1::CommandResult &result);
    void staleFiguresChanged();    // the set of stale figures or their reasons moved
    // A command moved to a later stage (after the store took it in), once per
    // change, in order; progressChanged once per batch after them.
    void commandProgressed(const sitroom::v1::CommandProgress &progress);
    void progressChanged();
    void auditResponse(const sitroom::v1::AuditResponse &response);

private:
    void applySnapshot(const sitroom::v1::Snapshot &snapshot);
    // Returns what changed: bit 0 control, bit 1 audit, bit 2 alerts.
    int applyEvent(const sitroom::v1::Envelope &envelope);
    bool adoptControl(const sitroom::v1::ControlState &control);
    bool addAudit(const sitroom::v1::AuditEntry &entry);
    void applyAlertEvent(const sitroom::v1::AlertEvent &event);
    void setAlarmLoad(quint32 last10min, bool flood);
    void adoptStaleFigures(const sitroom::v1::SystemState &state);
    // False when it is not news: a stage already known, or an earlier one.
    bool adoptProgress(const sitroom::v1::CommandProgress &progress);

    Clock m_clock;
    QTimer m_freshnessTimer;
    bool m_hasSnapshot = false;
    sitroom::v1::Welcome m_welcome;
    sitroom::v1::Configuration m_configuration;
    sitroom::v1::SystemState m_state;
    sitroom::v1::ControlState m_control;
    sitroom::v1::Actor m_controlActor;
    std::deque<sitroom::v1::AuditEntry> m_audit;
    std::vector<sitroom::v1::Alert> m_alerts;
    std::vector<sitroom::v1::AlertEvent> m_pendingAlertEvents;  // this batch's, emitted at its end
    quint32 m_alertsLast10min = 0;
    bool m_alertFlood = false;
    bool m_alarmLoadMoved = false;
    std::vector<StaleFigure> m_staleFigures;
    bool m_staleFiguresMoved = false;
    std::vector<sitroom::v1::CommandProgress> m_progress;
    std::vector<sitroom::v1::CommandProgress> m_pendingProgress;  // this batch's news, emitted at its end
    HistoryRing m_history;
    LinkEvent m_link;
    GatewayService m_service;
    int m_roundTripMs = -1;
    qint64 m_lastMessageMs = -1;
    qint64 m_lastServerTimeMs = 0;
    qint64 m_sessionOriginMs = 0;
    bool m_stale = true;
};

} // namespace sitroom::models
