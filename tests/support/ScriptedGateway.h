#pragma once

#include "tests/support/CtlProcess.h"
#include "proto/framing/FrameCodec.h"
#include "sitroom/v1/envelope.pb.h"

#include <QObject>
#include <QSslServer>

#include <functional>
#include <vector>

class QSslSocket;

namespace sitroom::testing {

// A gateway played by the test: TLS on a free loopback port, Welcome and a
// Snapshot for every Hello, and for every Command whatever the test's script
// sends (a CommandResult, CommandProgress broadcasts now or later, nothing).
// For what the real gateway does not do on demand: an effect seen after
// exactly 2.1 s, an effect never seen, silence.
class ScriptedGateway final : public QObject
{
    Q_OBJECT

public:
    using CommandScript = std::function<void(ScriptedGateway &gateway, const sitroom::v1::Command &command)>;

    explicit ScriptedGateway(QObject *parent = nullptr);
    ~ScriptedGateway() override;

    bool listen(const QString &tlsDir, QString *error);
    quint16 port() const { return m_server.serverPort(); }
    QString address() const;

    // What the Snapshot after each Welcome holds (control revision 5 by default).
    sitroom::v1::Snapshot &snapshot() { return m_snapshot; }
    void setCommandScript(CommandScript script) { m_script = std::move(script); }
    const std::vector<sitroom::v1::Command> &commands() const { return m_commands; }

    // To every connected client; a broadcast (anything but a session's
    // answer) takes the next seq.
    void send(sitroom::v1::Envelope envelope);
    void sendLater(int delayMs, sitroom::v1::Envelope envelope);
    static sitroom::v1::Envelope answer(const sitroom::v1::Command &command, sitroom::v1::CommandStatus status,
                                        sitroom::v1::CommandStage stage, quint64 revision,
                                        const std::string &message = {});

    // Runs the real sitroomctl against this gateway while the event loop
    // keeps serving it; killed after timeoutMs.
    CtlRun runCtl(const QStringList &arguments, int timeoutMs = 30000);

private:
    void onEnvelope(QSslSocket *peer, const sitroom::v1::Envelope &envelope);

    QSslServer m_server;
    std::vector<QSslSocket *> m_peers;
    std::vector<framing::FrameDecoder> m_decoders;
    sitroom::v1::Snapshot m_snapshot;
    CommandScript m_script;
    std::vector<sitroom::v1::Command> m_commands;
    quint64 m_seq = 1;
};

} // namespace sitroom::testing
