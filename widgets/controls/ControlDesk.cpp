#include "widgets/controls/ControlDesk.h"

#include "widgets/controls/ApprovalCountdown.h"
#include "widgets/controls/ApprovalWords.h"
#include "widgets/controls/ControlRouteWords.h"

#include "models/alerts/RunbookStep.h"
#include "widgets/common/Formatting.h"
#include "models/control/ControlEffect.h"
#include "models/control/ControlRequest.h"
#include "models/control/PendingRequests.h"
#include "models/situation/SituationStore.h"
#include "models/telemetry/NotSent.h"
#include "models/words/ProviderNames.h"
#include "widgets/status/StaleFigureWords.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace sitroom::widgets {

using sitroom::models::ControlRequest;
using sitroom::models::SituationStore;

ControlDesk::ControlDesk(const SituationStore &store, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_dialogParent(dialogParent)
    , m_namer(sitroom::models::providerNamer(store))
{
    connect(&store, &SituationStore::commandResult, this, &ControlDesk::onResult);
    connect(&store, &SituationStore::controlChanged, this, &ControlDesk::onControlChanged);
    connect(&store, &SituationStore::controlChanged, this, &ControlDesk::onRoomChanged);
    connect(&store, &SituationStore::freshnessChanged, this, [this](bool stale) {
        if (m_dialog)
            m_dialog->setStale(stale);
    });
    connect(&store, &SituationStore::staleFiguresChanged, this, &ControlDesk::refreshDialogStaleness);
    // What the gateway will do with it moves with the link, the room in
    // command and the gateway's state store, while the dialog is open too.
    connect(&store, &SituationStore::linkChanged, this, &ControlDesk::refreshRoute);
    connect(&store, &SituationStore::controlChanged, this, &ControlDesk::refreshRoute);
    connect(&store, &SituationStore::serviceChanged, this, &ControlDesk::refreshRoute);
}

bool ControlDesk::mayThrottle() const
{
    const auto role = m_store.role();
    return m_store.isLive() && (role == sitroom::v1::ROLE_OPERATOR || role == sitroom::v1::ROLE_SUPERVISOR);
}

bool ControlDesk::mayActOnProviders() const
{
    return m_store.isLive() && m_store.role() == sitroom::v1::ROLE_SUPERVISOR;
}

void ControlDesk::proposeRate(double ratePerS)
{
    const auto &control = m_store.control();
    const auto effect = sitroom::models::throttleEffect(m_store.state(), control, ratePerS);
    ControlProposal proposal;
    proposal.title = tr("Change the admission rate");
    proposal.currentValue = ControlWords::controlText(control, m_namer);
    proposal.newValue = tr("admission rate %1").arg(formatRate(ratePerS));
    proposal.effect = ControlWords::throttleEffectText(effect);
    proposal.needsApproval = sitroom::models::isHazardous(ControlRequest(control, QString()).setAdmissionRate(ratePerS),
                                                          m_store.configuration(), control);
    confirm(proposal, changeAsk(proposal), [ratePerS](const ControlRequest &r, quint32) { return r.setAdmissionRate(ratePerS); },
            sitroom::models::figure::admissionFigures());
}

void ControlDesk::proposePause()
{
    const auto &control = m_store.control();
    ControlProposal proposal;
    proposal.title = tr("Pause admission");
    proposal.currentValue = ControlWords::controlText(control, m_namer);
    proposal.newValue = tr("admission paused");
    proposal.effect = ControlWords::throttleEffectText(sitroom::models::throttleEffect(m_store.state(), control, 0, true));
    proposal.needsApproval = true;
    confirm(proposal, changeAsk(proposal), [](const ControlRequest &r, quint32) { return r.pauseAdmission(); },
            sitroom::models::figure::admissionFigures());
}

void ControlDesk::proposeResume()
{
    const auto &control = m_store.control();
    ControlProposal proposal;
    proposal.title = tr("Resume admission");
    proposal.currentValue = ControlWords::controlText(control, m_namer);
    proposal.newValue = tr("admission rate %1").arg(formatRate(control.admission_rate_per_s()));
    proposal.effect = ControlWords::throttleEffectText(
        sitroom::models::throttleEffect(m_store.state(), control, control.admission_rate_per_s()));
    confirm(proposal, changeAsk(proposal), [](const ControlRequest &r, quint32) { return r.resumeAdmission(); },
            sitroom::models::figure::admissionFigures());
}

void ControlDesk::proposeProviderEnabled(const QString &providerId, bool enabled)
{
    const ProviderNamer name = m_namer;
    ControlProposal proposal;
    if (enabled) {
        proposal.title = tr("Enable %1").arg(name(providerId));
        proposal.currentValue = tr("%1 disabled (중단 shown to citizens)").arg(name(providerId));
        proposal.newValue = tr("%1 enabled").arg(name(providerId));
        proposal.effect = tr("Citizens can choose %1 again; its share ramps back in over a few minutes.")
                              .arg(name(providerId));
    } else {
        const auto effect = sitroom::models::disableEffect(m_store.configuration(), m_store.state(), providerId);
        proposal.title = tr("Disable %1").arg(name(providerId));
        proposal.currentValue = tr("%1 enabled").arg(name(providerId));
        proposal.newValue = tr("%1 disabled (중단 shown to citizens)").arg(name(providerId));
        proposal.effect = ControlWords::disableEffectText(effect, name);
        proposal.warning = effect.anyOverWarning || effect.noneLeft;
        proposal.needsApproval = true;
        proposal.offerDuration = true;
    }
    confirm(proposal, changeAsk(proposal), [providerId, enabled](const ControlRequest &r, quint32 disableForS) {
        return r.setProviderEnabled(providerId, enabled, disableForS);
    }, {sitroom::models::figure::providerPrefix(providerId)});
}

void ControlDesk::proposeApproval(const QString &requestId, const QString &description)
{
    const sitroom::v1::PendingApproval *request = nullptr;
    for (const auto &p : m_store.control().pending()) {
        if (QString::fromStdString(p.request_id()) == requestId)
            request = &p;
    }
    if (!request) {
        notify(tr("Not approved: the request is no longer pending (approved, withdrawn or expired)."), true);
        return;
    }
    // The effect on the figures the request was made on, beside the effect on
    // today's: the approver decides on now, seeing how it moved.
    const auto effect = sitroom::models::requestEffect(*request, m_store.configuration(), m_store.state(),
                                                       m_store.control());
    const ProviderNamer name = m_namer;
    ControlProposal proposal;
    proposal.title = tr("Approve a hazardous change");
    proposal.currentValue = ControlWords::controlText(m_store.control(), m_namer);
    proposal.newValue = description;
    proposal.compare = true;
    proposal.effect = ApprovalWords::effectText(effect, false, name);
    proposal.warning = ApprovalWords::effectWarns(effect, false);
    proposal.effectThen = ApprovalWords::effectText(effect, true, name);
    proposal.warningThen = ApprovalWords::effectWarns(effect, true);
    proposal.thenCaption = ApprovalWords::atRequestCaption(m_store, effect.thenLiveMs);
    proposal.nowCaption = ApprovalWords::nowCaption(m_store);
    const sitroom::v1::PendingApproval asked = *request;
    confirm(proposal, sitroom::models::ControlAsk::Approval,
            [requestId](const ControlRequest &r, quint32) { return r.approve(requestId); });
    ControlConfirmDialog *dialog = m_dialog;
    dialog->addDetail(new ApprovalCountdown(m_store, requestId));
    // Today's column follows the figures while the dialog is open.
    connect(&m_store, &SituationStore::stateChanged, dialog, [this, dialog, asked, name] {
        const auto now = sitroom::models::requestEffect(asked, m_store.configuration(), m_store.state(),
                                                        m_store.control());
        dialog->setEffect(ApprovalWords::effectText(now, false, name), ApprovalWords::effectWarns(now, false),
                          ApprovalWords::nowCaption(m_store));
    });
}

bool ControlDesk::proposeRunbookStep(const sitroom::models::RunbookStep &step, const QString &reason)
{
    using sitroom::models::RunbookAction;
    const bool providerAction = step.action == RunbookAction::DisableProvider || step.action == RunbookAction::EnableProvider;
    if (providerAction ? !mayActOnProviders() : !mayThrottle()) {
        notify(!m_store.isLive() ? tr("Step not taken: not connected to the live system.")
               : providerAction  ? tr("Step not taken: only a supervisor may disable or enable a provider.")
                                 : tr("Step not taken: your role may not change admission."),
               true, !m_store.isLive() ? NoticeLife::UntilConnected : NoticeLife::Timed);
        return false;
    }
    m_prefill = {reason, step.disableForS};
    switch (step.action) {
    case RunbookAction::DisableProvider: proposeProviderEnabled(step.provider, false); break;
    case RunbookAction::EnableProvider: proposeProviderEnabled(step.provider, true); break;
    case RunbookAction::Throttle: {
        const auto &config = m_store.configuration();
        double rate = step.targetRatePerS(m_store.control().admission_rate_per_s());
        if (config.admission_rate_step_per_s() > 0)
            rate = std::round(rate / config.admission_rate_step_per_s()) * config.admission_rate_step_per_s();
        if (config.admission_rate_max_per_s() > 0)
            rate = std::clamp(rate, config.admission_rate_min_per_s(), config.admission_rate_max_per_s());
        proposeRate(rate);
        break;
    }
    case RunbookAction::PauseAdmission: proposePause(); break;
    case RunbookAction::ResumeAdmission: proposeResume(); break;
    }
    m_prefill = {};
    return m_dialog != nullptr;
}

void ControlDesk::refreshDialogStaleness()
{
    if (!m_dialog)
        return;
    std::vector<sitroom::models::StaleFigure> stale;
    for (const QString &name : m_dialogFigures) {
        if (name.endsWith(u'.')) {
            const auto under = m_store.staleFiguresUnder(name);
            stale.insert(stale.end(), under.begin(), under.end());
        } else if (const sitroom::models::StaleFigure *f = m_store.staleFigure(name)) {
            stale.push_back(*f);
        }
    }
    m_dialog->setStaleFigures(StaleFigureWords::bannerLine(stale));
}

sitroom::models::ControlAsk ControlDesk::changeAsk(const ControlProposal &proposal)
{
    return proposal.needsApproval ? sitroom::models::ControlAsk::HazardousChange : sitroom::models::ControlAsk::Change;
}

void ControlDesk::refreshRoute()
{
    if (!m_dialog)
        return;
    m_dialog->setRoute(ControlRouteWords::route(m_dialogProposal, sitroom::models::controlOutlook(m_store, m_dialogAsk),
                                                m_store));
}

void ControlDesk::confirm(const ControlProposal &proposal, sitroom::models::ControlAsk ask, const Maker &make,
                          std::vector<QString> dependsOn)
{
    if (m_dialog)
        m_dialog->reject();  // one confirmation at a time: the newest wish wins
    // The revision the operator decides on is the one on screen now; if it
    // moves while the dialog is open, the server answers with a conflict.
    const quint64 revision = m_store.control().revision();
    auto *dialog = new ControlConfirmDialog(proposal, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const Prefill prefill = std::exchange(m_prefill, {});
    if (!prefill.reason.isEmpty())
        dialog->setReason(prefill.reason);
    if (prefill.disableForS > 0)
        dialog->setDisableForS(prefill.disableForS);
    dialog->setStale(m_store.isStale());
    m_dialog = dialog;
    m_dialogFigures = std::move(dependsOn);
    m_dialogProposal = proposal;
    m_dialogAsk = ask;
    refreshDialogStaleness();
    refreshRoute();
    connect(dialog, &QDialog::accepted, this, [this, dialog, revision, make] {
        const ControlRequest request(revision, dialog->reason(), dialog->staleOverride());
        const sitroom::v1::Command command = make(request, dialog->disableForS());
        const QString action = ControlWords::actionText(command, m_namer);
        if (!m_store.isLive()) {
            // The link went while the dialog was open: nothing leaves this console.
            notify(ControlWords::notSentText(action), true, NoticeLife::UntilConnected);
            return;
        }
        m_sent.insert(QString::fromStdString(command.command_id()), action);
        notify(tr("Sent: %1. Waiting for the answer…").arg(action), false, NoticeLife::UntilAnswered);
        emit commandIssued(command);
        emit commandSent(QString::fromStdString(command.command_id()), action);
    });
    dialog->open();
}

void ControlDesk::onResult(const sitroom::v1::CommandResult &result)
{
    const QString id = QString::fromStdString(result.command_id());
    const auto it = m_sent.constFind(id);
    if (it == m_sent.constEnd())
        return;  // another console's, or a repeat
    const QString action = it.value();
    m_sent.erase(it);
    // Not a refusal: the command never left this console, nobody decided anything.
    if (sitroom::models::wasNotSent(result)) {
        notify(ControlWords::notSentText(action), true, NoticeLife::UntilConnected);
        return;
    }
    const bool problem = result.status() != sitroom::v1::COMMAND_APPLIED
        && result.status() != sitroom::v1::COMMAND_PENDING_APPROVAL;
    QString text = ControlWords::resultText(result, action, m_store, m_namer);
    if (result.status() == sitroom::v1::COMMAND_PENDING_APPROVAL) {
        // The requester reads the gateway's deadline, not one of this console's making.
        for (const auto &p : result.control().pending()) {
            if (p.request_id() == result.request_id())
                text += u' ' + tr("Deadline set by the server: %1.").arg(ApprovalWords::deadlineText(m_store, p.expires_ms()));
        }
    }
    notify(text, problem);
}

void ControlDesk::onControlChanged()
{
    const QString now = ControlWords::controlText(m_store.control(), m_namer);
    const QString before = std::exchange(m_shownControl, now);
    if (before.isEmpty() || before == now)
        return;  // the first picture, or only approvals moved
    const sitroom::v1::Actor &actor = m_store.controlActor();
    if (actor.user().empty() || actor.user() == m_store.welcome().user())
        return;  // ours: its result says it
    notify(tr("Controls changed by %1. Now: %2.").arg(ControlWords::actorText(actor, m_store), now), false);
}

void ControlDesk::notify(const QString &text, bool problem, NoticeLife life)
{
    m_notice = text;
    emit noticeChanged(text, problem, life);
}

} // namespace sitroom::widgets
