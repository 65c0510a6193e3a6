#pragma once

#include "models/alerts/RunbookStep.h"
#include "widgets/controls/ControlWords.h"

#include <QWidget>

class QLabel;
class QTextBrowser;
class QUrl;

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// The selected alert's runbook beside the list, in the UI language, with
// {provider} and {provider_name} filled from the alert. Links with the
// sitroom: scheme are steps: a click checks the step's preconditions against
// the live picture and either refuses in words (which condition, and what the
// picture says now) or asks for the action (stepRequested), which the window
// sends through the controls' one confirmation.
class RunbookPane final : public QWidget
{
    Q_OBJECT

public:
    RunbookPane(const sitroom::models::SituationStore &store, QWidget *parent = nullptr);

    void setNamer(ProviderNamer namer) { m_namer = std::move(namer); }
    // Steps can be taken (a layout with controls, a role that may act).
    void setStepsEnabled(bool enabled, const QString &whyNot = {});

    void showAlert(const sitroom::v1::Alert *alert);
    QString alertId() const { return m_alertId; }
    QString runbookId() const { return m_runbookId; }
    QString markdown() const { return m_markdown; }
    QTextBrowser *browser() const { return m_browser; }

    // What a click on `url` does; public so tests can click without pixels.
    void activate(const QUrl &url);

    static QString refusalText(const sitroom::models::PreconditionFailure &failure, const ProviderNamer &name);
    // A step in the console's words, for the confirmation's reason and the
    // acknowledgement's record: "provider-failing#2: 카카오 15분 중단".
    static QString stepText(const sitroom::models::RunbookStep &step, const QString &runbookId, const ProviderNamer &name);

signals:
    void stepRequested(const QString &alertId, const sitroom::models::RunbookStep &step, const QString &summary);
    void noticeChanged(const QString &text, bool problem);

private:
    const sitroom::models::SituationStore &m_store;
    QLabel *m_title;
    QTextBrowser *m_browser;
    ProviderNamer m_namer;
    QString m_alertId;
    QString m_runbookId;
    QString m_provider;    // the alert's provider, for steps without provider=
    QString m_markdown;
    bool m_stepsEnabled = false;
    QString m_whyNot;
};

} // namespace sitroom::widgets
