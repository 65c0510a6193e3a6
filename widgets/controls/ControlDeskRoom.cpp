// The control desk and the room in command (docs/controls.md, "The room in
// command"): a handover is asked for, answered or withdrawn, and command
// taken, through the same confirmation with a reason; and the console is told
// when command moves or a handover waits. Whose approval a control from a
// room not in command waits for is said with every confirmation
// (ControlRouteWords).
#include "widgets/controls/ControlDesk.h"

#include "widgets/controls/CommandRoomWords.h"

#include "models/control/CommandRoom.h"
#include "models/control/ControlRequest.h"
#include "models/situation/SituationStore.h"

#include "proto/sitroom/CommandRoom.h"

#include <utility>

namespace sitroom::widgets {

using sitroom::models::ControlRequest;
namespace v1 = sitroom::v1;

void ControlDesk::proposeHandover()
{
    const v1::ControlState &control = m_store.control();
    const quint32 site = m_store.welcome().site();
    const bool offering = sitroom::models::isInCommand(control, site);
    const quint32 from = sitroom::models::commandRoom(control);
    const quint32 to = sitroom::otherRoom(from);
    const quint32 answering = offering ? to : from;
    ControlProposal proposal;
    proposal.title = offering ? tr("Offer command to %1").arg(CommandRoomWords::roomName(to))
                              : tr("Ask %1 for command").arg(CommandRoomWords::roomName(from));
    proposal.currentValue = CommandRoomWords::commandLine(control);
    proposal.newValue = tr("%1, once a supervisor of %2 accepts").arg(tr("In command: %1").arg(CommandRoomWords::roomName(to)),
                                                                     CommandRoomWords::roomName(answering));
    proposal.effect = tr("Nothing moves until it is accepted; unanswered, it lapses at the deadline the server sets. "
                         "Once accepted, %1 steers and the controls of %2 wait for its supervisors' approval.")
                          .arg(CommandRoomWords::roomName(to), CommandRoomWords::roomName(from));
    proposal.needsApproval = true;
    proposal.approvalNote = tr("■ A supervisor of %1 must accept the handover.").arg(CommandRoomWords::roomName(answering));
    proposal.okText = tr("Request handover");
    confirm(proposal, sitroom::models::ControlAsk::CommandRoom,
            [](const ControlRequest &r, quint32) { return r.requestHandover(); });
}

void ControlDesk::proposeHandoverAnswer(const QString &requestId, int answer)
{
    const v1::ControlState &control = m_store.control();
    if (!sitroom::handoverWaits(control) || QString::fromStdString(control.handover().request_id()) != requestId) {
        notify(tr("Not answered: the handover is no longer waiting (answered, withdrawn or expired)."), true);
        return;
    }
    const v1::HandoverRequest &handover = control.handover();
    ControlProposal proposal;
    proposal.currentValue = CommandRoomWords::commandLine(control);
    switch (answer) {
    case v1::HANDOVER_ACCEPT:
        proposal.title = tr("Accept the handover");
        proposal.newValue = tr("In command: %1").arg(CommandRoomWords::roomName(handover.to_site()));
        proposal.effect = tr("%1 steers from now on; the controls of %2 wait for its supervisors' approval.")
                              .arg(CommandRoomWords::roomName(handover.to_site()), CommandRoomWords::roomName(handover.from_site()));
        proposal.warning = true;
        proposal.okText = tr("Accept", "a handover");
        break;
    case v1::HANDOVER_DECLINE:
        proposal.title = tr("Decline the handover");
        proposal.newValue = tr("%1 stays in command").arg(CommandRoomWords::roomName(handover.from_site()));
        proposal.effect = tr("Nothing moves; %1 is told it was declined.").arg(QString::fromStdString(handover.requested_by().user()));
        proposal.okText = tr("Decline", "a handover");
        break;
    default:
        proposal.title = tr("Withdraw the handover");
        proposal.newValue = tr("%1 stays in command").arg(CommandRoomWords::roomName(handover.from_site()));
        proposal.effect = tr("Nothing moves; the request is taken back.");
        proposal.okText = tr("Withdraw", "a handover");
        break;
    }
    proposal.approvalNote = CommandRoomWords::handoverText(handover, m_store);
    confirm(proposal, sitroom::models::ControlAsk::CommandRoom, [requestId, answer](const ControlRequest &r, quint32) {
        return r.answerHandover(requestId, v1::HandoverAnswer(answer));
    });
}

void ControlDesk::proposeTakeCommand()
{
    const v1::ControlState &control = m_store.control();
    const quint32 from = sitroom::models::commandRoom(control);
    ControlProposal proposal;
    proposal.title = tr("Take command without a handover");
    proposal.currentValue = CommandRoomWords::commandLine(control);
    proposal.newValue = tr("In command: %1").arg(CommandRoomWords::roomName(m_store.welcome().site()));
    proposal.effect = tr("Only when the gateway of %1 has been unreachable for the gateway's set time: the gateway "
                         "refuses it otherwise. Recorded in the audit as a takeover.")
                          .arg(CommandRoomWords::roomName(from));
    proposal.warning = true;
    proposal.approvalNote = tr("■ Takes effect at once when the gateway allows it; nobody accepts it.");
    proposal.okText = tr("Take command");
    confirm(proposal, sitroom::models::ControlAsk::CommandRoom,
            [](const ControlRequest &r, quint32) { return r.takeCommand(); });
}

void ControlDesk::onRoomChanged()
{
    const v1::ControlState &control = m_store.control();
    if (!sitroom::models::knowsCommandRoom(control))
        return;
    const quint32 room = sitroom::models::commandRoom(control);
    const quint32 before = std::exchange(m_shownRoom, room);
    const std::string handover = sitroom::handoverWaits(control) ? control.handover().request_id() : std::string();
    const std::string handoverBefore = std::exchange(m_shownHandover, handover);
    if (before == 0)
        return;  // the first picture
    if (before != room) {
        notify(tr("Command has moved: %1 is in command now (%2).")
                   .arg(CommandRoomWords::roomName(room), ControlWords::actorText(m_store.controlActor(), m_store)),
               false);
        return;
    }
    if (!handover.empty() && handover != handoverBefore && sitroom::models::handoverRights(m_store).answer)
        notify(tr("Handover waiting for your room: %1.").arg(CommandRoomWords::handoverText(control.handover(), m_store)), false);
}

} // namespace sitroom::widgets
