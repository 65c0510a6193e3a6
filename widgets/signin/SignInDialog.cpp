#include "widgets/signin/SignInDialog.h"

#include "widgets/status/LinkText.h"
#include "models/telemetry/TelemetryBatch.h"
#include "models/words/SiteNames.h"

#include "proto/sitroom/SiteKey.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

namespace sitroom::widgets {

namespace {

const auto kUserKey = QStringLiteral("signIn/user");
const auto kSiteKey = QStringLiteral("signIn/site");

} // namespace

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_server(new QLabel(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_site(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_countdown(new QTimer(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to the live system"));
    setMinimumWidth(460);
    m_user->setObjectName(QStringLiteral("signInUser"));
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_site->setObjectName(QStringLiteral("signInSite"));
    // Seoul and Osong are situation rooms; the ministry is the ministry.
    for (const QString &key : sitroom::siteKeys()) {
        const sitroom::v1::Site site = *sitroom::siteFromKey(key);
        const QString name = sitroom::models::SiteNames::name(site);
        m_site->addItem(site == sitroom::v1::SITE_MINISTRY ? name : tr("%1 situation room").arg(name), key);
    }
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    m_server->setTextFormat(Qt::PlainText);

    m_signIn = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setDefault(true);
    m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Server"), m_server);
    form->addRow(tr("User"), m_user);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Site", "where this console is"), m_site);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &SignInDialog::refresh);
    connect(m_user, &QLineEdit::textChanged, this, &SignInDialog::refresh);
    connect(m_password, &QLineEdit::textChanged, this, &SignInDialog::refresh);
    refresh();
}

void SignInDialog::setServer(const QString &server)
{
    m_server->setText(server);
}

void SignInDialog::setCredentials(const QString &user, const QString &site)
{
    m_user->setText(user);
    const int index = m_site->findData(site);
    if (index >= 0)
        m_site->setCurrentIndex(index);
    // Typing goes where it is missing.
    if (user.isEmpty())
        m_user->setFocus();
    else
        m_password->setFocus();
}

SignInCredentials SignInDialog::credentials() const
{
    return {m_user->text().trimmed(), m_password->text(), m_site->currentData().toString()};
}

void SignInDialog::setRefusal(const sitroom::models::LinkEvent &refusal)
{
    m_refusal = refusal.refusal;
    m_lockedEverywhere = refusal.lockedEverywhere;
    m_lockedUntil = QDeadlineTimer();
    if (refusal.refusal == sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS && refusal.retryAfterS > 0) {
        m_lockedUntil = QDeadlineTimer(qint64(refusal.retryAfterS) * 1000);
        m_countdown->start();
    }
    m_password->clear();
    refresh();
}

void SignInDialog::setNotice(const QString &text)
{
    m_refusal = 0;
    m_lockedUntil = QDeadlineTimer();
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    refresh();
}

QString SignInDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

int SignInDialog::secondsLeft() const
{
    if (m_lockedUntil.isForever() || m_lockedUntil.hasExpired())
        return 0;
    return int((m_lockedUntil.remainingTime() + 999) / 1000);
}

void SignInDialog::refresh()
{
    const int left = secondsLeft();
    if (left == 0)
        m_countdown->stop();
    if (m_refusal == sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS) {
        sitroom::models::LinkEvent now;
        now.state = sitroom::models::LinkState::Refused;
        now.refusal = sitroom::v1::REFUSAL_TOO_MANY_ATTEMPTS;
        now.lockedEverywhere = m_lockedEverywhere;
        now.retryAfterS = left;
        m_message->setText(left > 0 ? lockoutText(now) + u'.'
                                    : tr("The lock-out is over; you may sign in again."));
        m_message->show();
    } else if (m_refusal == sitroom::v1::REFUSAL_BAD_CREDENTIALS) {
        m_message->setText(tr("The user name or password was not accepted. Type the password again; "
                              "it is not retried by itself."));
        m_message->show();
    }
    m_message->setProperty("severity", m_refusal != 0 ? QStringLiteral("warning") : QString());
    m_signIn->setEnabled(left == 0 && !m_user->text().trimmed().isEmpty() && !m_password->text().isEmpty());
    m_signIn->setText(left > 0 ? tr("Sign in (%1 s)").arg(left) : tr("Sign in"));
}

void SignInDialog::loadRemembered(QSettings &settings)
{
    setCredentials(settings.value(kUserKey).toString(), settings.value(kSiteKey, sitroom::siteKey(sitroom::v1::SITE_SEOUL)).toString());
}

void SignInDialog::remember(QSettings &settings) const
{
    const SignInCredentials c = credentials();
    settings.setValue(kUserKey, c.user);
    settings.setValue(kSiteKey, c.site);
}

} // namespace sitroom::widgets
