// Sign-in against the real sitroom-sim (--users): wrong passwords from one
// address do not lock the same user out from another; the console never
// sends a refused password again by itself and asks in the sign-in dialog;
// a console without a password asks without costing a failure.
#include "app/console/SignInFlow.h"

#include "tests/support/SimulatorProcess.h"
#include "tests/support/TestTlsClient.h"
#include "tests/support/TestUsers.h"

#include "widgets/signin/SignInDialog.h"
#include "models/telemetry/TelemetryClient.h"

#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

#include <memory>

using namespace sitroom;
using sitroom::models::ConnectionSettings;
using sitroom::models::LinkEvent;
using sitroom::models::LinkState;
using sitroom::models::TelemetryBatch;
using sitroom::models::TelemetryClient;
using sitroom::testing::SimulatorProcess;
using sitroom::testing::TestTlsClient;
using Body = sitroom::v1::Envelope::BodyCase;

namespace {

constexpr int kWaitMs = 10000;

class LinkLog final : public QObject
{
public:
    explicit LinkLog(TelemetryClient *client)
    {
        connect(client, &TelemetryClient::batchReady, this, [this](const TelemetryBatch &batch) {
            for (const LinkEvent &event : batch.link)
                m_link.push_back(event);
        });
    }
    int count(LinkState state) const
    {
        return int(std::count_if(m_link.begin(), m_link.end(), [state](const LinkEvent &e) { return e.state == state; }));
    }
    const LinkEvent *last(LinkState state) const
    {
        for (auto it = m_link.rbegin(); it != m_link.rend(); ++it)
            if (it->state == state)
                return &*it;
        return nullptr;
    }

private:
    std::vector<LinkEvent> m_link;
};

} // namespace

class TestSignInIntegration final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_tls, m_users;
    int m_counter = 0;
    SimulatorProcess m_sim;

    QString ca() const { return m_tls + QStringLiteral("/ca.pem"); }

    // Signs in from `from` (a loopback address); the answer's body and the client.
    std::unique_ptr<TestTlsClient> hello(const QString &user, const QString &password, const QHostAddress &from,
                                         v1::Refusal *refusal = nullptr)
    {
        auto client = std::make_unique<TestTlsClient>();
        if (!client->socket()->bind(from, 0)) {
            qWarning("cannot bind %s: %s", qPrintable(from.toString()), qPrintable(client->socket()->errorString()));
            return nullptr;
        }
        QString error;
        if (!client->connectToServer(m_sim.port(), ca(), kWaitMs, &error)) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        v1::Envelope e;
        e.mutable_hello()->set_protocol_version(v1::PROTOCOL_VERSION_1);
        e.mutable_hello()->set_user(user.toStdString());
        e.mutable_hello()->set_password(password.toStdString());
        e.mutable_hello()->set_client_name("tst_signinintegration");
        client->send(e);
        client->waitFor([&] { return client->count(Body::kWelcome) + client->count(Body::kRefusal) > 0; }, kWaitMs);
        const int i = client->indexOf(Body::kRefusal);
        if (refusal && i >= 0)
            *refusal = client->received()[size_t(i)].refusal();
        return client;
    }

    static bool welcomed(const std::unique_ptr<TestTlsClient> &client)
    {
        return client && client->count(Body::kWelcome) == 1;
    }

    // The gateway's sign-in audit rows for user whose outcome starts with prefix.
    int auditedSignIns(const QString &user, const QString &prefix)
    {
        auto reader = hello(QStringLiteral("choi"), QStringLiteral("choi-pw"), QHostAddress(QStringLiteral("127.0.0.9")));
        if (!welcomed(reader))
            return -1;
        v1::Envelope e;
        e.mutable_audit_request()->set_request_id("signins");
        e.mutable_audit_request()->set_limit(5000);
        const int from = int(reader->received().size());
        reader->send(e);
        const int i = reader->waitForBody(Body::kAuditResponse, kWaitMs, from);
        if (i < 0)
            return -1;
        int n = 0;
        for (const auto &row : reader->received()[size_t(i)].audit_response().entries()) {
            if (row.action() == "sign in" && QString::fromStdString(row.user()) == user
                && QString::fromStdString(row.outcome()).startsWith(prefix))
                ++n;
        }
        return n;
    }

    ConnectionSettings console(const QString &user, const QString &password) const
    {
        ConnectionSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = m_sim.port();
        s.caFile = ca();
        s.user = user;
        s.password = password;
        s.clientName = QStringLiteral("tst_signinintegration");
        // A retry, were there one, would come within 50 ms.
        s.backoff.initialMs = 50;
        s.backoff.maxMs = 100;
        return s;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        ++m_counter;
        m_tls = m_dir.filePath(QStringLiteral("tls"));
        m_users = m_dir.filePath(QStringLiteral("users.json"));
        QVERIFY(testing::writeUsersFile(m_users, testing::standardTestUsers()));
        QString error;
        QVERIFY2(m_sim.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), m_tls,
                              QStringLiteral("--users"), m_users, QStringLiteral("--state-dir"),
                              m_dir.filePath(QStringLiteral("state-%1").arg(m_counter))},
                             &error),
                 qPrintable(error));
    }

    void cleanup() { m_sim.stop(); }

    void wrongPasswordsFromOneAddressDoNotLockAnother()
    {
        const QHostAddress typist(QStringLiteral("127.0.0.1"));
        const QHostAddress colleague(QStringLiteral("127.0.0.2"));
        for (int i = 0; i < 5; ++i) {
            v1::Refusal refusal;
            auto guess = hello(QStringLiteral("kim"), QStringLiteral("typo-%1").arg(i), typist, &refusal);
            QVERIFY(guess && guess->count(Body::kRefusal) == 1);
            QCOMPARE(refusal.code(), v1::REFUSAL_BAD_CREDENTIALS);
        }
        // The typist's machine is held back, and is told for how long…
        v1::Refusal locked;
        auto again = hello(QStringLiteral("kim"), QStringLiteral("kim-pw"), typist, &locked);
        QVERIFY(again && again->count(Body::kRefusal) == 1);
        QCOMPARE(locked.code(), v1::REFUSAL_TOO_MANY_ATTEMPTS);
        QVERIFY2(locked.retry_after_s() >= 50 && locked.retry_after_s() <= 60, qPrintable(QString::number(locked.retry_after_s())));
        QCOMPARE(locked.lockout(), v1::Refusal::LOCKOUT_THIS_ADDRESS);
        // …while a colleague signing in as kim from elsewhere goes on.
        QVERIFY(welcomed(hello(QStringLiteral("kim"), QStringLiteral("kim-pw"), colleague)));
        QCOMPARE(auditedSignIns(QStringLiteral("kim"), QStringLiteral("refused: wrong password from 127.0.0.1")), 5);
        QCOMPARE(auditedSignIns(QStringLiteral("kim"), QStringLiteral("refused: too many failed attempts from 127.0.0.1")), 1);
    }

    void theConsoleDoesNotRetryARefusedPassword()
    {
        TelemetryClient client;
        LinkLog log(&client);
        client.start(console(QStringLiteral("park"), QStringLiteral("typo")));
        QTRY_COMPARE_WITH_TIMEOUT(log.count(LinkState::Refused), 1, kWaitMs);
        QCOMPARE(log.last(LinkState::Refused)->refusal, v1::REFUSAL_BAD_CREDENTIALS);
        QCOMPARE(log.last(LinkState::Refused)->retryInMs, 0);
        // Twenty backoff delays later, still one attempt, one refusal.
        QVERIFY(!QTest::qWaitFor([&] { return log.count(LinkState::Connecting) > 1; }, 1000));
        QCOMPARE(log.count(LinkState::Refused), 1);
        QCOMPARE(auditedSignIns(QStringLiteral("park"), QStringLiteral("refused")), 1);
        // park's right password still works from the same address.
        QVERIFY(welcomed(hello(QStringLiteral("park"), QStringLiteral("park-pw"), QHostAddress(QStringLiteral("127.0.0.1")))));
    }

    void networkFailuresStillRetry()
    {
        TelemetryClient client;
        LinkLog log(&client);
        ConnectionSettings s = console(QStringLiteral("park"), QStringLiteral("park-pw"));
        s.caFile = m_dir.filePath(QStringLiteral("missing.pem"));
        client.start(s);
        QTRY_VERIFY_WITH_TIMEOUT(log.count(LinkState::Failed) >= 3, kWaitMs);
        QCOMPARE(log.last(LinkState::Failed)->failure, models::LinkFailure::CaUnreadable);
    }

    void theConsoleAsksAgainInTheDialog()
    {
        QWidget window;
        QSettings settings(m_dir.filePath(QStringLiteral("console-%1.conf").arg(m_counter)), QSettings::IniFormat);
        TelemetryClient client;
        LinkLog log(&client);
        console::SignInFlow flow(client, console(QStringLiteral("lee"), QStringLiteral("typo")),
                                 QStringLiteral("127.0.0.1:%1").arg(m_sim.port()), settings, &window);
        flow.start();
        QTRY_VERIFY_WITH_TIMEOUT(flow.dialog() != nullptr, kWaitMs);
        QCOMPARE(log.count(LinkState::Refused), 1);
        QVERIFY(!flow.dialog()->message().isEmpty());
        QCOMPARE(flow.dialog()->credentials().user, QStringLiteral("lee"));
        QVERIFY(flow.dialog()->credentials().password.isEmpty());
        flow.dialog()->findChild<QLineEdit *>(QStringLiteral("signInPassword"))->setText(QStringLiteral("lee-pw"));
        flow.dialog()->accept();
        QTRY_VERIFY_WITH_TIMEOUT(log.count(LinkState::Live) == 1, kWaitMs);
        QCOMPARE(flow.attempts(), 2);
        QCOMPARE(settings.value(QStringLiteral("signIn/user")).toString(), QStringLiteral("lee"));
        QVERIFY(!settings.allKeys().join(u' ').contains(QStringLiteral("password"), Qt::CaseInsensitive));
        QCOMPARE(auditedSignIns(QStringLiteral("lee"), QStringLiteral("refused")), 1);
        client.stop();
    }

    void withoutAPasswordTheDialogAsksAndNothingCounts()
    {
        QWidget window;
        QSettings settings(m_dir.filePath(QStringLiteral("console-%1.conf").arg(m_counter)), QSettings::IniFormat);
        // Six consoles started without a password: each asks, none counts.
        for (int i = 0; i < 6; ++i) {
            TelemetryClient client;
            console::SignInFlow flow(client, console(QStringLiteral("han"), QString()),
                                     QStringLiteral("127.0.0.1:%1").arg(m_sim.port()), settings, &window);
            flow.start();
            QTRY_VERIFY_WITH_TIMEOUT(flow.dialog() != nullptr, kWaitMs);
            QVERIFY2(flow.dialog()->message().contains(QStringLiteral("needs a password")), qPrintable(flow.dialog()->message()));
            flow.dialog()->reject();
            client.stop();
        }
        QVERIFY(welcomed(hello(QStringLiteral("han"), QStringLiteral("han-pw"), QHostAddress(QStringLiteral("127.0.0.1")))));
        QCOMPARE(auditedSignIns(QStringLiteral("han"), QStringLiteral("refused: no password")), 6);
    }
};

QTEST_MAIN(TestSignInIntegration)
#include "tst_signinintegration.moc"
