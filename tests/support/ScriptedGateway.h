#pragma once

#include "tests/support/CtlProcess.h"
#include "proto/framing/FrameCodec.h"
#include "sitroom/v1/envelope.pb.h"

#include <QObject>
#include <QSslServer>
#include <QTimer>

#include <functional>
#include <vector>

class QSslSocket;

namespace sitroom::testing {

// A gateway played by the test: TLS on a free loopback port, Welcome and a
// Snapshot for every Hello, and for every Command whatever the test's script
// sends (a CommandResult, CommandProgress broadcasts now or later, nothing).
// For what the real gateway does not do on demand: an effect seen after
// exactly 2.1 s, an effect never seen, silence, a service level that drops, a
// death at a chosen moment.
class ScriptedGateway final : public QObject
{
    Q_OBJECT

public:
    using CommandScript = std::function<void(ScriptedGateway &gateway, const sitroom::v1::Command &command)>;

    explicit ScriptedGateway(QObject *parent = nullptr);
    ~ScriptedGateway() override;

    // port 0: a free one.
    bool listen(const QString &tlsDir, QString *error, quint16 port = 0);
    quint16 port() const { return m_port; }
    QString address() const;

    // Who the Welcome says it is (server_id "scripted", no room, by default).
    void setIdentity(const QString &serverId, sitroom::v1::Site site);
    // Its service level: in Welcome (probes' too) and on every broadcast; a
    // change goes out at once in a Heartbeat. Unset: never said.
    void setServiceLevel(quint32 level);

    // What the Snapshot after each Welcome holds (control revision 5 by default).
    sitroom::v1::Snapshot &snapshot() { return m_snapshot; }
    void setCommandScript(CommandScript script) { m_script = std::move(script); }
    const std::vector<sitroom::v1::Command> &commands() const { return m_commands; }
    // Hellos that signed in, and probes (Hello.probe) answered.
    int signIns() const { return m_signIns; }
    int probes() const { return m_probes; }
    // Connections open now (probes included until they close).
    int connectedPeers() const;

    // To every connected client; a broadcast (anything but a session's
    // answer) takes the next seq.
    void send(sitroom::v1::Envelope envelope);
    void sendLater(int delayMs, sitroom::v1::Envelope envelope);
    static sitroom::v1::Envelope answer(const sitroom::v1::Command &command, sitroom::v1::CommandStatus status,
                                        sitroom::v1::CommandStage stage, quint64 revision,
                                        const std::string &message = {});

    // A Tick every intervalMs, its state the snapshot's with the live
    // system's clock advanced and bookings_total counting the ticks.
    void startTicking(int intervalMs);
    void stopTicking();
    // Says nothing at all from now on (no ticks, no heartbeats, no answers),
    // connections left open: a link dead in a way TCP does not notice.
    void goSilent();
    // Gone at once, as a killed process: every connection reset, nothing
    // listens on the port any more.
    void die();

    // Runs the real sitroomctl against this gateway while the event loop
    // keeps serving it; killed after timeoutMs.
    CtlRun runCtl(const QStringList &arguments, int timeoutMs = 30000);

private:
    void onEnvelope(QSslSocket *peer, const sitroom::v1::Envelope &envelope);
    void welcome(QSslSocket *peer, const sitroom::v1::Hello &hello);

    QSslServer m_server;
    quint16 m_port = 0;
    std::vector<QSslSocket *> m_peers;
    std::vector<framing::FrameDecoder> m_decoders;
    sitroom::v1::Snapshot m_snapshot;
    CommandScript m_script;
    std::vector<sitroom::v1::Command> m_commands;
    quint64 m_seq = 1;
    QString m_serverId = QStringLiteral("scripted");
    sitroom::v1::Site m_site = sitroom::v1::SITE_UNSPECIFIED;
    bool m_hasLevel = false;
    quint32 m_level = 255;
    bool m_silent = false;
    int m_signIns = 0;
    int m_probes = 0;
    QTimer m_ticker;
    quint64 m_ticks = 0;
};

} // namespace sitroom::testing
