#pragma once

#include "app/ctl/CtlOptions.h"

#include "domain/LiveClock.h"
#include "sitroom/v1/envelope.pb.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace sitroom::ctl {

// sitroomctl and the room in command (docs/controls.md):
//   handover request --reason TEXT             offer command, or ask for it
//   handover accept|decline|withdraw ID [--reason TEXT]
//   take-command --reason TEXT                 when the other room's gateway is gone

// "handover" and "take-command".
bool isRoomCommand(const QString &name);
bool isRoomAction(const sitroom::v1::Command &command);
// Fills the invocation from the command's positional arguments and
// options; false with a usage message.
bool readRoomCommand(const QString &name, const QStringList &positional, const QString &reason, const QString &revision,
                     Invocation *inv, QString *error);
// Sets the command's action.
void setRoomAction(const Invocation &inv, sitroom::v1::Command *command);
// "request a handover of command", "accept handover ID", "take command".
QString describeRoomAction(const sitroom::v1::Command &command);

// What a pending result waits for, when the room in command is why (a
// handover, or a control from the room not in command); empty otherwise.
QString roomWaitText(const sitroom::v1::Command &command, const sitroom::v1::CommandResult &result);

// The room in command and the handover waiting, for status.
QString commandRoomText(const sitroom::v1::ControlState &control, const sitroom::domain::LiveClock &clock);
QJsonObject commandRoomJson(const sitroom::v1::ControlState &control);

} // namespace sitroom::ctl
