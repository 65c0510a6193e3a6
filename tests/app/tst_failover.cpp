// A console fails over between real gateways (issue 13; the TwoRooms rig):
// one sitroom-sim as the live system, Debian's Prometheus scraping it, two
// sitroom-gateway processes (Seoul's and Osong's) reading it through that
// Prometheus, steering it through its one control webhook and sharing their
// state in one private PostgreSQL cluster; a console's telemetry client on
// Seoul's. Seoul's gateway is killed (SIGKILL) with a command in flight:
// within 3 s the client shows Osong's data, and the command, sent again with
// its command_id across the switch, is applied once and answered once.
#include "models/situation/SituationStore.h"
#include "models/telemetry/TelemetryClient.h"

#include "tests/support/TestTlsClient.h"
#include "tests/support/TwoRooms.h"

#include <QtTest>

#include <QElapsedTimer>

#include <vector>

using namespace sitroom;
using namespace sitroom::testing;
using sitroom::v1::Envelope;

namespace {

constexpr int kFreshMs = 30000;   // Prometheus's first samples reach every rate() window
constexpr int kMoveBudgetMs = 3000;

} // namespace

class TestFailover final : public QObject
{
    Q_OBJECT

private:
    using Room = TwoRooms::Room;
    TwoRooms m_rooms;

    // A client of the test's own on a gateway, past its Snapshot.
    bool signIn(TestTlsClient &client, quint16 port, const std::string &user)
    {
        if (!client.connectToServer(port, m_rooms.caPath(), 10000))
            return false;
        Envelope hello;
        hello.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_1);
        hello.mutable_hello()->set_user(user);
        hello.mutable_hello()->set_password(user + "-pw");
        hello.mutable_hello()->set_client_name("tst_failover");
        client.send(hello);
        return client.waitForBody(Envelope::kSnapshot, 10000) >= 0;
    }

    // The gateway's last Tick had every figure fresh.
    static bool fresh(const TestTlsClient &client)
    {
        for (auto it = client.received().rbegin(); it != client.received().rend(); ++it) {
            if (it->has_tick())
                return it->tick().state().stale_size() == 0;
        }
        return false;
    }

    // The audit rows that record a decision on commandId ("applied: …"),
    // read from a gateway by a client of the test's own.
    int appliedRows(quint16 port, const std::string &commandId)
    {
        TestTlsClient auditor;
        if (!signIn(auditor, port, "park"))
            return -1;
        Envelope request;
        request.mutable_audit_request()->set_request_id("failover-audit");
        request.mutable_audit_request()->set_limit(5000);
        const int from = int(auditor.received().size());
        auditor.send(request);
        const int at = auditor.waitForBody(Envelope::kAuditResponse, 10000, from);
        if (at < 0)
            return -1;
        int rows = 0;
        for (const v1::AuditEntry &e : auditor.received().at(std::size_t(at)).audit_response().entries())
            rows += e.command_id() == commandId && QString::fromStdString(e.outcome()).startsWith(QStringLiteral("applied")) ? 1 : 0;
        return rows;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_rooms.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_rooms.stop(); }

    void killingTheGatewayInUseMovesTheConsoleWithItsCommand()
    {
        models::ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = m_rooms.port(Room::Seoul);
        settings.otherServers = {transport::HostPort{QStringLiteral("127.0.0.1"), m_rooms.port(Room::Osong)}};
        settings.caFile = m_rooms.caPath();
        settings.user = QStringLiteral("kim");
        settings.password = QStringLiteral("kim-pw");
        settings.clientName = QStringLiteral("tst_failover");
        models::TelemetryClient client;
        models::SituationStore store;
        connect(&client, &models::TelemetryClient::batchReady, &store, &models::SituationStore::apply);
        std::vector<v1::CommandResult> shown;
        connect(&store, &models::SituationStore::commandResult, this,
                [&shown](const v1::CommandResult &r) { shown.push_back(r); });
        client.start(settings);

        // On Seoul's gateway, its figures fresh (the stale-figure interlock
        // refuses controls until they are).
        QTRY_VERIFY_WITH_TIMEOUT(store.isLive() && !store.isStale() && store.link().server == m_rooms.address(Room::Seoul)
                                     && store.hasSnapshot() && store.state().stale_size() == 0,
                                 kFreshMs);
        QCOMPARE(store.welcome().server_id(), std::string("seoul-gw"));
        // Osong's figures fresh too: each gateway reads Prometheus on its own,
        // and its interlock would refuse the command while they are not.
        TestTlsClient osongWatch;
        QVERIFY(signIn(osongWatch, m_rooms.port(Room::Osong), "han"));
        QVERIFY(osongWatch.waitFor([&] { return fresh(osongWatch); }, kFreshMs));
        const std::uint64_t revision = store.control().revision();
        // The live system names the control revision it runs (that of the
        // gateways' last delivered change): one higher once the command is in.
        QVERIFY(m_rooms.liveRevision() >= 0 && m_rooms.liveRevision() <= int(revision));

        // A command leaves, and the gateway it goes to dies at once.
        v1::Command command;
        command.set_command_id("failover-1");
        command.set_expected_revision(revision);
        command.set_reason("drill: the Seoul gateway dies under a command");
        command.mutable_set_admission_rate()->set_rate_per_s(620);
        client.sendCommand(command);
        QElapsedTimer clock;
        clock.start();
        m_rooms.kill(Room::Seoul);

        // Osong's data, fresh, within 3 s: live there, a snapshot and ticks from it.
        const auto onOsong = [&] {
            return store.isLive() && !store.isStale() && store.link().server == m_rooms.address(Room::Osong)
                && store.welcome().server_id() == "osong-gw";
        };
        QTRY_VERIFY_WITH_TIMEOUT(onOsong(), kMoveBudgetMs);
        const qint64 movedMs = clock.elapsed();
        qInfo("the console showed Osong's data %lld ms after Seoul's gateway was killed", movedMs);
        QVERIFY2(movedMs <= kMoveBudgetMs, qPrintable(QString::number(movedMs)));
        const qint64 simAtMove = store.state().sim_time_ms();
        QTRY_VERIFY_WITH_TIMEOUT(store.state().sim_time_ms() > simAtMove && onOsong(), 5000);

        // The command: answered once, applied once, whichever gateway decided it.
        QTRY_COMPARE_WITH_TIMEOUT(int(shown.size()), 1, 30000);
        QCOMPARE(shown.front().command_id(), std::string("failover-1"));
        QVERIFY2(shown.front().status() == v1::COMMAND_APPLIED, shown.front().message().c_str());
        QCOMPARE(shown.front().control().revision(), revision + 1);
        QTRY_COMPARE_WITH_TIMEOUT(store.control().revision(), revision + 1, 5000);
        QCOMPARE(m_rooms.liveRevision(), int(revision + 1));
        QCOMPARE(appliedRows(m_rooms.port(Room::Osong), "failover-1"), 1);
        // Nothing more comes for it.
        const qint64 simNow = store.state().sim_time_ms();
        QTRY_VERIFY_WITH_TIMEOUT(store.state().sim_time_ms() > simNow, 5000);
        QCOMPARE(int(shown.size()), 1);
        QCOMPARE(m_rooms.liveRevision(), int(revision + 1));
        client.stop();
    }
};

QTEST_GUILESS_MAIN(TestFailover)
#include "tst_failover.moc"
