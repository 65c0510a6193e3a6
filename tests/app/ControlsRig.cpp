#include "tests/app/ControlsRig.h"

#include "tests/support/TestUsers.h"

#include <QCoreApplication>

namespace sitroom::testing {

const v1::ProviderState *providerState(const v1::SystemState &state, const std::string &id)
{
    for (const auto &p : state.providers())
        if (p.id() == id)
            return &p;
    return nullptr;
}

const v1::ProviderControl *providerControl(const v1::ControlState &state, const std::string &id)
{
    for (const auto &p : state.providers())
        if (p.id() == id)
            return &p;
    return nullptr;
}

bool ControlsRig::prepare(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder: ") + m_dir.errorString();
        return false;
    }
    ++m_counter;
    m_tls = m_dir.filePath(QStringLiteral("tls"));
    m_users = m_dir.filePath(QStringLiteral("users.json"));
    m_state = m_dir.filePath(QStringLiteral("state-%1").arg(m_counter));
    if (writeUsersFile(m_users, standardTestUsers()))
        return true;
    *error = QStringLiteral("cannot write ") + m_users;
    return false;
}

QStringList ControlsRig::args() const
{
    return {QStringLiteral("--tls-dir"), m_tls, QStringLiteral("--users"), m_users, QStringLiteral("--state-dir"), m_state,
            QStringLiteral("--speed"), QStringLiteral("60"), QStringLiteral("--tick-hz"), QStringLiteral("5")};
}

std::unique_ptr<TestTlsClient> ControlsRig::connectAs(const SimulatorProcess &sim, const QString &user, const QString &password,
                                                    Body *answer)
{
    auto client = std::make_unique<TestTlsClient>();
    QString error;
    if (!client->connectToServer(sim.port(), m_tls + QStringLiteral("/ca.pem"), kRigWaitMs, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    v1::Envelope hello;
    hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_1);
    hello.mutable_hello()->set_user(user.toStdString());
    hello.mutable_hello()->set_password(password.toStdString());
    hello.mutable_hello()->set_client_name(QCoreApplication::applicationName().toStdString());
    client->send(hello);
    client->waitFor([&] { return client->count(Body::kWelcome) + client->count(Body::kRefusal) > 0; }, kRigWaitMs);
    if (answer)
        *answer = client->count(Body::kWelcome) ? Body::kWelcome
                                                : (client->count(Body::kRefusal) ? Body::kRefusal : Body::BODY_NOT_SET);
    return client;
}

std::unique_ptr<TestTlsClient> ControlsRig::signIn(const SimulatorProcess &sim, const QString &user)
{
    Body answer = Body::BODY_NOT_SET;
    auto client = connectAs(sim, user, user + QStringLiteral("-pw"), &answer);
    if (!client || answer != Body::kWelcome || client->waitForBody(Body::kSnapshot, kRigWaitMs) < 0)
        return nullptr;
    return client;
}

v1::ControlState ControlsRig::currentControl(const TestTlsClient &client)
{
    v1::ControlState control;
    for (const auto &e : client.received()) {
        if (e.body_case() == Body::kSnapshot)
            control = e.snapshot().control();
        else if (e.body_case() == Body::kControlEvent)
            control = e.control_event().control();
        else if (e.body_case() == Body::kCommandResult && e.command_result().control().revision() > control.revision())
            control = e.command_result().control();
    }
    return control;
}

v1::Command ControlsRig::command(const TestTlsClient &client, const char *reason)
{
    v1::Command c;
    c.set_command_id("sc-" + std::to_string(++m_ids));
    c.set_expected_revision(currentControl(client).revision());
    c.set_reason(reason);
    return c;
}

v1::CommandResult ControlsRig::send(TestTlsClient &client, const v1::Command &c)
{
    v1::Envelope e;
    *e.mutable_command() = c;
    client.send(e);
    v1::CommandResult result;
    client.waitFor([&] {
        for (const auto &r : client.received())
            if (r.body_case() == Body::kCommandResult && r.command_result().command_id() == c.command_id()) {
                result = r.command_result();
                return true;
            }
        return false;
    }, kRigWaitMs);
    return result;
}

v1::AuditResponse ControlsRig::auditAll(TestTlsClient &client, bool verify)
{
    v1::Envelope e;
    e.mutable_audit_request()->set_request_id("audit-1");
    e.mutable_audit_request()->set_limit(5000);
    e.mutable_audit_request()->set_verify(verify);
    const int from = int(client.received().size());
    client.send(e);
    const int i = client.waitForBody(Body::kAuditResponse, kRigWaitMs, from);
    return i >= 0 ? client.received()[size_t(i)].audit_response() : v1::AuditResponse();
}

} // namespace sitroom::testing
