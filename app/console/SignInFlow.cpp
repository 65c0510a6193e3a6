#include "app/console/SignInFlow.h"

#include "widgets/signin/SignInDialog.h"
#include "models/telemetry/TelemetryBatch.h"
#include "models/telemetry/TelemetryClient.h"

#include "proto/sitroom/SiteKey.h"

#include <QSettings>

namespace sitroom::console {

SignInFlow::SignInFlow(sitroom::models::TelemetryClient &client, sitroom::models::ConnectionSettings connection,
                       QString serverText, QSettings &settings, QWidget *window)
    : m_client(client)
    , m_connection(std::move(connection))
    , m_serverText(std::move(serverText))
    , m_settings(settings)
    , m_window(window)
{
    connect(&m_client, &sitroom::models::TelemetryClient::batchReady, this, &SignInFlow::onBatch);
}

sitroom::widgets::SignInDialog *SignInFlow::dialog() const
{
    return m_dialog.data();
}

void SignInFlow::start(const QString &passwordProblem)
{
    if (!passwordProblem.isEmpty()) {
        ask(nullptr, passwordProblem);
        return;
    }
    connectNow();
}

void SignInFlow::connectNow()
{
    ++m_starts;
    m_client.start(m_connection);
}

void SignInFlow::onBatch(const sitroom::models::TelemetryBatch &batch)
{
    for (const sitroom::models::LinkEvent &event : batch.link) {
        if (!event.refusedCredentials())
            continue;
        if (event.refusal == sitroom::v1::REFUSAL_BAD_CREDENTIALS && m_connection.password.isEmpty()) {
            // No password was given: the server needs one. Nothing went wrong yet.
            ask(nullptr, tr("The server %1 needs a password for %2.").arg(m_serverText, m_connection.user));
        } else {
            ask(&event, {});
        }
        return;
    }
}

void SignInFlow::ask(const sitroom::models::LinkEvent *refusal, const QString &notice)
{
    if (m_dialog) {
        if (refusal)
            m_dialog->setRefusal(*refusal);
        return;
    }
    auto *dialog = new widgets::SignInDialog(m_window);
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setServer(m_serverText);
    dialog->setCredentials(m_connection.user, siteKey(m_connection.site));
    if (refusal)
        dialog->setRefusal(*refusal);
    else
        dialog->setNotice(notice);
    connect(dialog, &QDialog::finished, this, &SignInFlow::onFinished);
    dialog->open();
    emit asking();
}

void SignInFlow::onFinished(int result)
{
    if (!m_dialog || result != QDialog::Accepted)
        return;   // the window keeps saying why; nothing is retried
    const widgets::SignInCredentials c = m_dialog->credentials();
    m_dialog->remember(m_settings);
    m_connection.user = c.user;
    m_connection.password = c.password;
    if (const std::optional<sitroom::v1::Site> site = siteFromKey(c.site))
        m_connection.site = *site;
    connectNow();
}

} // namespace sitroom::console
