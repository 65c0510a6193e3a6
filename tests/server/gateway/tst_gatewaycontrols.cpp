// The gateway's controls over the wire, in process over real TLS on
// loopback: a viewer's command refused (and audited), audit pages, the chain
// check and Snapshot.recent_audit; and its start-up errors, which name the
// setting and the file or folder, never a program's option.
#include "tests/server/gateway/GatewayFixture.h"

#include <QFile>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>

using sitroom::gateway::Gateway;
using sitroom::gateway::GatewayOptions;
using sitroom::gateway::GatewaySetting;
using sitroom::v1::Envelope;
using namespace sitroom::gateway::testing;

class TestGatewayControls final : public QObject, private GatewayFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_tls.isValid(), qPrintable(m_tls.errorString()));
    }

    void cleanup()
    {
        m_clients.clear();
        m_gateway.reset();
    }

    void commandsAreRefusedForViewers()
    {
        QVERIFY(startGateway());
        TestTlsClient *client = activeClient();
        QVERIFY(client);
        Envelope command;
        command.mutable_command()->set_command_id("cmd-1");
        command.mutable_command()->set_expected_revision(7);
        command.mutable_command()->mutable_set_admission_rate()->set_rate_per_s(10);
        client->send(command);
        const int i = client->waitForBody(Envelope::kCommandResult, kWaitMs);
        QVERIFY(i >= 0);
        const auto &result = client->received().at(std::size_t(i)).command_result();
        QCOMPARE(result.command_id(), std::string("cmd-1"));
        QCOMPARE(result.status(), sitroom::v1::COMMAND_REFUSED);
        QCOMPARE(QString::fromStdString(result.message()), QStringLiteral("this session has the viewer role: commands are not allowed"));
        QCOMPARE(result.control().revision(), 7u);
        QCOMPARE(result.control().admission_rate_per_s(), 250.0);
        QCOMPARE(client->count(Envelope::kControlEvent), 0);
    }

    void auditIsPagedVerifiedAndInSnapshots()
    {
        QVERIFY(startGateway());
        TestTlsClient *client = activeClient();
        QVERIFY(client);
        // Without a users file every session is a viewer; its refused commands are still audited.
        for (int i = 0; i < 3; ++i) {
            Envelope command;
            command.mutable_command()->set_command_id("audit-cmd-" + std::to_string(i));
            command.mutable_command()->set_reason("try " + std::to_string(i));
            command.mutable_command()->mutable_resume_admission();
            client->send(command);
        }
        QVERIFY(client->waitFor([&] { return client->count(Envelope::kCommandResult) == 3; }, kWaitMs));
        QCOMPARE(client->count(Envelope::kAuditEvent), 3);

        const auto request = [&](std::uint64_t afterId, std::uint32_t limit, bool verify) {
            Envelope e;
            e.mutable_audit_request()->set_request_id("r" + std::to_string(afterId));
            e.mutable_audit_request()->set_after_id(afterId);
            e.mutable_audit_request()->set_limit(limit);
            e.mutable_audit_request()->set_verify(verify);
            const int from = int(client->received().size());
            client->send(e);
            const int i = client->waitForBody(Envelope::kAuditResponse, kWaitMs, from);
            return i >= 0 ? client->received().at(std::size_t(i)).audit_response() : sitroom::v1::AuditResponse();
        };
        auto page = request(0, 2, false);
        QCOMPARE(page.request_id(), std::string("r0"));
        QCOMPARE(page.entries_size(), 2);
        QVERIFY(page.more());
        QVERIFY(!page.verified());
        QCOMPARE(page.entries(0).reason(), std::string("try 0"));
        QCOMPARE(page.entries(0).outcome().rfind("refused", 0), 0u);
        page = request(2, 2, true);
        QCOMPARE(page.entries_size(), 1);
        QVERIFY(!page.more());
        QVERIFY(page.verified());
        QVERIFY(page.chain_ok());
        QCOMPARE(page.rows_checked(), 3u);

        TestTlsClient *second = activeClient();
        QVERIFY(second);
        const int snapshotAt = second->indexOf(Envelope::kSnapshot);
        QCOMPARE(second->received().at(std::size_t(snapshotAt)).snapshot().recent_audit_size(), 3);
        // Nothing changed: no ControlEvent, and the revision is the source's.
        QCOMPARE(client->count(Envelope::kControlEvent), 0);
        QCOMPARE(second->received().at(std::size_t(snapshotAt)).snapshot().control().revision(), 7u);
    }

    void startUpErrorsNameTheSettingNotAnOption_data()
    {
        QTest::addColumn<int>("setting");
        QTest::addColumn<QString>("expected");
        QTest::newRow("users file") << int(GatewaySetting::UsersFile) << "users.json: line 1: must be an object";
        QTest::newRow("state folder in use") << int(GatewaySetting::StateDir) << "is in use by another process";
        QTest::newRow("alert rules") << int(GatewaySetting::AlertRules) << "rules.json: cannot read";
    }

    void startUpErrorsNameTheSettingNotAnOption()
    {
        QFETCH(int, setting);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        GatewayOptions options;
        options.port = 0;
        options.tlsDir = m_tls.path();
        std::unique_ptr<QLockFile> heldByAnother;
        switch (GatewaySetting(setting)) {
        case GatewaySetting::UsersFile: {
            QFile users(dir.filePath(QStringLiteral("users.json")));
            QVERIFY(users.open(QIODevice::WriteOnly));
            users.write("[]\n");
            users.close();
            options.usersFile = users.fileName();
            break;
        }
        case GatewaySetting::StateDir:
            options.stateDir = dir.path();
            heldByAnother = std::make_unique<QLockFile>(dir.filePath(QStringLiteral("sitroom.lock")));
            QVERIFY(heldByAnother->tryLock(0));
            break;
        default:
            options.alertRulesFile = dir.filePath(QStringLiteral("rules.json"));
            break;
        }
        Gateway gateway(options);
        QString error;
        GatewaySetting about = GatewaySetting::None;
        QVERIFY(!gateway.openControls(&error, &about));
        QCOMPARE(int(about), setting);
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("--")), qPrintable(error));
        // listen() says the same, without serving.
        QVERIFY(!gateway.listen(&error));
        QCOMPARE(gateway.serverPort(), quint16(0));
    }
};

QTEST_GUILESS_MAIN(TestGatewayControls)
#include "tst_gatewaycontrols.moc"
