#pragma once

#include "widgets/controls/ControlWords.h"

#include "models/control/PendingRequests.h"

#include <QCoreApplication>
#include <QString>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// Pending requests in words: the gateway's deadline on the live system's
// clock, the time left, and the effect then and now.
class ApprovalWords final
{
    Q_DECLARE_TR_FUNCTIONS(sitroom::widgets::ApprovalWords)

public:
    // The gateway's deadline in the live system's zone, "20:05:00 KST"; while a
    // simulation's clock is not the wall clock, labelled as the gateway's
    // wall clock it is on: "14:07:11 KST (게이트웨이 시각)".
    static QString deadlineText(const sitroom::models::SituationStore &store, qint64 expiresMs);
    // "4분 12초 남음", "35초 남음", "마감 지남"; "–" when unknown (-1).
    static QString leftText(qint64 msLeft);
    // "마감 20:05:00 KST · 4분 12초 남음"
    static QString countdownText(const sitroom::v1::PendingApproval &request,
                                 const sitroom::models::SituationStore &store);
    // Who asked for what: "park (서울): 카카오 인증 중단"
    static QString requestText(const sitroom::v1::PendingApproval &request, const ProviderNamer &name);
    // The expected effect on the figures at the request, or now.
    static QString effectText(const sitroom::models::RequestEffect &effect, bool atRequest, const ProviderNamer &name);
    static bool effectWarns(const sitroom::models::RequestEffect &effect, bool atRequest);
    // Column captions: "요청 시점 (20:03:10 KST)", "지금 (20:04:55 KST)".
    static QString atRequestCaption(const sitroom::models::SituationStore &store, qint64 liveMs);
    static QString nowCaption(const sitroom::models::SituationStore &store);
};

} // namespace sitroom::widgets
