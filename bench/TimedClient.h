#pragma once

// A signed-in console connection for the benchmarks that time commands and
// control changes (bench/tworooms_bench.cpp).

#include "tests/support/TestTlsClient.h"

#include "sitroom/v1/envelope.pb.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace sitroom::bench {

// tests/support's TestTlsClient, noting when each command's result and each
// control revision arrived, on one steady clock for every client of the
// process. Its waits sleep in the event loop (bench::waitUntil), so an
// arrival is stamped when it comes, not at the next poll.
class TimedClient final : public QObject
{
public:
    struct Answer
    {
        v1::CommandResult result;
        qint64 atNs = 0;
    };

    TimedClient();

    static qint64 nowNs();

    // Connects, signs in as user (password "<user>-pw", the test users') and
    // waits for the Snapshot. False with the reason.
    bool signIn(quint16 port, const QString &caPath, const QString &user, QString *error);
    // Waits for the next Tick with no stale figure (the stale-figure
    // interlock refuses controls until then).
    bool waitFresh(int timeoutMs);

    // How the connection acknowledges what it receives, set again at every
    // arrival and send (TCP_QUICKACK): at once, or delayed (up to 40 ms) as
    // the kernel does for a console's interactive traffic. Left alone until
    // this is called. Quick acknowledgements show what the gateway's small
    // writes held back by Nagle's algorithm until the ACK cost.
    void setQuickAck(bool on);

    // The control revision this connection was last told.
    std::uint64_t revision() const { return m_revision; }

    // Sends a throttle to rate on expectedRevision; the command's id.
    std::string sendThrottle(double rate, std::uint64_t expectedRevision, const QString &reason);
    // The command's answer, waiting up to timeoutMs; nullopt if none came.
    std::optional<Answer> waitAnswer(const std::string &commandId, int timeoutMs);
    // When a ControlEvent carrying revision r or later first arrived, waiting
    // up to timeoutMs; nullopt if none came.
    std::optional<qint64> waitRevisionEvent(std::uint64_t revision, int timeoutMs);

private:
    void onEnvelope(const v1::Envelope &envelope);
    void armQuickAck();

    testing::TestTlsClient m_client;
    bool m_snapshot = false;
    bool m_fresh = false;
    int m_quickAck = -1;  // TCP_QUICKACK's value to keep setting; -1: the kernel's own
    std::uint64_t m_revision = 0;
    std::map<std::string, Answer> m_answers;
    std::map<std::uint64_t, qint64> m_eventAtNs;  // revision -> first ControlEvent carrying it
};

} // namespace sitroom::bench
