#pragma once

#include "sitroom/v1/alerts.pb.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class QAction;
class QSystemTrayIcon;
class QWidget;

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// How a new critical alert reaches people: an interface so tests count
// announcements instead of hearing them.
class AlarmAnnouncer
{
public:
    virtual ~AlarmAnnouncer() = default;
    // Mark the window (taskbar, tray message); `sound` when not muted.
    virtual void announce(const QString &title, const QString &text, bool sound) = 0;
};

// The desktop's way: QApplication::alert on the window, a tray message when
// the desktop has a tray, and the system's beep. Never a modal dialog.
class DesktopAnnouncer final : public AlarmAnnouncer
{
public:
    explicit DesktopAnnouncer(QWidget *window);
    ~DesktopAnnouncer() override;
    void announce(const QString &title, const QString &text, bool sound) override;

private:
    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
};

// Announces each new critical alert once: raised as critical, or escalated to
// critical. Repeats of the same alert's transitions (a resend, a snapshot
// after reconnecting) stay quiet until it clears. The sound can be muted;
// the choice is kept in QSettings ("alerts/muted").
class CriticalAlarm final : public QObject
{
    Q_OBJECT

public:
    CriticalAlarm(const sitroom::models::SituationStore &store, AlarmAnnouncer *announcer, QObject *parent = nullptr);

    void setAnnouncer(AlarmAnnouncer *announcer) { m_announcer = announcer; }
    bool isMuted() const { return m_muted; }
    void setMuted(bool muted);
    QAction *muteAction() const { return m_mute; }
    int announcements() const { return m_announcements; }
    int sounds() const { return m_sounds; }

signals:
    void announced(const QString &text);
    void mutedChanged(bool muted);

private:
    void onEvent(const sitroom::v1::AlertEvent &event);
    void onSnapshot();

    const sitroom::models::SituationStore &m_store;
    AlarmAnnouncer *m_announcer;
    QAction *m_mute;
    QSet<QString> m_announced;   // alert ids announced as critical, until cleared
    bool m_muted = false;
    int m_announcements = 0;
    int m_sounds = 0;
};

} // namespace sitroom::widgets
