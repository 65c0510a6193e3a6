#pragma once

#include "tests/support/ChaosPlan.h"

#include "proto/framing/FrameCodec.h"
#include "sitroom/v1/envelope.pb.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator64>
#include <QSslSocket>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <vector>

namespace sitroom::testing {

// One console of a chaos run, as sitroomctl or the console would behave: a
// TLS session signed in as a real user on one of two gateways, sending its
// commands one at a time and waiting for each answer. When the link dies (its
// gateway killed) it signs in to the other gateway, or to the same one once
// it is back, and sends the command whose answer it did not see again, with
// the same command_id. Event driven: many run in one thread's event loop.
class ChaosClient final : public QObject
{
    Q_OBJECT

public:
    struct Gateway
    {
        QString serverId;
        quint16 port = 0;
    };
    struct Settings
    {
        QString user;
        bool viewer = false;
        std::vector<Gateway> gateways;
        int firstGateway = 0;
        QString caPath;
        int quota = 0;                 // commands to send
        int heldBack = 0;              // of those, kept until release()
        std::uint64_t seed = 1;         // the run's, in every command_id
        std::uint64_t choiceSeed = 1;   // this client's choices
        double staleShare = 0.5;
        double hopChance = 0;
        int answerTimeoutMs = 90000;
        int reconnectTimeoutMs = 60000;
    };

    explicit ChaosClient(Settings settings, QObject *parent = nullptr);

    // Signs in; commands wait for beginCommands().
    void start();
    void beginCommands();
    // Sends the commands held back (Settings::heldBack) too.
    void release();

    bool isSignedIn() const { return m_signedIn; }
    bool isDone() const { return m_done; }
    const QString &user() const { return m_settings.user; }
    // The control state of its first Snapshot.
    const sitroom::v1::ControlState &firstControl() const { return m_firstControl; }
    const std::vector<ChaosCommand> &commands() const { return m_commands; }
    int answeredCount() const { return m_answered; }
    int reconnects() const { return m_reconnects; }
    int hops() const { return m_hops; }

signals:
    void signedIn();
    void answered();
    void finished();
    void failed(const QString &why);

private:
    void connectTo(int gateway);
    void onEncrypted();
    void onReadyRead();
    void onLinkLost(const QString &why);
    void onEnvelope(const sitroom::v1::Envelope &envelope);
    void onSnapshot(const sitroom::v1::Snapshot &snapshot);
    void onResult(const sitroom::v1::CommandResult &result);
    void next();
    void sendInFlight();
    void moveTo(int gateway);
    sitroom::v1::Command makeCommand(bool *staleOnPurpose);
    void setAction(sitroom::v1::Command &command);
    void send(const sitroom::v1::Envelope &envelope);
    void fail(const QString &why);
    QString where() const;

    Settings m_settings;
    QRandomGenerator64 m_random;
    QPointer<QSslSocket> m_socket;
    framing::FrameDecoder m_decoder;
    int m_gateway = 0;
    QString m_serverId;
    sitroom::v1::Role m_role = sitroom::v1::ROLE_UNSPECIFIED;
    bool m_signedIn = false;
    bool m_everSignedIn = false;
    bool m_began = false;
    bool m_done = false;
    bool m_failed = false;
    bool m_inFlight = false;   // the last of m_commands awaits its answer
    std::uint64_t m_newestSeen = 0;
    std::uint64_t m_sequence = 0;
    sitroom::v1::ControlState m_firstControl;
    std::vector<std::string> m_providers;
    double m_rateLow = 600;
    double m_rateHigh = 800;
    std::vector<ChaosCommand> m_commands;
    int m_answered = 0;
    int m_reconnects = 0;
    int m_hops = 0;
    QTimer m_answerTimer;
    QTimer m_retryTimer;
    QDeadlineTimer m_reconnectDeadline{QDeadlineTimer::Forever};
    QString m_lastLinkError;
};

} // namespace sitroom::testing
