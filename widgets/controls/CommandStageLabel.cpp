#include "widgets/controls/CommandStageLabel.h"

#include "widgets/controls/ControlWords.h"
#include "models/situation/SituationStore.h"

#include <QStyle>

namespace sitroom::widgets {

using sitroom::models::SituationStore;

CommandStageLabel::CommandStageLabel(const SituationStore &store, QWidget *parent)
    : ElidedLabel(GiveWay::First, parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("commandStage"));
    connect(&store, &SituationStore::commandResult, this, &CommandStageLabel::onResult);
    connect(&store, &SituationStore::commandProgressed, this, &CommandStageLabel::onProgress);
    connect(&store, &SituationStore::linkChanged, this, &CommandStageLabel::refresh);
    refresh();
}

void CommandStageLabel::track(const QString &commandId, const QString &action)
{
    m_commandId = commandId;
    m_action = action;
    m_stage = sitroom::v1::COMMAND_STAGE_UNSPECIFIED;
    m_afterMs = 0;
    m_reason.clear();
    // A progress may have come in the same batch as the answer, before us.
    if (const sitroom::v1::CommandProgress *p = m_store.progress(commandId))
        onProgress(*p);
    refresh();
}

void CommandStageLabel::onResult(const sitroom::v1::CommandResult &result)
{
    if (m_commandId.isEmpty() || QString::fromStdString(result.command_id()) != m_commandId)
        return;
    const auto status = result.status();
    if (result.stage() != sitroom::v1::COMMAND_STAGE_UNSPECIFIED) {
        adopt(result.stage(), 0, ControlWords::phraseWords(m_store).text(result.message_words(), result.message()));
        return;
    }
    if (status != sitroom::v1::COMMAND_APPLIED) {
        // Refused, conflicting, invalid, expired or waiting for approval:
        // nothing is on its way to the live system (yet); the notice says why.
        m_stage = sitroom::v1::COMMAND_STAGE_UNSPECIFIED;
        refresh();
    }
}

void CommandStageLabel::onProgress(const sitroom::v1::CommandProgress &progress)
{
    if (m_commandId.isEmpty() || QString::fromStdString(progress.command_id()) != m_commandId)
        return;
    adopt(progress.stage(), progress.after_ms(),
          ControlWords::phraseWords(m_store).text(progress.detail_words(), progress.detail()));
}

void CommandStageLabel::adopt(sitroom::v1::CommandStage stage, quint32 afterMs, const QString &reason)
{
    // Stages only move forward; an answer may arrive after the broadcast.
    if (ControlWords::isFinalStage(m_stage) && !ControlWords::isFinalStage(stage))
        return;
    if (m_stage == sitroom::v1::COMMAND_STAGE_ACCEPTED && stage == sitroom::v1::COMMAND_STAGE_SENT)
        return;
    if (stage == m_stage) {
        // The same stage told twice (the answer, then the store's copy of it):
        // keep what either said.
        if (afterMs > 0)
            m_afterMs = afterMs;
        if (!reason.isEmpty())
            m_reason = reason;
        refresh();
        return;
    }
    m_stage = stage;
    m_afterMs = afterMs;
    m_reason = reason;
    refresh();
}

void CommandStageLabel::refresh()
{
    const QString stage = ControlWords::stageText(m_stage, m_afterMs, m_reason);
    if (stage.isEmpty()) {
        clear();
        setToolTip({});
        hide();
        return;
    }
    QString text = tr("Last command (%1): %2").arg(m_action, stage);
    if (!ControlWords::isFinalStage(m_stage) && !m_store.isLive())
        text += tr(" (not connected: the last stage known)");
    setText(text);
    setToolTip(text);
    setProperty("problem", ControlWords::isProblemStage(m_stage));
    style()->unpolish(this);
    style()->polish(this);
    QLabel::show();
}

} // namespace sitroom::widgets
