#pragma once

#include "control/ControlEffect.h"

#include "sitroom/v1/envelope.pb.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace sitroom::widgets {

// Provider id → the name operators know it by.
using ProviderNamer = std::function<QString(const QString &id)>;

// Control changes, their effects and their results in plain words.
class ControlWords final
{
    Q_DECLARE_TR_FUNCTIONS(sitroom::widgets::ControlWords)

public:
    static QString siteText(quint32 site);
    // "park (Osong) at 20:14:05: “backend at 95 %”"
    static QString actorText(const sitroom::v1::Actor &actor);
    static QString controlText(const sitroom::v1::ControlState &control);
    static QString actionText(const sitroom::v1::Command &command, const ProviderNamer &name);

    static QString disableEffectText(const sitroom::models::DisableEffect &effect, const ProviderNamer &name);
    static QString throttleEffectText(const sitroom::models::ThrottleEffect &effect);

    // What happened to a command the operator sent.
    static QString resultText(const sitroom::v1::CommandResult &result, const QString &action,
                              const sitroom::v1::Actor &lastChange);
    // Where an applied change stands in the live system: "전송됨", "적용 확인 중",
    // "효과 확인 (2.1초)", "효과 미확인", "전달 실패: <reason>"; empty for none.
    static QString stageText(sitroom::v1::CommandStage stage, quint32 afterMs, const QString &reason = {});
    // A stage that will not change any more.
    static bool isFinalStage(sitroom::v1::CommandStage stage);
    static bool isProblemStage(sitroom::v1::CommandStage stage);
};

} // namespace sitroom::widgets
