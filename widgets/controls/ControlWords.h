#pragma once

#include "models/control/ControlEffect.h"
#include "models/control/PhraseWords.h"
#include "models/words/ProviderNames.h"

#include "sitroom/v1/envelope.pb.h"

#include <QCoreApplication>
#include <QString>

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// Provider id → the name operators know it by (models/words/ProviderNames).
using sitroom::models::ProviderNamer;

// Control changes, their effects and their results in plain words.
class ControlWords final
{
    Q_DECLARE_TR_FUNCTIONS(sitroom::widgets::ControlWords)

public:
    // "park (Osong) at 20:14:05 KST: “backend at 95 %”": on the live system's
    // clock in its zone, labelled. Actor.time_ms is the gateway's wall clock;
    // it is labelled as such when the live clock is another (a simulation at
    // speed), unless liveTimeMs gives the same moment on the live clock (an
    // alert's transition). The server's own reasons in the console's words.
    static QString actorText(const sitroom::v1::Actor &actor, const sitroom::models::SituationStore &store,
                             qint64 liveTimeMs = 0);
    // The server's Phrases in the console's words, on the store's live clock.
    static sitroom::models::PhraseWords phraseWords(const sitroom::models::SituationStore &store,
                                                    const ProviderNamer &name = {});
    // The controls in force; disabled providers by name where a namer is given.
    static QString controlText(const sitroom::v1::ControlState &control, const ProviderNamer &name = {});
    static QString actionText(const sitroom::v1::Command &command, const ProviderNamer &name);

    static QString disableEffectText(const sitroom::models::DisableEffect &effect, const ProviderNamer &name);
    static QString throttleEffectText(const sitroom::models::ThrottleEffect &effect);

    // A command that never left this console (models/telemetry/NotSent):
    // "보내지 못함: 서버에 연결되어 있지 않음 (…)". The one wording, for
    // the controls and the alert desk alike.
    static QString notSentText(const QString &action);
    // What happened to a command the operator sent.
    static QString resultText(const sitroom::v1::CommandResult &result, const QString &action,
                              const sitroom::models::SituationStore &store, const ProviderNamer &name = {});
    // Where an applied change stands in the live system: "전송됨", "적용 확인 중",
    // "효과 확인 (2.1초)", "효과 미확인", "전달 실패: <reason>"; empty for none.
    static QString stageText(sitroom::v1::CommandStage stage, quint32 afterMs, const QString &reason = {});
    // A stage that will not change any more.
    static bool isFinalStage(sitroom::v1::CommandStage stage);
    static bool isProblemStage(sitroom::v1::CommandStage stage);
};

} // namespace sitroom::widgets
