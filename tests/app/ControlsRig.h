#pragma once

// What the simulator's controls tests share: the real sitroom-sim with the
// standard test users (TestUsers.h) and a state folder per test function,
// and signed-in protocol clients that send commands and read the audit
// (docs/controls.md). A test class derives from it beside QObject.

#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestTlsClient.h"

#include "sitroom/v1/envelope.pb.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <string>

namespace sitroom::testing {

// A provider's figures or control in a state; nullptr when not listed.
const v1::ProviderState *providerState(const v1::SystemState &state, const std::string &id);
const v1::ProviderControl *providerControl(const v1::ControlState &state, const std::string &id);

class ControlsRig
{
protected:
    using Body = v1::Envelope::BodyCase;
    static constexpr int kRigWaitMs = 5000;

    // A new state folder and the users file, for the next simulator; false
    // with the reason when they cannot be made.
    bool prepare(QString *error);
    // sitroom-sim's arguments: TLS, users, state, 60x, 5 ticks a second.
    QStringList args() const;

    // Connects and sends a Hello; the client, its answer (Welcome, Refusal or
    // none) in answer; nullptr when it cannot connect.
    std::unique_ptr<TestTlsClient> connectAs(const SimulatorProcess &sim, const QString &user, const QString &password,
                                           Body *answer = nullptr);
    // Signed in as user ("<user>-pw") with the snapshot received; nullptr otherwise.
    std::unique_ptr<TestTlsClient> signIn(const SimulatorProcess &sim, const QString &user);
    // The newest control state the client has been sent.
    static v1::ControlState currentControl(const TestTlsClient &client);
    // A command with a fresh id, on the client's newest revision.
    v1::Command command(const TestTlsClient &client, const char *reason = "test");
    // Sends and waits for its result; an unset status when none came.
    static v1::CommandResult send(TestTlsClient &client, const v1::Command &c);
    // The whole audit, verified or not; empty when no answer came.
    static v1::AuditResponse auditAll(TestTlsClient &client, bool verify);

    QTemporaryDir m_dir;
    QString m_tls, m_users, m_state;

private:
    int m_counter = 0;
    std::uint64_t m_ids = 0;
};

} // namespace sitroom::testing
