#pragma once

#include <QWidget>

class QLabel;
class QTimer;

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// The status bar's right half: the gateway in use and this console's site,
// where the server reads the live system from (a simulation or Prometheus),
// user and role, round-trip time and the age of the last update (always
// shown, never only when stale). Given several gateways, it names the one in
// use ("서버 오송 게이트웨이 · 서울") and, for ten minutes after the console
// has moved, says so in its place ("오송 게이트웨이로 전환됨 20:05:12 KST ·
// 서울"); the move stays in the label's tooltip.
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
    // How long the move is said in the status bar itself.
    static constexpr int kSwitchNoticeMs = 10 * 60 * 1000;
    // The move to another gateway while it is said; empty before any, and after.
    QString switchText() const { return m_switchNotice; }
    // Ends the notice now (its timer does after kSwitchNoticeMs).
    void endSwitchNotice();
    // "시뮬레이션", "프로메테우스 http://…"; the raw value for a kind it does not know.
    static QString sourceWords(const QString &source);

private:
    void refresh();
    void noteGateway();

    const sitroom::models::SituationStore &m_store;
    QString m_servers;
    QString m_site;
    QString m_liveServer;   // the address of the last gateway the console was live on
    QString m_switchNotice; // "오송 게이트웨이로 전환됨 20:05:12 KST" while it holds
    QString m_lastMove;     // the latest move, for the tooltip
    QTimer *m_switchTimer;
    QLabel *m_link;
    QLabel *m_server;
    QLabel *m_source;
    QLabel *m_user;
    QLabel *m_rtt;
    QLabel *m_age;
};

} // namespace sitroom::widgets
