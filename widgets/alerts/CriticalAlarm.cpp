#include "widgets/alerts/CriticalAlarm.h"

#include "widgets/alerts/AlertLook.h"

#include "models/situation/SituationStore.h"
#include "models/words/DisplayLanguage.h"

#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

namespace sitroom::widgets {

namespace {
const QString kMutedKey = QStringLiteral("alerts/muted");
}

DesktopAnnouncer::DesktopAnnouncer(QWidget *window)
    : m_window(window)
{
}

DesktopAnnouncer::~DesktopAnnouncer()
{
    delete m_tray;
}

void DesktopAnnouncer::announce(const QString &title, const QString &text, bool sound)
{
    if (m_window)
        QApplication::alert(m_window);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
            m_tray->setToolTip(QApplication::applicationName());
            m_tray->show();
        }
        m_tray->showMessage(title, text, QSystemTrayIcon::Critical, 10000);
    }
    if (sound)
        QApplication::beep();
}

CriticalAlarm::CriticalAlarm(const sitroom::models::SituationStore &store, AlarmAnnouncer *announcer, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_announcer(announcer)
    , m_mute(new QAction(tr("Mute the sound of critical alerts and approval requests"), this))
{
    m_mute->setObjectName(QStringLiteral("muteAlertSound"));
    m_mute->setCheckable(true);
    m_muted = QSettings().value(kMutedKey, false).toBool();
    m_mute->setChecked(m_muted);
    connect(m_mute, &QAction::toggled, this, &CriticalAlarm::setMuted);
    connect(&store, &sitroom::models::SituationStore::alertEvent, this, &CriticalAlarm::onEvent);
    connect(&store, &sitroom::models::SituationStore::alertsChanged, this, &CriticalAlarm::onSnapshot);
    onSnapshot();
}

void CriticalAlarm::setMuted(bool muted)
{
    if (muted == m_muted)
        return;
    m_muted = muted;
    m_mute->setChecked(muted);
    QSettings().setValue(kMutedKey, muted);
    emit mutedChanged(muted);
}

void CriticalAlarm::onSnapshot()
{
    // What a snapshot lists was raised before we looked: it is on screen, not news.
    m_announced.clear();
    for (const sitroom::v1::Alert &a : m_store.alerts()) {
        if (a.severity() == sitroom::v1::SEVERITY_CRITICAL)
            m_announced.insert(QString::fromStdString(a.id()));
    }
}

void CriticalAlarm::onEvent(const sitroom::v1::AlertEvent &event)
{
    const sitroom::v1::Alert &alert = event.alert();
    const QString id = QString::fromStdString(alert.id());
    if (event.transition() == sitroom::v1::TRANSITION_CLEARED || alert.state() == sitroom::v1::ALERT_CLEARED) {
        m_announced.remove(id);
        return;
    }
    const bool news = event.transition() == sitroom::v1::TRANSITION_RAISED
        || event.transition() == sitroom::v1::TRANSITION_ESCALATED;
    if (!news || alert.severity() != sitroom::v1::SEVERITY_CRITICAL || m_announced.contains(id))
        return;
    m_announced.insert(id);
    const QString title = tr("Critical alert");
    const QString text = sitroom::models::localText(alert.message());
    ++m_announcements;
    if (!m_muted)
        ++m_sounds;
    if (m_announcer)
        m_announcer->announce(title, text, !m_muted);
    emit announced(text);
}

} // namespace sitroom::widgets
