#pragma once

#include "widgets/common/ElidedLabel.h"
#include "widgets/controls/ControlWords.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QWidget;

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

class AlarmAnnouncer;

// Tells a console that can approve that a request waits for it: each new
// pending request that this user may approve (a supervisor, someone else's
// request) is announced once, through the same announcer as critical alerts
// (taskbar, tray message where the desktop has a tray) with a sound unless
// muted; while any waits, the window title carries a count (titlePrefix) and
// the status bar says how many and how long the nearest has left. A console
// whose role cannot approve shows none of it. All of it clears when nothing
// waits.
class ApprovalNotifier final : public QObject
{
    Q_OBJECT

public:
    // statusParent: the window whose status bar shows statusLabel().
    ApprovalNotifier(const sitroom::models::SituationStore &store, AlarmAnnouncer *announcer, QWidget *statusParent,
                     QObject *parent = nullptr);

    void setAnnouncer(AlarmAnnouncer *announcer) { m_announcer = announcer; }
    // The name the console signed in with, until the server's Welcome says it.
    void setUser(const QString &user);
    void setNamer(ProviderNamer namer) { m_namer = std::move(namer); }
    // Muted together with the critical-alert sound (the same action).
    void setMuted(bool muted) { m_muted = muted; }
    bool isMuted() const { return m_muted; }

    int waiting() const { return m_waiting; }
    // "[승인 대기 2건] " while requests wait for this console, else empty.
    QString titlePrefix() const;
    QLabel *statusLabel() const { return m_label; }
    int announcements() const { return m_announcements; }
    int sounds() const { return m_sounds; }

signals:
    void waitingChanged(int count);
    // A request this console had not announced before.
    void announced(const QString &requestId);

private:
    void refresh();
    void refreshLabel();

    const sitroom::models::SituationStore &m_store;
    AlarmAnnouncer *m_announcer;
    ElidedLabel *m_label;
    QTimer m_countdown;
    ProviderNamer m_namer;
    QString m_user;
    QSet<QString> m_announced;   // request ids announced, until they stop pending
    int m_waiting = 0;
    bool m_muted = false;
    int m_announcements = 0;
    int m_sounds = 0;
};

} // namespace sitroom::widgets
