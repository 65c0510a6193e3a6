#pragma once

#include <QWidget>

class QLabel;
class QTimer;

namespace sitroom::widgets {
class ElidedLabel;
}

namespace sitroom::models {
class SituationStore;
}

namespace sitroom::widgets {

// The status bar's right half, which never gives way to news: the gateway in
// use and the link to it ("● 오송 게이트웨이", "○ 연결 안 됨 · seoul-gw:7600
// 게이트웨이"), who signed in where ("park(오송, 감독자)"), round-trip time and
// the age of the last update (always shown, never only when stale). Kept
// short enough that with the room in command and the live system's clock
// beside it, it stays whole at 1366 px in Korean and English: where the
// gateway reads the live system from (a simulation, or Prometheus and its
// address) and the gateways given are in the gateway's tooltip; in a bar
// still short of room, who signed in gives way to the name alone and the
// round trip to its figure (ElidedLabel::GiveWay::Last), never the gateway
// or the data's age. For ten minutes after the console moved to another
// gateway it is marked so ("오송 게이트웨이 (전환됨)"); the move itself, with
// its time, is news (moved(), for the status bar's notice) and stays in the
// tooltip. A gateway that cannot reach its state store refuses every
// command: said beside its name ("· 제어 거부 중").
class ConnectionStatus final : public QWidget
{
    Q_OBJECT

public:
    // servers: the gateways as given (--server), for the tooltip.
    ConnectionStatus(const sitroom::models::SituationStore &store, const QString &servers,
                     const QString &site, const QString &user, QWidget *parent = nullptr);

    QString ageLabelText() const;
    // The link in words ("● 연결됨", "○ 게이트웨이 전환 중…"), said in the
    // gateway's label when not connected and in its tooltip.
    // Where the gateway reads the live system from, in words (the server's tooltip says it).
    QString sourceText() const { return m_sourceWords; }
    QString linkText() const { return m_linkWords; }
    QString serverText() const;
    QString userText() const;
    // How long the move is marked in the status bar itself.
    static constexpr int kSwitchNoticeMs = 10 * 60 * 1000;
    // The move to another gateway while it is marked; empty before any, and after.
    QString switchText() const { return m_switchNotice; }
    // Ends the mark now (its timer does after kSwitchNoticeMs).
    void endSwitchNotice();
    // "시뮬레이션", "프로메테우스 http://…"; the raw value for a kind it does not know.
    static QString sourceWords(const QString &source);

signals:
    // The console moved to another gateway: "오송 게이트웨이로 전환됨 20:05:12 KST".
    void moved(const QString &text);

private:
    void refresh();
    void noteGateway();

    const sitroom::models::SituationStore &m_store;
    QString m_servers;
    QString m_site;
    QString m_liveServer;   // the address of the last gateway the console was live on
    QString m_switchNotice; // "오송 게이트웨이로 전환됨 20:05:12 KST" while it holds
    QString m_lastMove;     // the latest move, for the tooltip
    QString m_sourceWords;
    QTimer *m_switchTimer;
    QString m_linkWords;
    QLabel *m_server;
    ElidedLabel *m_user;
    ElidedLabel *m_rtt;
    QLabel *m_age;
};

} // namespace sitroom::widgets
