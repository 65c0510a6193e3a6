#pragma once

// Gateway's private state, shared by the files that implement it: sessions
// and broadcasts (Gateway.cpp), controls and alerts (GatewayControls.cpp),
// sign-in (GatewaySignIn.cpp).
#include "server/gateway/Gateway.h"

#include "server/gateway/AlertCommands.h"
#include "server/gateway/AlertWatch.h"
#include "server/gateway/AuditBacklog.h"
#include "server/gateway/AuditFeed.h"
#include "server/gateway/ClientSession.h"
#include "server/gateway/CommandPipeline.h"
#include "server/gateway/ControlCommands.h"
#include "server/gateway/ControlDispatcher.h"
#include "server/gateway/ControlOutbox.h"
#include "server/gateway/EffectVerifier.h"
#include "server/gateway/HandoverCommands.h"
#include "server/gateway/PresenceBeacon.h"
#include "server/gateway/PublishedState.h"
#include "server/gateway/ServiceLevel.h"
#include "server/gateway/SignInGuard.h"
#include "server/gateway/SqliteGatewayStore.h"
#include "server/gateway/UsersFile.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSslServer>
#include <QTimer>

#include <memory>
#include <optional>

namespace sitroom::gateway {

class ControlDelivery;

class Gateway::Private
{
public:
    explicit Private(GatewayOptions opts)
        : options(std::move(opts))
        , published(options.historySeconds)
    {
    }

    GatewayOptions options;
    PublishedState published;
    QSslServer *server = nullptr;
    QTimer *heartbeatTimer = nullptr;
    QList<ClientSession *> sessions;
    bool sourceIdle = false;
    ServiceLevelWatch serviceLevel;
    QTimer *serviceLevelTimer = nullptr;
    qint64 levelUnsentSinceMs = -1;   // a move open sessions have not heard yet, since when
    bool closing = false;

    // Operator controls, from openControls().
    std::optional<UsersFile> users;
    QString dummyHash;   // checked for unknown names
    QHash<QString, int> signInsInFlight;
    SignInGuard signInGuard;
    // Every command through one pipeline over one store, from openControls();
    // declared in the order they are built, so each outlives what refers to it.
    std::unique_ptr<GatewayStore> store;
    std::unique_ptr<CommandPipeline> pipeline;
    std::unique_ptr<ControlCommands> controls;
    std::unique_ptr<HandoverCommands> handover;
    std::unique_ptr<PresenceBeacon> presence;
    std::unique_ptr<AlertWatch> alerts;
    std::unique_ptr<AlertCommands> alertCommands;
    QTimer *alertRoleTimer = nullptr;   // whether this gateway evaluates, checked every second
    bool alertRoleKnown = false;        // said in the log once at least
    qint64 alertRoleLostMs = -1;        // when it last lost the role (monotonic clock)
    AuditFeed auditFeed;   // the audit rows the consoles have been sent
    // Sign-ins' audit rows the store did not take, written once it does;
    // tried every second while some wait, and when the store is back.
    AuditBacklog auditBacklog;
    QTimer *auditBacklogTimer = nullptr;
    std::optional<sitroom::v1::ControlState> sourceInitial;
    ControlTarget *target = nullptr;
    ControlDelivery *delivery = nullptr;   // a live system reached through its control webhook
    std::unique_ptr<ControlOutbox> outbox; // its changes on their way there, when there is one
    std::unique_ptr<ControlDispatcher> dispatcher;
    EffectVerifier verifier;
    QTimer *controlTimer = nullptr;
};

inline qint64 wallNowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace sitroom::gateway
