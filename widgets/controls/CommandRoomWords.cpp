#include "widgets/controls/CommandRoomWords.h"

#include "widgets/controls/ApprovalWords.h"
#include "widgets/controls/ControlWords.h"

#include "models/control/CommandRoom.h"
#include "models/control/PendingRequests.h"
#include "models/situation/SituationStore.h"
#include "models/words/SiteNames.h"

#include "proto/sitroom/CommandRoom.h"

#include <algorithm>

namespace sitroom::widgets {

QString CommandRoomWords::roomName(quint32 site)
{
    return tr("%1 room", "a situation room").arg(sitroom::models::SiteNames::name(site));
}

QString CommandRoomWords::commandLine(const sitroom::v1::ControlState &control)
{
    return tr("In command: %1").arg(roomName(sitroom::models::commandRoom(control)));
}

QString CommandRoomWords::markText(const sitroom::v1::ControlState &control)
{
    const QString mark = tr("In command: %1", "status bar").arg(sitroom::models::SiteNames::name(sitroom::models::commandRoom(control)));
    return sitroom::handoverWaits(control) ? tr("%1 · handover waiting", "status bar").arg(mark) : mark;
}

QString CommandRoomWords::waitsForRoomText(const sitroom::v1::ControlState &control)
{
    const quint32 room = sitroom::models::commandRoom(control);
    return tr("%1 is in command: a supervisor of %2 must approve", "a control from another room")
        .arg(roomName(room), sitroom::models::SiteNames::name(room));
}

QString CommandRoomWords::waitsForRoomShortText(const sitroom::v1::ControlState &control)
{
    return tr("waits for a supervisor of %1", "a control from another room")
        .arg(sitroom::models::SiteNames::name(sitroom::models::commandRoom(control)));
}

QString CommandRoomWords::consoleRoomText(const sitroom::v1::ControlState &control, quint32 site)
{
    if (!sitroom::mayHoldCommand(site))
        return tr("Controls from this console wait for approval by %1.").arg(roomName(sitroom::models::commandRoom(control)));
    if (sitroom::models::isInCommand(control, site))
        return tr("This console's room steers: controls take effect as decided here.");
    return tr("Controls from this console wait for approval by a supervisor of %1.")
        .arg(roomName(sitroom::models::commandRoom(control)));
}

QString CommandRoomWords::handoverText(const sitroom::v1::HandoverRequest &handover, const sitroom::models::SituationStore &store)
{
    return tr("%1 → %2 · asked by %3").arg(roomName(handover.from_site()), roomName(handover.to_site()),
                                           ControlWords::actorText(handover.requested_by(), store));
}

QString CommandRoomWords::handoverAnswerText(const sitroom::v1::HandoverRequest &handover)
{
    return tr("A supervisor of %1 accepts or declines.").arg(roomName(sitroom::otherRoom(handover.requested_by().site())));
}

QString CommandRoomWords::handoverDeadlineText(const sitroom::v1::HandoverRequest &handover,
                                               const sitroom::models::SituationStore &store)
{
    const qint64 now = sitroom::models::gatewayNowMs(store);
    const qint64 left = now < 0 || handover.expires_ms() <= 0 ? -1 : std::max<qint64>(0, handover.expires_ms() - now);
    return tr("Deadline %1 · %2", "handover countdown").arg(ApprovalWords::deadlineText(store, handover.expires_ms()), ApprovalWords::leftText(left));
}

} // namespace sitroom::widgets
