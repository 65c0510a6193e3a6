// The gateway's sign-in hand-off: the password is checked on the thread pool
// and the decision comes back to the gateway's thread. Run by scripts/tsan
// (ThreadSanitizer) and scripts/sanitize (ASan) as well as plainly.
#include "tests/support/TemporaryTlsDir.h"
#include "tests/support/TestTlsClient.h"
#include "tests/support/TestUsers.h"
#include "server/gateway/Gateway.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <memory>

using sitroom::gateway::Gateway;
using sitroom::gateway::GatewayOptions;
using sitroom::testing::TemporaryTlsDir;
using sitroom::testing::TestTlsClient;
using sitroom::v1::Envelope;

namespace {

constexpr int kWaitMs = 10000;

void sendHello(TestTlsClient &client, const std::string &user, const std::string &password)
{
    Envelope envelope;
    auto *hello = envelope.mutable_hello();
    hello->set_protocol_version(sitroom::v1::PROTOCOL_VERSION_1);
    hello->set_user(user);
    hello->set_password(password);
    hello->set_site(sitroom::v1::SITE_SEOUL);
    hello->set_client_name("tst_gatewaysignin");
    client.send(envelope);
}

} // namespace

class TestGatewaySignIn final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_tls.isValid(), qPrintable(m_tls.errorString()));
        QVERIFY(m_dir.isValid());
    }

    // Several sign-ins at once, right and wrong: each client gets its own
    // answer, decided on the gateway's thread after the pool's check.
    void concurrentSignInsEachGetTheirAnswer()
    {
        std::unique_ptr<Gateway> gateway = startGateway(1000);
        QVERIFY(gateway);
        std::vector<std::unique_ptr<TestTlsClient>> clients;
        const std::vector<std::pair<std::string, std::string>> who = {
            {"kim", "kim-pw"}, {"park", "park-pw"}, {"lee", "wrong"}, {"han", "han-pw"}, {"nobody", "x"}};
        for (const auto &[user, password] : who) {
            auto client = std::make_unique<TestTlsClient>();
            QString error;
            QVERIFY2(client->connectToServer(gateway->serverPort(), m_tls.caPath(), kWaitMs, &error), qPrintable(error));
            sendHello(*client, user, password);
            clients.push_back(std::move(client));
        }
        for (std::size_t i = 0; i < clients.size(); ++i) {
            TestTlsClient &c = *clients[i];
            const bool right = who[i].second == who[i].first + "-pw";
            QVERIFY2(c.waitFor([&] { return !c.received().empty(); }, kWaitMs), who[i].first.c_str());
            const Envelope &answer = c.received().front();
            if (right) {
                QCOMPARE(answer.body_case(), Envelope::kWelcome);
                QCOMPARE(answer.welcome().user(), who[i].first);
            } else {
                QVERIFY2(answer.body_case() != Envelope::kWelcome, who[i].first.c_str());
            }
        }
        for (const auto &[user, password] : who)
            QCOMPARE(gateway->signInsInFlight(QString::fromStdString(user)), 0);
    }

    // The gateway goes while a password is being checked: the check finishes
    // on the pool, and its continuation is dropped instead of reaching a
    // destroyed gateway (ASan and TSan watch this one).
    void gatewayGoneWhileAPasswordIsChecked()
    {
        // Many iterations, so the check is still running when the gateway goes.
        std::unique_ptr<Gateway> gateway = startGateway(300'000);
        QVERIFY(gateway);
        TestTlsClient client;
        QString error;
        QVERIFY2(client.connectToServer(gateway->serverPort(), m_tls.caPath(), kWaitMs, &error), qPrintable(error));
        sendHello(client, "kim", "kim-pw");
        QTRY_VERIFY_WITH_TIMEOUT(gateway->signInsInFlight(QStringLiteral("kim")) == 1, kWaitMs);
        gateway.reset();
        QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));
        // Whatever the continuation would have done is posted by now; run it.
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QVERIFY(client.waitForDisconnected(kWaitMs));
        for (const Envelope &e : client.received())
            QVERIFY(e.body_case() != Envelope::kWelcome);
    }

private:
    std::unique_ptr<Gateway> startGateway(int iterations)
    {
        const QString users = m_dir.filePath(QStringLiteral("users-%1.json").arg(++m_counter));
        if (!sitroom::testing::writeUsersFile(users, sitroom::testing::standardTestUsers(), iterations))
            return nullptr;
        GatewayOptions options;
        options.address = QHostAddress::LocalHost;
        options.port = 0;
        options.tlsDir = m_tls.path();
        options.serverId = QStringLiteral("test-gateway");
        options.usersFile = users;
        options.handshakeTimeoutMs = 5000;
        auto gateway = std::make_unique<Gateway>(options);
        QString error;
        if (!gateway->listen(&error)) {
            qWarning("gateway did not start: %s", qPrintable(error));
            return nullptr;
        }
        return gateway;
    }

    TemporaryTlsDir m_tls;
    QTemporaryDir m_dir;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestGatewaySignIn)
#include "tst_gatewaysignin.moc"
