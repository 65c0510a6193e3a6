#include "widgets/alerts/AlertDesk.h"

#include "widgets/alerts/AlertDialogs.h"
#include "widgets/alerts/AlertLook.h"

#include "models/control/ControlRequest.h"
#include "models/control/PhraseWords.h"
#include "models/situation/SituationStore.h"
#include "models/telemetry/NotSent.h"
#include "models/words/DisplayLanguage.h"
#include "models/words/ProviderNames.h"

#include <QComboBox>

namespace sitroom::widgets {

using sitroom::models::ControlRequest;
using sitroom::models::SituationStore;

AlertDesk::AlertDesk(const SituationStore &store, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_dialogParent(dialogParent)
    , m_namer(sitroom::models::providerNamer(store))
{
    connect(&store, &SituationStore::commandResult, this, &AlertDesk::onResult);
}

bool AlertDesk::mayHandleAlertsRole() const
{
    const auto role = m_store.role();
    return role == sitroom::v1::ROLE_OPERATOR || role == sitroom::v1::ROLE_SUPERVISOR;
}

bool AlertDesk::mayHandleAlerts() const
{
    return m_store.isLive() && mayHandleAlertsRole();
}

QString AlertDesk::alertText(const sitroom::v1::Alert &alert) const
{
    const SeverityLook look = AlertWords::severityLook(alert.severity());
    return look.symbol + u' ' + look.word + QStringLiteral(" · ")
        + AlertWords::sourceText(QString::fromStdString(alert.source()), m_namer) + QStringLiteral(" · ")
        + sitroom::models::localText(alert.message());
}

void AlertDesk::closeDialogs()
{
    // One dialog at a time: the newest wish wins.
    if (m_ack)
        m_ack->reject();
    if (m_shelve)
        m_shelve->reject();
}

void AlertDesk::proposeAcknowledge(const QString &alertId)
{
    const sitroom::v1::Alert *alert = m_store.alert(alertId);
    if (!alert) {
        notify(tr("That alert is gone: it was cleared meanwhile."), true);
        return;
    }
    closeDialogs();
    auto *dialog = new AlertAckDialog(alertText(*alert), m_steps.value(alertId), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_ack = dialog;
    const QString text = alertText(*alert);
    connect(dialog, &QDialog::accepted, this, [this, dialog, alertId, text] {
        const ControlRequest request(m_store.control(), dialog->comment(), m_store.isStale());
        send(request.acknowledgeAlert(alertId, dialog->runbookStep()), tr("acknowledge “%1”").arg(text));
    });
    dialog->open();
}

void AlertDesk::proposeShelve(const QString &alertId)
{
    const sitroom::v1::Alert *alert = m_store.alert(alertId);
    if (!alert) {
        notify(tr("That alert is gone: it was cleared meanwhile."), true);
        return;
    }
    closeDialogs();
    auto *dialog = new AlertShelveDialog(alertText(*alert), alert->severity() == sitroom::v1::SEVERITY_CRITICAL,
                                         m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_shelve = dialog;
    const QString text = alertText(*alert);
    connect(dialog, &QDialog::accepted, this, [this, dialog, alertId, text] {
        const ControlRequest request(m_store.control(), dialog->reason(), m_store.isStale());
        send(request.shelveAlert(alertId, dialog->durationS()),
             tr("shelve “%1” for %2").arg(text, dialog->durationBox()->currentText()));
    });
    dialog->open();
}

void AlertDesk::unshelve(const QString &alertId)
{
    const sitroom::v1::Alert *alert = m_store.alert(alertId);
    if (!alert) {
        notify(tr("That alert is gone: it was cleared meanwhile."), true);
        return;
    }
    const ControlRequest request(m_store.control(), tr("unshelved by hand from the console"), m_store.isStale());
    send(request.unshelveAlert(alertId), tr("unshelve “%1”").arg(alertText(*alert)));
}

void AlertDesk::recordStep(const QString &alertId, const QString &summary)
{
    m_steps.insert(alertId, summary);
}

void AlertDesk::send(const sitroom::v1::Command &command, const QString &action)
{
    m_sent.insert(QString::fromStdString(command.command_id()), action);
    notify(tr("Sent: %1. Waiting for the answer…").arg(action), false);
    emit commandIssued(command);
}

void AlertDesk::onResult(const sitroom::v1::CommandResult &result)
{
    const auto it = m_sent.constFind(QString::fromStdString(result.command_id()));
    if (it == m_sent.constEnd())
        return;
    const QString action = it.value();
    m_sent.erase(it);
    if (sitroom::models::wasNotSent(result)) {
        notify(ControlWords::notSentText(action), true);
        return;
    }
    // The server's reason in the console's words (its English only from an older gateway).
    const sitroom::models::PhraseWords words(sitroom::domain::LiveClock(QString::fromStdString(m_store.configuration().timezone())),
                                             {});
    const QString detail = words.text(result.message_words(), result.message());
    switch (result.status()) {
    case sitroom::v1::COMMAND_APPLIED:
        notify(tr("Done: %1.").arg(action), false);
        return;
    case sitroom::v1::COMMAND_REFUSED:
        notify(detail.isEmpty() ? tr("Refused by the server: %1.").arg(action)
                                : tr("Refused by the server: %1. The server says: %2").arg(action, detail),
               true);
        return;
    case sitroom::v1::COMMAND_INVALID:
        notify(detail.isEmpty() ? tr("Not valid now: %1.").arg(action)
                                : tr("Not valid now: %1. The server says: %2").arg(action, detail),
               true);
        return;
    default:
        notify(tr("Not done: %1. The server says: %2").arg(action, detail.isEmpty() ? tr("no reason given") : detail), true);
        return;
    }
}

void AlertDesk::notify(const QString &text, bool problem)
{
    m_notice = text;
    emit noticeChanged(text, problem);
}

} // namespace sitroom::widgets
