#pragma once

#include <QWidget>

class QLabel;

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// The status bar's right half: the gateway in use and this console's site,
// where the server reads the live system from (a simulation or Prometheus),
// user and role, round-trip time and the age of the last update (always
// shown, never only when stale). Given several gateways, it names the one in
// use ("서버 오송 게이트웨이 · 서울") and, once the console has moved, when
// ("오송 게이트웨이로 전환됨 20:05:12 KST").
class ConnectionStatus final : public QWidget
{
    Q_OBJECT

public:
    // servers: the gateways as given (--server), for the tooltip.
    ConnectionStatus(const sitroom::models::SituationStore &store, const QString &servers,
                     const QString &site, const QString &user, QWidget *parent = nullptr);

    QString ageLabelText() const;
    QString sourceText() const;
    QString linkText() const;
    QString serverText() const;
    // Empty until the console has moved from one gateway to another.
    QString switchText() const;
    // "시뮬레이션", "프로메테우스 http://…"; the raw value for a kind it does not know.
    static QString sourceWords(const QString &source);

private:
    void refresh();
    void noteGateway();

    const sitroom::models::SituationStore &m_store;
    QString m_servers;
    QString m_site;
    QString m_liveServer;   // the address of the last gateway the console was live on
    QLabel *m_link;
    QLabel *m_server;
    QLabel *m_switched;
    QLabel *m_source;
    QLabel *m_user;
    QLabel *m_rtt;
    QLabel *m_age;
};

} // namespace sitroom::widgets
