#pragma once

#include "models/telemetry/ConnectionSettings.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QSettings;
class QWidget;

namespace sitroom::models {
class TelemetryClient;
struct LinkEvent;
struct TelemetryBatch;
}
namespace sitroom::widgets {
class SignInDialog;
}

namespace sitroom::console {

// Who the console signs in as, and what happens when the server says no.
// The telemetry client never sends a refused password again by itself; this
// asks for it in a SignInDialog (user, password, site), remembers the user
// and site in settings (never the password) and starts the client anew.
// Without a password (no --password-file) the first Hello goes without one:
// a server that needs one refuses it, and the dialog asks.
class SignInFlow final : public QObject
{
    Q_OBJECT

public:
    SignInFlow(sitroom::models::TelemetryClient &client, sitroom::models::ConnectionSettings connection,
               QString serverText, QSettings &settings, QWidget *window);

    // Connects with the settings given, or asks first when the password file
    // could not be read (passwordProblem, said in the dialog).
    void start(const QString &passwordProblem = {});

    // The dialog while it is open, else null.
    sitroom::widgets::SignInDialog *dialog() const;
    const sitroom::models::ConnectionSettings &connection() const { return m_connection; }
    int attempts() const { return m_starts; }

signals:
    void asking();

private:
    void onBatch(const sitroom::models::TelemetryBatch &batch);
    void ask(const sitroom::models::LinkEvent *refusal, const QString &notice);
    void onFinished(int result);
    void connectNow();

    sitroom::models::TelemetryClient &m_client;
    sitroom::models::ConnectionSettings m_connection;
    QString m_serverText;
    QSettings &m_settings;
    QWidget *m_window;
    QPointer<sitroom::widgets::SignInDialog> m_dialog;
    int m_starts = 0;
};

} // namespace sitroom::console
