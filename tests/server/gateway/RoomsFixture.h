#pragma once

// Gateways as Seoul's and Osong's would run, in process over real TLS, on one
// PostgreSQL of a private cluster (or each on its own SQLite state), with the
// standard test users signed in through them: the two rooms' side of issue 13.
#include "tests/server/gateway/GatewayFixture.h"
#include "tests/support/PostgresCluster.h"
#include "tests/support/TestUsers.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <vector>

namespace sitroom::gateway::testing {

class RoomsFixture
{
protected:
    // The users file and, when asked, the cluster; false when either fails.
    bool prepareRooms(bool withPostgres, QString *error)
    {
        if (!m_dir.isValid() || !m_tls.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        m_users = m_dir.filePath(QStringLiteral("users.json"));
        if (!sitroom::testing::writeUsersFile(m_users, sitroom::testing::standardTestUsers())) {
            *error = QStringLiteral("cannot write %1").arg(m_users);
            return false;
        }
        return !withPostgres || m_cluster.start(error);
    }

    QString freshDatabase()
    {
        const QString name = QStringLiteral("rooms_%1").arg(++m_databases);
        QString error;
        if (!m_cluster.createDatabase(name, &error))
            qFatal("%s", qPrintable(error));
        return m_cluster.url(name);
    }

    // A gateway serving `site`, its state in `state` (a PostgreSQL URL, or a
    // folder for SQLite); nullptr, with the reason logged, when it does not listen.
    Gateway *startRoomGateway(const QString &state, sitroom::v1::Site site,
                              const std::function<void(GatewayOptions &)> &adjust = {})
    {
        GatewayOptions options;
        options.port = 0;
        options.tlsDir = m_tls.path();
        options.serverId = site == sitroom::v1::SITE_SEOUL ? QStringLiteral("seoul-gw") : QStringLiteral("osong-gw");
        options.site = site;
        options.tickHz = 4;
        options.heartbeatIntervalMs = 60000;
        options.usersFile = m_users;
        if (state.startsWith(QLatin1String("postgresql:")))
            options.stateConnection = state;
        else
            options.stateDir = state;
        if (adjust)
            adjust(options);
        auto gateway = std::make_unique<Gateway>(options);
        gateway->setConfiguration(configuration());
        gateway->setControlState(control(7));
        QString error;
        if (!gateway->listen(&error)) {
            qWarning("the gateway does not listen: %s", qPrintable(error));
            return nullptr;
        }
        m_gateways.push_back(std::move(gateway));
        return m_gateways.back().get();
    }

    // Signed in as user (password "<user>-pw"), past its Snapshot.
    TestTlsClient *signedIn(Gateway *gateway, const QString &user)
    {
        auto client = std::make_unique<TestTlsClient>();
        if (!client->signInAs(gateway->serverPort(), m_tls.caPath(), user, QStringLiteral("RoomsFixture"), kWaitMs))
            return nullptr;
        m_clients.push_back(std::move(client));
        return m_clients.back().get();
    }

    // The command's result; an empty one when none came.
    static sitroom::v1::CommandResult send(TestTlsClient &client, const sitroom::v1::Command &command)
    {
        const int from = int(client.received().size());
        Envelope e;
        *e.mutable_command() = command;
        client.send(e);
        for (int i = client.waitForBody(Envelope::kCommandResult, kWaitMs, from); i >= 0;
             i = client.waitForBody(Envelope::kCommandResult, kWaitMs, i + 1)) {
            const auto &result = client.received().at(std::size_t(i)).command_result();
            if (result.command_id() == command.command_id())
                return result;
        }
        return {};
    }

    // The client's last received message with this body.
    static const Envelope &last(const TestTlsClient &client, Envelope::BodyCase body)
    {
        for (auto it = client.received().rbegin(); it != client.received().rend(); ++it)
            if (it->body_case() == body)
                return *it;
        static const Envelope none;
        return none;
    }

    // The control state the client was told last (its Snapshot's or a ControlEvent's).
    static sitroom::v1::ControlState controlSeen(const TestTlsClient &client)
    {
        for (auto it = client.received().rbegin(); it != client.received().rend(); ++it) {
            if (it->has_control_event())
                return it->control_event().control();
            if (it->has_snapshot())
                return it->snapshot().control();
        }
        return {};
    }

    void dropRooms()
    {
        m_clients.clear();
        m_gateways.clear();
    }

    sitroom::testing::PostgresCluster m_cluster;
    QTemporaryDir m_dir;
    TemporaryTlsDir m_tls;
    QString m_users;
    int m_databases = 0;
    std::vector<std::unique_ptr<Gateway>> m_gateways;
    std::vector<std::unique_ptr<TestTlsClient>> m_clients;
};

} // namespace sitroom::gateway::testing
