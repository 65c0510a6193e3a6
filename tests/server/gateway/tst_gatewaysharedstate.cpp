// Two gateways, as Seoul's and Osong's, on one PostgreSQL (issue 13), in
// process over real TLS: a command through one shows on the other's console
// within a second (control event and audit row), a stale revision is a
// conflict whichever room sends it, a command resent to the other room is
// answered with its first result; with PostgreSQL stopped, commands are
// refused saying why (in the user's words, libpq's kept out of them) while
// telemetry flows, and they work again once it is back; a sign-in meanwhile
// is let in, and its audit row is in the chain, marked late, soon after
// PostgreSQL is back. Start-up: a newer schema, or an address that cannot be
// reached, is said as the shared state setting.
#include "server/gateway/PostgresGatewayStore.h"
#include "server/gateway/PostgresSchema.h"
#include "proto/sitroom/PhraseBook.h"
#include "tests/server/gateway/GatewayFixture.h"
#include "tests/support/PostgresCluster.h"
#include "tests/support/TestUsers.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using sitroom::gateway::Gateway;
using sitroom::gateway::GatewayOptions;
using sitroom::gateway::GatewaySetting;
using sitroom::v1::Envelope;
using namespace sitroom::gateway::testing;

namespace {

Envelope rateCommand(const char *commandId, std::uint64_t revision, double rate)
{
    Envelope e;
    auto *c = e.mutable_command();
    c->set_command_id(commandId);
    c->set_expected_revision(revision);
    c->set_reason("queue grows");
    c->mutable_set_admission_rate()->set_rate_per_s(rate);
    return e;
}

// The client's last received message with this body.
const Envelope &last(TestTlsClient &client, Envelope::BodyCase body)
{
    for (auto it = client.received().rbegin(); it != client.received().rend(); ++it)
        if (it->body_case() == body)
            return *it;
    static const Envelope none;
    return none;
}

} // namespace

class TestGatewaySharedState final : public QObject
{
    Q_OBJECT

private:
    sitroom::testing::PostgresCluster m_cluster;
    QTemporaryDir m_dir;
    TemporaryTlsDir m_tls;
    QString m_users;
    int m_databases = 0;
    std::vector<std::unique_ptr<Gateway>> m_gateways;
    std::vector<std::unique_ptr<TestTlsClient>> m_clients;

    QString freshDatabase()
    {
        const QString name = QStringLiteral("rooms_%1").arg(++m_databases);
        QString error;
        if (!m_cluster.createDatabase(name, &error))
            qFatal("%s", qPrintable(error));
        return m_cluster.url(name);
    }

    Gateway *startGateway(const QString &state, sitroom::v1::Site site)
    {
        GatewayOptions options;
        options.port = 0;
        options.tlsDir = m_tls.path();
        options.serverId = site == sitroom::v1::SITE_SEOUL ? QStringLiteral("seoul-gw") : QStringLiteral("osong-gw");
        options.site = site;
        options.tickHz = 4;
        options.heartbeatIntervalMs = 60000;
        options.usersFile = m_users;
        options.stateConnection = state;
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
        if (!client->signInAs(gateway->serverPort(), m_tls.caPath(), user, QStringLiteral("tst_gatewaysharedstate"), kWaitMs))
            return nullptr;
        m_clients.push_back(std::move(client));
        return m_clients.back().get();
    }

    static sitroom::v1::CommandResult send(TestTlsClient &client, const Envelope &command)
    {
        const int from = int(client.received().size());
        client.send(command);
        for (int i = client.waitForBody(Envelope::kCommandResult, kWaitMs, from); i >= 0;
             i = client.waitForBody(Envelope::kCommandResult, kWaitMs, i + 1)) {
            const auto &result = client.received().at(std::size_t(i)).command_result();
            if (result.command_id() == command.command().command_id())
                return result;
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_tls.isValid(), qPrintable(m_tls.errorString()));
        m_users = m_dir.filePath(QStringLiteral("users.json"));
        QVERIFY(sitroom::testing::writeUsersFile(m_users, sitroom::testing::standardTestUsers()));
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_clients.clear();
        m_gateways.clear();
    }

    void aCommandThroughOneRoomShowsInTheOtherWithinASecond()
    {
        const QString state = freshDatabase();
        Gateway *seoul = startGateway(state, sitroom::v1::SITE_SEOUL);
        Gateway *osong = startGateway(state, sitroom::v1::SITE_OSONG);
        QVERIFY(seoul && osong);
        TestTlsClient *kim = signedIn(seoul, QStringLiteral("kim"));
        // A Seoul supervisor's console on Osong's gateway (the room in command
        // is not what this is about).
        TestTlsClient *park = signedIn(osong, QStringLiteral("park"));
        QVERIFY(kim && park);

        // The audit rows from here on, once each console has been told every
        // row so far: Osong's sign-in row reaches Seoul's console through
        // PostgreSQL, in its own time.
        QVERIFY(kim->waitFor([&] { return last(*kim, Envelope::kAuditEvent).audit_event().entry().user() == "park"; }, 1000));
        const std::size_t from[2] = {kim->received().size(), park->received().size()};
        QElapsedTimer took;
        took.start();
        const sitroom::v1::CommandResult applied = send(*kim, rateCommand("seoul-1", 7, 300));
        QVERIFY2(applied.status() == sitroom::v1::COMMAND_APPLIED, applied.message().c_str());
        QVERIFY(park->waitFor([&] { return last(*park, Envelope::kControlEvent).control_event().control().revision() == 8; }, 1000));
        qInfo("Seoul's command on Osong's console after %lld ms", took.elapsed());
        QCOMPARE(last(*park, Envelope::kControlEvent).control_event().control().admission_rate_per_s(), 300.0);
        QCOMPARE(last(*park, Envelope::kControlEvent).control_event().actor().user(), std::string("kim"));
        QVERIFY(park->waitFor([&] { return last(*park, Envelope::kAuditEvent).audit_event().entry().command_id() == "seoul-1"; }, 1000));
        QCOMPARE(osong->controlState().revision(), 8u);

        // Through Osong on the revision it was told; Seoul hears it.
        const sitroom::v1::CommandResult fromOsong = send(*park, rateCommand("osong-1", 8, 350));
        QVERIFY2(fromOsong.status() == sitroom::v1::COMMAND_APPLIED, fromOsong.message().c_str());
        QVERIFY(kim->waitFor([&] { return last(*kim, Envelope::kControlEvent).control_event().control().revision() == 9; }, 1000));
        QCOMPARE(last(*kim, Envelope::kControlEvent).control_event().control().admission_rate_per_s(), 350.0);
        // A revision gone is a conflict in either room, told the one in force.
        const sitroom::v1::CommandResult stale = send(*kim, rateCommand("seoul-2", 8, 400));
        QCOMPARE(stale.status(), sitroom::v1::COMMAND_CONFLICT);
        QCOMPARE(stale.control().revision(), 9u);
        // Seoul's first command resent through Osong: its first answer, nothing applied twice.
        const sitroom::v1::CommandResult again = send(*park, rateCommand("seoul-1", 7, 300));
        QCOMPARE(again.status(), sitroom::v1::COMMAND_APPLIED);
        QCOMPARE(again.message(), applied.message());
        QCOMPARE(osong->controlState().revision(), 9u);
        QCOMPARE(osong->controlState().admission_rate_per_s(), 350.0);
        QCOMPARE(seoul->controlState().revision(), 9u);
        // Each room's consoles got every audit row once, whichever room wrote it.
        std::vector<std::uint64_t> told[2];
        for (int room = 0; room < 2; ++room) {
            TestTlsClient *client = room == 0 ? kim : park;
            QVERIFY(client->waitFor([&] { return last(*client, Envelope::kAuditEvent).audit_event().entry().command_id() == "seoul-2"; }, 1000));
            for (std::size_t i = from[room]; i < client->received().size(); ++i)
                if (client->received().at(i).has_audit_event())
                    told[room].push_back(client->received().at(i).audit_event().entry().id());
            std::sort(told[room].begin(), told[room].end());
            QVERIFY(std::adjacent_find(told[room].begin(), told[room].end()) == told[room].end());
        }
        QCOMPARE(told[0], told[1]);
        // seoul-1, osong-1, seoul-2's conflict, one after the other.
        QCOMPARE(told[0].size(), std::size_t(3));
        QCOMPARE(told[0].back(), told[0].front() + 2);
    }

    void withPostgresqlDownCommandsAreRefusedAndTelemetryFlows()
    {
        const QString state = freshDatabase();
        Gateway *seoul = startGateway(state, sitroom::v1::SITE_SEOUL);
        QVERIFY(seoul);
        TestTlsClient *kim = signedIn(seoul, QStringLiteral("kim"));
        QVERIFY(kim);
        QVERIFY(m_cluster.stop());
        const sitroom::v1::CommandResult refused = send(*kim, rateCommand("down-1", 7, 300));
        QCOMPARE(refused.status(), sitroom::v1::COMMAND_REFUSED);
        QVERIFY2(QString::fromStdString(refused.message()).contains(QLatin1String("the shared state store cannot be reached")),
                 refused.message().c_str());
        // Said as a phrase of its own, libpq's words (still in the English text
        // field, for sitroomctl) not in it.
        QCOMPARE(refused.message_words().code(), std::string("audit.write_failed"));
        QCOMPARE(refused.message_words().parts(0).phrase().code(), std::string("store.unreachable"));
        QCOMPARE(sitroom::phrase::english(refused.message_words()),
                 QStringLiteral("the audit log could not be written, so nothing was done: the shared state store cannot be reached"));
        QVERIFY2(QString::fromStdString(refused.message()).contains(QLatin1String("127.0.0.1")), refused.message().c_str());
        QCOMPARE(seoul->controlState().revision(), 7u);
        const int ticks = kim->count(Envelope::kTick);
        seoul->publishTick(stateAt(1), samplesBefore(1, 1));
        QVERIFY(kim->waitFor([&] { return kim->count(Envelope::kTick) > ticks; }, kWaitMs));

        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        sitroom::v1::CommandResult back;
        QVERIFY2(kim->waitFor([&] {
            back = send(*kim, rateCommand("down-2", 7, 300));
            return back.status() == sitroom::v1::COMMAND_APPLIED;
        }, 10000), back.message().c_str());
        QCOMPARE(seoul->controlState().revision(), 8u);
    }

    // "Never locks them out": a sign-in while PostgreSQL is down is let in,
    // and the audit has no hole: its row waits in the gateway and goes into
    // the chain once PostgreSQL is back, with its own time, saying it was
    // recorded late; the chain stays whole, and the consoles are told the row.
    void aSignInWhilePostgresqlIsDownIsAuditedOnceItIsBack()
    {
        const QString state = freshDatabase();
        Gateway *seoul = startGateway(state, sitroom::v1::SITE_SEOUL);
        QVERIFY(seoul);
        TestTlsClient *kim = signedIn(seoul, QStringLiteral("kim"));
        QVERIFY(kim);
        QVERIFY(m_cluster.stop());
        const sitroom::v1::CommandResult refused = send(*kim, rateCommand("down-3", 7, 300));
        QCOMPARE(refused.status(), sitroom::v1::COMMAND_REFUSED);
        QCOMPARE(refused.message_words().parts(0).phrase().code(), std::string("store.unreachable"));

        const qint64 signInFrom = QDateTime::currentMSecsSinceEpoch();
        TestTlsClient *park = signedIn(seoul, QStringLiteral("park"));
        QVERIFY2(park, "a sign-in while PostgreSQL is down is let in");
        const qint64 signInTo = QDateTime::currentMSecsSinceEpoch();

        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        sitroom::gateway::PostgresGatewayStore chain;
        QVERIFY2(chain.open(state, &error), qPrintable(error));
        const auto parkRow = [&chain]() -> std::optional<sitroom::v1::AuditEntry> {
            for (const sitroom::v1::AuditEntry &e : chain.auditPage(0, 100))
                if (e.user() == "park" && e.action_words().code() == "action.sign_in")
                    return e;
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(parkRow().has_value(), 10000);
        const sitroom::v1::AuditEntry row = *parkRow();
        QCOMPARE(row.outcome_words().code(), std::string("signin.ok"));
        // When it happened, not when it was written.
        QVERIFY2(row.time_ms() >= signInFrom && row.time_ms() <= signInTo, qPrintable(QString::number(row.time_ms())));
        QCOMPARE(row.reason_words().code(), std::string("audit.recorded_late"));
        QVERIFY2(QString::fromStdString(row.reason()).startsWith(QLatin1String("recorded late, at ")), row.reason().c_str());
        QVERIFY(std::stoll(row.reason_words().args(0).value()) > signInTo);
        const sitroom::gateway::AuditVerification verified = chain.verifyAudit();
        QVERIFY2(verified.ok, qPrintable(verified.detail));
        // kim's sign-in before it (written on time), park's after.
        const std::vector<sitroom::v1::AuditEntry> rows = chain.auditPage(0, 100);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].user(), std::string("kim"));
        QVERIFY(rows[0].reason_words().code().empty());
        QCOMPARE(rows[1].id(), row.id());
        // And told to the consoles as any row.
        QVERIFY(kim->waitFor([&] { return last(*kim, Envelope::kAuditEvent).audit_event().entry().id() == row.id(); }, kWaitMs));
    }

    void startUpErrorsNameTheSharedStateSetting()
    {
        // Nothing listens there; and a database newer than this gateway.
        const QString nowhere = QStringLiteral("postgresql://sitroom:pw-never-shown@127.0.0.1:1/none");
        GatewayOptions options;
        options.stateConnection = nowhere;
        Gateway unreachable(options);
        QString error;
        GatewaySetting setting = GatewaySetting::None;
        QVERIFY(!unreachable.openControls(&error, &setting));
        QCOMPARE(setting, GatewaySetting::StateConnection);
        QVERIFY2(error.startsWith(QLatin1String("cannot reach the shared state store postgresql://sitroom@127.0.0.1:1/none: ")),
                 qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String("pw-never-shown")), qPrintable(error));

        const QString state = freshDatabase();
        QVERIFY(startGateway(state, sitroom::v1::SITE_SEOUL));
        m_gateways.clear();
        const QString database = state.section(QLatin1Char('/'), -1);
        QVERIFY2(m_cluster.execute(database, QStringLiteral("UPDATE schema_version SET version = 99"), &error), qPrintable(error));
        options.stateConnection = state;
        Gateway newer(options);
        QVERIFY(!newer.openControls(&error, &setting));
        QCOMPARE(setting, GatewaySetting::StateConnection);
        QVERIFY2(error.contains(QStringLiteral("schema version 99, newer than this gateway knows (version %1)")
                                    .arg(sitroom::gateway::postgres::knownVersion())),
                 qPrintable(error));
        // Never both places at once.
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        Gateway both(options);
        QVERIFY(!both.openControls(&error, &setting));
        QCOMPARE(setting, GatewaySetting::StateConnection);
        QVERIFY2(error.contains(QLatin1String("a gateway keeps its state in one place")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestGatewaySharedState)
#include "tst_gatewaysharedstate.moc"
