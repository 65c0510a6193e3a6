#pragma once

#include "app/ctl/CtlOptions.h"
#include "proto/framing/FrameCodec.h"
#include "sitroom/v1/envelope.pb.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace sitroom::ctl {

// One short protocol session for a one-shot client: connect over TLS, Hello,
// take the Welcome and the Snapshot, then ask one thing and wait for its
// answer. Every wait runs a local event loop bounded by the timeout, so the
// tool never hangs on a silent server. Broadcast traffic (ticks, heartbeats,
// events) is read and dropped, but for CommandProgress (kept for
// waitForEffect): a client that leaves after one answer has no use for
// sequence checks.
//
// Given several gateways (--server a,b) it signs in to the first that
// answers, and moves to a healthier one when that one's service level is
// below the threshold (others asked with a probe, no sign-in). When the link
// dies while it waits (closed, or silent for three heartbeat intervals), it
// signs in to another and asks again: a command with the same command_id,
// which the gateways' pipeline answers once (CtlSessionFailover.cpp).
class CtlSession final : public QObject
{
    Q_OBJECT

public:
    explicit CtlSession(GlobalOptions options, QObject *parent = nullptr);
    ~CtlSession() override;

    // Connects, signs in and waits for the Snapshot. False with errorString()
    // in plain words (which server, what failed).
    bool open();

    // Sends a Command and waits for the CommandResult with its command_id.
    std::optional<sitroom::v1::CommandResult> runCommand(const sitroom::v1::Command &command);
    // Sends an AuditRequest and waits for the AuditResponse with its request_id.
    std::optional<sitroom::v1::AuditResponse> runAudit(const sitroom::v1::AuditRequest &request);

    // Waits up to timeoutMs for a CommandProgress that settles the command:
    // a final stage (effect seen or not, delivery failed) for commandId, or
    // for the control revision it made (an approval's change may be reported
    // under the approved request's command). Progress already heard, in the
    // Snapshot or while waiting for the answer, counts. nullopt when the wait
    // ran out (timedOut() true) or the session failed (errorString()).
    std::optional<sitroom::v1::CommandProgress> waitForEffect(const std::string &commandId, quint64 revision,
                                                              int timeoutMs);
    bool timedOut() const { return m_timedOut; }
    // The latest stage heard for commandId (UNSPECIFIED when none).
    sitroom::v1::CommandStage lastStage(const std::string &commandId) const;

    const sitroom::v1::Welcome &welcome() const { return m_welcome; }
    const sitroom::v1::Snapshot &snapshot() const { return m_snapshot; }
    // The server's clock when the Snapshot was sent (for "expires in").
    qint64 snapshotServerTimeMs() const { return m_snapshotServerTimeMs; }
    QString errorString() const { return m_error; }
    // The gateway in use.
    QString where() const;
    // What happened on the way, in plain words ("the link to … died; …"):
    // sitroomctl says each on standard error as it happens.
    void setNoteSink(std::function<void(const QString &)> sink) { m_notes = std::move(sink); }

private:
    // One connection to servers[index]: a fresh socket, nothing heard yet.
    bool openAt(int index);
    void resetLink();
    // After a dead link: the others in order, this one last. False when none opens.
    bool failOver(const QString &why);
    // Signed in below the healthy level: a healthier gateway, if one answers.
    void preferHealthier();
    std::optional<quint32> probe(int index);
    // The link died (closed, reset, silent, shutting down), as opposed to a
    // refusal of the credentials or a wait that ran out: another gateway may do.
    bool linkDied() const { return m_failed && m_linkDied; }
    bool canFailOver() const { return m_servers.size() > 1; }
    void note(const QString &text) const;
    QSslConfiguration tls() const;

    void send(sitroom::v1::Envelope &envelope);
    // Runs the event loop until done() holds, the session failed or the
    // timeout passed (then fails with "no <what> within N s").
    bool waitUntil(const std::function<bool()> &done, const QString &what);
    // The event loop until done() holds, the session failed or the deadline passed.
    void runUntil(const std::function<bool()> &done, const QDeadlineTimer &deadline);
    // Sends the request, waits for its answer, and on a dead link asks again
    // through another gateway.
    bool ask(sitroom::v1::Envelope request, const std::function<bool()> &answered, const QString &what);
    const sitroom::v1::CommandProgress *settledProgress(const std::string &commandId, quint64 revision) const;
    void fail(const QString &message, bool linkDied = true);
    void onReadyRead();
    void onEnvelope(sitroom::v1::Envelope &envelope);

    GlobalOptions m_options;
    QList<transport::HostPort> m_servers;
    int m_current = 0;
    QPointer<QSslSocket> m_socket;
    framing::FrameDecoder m_decoder;
    QEventLoop *m_loop = nullptr;
    quint64 m_clientSeq = 0;
    bool m_failed = false;
    bool m_linkDied = false;
    bool m_waitRanOut = false;
    QString m_error;
    std::function<void(const QString &)> m_notes;
    QElapsedTimer m_lastHeard;   // since anything came on this link

    bool m_haveWelcome = false;
    bool m_haveSnapshot = false;
    sitroom::v1::Welcome m_welcome;
    sitroom::v1::Snapshot m_snapshot;
    qint64 m_snapshotServerTimeMs = 0;

    std::string m_awaitedCommandId;
    std::optional<sitroom::v1::CommandResult> m_commandResult;
    std::vector<sitroom::v1::CommandProgress> m_progress;  // every one heard, in order
    bool m_timedOut = false;
    std::string m_awaitedAuditId;
    std::optional<sitroom::v1::AuditResponse> m_auditResponse;
};

} // namespace sitroom::ctl
