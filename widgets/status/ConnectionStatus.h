#pragma once

#include <QWidget>

class QLabel;

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// The status bar's right half: server, site, where the server reads the live
// system from (a simulation or Prometheus), user and role, round-trip time
// and the age of the last update (always shown, never only when stale).
class ConnectionStatus final : public QWidget
{
    Q_OBJECT

public:
    ConnectionStatus(const sitroom::models::SituationStore &store, const QString &server,
                     const QString &site, const QString &user, QWidget *parent = nullptr);

    QString ageLabelText() const;
    QString sourceText() const;
    // "시뮬레이션", "프로메테우스 http://…"; the raw value for a kind it does not know.
    static QString sourceWords(const QString &source);

private:
    void refresh();

    const sitroom::models::SituationStore &m_store;
    QLabel *m_link;
    QLabel *m_server;
    QLabel *m_source;
    QLabel *m_user;
    QLabel *m_rtt;
    QLabel *m_age;
};

} // namespace sitroom::widgets
