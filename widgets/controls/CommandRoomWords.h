#pragma once

#include "sitroom/v1/envelope.pb.h"

#include <QCoreApplication>
#include <QString>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// The room in command in words (docs/controls.md, "The room in command").
class CommandRoomWords final
{
    Q_DECLARE_TR_FUNCTIONS(sitroom::widgets::CommandRoomWords)

public:
    // "서울 상황실"
    static QString roomName(quint32 site);
    // "지휘: 서울 상황실"
    static QString commandLine(const sitroom::v1::ControlState &control);
    // The status bar's mark: "지휘: 서울", with "· 인계 대기" while a handover waits.
    static QString markText(const sitroom::v1::ControlState &control);
    // Why a control from another room waits: "오송 상황실이 지휘 중: 오송
    // 감독관의 승인이 필요합니다".
    static QString waitsForRoomText(const sitroom::v1::ControlState &control);
    // The same in a table's cell: "서울 감독자 승인 대기".
    static QString waitsForRoomShortText(const sitroom::v1::ControlState &control);
    // What this console's controls do, seen from its room: in command, or
    // waiting for the room in command.
    static QString consoleRoomText(const sitroom::v1::ControlState &control, quint32 site);
    // The waiting handover: "서울 상황실 → 오송 상황실 · park (서울)의 요청: “야간 근무 교대”".
    static QString handoverText(const sitroom::v1::HandoverRequest &handover, const sitroom::models::SituationStore &store);
    // Who answers it: "오송 상황실 감독관이 수락하거나 거절합니다".
    static QString handoverAnswerText(const sitroom::v1::HandoverRequest &handover);
    // "마감 20:19:12 KST · 4분 12초 남음"
    static QString handoverDeadlineText(const sitroom::v1::HandoverRequest &handover,
                                        const sitroom::models::SituationStore &store);
};

} // namespace sitroom::widgets
