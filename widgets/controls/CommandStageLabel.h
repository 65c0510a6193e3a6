#pragma once

#include "sitroom/v1/control.pb.h"

#include "widgets/common/ElidedLabel.h"

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// The status bar's word on the operator's last command in the live system:
// "마지막 명령 (입장 속도 500/s): 효과 확인 (2.1초)". It follows that command's
// CommandResult and CommandProgress, and says only what is still true: a new
// command clears it, a refusal or conflict (nothing reached the live system)
// clears it, and while the link is down an unfinished stage is marked as the
// last one known. It gives way in a status bar short of room (whole in its
// tooltip).
class CommandStageLabel final : public ElidedLabel
{
    Q_OBJECT

public:
    explicit CommandStageLabel(const sitroom::models::SituationStore &store, QWidget *parent = nullptr);

    // The command this console just sent, and what it asked in words.
    void track(const QString &commandId, const QString &action);
    QString commandId() const { return m_commandId; }
    sitroom::v1::CommandStage stage() const { return m_stage; }

private:
    void onResult(const sitroom::v1::CommandResult &result);
    void onProgress(const sitroom::v1::CommandProgress &progress);
    void adopt(sitroom::v1::CommandStage stage, quint32 afterMs, const QString &reason);
    void refresh();

    const sitroom::models::SituationStore &m_store;
    QString m_commandId;
    QString m_action;
    sitroom::v1::CommandStage m_stage = sitroom::v1::COMMAND_STAGE_UNSPECIFIED;
    quint32 m_afterMs = 0;
    QString m_reason;
};

} // namespace sitroom::widgets
