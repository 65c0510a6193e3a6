#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace sitroom::alerts {
struct AlertRuleSet;
}

namespace sitroom::gateway {

struct GatewayOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 7600;                  // 0 picks a free port; see serverPort()
    QString tlsDir;                       // ca.pem, server.pem, server.key; created when missing
    QString serverId = QStringLiteral("sitroom-sim");
    sitroom::v1::Site site = sitroom::v1::SITE_UNSPECIFIED; // the room it serves, named in Welcome
    quint32 tickHz = 1;                   // advertised in Welcome
    std::size_t maxFrameBytes = 1024 * 1024;
    int heartbeatIntervalMs = 1000;       // a Heartbeat after this long without a broadcast
    int handshakeTimeoutMs = 10000;       // a connection that sends no Hello by then is closed
    int historySeconds = 3600;            // per-second history kept for a Snapshot's backfill
    qint64 maxClientBacklogBytes = 8 * 1024 * 1024; // past this a slow client stops getting
                                                    // broadcasts until it drains, then resyncs
    // Operator controls (docs/controls.md).
    QString usersFile;                    // empty: every session is a viewer
    QString stateDir;                     // DIR/sitroom.db (SqliteGatewayStore); empty: in memory, nothing kept
    // A PostgreSQL shared with another gateway (PostgresGatewayStore), as a
    // libpq URL or key=value string; in place of stateDir, never with it.
    QString stateConnection;
    qint64 approvalTimeoutMs = 5 * 60 * 1000; // a hazardous request (or a handover) expires unanswered after this
    // The room in command (docs/controls.md): the one a fresh control state
    // gives it to (a stored one wins), and when another room may take it.
    sitroom::v1::Site commandSite = sitroom::v1::SITE_SEOUL;
    qint64 takeoverAfterMs = 120 * 1000;  // every gateway of the room in command unseen this long
    bool allowUnseenTakeover = false;     // ...or none of them ever seen (a gateway alone)
    int presenceIntervalMs = 5000;        // this gateway's presence goes to the state store this often
    std::uint32_t providerRampS = 300;    // a re-enabled provider ramps back in over this
    // Alerts (docs/alerts.md): empty uses the shipped rules.
    QString alertRulesFile;
    // Closed-loop verification: an applied change's effect must show in the
    // telemetry within this long, or an alert is raised.
    qint64 effectTimeoutMs = 30000;
    // The delivery outbox (docs/controls.md), with a control webhook: the
    // gateway delivering a change holds it this long (renewed while it
    // works), after which another gateway takes it over; a change unanswered
    // this long after its decision fails, and what it changed is put back
    // (well within the 30 s a console or sitroomctl waits for the result).
    qint64 deliveryLeaseMs = 5000;
    qint64 deliveryDeadlineMs = 20000;
    // False: the gateway watches a live system it cannot steer (no control
    // webhook), and refuses control commands saying so; alerts still work.
    bool controlsEnabled = true;
};

// The settings a start-up error can be about. The gateway's messages name
// the file or folder, never a program's option; the program that took the
// setting says which of its options it was (sitroom-gateway and sitroom-sim
// prefix --users, --state-dir, --alert-rules; sitroom-gateway --state).
enum class GatewaySetting
{
    None,
    UsersFile,        // GatewayOptions::usersFile
    StateDir,         // GatewayOptions::stateDir
    AlertRules,       // GatewayOptions::alertRulesFile
    StateConnection,  // GatewayOptions::stateConnection
};

class ControlDelivery;
class ControlTarget;
struct Identity;
struct SignInDecision;
struct StoreChanges;

// Serves telemetry to consoles over TLS. It knows nothing of the simulator: a
// data source (the simulator's clock, or a real system's adapter) pushes the
// configuration and each tick in, and the gateway fans them out.
class Gateway final : public QObject
{
    Q_OBJECT

public:
    explicit Gateway(GatewayOptions options, QObject *parent = nullptr);
    ~Gateway() override;

    // Loads (creating if the directory is empty or missing) the TLS material and
    // starts listening. False with a plain-language message on failure.
    bool listen(QString *error);
    void close();
    quint16 serverPort() const;
    QHostAddress serverAddress() const;

    // Loads the users file and opens the state store, restoring the stored
    // control state, pending approvals, command results and alerts. listen()
    // does it when it has not been done. False with a message naming the
    // file, line and reason; *setting says which setting it is about.
    bool openControls(QString *error, GatewaySetting *setting = nullptr);
    // After openControls(): whether the state directory held a control state
    // (which then wins over the data source's; the source should not apply its
    // own starting controls).
    bool hasStoredControlState() const;
    // Who applies the controls; gets the winning state at once when known.
    void setControlTarget(ControlTarget *target);
    // A live system that must accept each change before it counts (the
    // control webhook). Set before openControls(); without one, changes are
    // committed at once and handed to the ControlTarget.
    void setControlDelivery(ControlDelivery *delivery);
    // The live system says it has applied this control revision: a higher
    // one than the gateway's becomes the gateway's (audited).
    void followLiveRevision(std::uint64_t revision);

    void setConfiguration(const sitroom::v1::Configuration &configuration);
    // The data source's starting control state. A stored one wins (a restart
    // never re-enables a provider or lifts a throttle); later calls only add
    // providers the state does not list.
    void setControlState(const sitroom::v1::ControlState &control);
    const sitroom::v1::ControlState &controlState() const;
    // The state now and the per-second samples completed since the previous
    // call. Serialised once, written to every session.
    void publishTick(const sitroom::v1::SystemState &state, const sitroom::v1::History &samples);
    // The source's clock has stopped (end of a simulation): heartbeats say so.
    void setSourceIdle(bool idle);

    // Connections past their TLS handshake, including those not yet past Hello.
    int sessionCount() const;
    int laggingSessionCount() const;
    // Sign-ins whose password is being checked off the event loop, by user.
    int signInsInFlight(const QString &user) const;
    // The seq of the last broadcast (0 before the first).
    std::uint64_t lastBroadcastSeq() const;
    // How well it serves now, 0..255 (ServiceLevel.h, docs/protocol.md).
    std::uint32_t serviceLevel() const;
    // Whether this gateway evaluates the alerts (docs/alerts.md): always with
    // its own state; with a shared one, while it holds the evaluator's lock.
    bool evaluatesAlerts() const;

signals:
    void sessionOpened(const QString &peer, const QString &user);
    void sessionClosed(const QString &peer, const QString &reason);
    // A session fell more than maxClientBacklogBytes behind (true) and stopped
    // getting broadcasts, or drained and was resynced with a Snapshot (false).
    void sessionLagChanged(const QString &peer, bool lagging);
    // This gateway took over evaluating the alerts (true), or left it to the
    // other gateway on the shared state (false).
    void alertEvaluatorChanged(bool evaluating);

private:
    void broadcast(sitroom::v1::Envelope &envelope);
    void sendHeartbeat();
    // Recomputes the service level; a move goes out with the next broadcast,
    // or in a Heartbeat when none comes soon.
    void refreshServiceLevel();
    void acceptPending();
    // Broadcasts what was written since the last call: control changes,
    // alert events, then the audit entries, each in order.
    void flushEvents();
    void publishAudit(const sitroom::v1::AuditEntry &entry);
    // What another gateway on the shared store changed, read and told to
    // this gateway's consoles as if written here (GatewayFollowsStore.cpp).
    void followStore(const StoreChanges &changes);
    // Takes the alert evaluator's role when it is free, and notices when it
    // is lost (every second, GatewayFollowsStore.cpp).
    void refreshAlertRole();
    void openCommands();
    void openAlerts(alerts::AlertRuleSet rules);
    void tickControls();
    // The live system's clock as the last tick gave it; 0 before one with a time.
    qint64 sourceNowMs() const;
    void handleCommand(const sitroom::v1::Command &command, const Identity &who,
                       std::function<void(const sitroom::v1::CommandResult &)> reply);
    void publishProgress(const sitroom::v1::CommandProgress &progress);
    void observeEffects(sitroom::v1::SystemState &state);
    void signIn(const sitroom::v1::Hello &hello, const QHostAddress &source,
                std::function<void(const SignInDecision &)> done);

    class Private;
    std::unique_ptr<Private> d;
};

} // namespace sitroom::gateway
