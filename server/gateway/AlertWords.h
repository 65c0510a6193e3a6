#pragma once

#include "server/alerts/AlertEngine.h"
#include "server/gateway/AuditChain.h"

#include "sitroom/v1/alerts.pb.h"

#include <QString>

namespace sitroom::gateway {

// What the gateway says about alerts, as Phrases (proto/sitroom/PhraseBook)
// with their English: the audit row of a transition, and why an operator's
// action on an alert was refused.

// The engine's own transitions are the system's, whoever the engine named.
bool isSystemActor(const sitroom::v1::Actor &actor);

// The audit row of a transition at wallNowMs, on the engine's clock
// engineNowMs: "alert A3 raised (queue.wait)", the state before and after as
// short JSON, and the condition (the system's) or what the operator did.
AuditRecord alertTransitionRow(const alerts::AlertTransitionRecord &transition, qint64 wallNowMs, qint64 engineNowMs);

// The engine's refusal of an acknowledge, shelve or unshelve, in words the
// console can say (the engine's own English stays in CommandResult.message).
sitroom::v1::Phrase alertRefusalPhrase(const sitroom::v1::Command &command, const QString &alertId,
                                       const sitroom::v1::Alert *alert);

} // namespace sitroom::gateway
