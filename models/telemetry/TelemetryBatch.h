#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace sitroom::models {

// Where the connection to the live system stands.
enum class LinkState {
    Connecting,    // resolving, TCP and TLS
    Handshaking,   // Hello sent, waiting for Welcome
    Live,          // Welcome received; snapshot and ticks flowing
    Refused,       // the server said no (Refusal); retrying after the backoff, except for credentials
    Failed,        // network or TLS error, bad address, protocol error; retrying after the backoff
    Stopped,       // stop() was called
};

// Why an attempt failed, for the console to say in the user's language.
enum class LinkFailure {
    None,
    NoAddress,            // no host or port
    NoCaFile,             // --ca not given and no default
    CaUnreadable,         // subject: the CA file
    CertificateUntrusted, // the server's certificate does not chain to the CA file (subject)
    TlsFailed,            // the TLS handshake failed otherwise
    ConnectionRefused,    // nothing listens at subject (host:port)
    HostNotFound,         // subject: the host
    NetworkError,         // any other socket error
    HandshakeTimeout,     // no Welcome within the time-out
    ServerClosed,         // while live
    ServerClosedEarly,    // during the handshake
    Silence,              // nothing received while live for the silence time-out
    ProtocolError,
};

struct LinkEvent
{
    LinkState state = LinkState::Connecting;
    // Plain-language reason in English, for the log (the server's or Qt's
    // words); the console words failure, refusal and subject itself.
    QString detail;
    LinkFailure failure = LinkFailure::None;
    QString subject;               // the file, host or address the failure is about
    sitroom::v1::RefusalCode refusal = sitroom::v1::REFUSAL_CODE_UNSPECIFIED;
    int retryAfterS = 0;           // REFUSAL_TOO_MANY_ATTEMPTS: when this user may try again
    bool lockedEverywhere = false; // REFUSAL_TOO_MANY_ATTEMPTS: from every address, not only this one
    int attempt = 0;               // 1 for the first connection attempt, counts up until Live
    int retryInMs = 0;             // for Refused / Failed: when the next attempt starts; 0: none (or at once, to another gateway)
    // The gateway this is about ("seoul-gw:7600"), and whether the console is
    // moving to it from another one (that failed, or fell below the healthy
    // service level): set on Connecting, Handshaking and Live.
    QString server;
    bool switching = false;
    // The server refused the user or password: nothing is retried until the
    // user gives them again.
    bool refusedCredentials() const
    {
        return state == LinkState::Refused
            && (refusal == sitroom::v1::REFUSAL_BAD_CREDENTIALS || refusal == sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS);
    }
};

// A gateway's service level as one broadcast carried it (docs/protocol.md,
// "Service level"), and whether the gateway's data was fresh as it left: a
// Tick carries the level its own arrival makes, and a Heartbeat of an idle
// source owes no tick. On fresh data only the state store (or a shutdown)
// takes the level down to GatewayService::kStoreDownCeiling.
struct ServiceLevelNews
{
    quint32 level = 255;
    bool onFreshData = false;
};

// Everything the telemetry worker decoded since its last batch. The worker
// sends at most one batch per frame (25 Hz), so a burst of messages costs the
// GUI one update.
struct TelemetryBatch
{
    std::vector<LinkEvent> link;   // state changes, oldest first

    std::optional<sitroom::v1::Welcome> welcome;
    // A fresh snapshot (first after connecting, or after a gap). Whatever the
    // batch holds after it (state, samples) applies on top of it; whatever
    // came before it in the same interval was dropped by the worker.
    std::optional<sitroom::v1::Snapshot> snapshot;
    bool snapshotAfterGap = false; // the snapshot was asked for because of a sequence gap

    bool hasState = false;
    sitroom::v1::SystemState state; // latest state from a Tick (or the snapshot's)

    // Per-second samples completed since the previous batch (or since the
    // snapshot), concatenated in time order; provider series keyed by id.
    sitroom::v1::History samples;

    // From the latest Heartbeat of this batch: the live system's clock is not
    // advancing (end of the scenario, paused source). Unset when none came.
    std::optional<bool> sourceIdle;

    // The newest broadcast's service level, from the gateway in use; unset
    // when no broadcast of this batch carried one.
    std::optional<ServiceLevelNews> serviceLevel;

    // Broadcast ControlEvent, AuditEvent, AlertEvent and CommandProgress envelopes, in order.
    // A snapshot in the batch drops the events before it (it holds them).
    std::vector<sitroom::v1::Envelope> events;

    // Answers addressed to this session, in order. A snapshot never drops
    // them: it does not contain them.
    std::vector<sitroom::v1::CommandResult> commandResults;
    std::vector<sitroom::v1::AuditResponse> auditResponses;

    // When the newest message of this batch arrived, on the monotonic clock
    // (domain::monotonicNowMs(), comparable with the GUI thread's),
    // and its stamps. 0 when the batch holds link events only.
    qint64 lastMessageMonotonicMs = 0;
    qint64 lastServerTimeMs = 0;
    qint64 lastSimTimeMs = 0;
    std::optional<int> roundTripMs; // latest Ping/Pong round trip
    quint64 messages = 0;           // messages decoded into this batch
    quint64 gaps = 0;               // sequence gaps detected in this interval

    bool isEmpty() const { return messages == 0 && link.empty() && commandResults.empty() && auditResponses.empty(); }
};

// How a batch crosses from the worker's thread to the GUI's.
using SharedTelemetryBatch = std::shared_ptr<const TelemetryBatch>;

} // namespace sitroom::models

Q_DECLARE_METATYPE(sitroom::models::TelemetryBatch)
Q_DECLARE_METATYPE(sitroom::models::SharedTelemetryBatch)
Q_DECLARE_METATYPE(sitroom::v1::Command)
Q_DECLARE_METATYPE(sitroom::v1::CommandResult)
Q_DECLARE_METATYPE(sitroom::v1::AuditResponse)
