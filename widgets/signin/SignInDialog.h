#pragma once

#include <QDeadlineTimer>
#include <QDialog>
#include <QString>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QTimer;

namespace sitroom::models {
struct LinkEvent;
}

namespace sitroom::widgets {

// What the user typed. site: the site's key (proto/sitroom/SiteKey).
struct SignInCredentials
{
    QString user;
    QString password;
    QString site;
};

// Asks who signs in: user, password and site. Says why it asks (the server
// needs a password, the last one was refused, a lock-out with the time left)
// and keeps the sign-in button off until a lock-out is over. Remembers the
// user and the site between runs, never the password.
class SignInDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(QWidget *parent = nullptr);

    void setServer(const QString &server);
    void setCredentials(const QString &user, const QString &site);
    SignInCredentials credentials() const;

    // Why the dialog is shown. A refusal of the credentials words itself;
    // anything else (a password file that cannot be read) comes as text.
    void setRefusal(const sitroom::models::LinkEvent &refusal);
    void setNotice(const QString &text);
    QString message() const;
    // While a lock-out lasts: whole seconds left, else 0.
    int secondsLeft() const;

    void loadRemembered(QSettings &settings);
    void remember(QSettings &settings) const;

private:
    void refresh();

    QLabel *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_site;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_signIn;
    QTimer *m_countdown;
    // The refusal being explained (TelemetryBatch.h stays out of this header:
    // moc output that sees it late redeclares its metatypes).
    int m_refusal = 0;             // sitroom::v1::RefusalCode
    bool m_lockedEverywhere = false;
    QDeadlineTimer m_lockedUntil;
};

} // namespace sitroom::widgets
