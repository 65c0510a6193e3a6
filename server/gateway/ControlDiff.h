#pragma once

#include "sitroom/v1/control.pb.h"

#include <QJsonObject>
#include <QString>

#include <string>
#include <utility>

namespace sitroom::gateway {

// Short JSON of the control values that differ between two states (before,
// after), as the audit's before/after columns hold them.
std::pair<QString, QString> controlDiff(const sitroom::v1::ControlState &a, const sitroom::v1::ControlState &b);

// The provider's entry in a control state, or nullptr.
sitroom::v1::ProviderControl *findProvider(sitroom::v1::ControlState &state, const std::string &id);
const sitroom::v1::ProviderControl *findProvider(const sitroom::v1::ControlState &state, const std::string &id);

// An audit actor: who, where, when (wall clock) and why.
sitroom::v1::Actor actorOf(const QString &user, std::uint32_t site, qint64 wallNowMs, const QString &reason);

// Records on a provider's entry who switched it by `command` (a
// SetProviderEnabled; others are left alone) and when on the live system's
// clock: the requester with their reason, and the approver of a hazardous
// one (an empty actor when none was needed). Consoles show it on the tile.
void stampProviderSwitch(sitroom::v1::ControlState &state, const sitroom::v1::Command &command,
                         const sitroom::v1::Actor &requester, const sitroom::v1::Actor &approver, qint64 sourceNowMs);

// Whether two states differ in what the live system does (rate, pause,
// providers), as opposed to the gateway's own book-keeping (pending requests,
// revision, who changed it last).
bool liveControlsDiffer(const sitroom::v1::ControlState &a, const sitroom::v1::ControlState &b);

// The control values a live system applies, as the control webhook's
// "control" object carries them (docs/control-webhook.md).
QJsonObject liveControlJson(const sitroom::v1::ControlState &state);

} // namespace sitroom::gateway
