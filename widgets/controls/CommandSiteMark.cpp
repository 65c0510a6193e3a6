#include "widgets/controls/CommandSiteMark.h"

#include "widgets/controls/CommandRoomWords.h"

#include "models/control/CommandRoom.h"
#include "models/situation/SituationStore.h"

#include "proto/sitroom/CommandRoom.h"

#include <QStyle>

namespace sitroom::widgets {

using sitroom::models::SituationStore;

CommandSiteMark::CommandSiteMark(const SituationStore &store, QWidget *parent)
    : QLabel(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("commandSiteMark"));
    connect(&store, &SituationStore::controlChanged, this, &CommandSiteMark::refresh);
    connect(&store, &SituationStore::linkChanged, this, &CommandSiteMark::refresh);
    refresh();
}

void CommandSiteMark::refresh()
{
    const sitroom::v1::ControlState &control = m_store.control();
    setVisible(sitroom::models::knowsCommandRoom(control));
    setText(CommandRoomWords::markText(control));
    QString tip = CommandRoomWords::commandLine(control);
    if (m_store.role() != sitroom::v1::ROLE_VIEWER)
        tip += u'\n' + CommandRoomWords::consoleRoomText(control, m_store.welcome().site());
    if (sitroom::handoverWaits(control))
        tip += u'\n' + CommandRoomWords::handoverText(control.handover(), m_store);
    setToolTip(tip);
    const bool waiting = sitroom::handoverWaits(control);
    if (property("handoverWaiting").toBool() != waiting) {
        setProperty("handoverWaiting", waiting);
        style()->unpolish(this);
        style()->polish(this);
    }
}

} // namespace sitroom::widgets
