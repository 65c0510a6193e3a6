#include "app/ctl/CtlCommandRoom.h"

#include "app/ctl/CtlOutput.h"

#include "proto/sitroom/CommandRoom.h"

namespace sitroom::ctl {

using namespace sitroom::v1;

namespace {

const QStringList kSteps{QStringLiteral("request"), QStringLiteral("accept"), QStringLiteral("decline"),
                         QStringLiteral("withdraw")};

QString roomName(quint32 site)
{
    return siteName(site) + QStringLiteral(" room");
}

} // namespace

bool isRoomCommand(const QString &name)
{
    return name == QStringLiteral("handover") || name == QStringLiteral("take-command");
}

bool isRoomAction(const Command &command)
{
    return command.has_request_handover() || command.has_answer_handover() || command.has_take_command();
}

bool readRoomCommand(const QString &name, const QStringList &positional, const QString &reason, const QString &revision,
                     Invocation *inv, QString *error)
{
    inv->reason = reason.trimmed();
    if (!revision.isEmpty()) {
        bool ok = false;
        inv->revision = revision.toULongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("%1: --revision: \"%2\" is not a whole number").arg(name, revision);
            return false;
        }
    }
    if (name == QStringLiteral("take-command")) {
        if (!positional.isEmpty()) {
            *error = QStringLiteral("take-command: unexpected argument \"%1\"").arg(positional.constFirst());
            return false;
        }
        if (inv->reason.isEmpty()) {
            *error = QStringLiteral("take-command: --reason is required: say why, it goes into the audit log");
            return false;
        }
        return true;
    }
    if (positional.isEmpty() || !kSteps.contains(positional.constFirst())) {
        *error = QStringLiteral("handover: say request, accept ID, decline ID or withdraw ID; usage: sitroomctl handover "
                                "request --reason TEXT");
        return false;
    }
    inv->handoverStep = positional.constFirst();
    const bool request = inv->handoverStep == QStringLiteral("request");
    const int wanted = request ? 1 : 2;
    if (positional.size() < wanted) {
        *error = QStringLiteral("handover %1: ID is missing; usage: sitroomctl handover %1 ID (the id `status` shows)")
                     .arg(inv->handoverStep);
        return false;
    }
    if (positional.size() > wanted) {
        *error = QStringLiteral("handover %1: unexpected argument \"%2\"").arg(inv->handoverStep, positional.at(wanted));
        return false;
    }
    if (request && inv->reason.isEmpty()) {
        *error = QStringLiteral("handover request: --reason is required: say why, it goes into the audit log");
        return false;
    }
    if (!request) {
        inv->requestId = positional.at(1).trimmed();
        if (inv->requestId.isEmpty()) {
            *error = QStringLiteral("handover %1: ID is empty").arg(inv->handoverStep);
            return false;
        }
        if (inv->reason.isEmpty())
            inv->reason = QStringLiteral("%1 by sitroomctl").arg(inv->handoverStep == QStringLiteral("accept") ? QStringLiteral("accepted")
                                                                 : inv->handoverStep == QStringLiteral("decline") ? QStringLiteral("declined")
                                                                                                                  : QStringLiteral("withdrawn"));
    }
    return true;
}

void setRoomAction(const Invocation &inv, Command *command)
{
    if (inv.command == QStringLiteral("take-command")) {
        command->mutable_take_command();
        return;
    }
    if (inv.handoverStep == QStringLiteral("request")) {
        command->mutable_request_handover();
        return;
    }
    AnswerHandover *answer = command->mutable_answer_handover();
    answer->set_request_id(inv.requestId.toStdString());
    answer->set_answer(inv.handoverStep == QStringLiteral("accept")    ? HANDOVER_ACCEPT
                       : inv.handoverStep == QStringLiteral("decline") ? HANDOVER_DECLINE
                                                                       : HANDOVER_WITHDRAW);
}

QString describeRoomAction(const Command &command)
{
    if (command.has_take_command())
        return QStringLiteral("take command");
    if (command.has_request_handover())
        return QStringLiteral("request a handover of command");
    const QString id = QString::fromStdString(command.answer_handover().request_id());
    switch (command.answer_handover().answer()) {
    case HANDOVER_ACCEPT: return QStringLiteral("accept handover %1").arg(id);
    case HANDOVER_DECLINE: return QStringLiteral("decline handover %1").arg(id);
    case HANDOVER_WITHDRAW: return QStringLiteral("withdraw handover %1").arg(id);
    default: return QStringLiteral("answer handover %1").arg(id);
    }
}

QString roomWaitText(const Command &command, const CommandResult &result)
{
    const ControlState &control = result.control();
    const QString id = QString::fromStdString(result.request_id());
    if (command.has_request_handover() && handoverWaits(control)) {
        const HandoverRequest &h = control.handover();
        const quint32 answering = otherRoom(h.requested_by().site());
        return QStringLiteral("waiting for a supervisor of the %1 to accept: command from the %2 to the %3\nrequest id: %4\n")
            .arg(roomName(answering), roomName(h.from_site()), roomName(h.to_site()), id);
    }
    for (const PendingApproval &p : control.pending()) {
        if (p.request_id() == result.request_id() && p.from_room_not_in_command()) {
            const QString inCommand = roomName(commandSiteOf(control));
            return QStringLiteral("waiting for approval by a supervisor of the %1, which is in command: %2\nrequest id: %3\n")
                .arg(inCommand, describeCommand(command), id);
        }
    }
    return {};
}

QString commandRoomText(const ControlState &control, const sitroom::domain::LiveClock &clock)
{
    QString text = QStringLiteral("command      %1\n").arg(roomName(commandSiteOf(control)));
    if (handoverWaits(control)) {
        const HandoverRequest &h = control.handover();
        text += QStringLiteral("handover     %1 to the %2, asked by %3; a supervisor of the %4 answers by %5\n"
                               "             request id: %6\n")
                    .arg(roomName(h.from_site()), roomName(h.to_site()), actorText(h.requested_by(), clock),
                         roomName(otherRoom(h.requested_by().site())),
                         clock.labelled(sitroom::domain::LiveClock::Stamp{h.expires_ms(), sitroom::domain::LiveClock::Source::GatewayWall},
                                        kDateTimeFormat),
                         QString::fromStdString(h.request_id()));
    }
    return text;
}

QJsonObject commandRoomJson(const ControlState &control)
{
    QJsonObject o{{QStringLiteral("command_site"), siteName(commandSiteOf(control))}};
    if (handoverWaits(control)) {
        const HandoverRequest &h = control.handover();
        o.insert(QStringLiteral("handover"),
                 QJsonObject{{QStringLiteral("request_id"), QString::fromStdString(h.request_id())},
                             {QStringLiteral("from_site"), siteName(h.from_site())},
                             {QStringLiteral("to_site"), siteName(h.to_site())},
                             {QStringLiteral("requested_by"), QString::fromStdString(h.requested_by().user())},
                             {QStringLiteral("requested_from"), siteName(h.requested_by().site())},
                             {QStringLiteral("reason"), QString::fromStdString(h.requested_by().reason())},
                             {QStringLiteral("expires_ms"), double(h.expires_ms())}});
    }
    return o;
}

} // namespace sitroom::ctl
