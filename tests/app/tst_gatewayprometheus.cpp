// The whole chain with real processes: sitroom-sim as the live system
// (/metrics and the signed control webhook), Debian's Prometheus scraping it
// every second, and sitroom-gateway reading it through Prometheus and steering
// it through the webhook; sitroomctl and a protocol client on the far side.
#include "tests/support/CtlProcess.h"
#include "tests/support/GatewayProcess.h"
#include "tests/support/PrometheusProcess.h"
#include "tests/support/TemporaryTlsDir.h"
#include "tests/support/TestTlsClient.h"
#include "tests/support/TestUsers.h"

#include <QtTest>

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <deque>
#include <memory>

using namespace sitroom::testing;
using sitroom::v1::Envelope;

namespace {

constexpr int kStartMs = 30000;
constexpr int kFreshMs = 20000;    // Prometheus's first samples reach every rate() window
constexpr int kFollowMs = 3000;    // the brief: a change shows within 3 s
const QByteArray kSecret = "gateway-prometheus-test-secret";

struct Sample
{
    qint64 atMs = 0;
    double value = 0;
};

// A standard test user's Hello, from the given site.
void signIn(TestTlsClient &client, const QString &user, sitroom::v1::Site site)
{
    Envelope hello = TestTlsClient::helloAs(user, QStringLiteral("tst_gatewayprometheus"));
    hello.mutable_hello()->set_site(site);
    client.send(hello);
}

QString staleList(const sitroom::v1::SystemState &state)
{
    QStringList names;
    for (const auto &f : state.stale())
        names << QStringLiteral("%1(%2)").arg(QString::fromStdString(f.figure())).arg(int(f.reason()));
    return names.join(u' ');
}

} // namespace

class TestGatewayPrometheus final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TemporaryTlsDir m_tls;
    LiveSystemProcess m_sim;
    PrometheusProcess m_prometheus;
    GatewayProcess m_gateway;
    std::unique_ptr<TestTlsClient> m_watch;
    QNetworkAccessManager m_net;
    QElapsedTimer m_clock;
    QElapsedTimer m_caseClock;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QStringList as(const QString &user, const GatewayProcess &gateway) const
    {
        return {QStringLiteral("--server"), gateway.address(), QStringLiteral("--ca"), m_tls.caPath(),
                QStringLiteral("--user"), user, QStringLiteral("--password-file"), path(user + QStringLiteral(".pw")),
                QStringLiteral("--timeout"), QStringLiteral("30")};
    }
    QStringList as(const QString &user) const { return as(user, m_gateway); }

    QStringList gatewayArguments(const QString &webhook, const QString &name) const
    {
        return {QStringLiteral("--source"), QStringLiteral("prometheus:") + m_prometheus.url().toString(),
                QStringLiteral("--site-config"), QStringLiteral(SITROOM_SOURCE_DIR "/resources/sources/sim-prometheus.json"),
                QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-dir"), m_tls.path(),
                QStringLiteral("--users"), path(QStringLiteral("users.json")), QStringLiteral("--control-webhook"), webhook,
                QStringLiteral("--control-secret"), path(QStringLiteral("secret")), QStringLiteral("--state-dir"),
                path(name), QStringLiteral("--effect-timeout"), QStringLiteral("20s")};
    }

    // One sample of the simulator's own /metrics, or NaN.
    double metric(const QByteArray &series) const
    {
        QByteArray body;
        if (PrometheusProcess::httpStatus(m_sim.metricsPort(), "/metrics", &body) != 200)
            return qQNaN();
        for (const QByteArray &line : body.split('\n')) {
            if (line.startsWith(QByteArray(series + ' ')))
                return line.mid(series.size() + 1).toDouble();
        }
        return qQNaN();
    }

    // The state of the last Tick the watching client received, or null.
    const sitroom::v1::SystemState *lastState() const
    {
        const auto &all = m_watch->received();
        for (auto it = all.rbegin(); it != all.rend(); ++it) {
            if (it->body_case() == Envelope::kTick)
                return &it->tick().state();
        }
        return nullptr;
    }
    // Spins the event loop until a Tick newer than the ones seen so far arrives.
    bool nextTick(int timeoutMs = 5000) { return m_watch->waitForBody(Envelope::kTick, timeoutMs, int(m_watch->received().size())) >= 0; }
    bool fresh() const { return lastState() && lastState()->stale_size() == 0; }
    sitroom::v1::Light gatewayLight(const QString &provider) const
    {
        if (const auto *s = lastState()) {
            for (const auto &p : s->providers()) {
                if (QString::fromStdString(p.id()) == provider)
                    return p.light();
            }
        }
        return sitroom::v1::LIGHT_UNSPECIFIED;
    }

    QJsonObject statusJson(const GatewayProcess &gateway)
    {
        const CtlRun run = runCtl(as(QStringLiteral("han"), gateway) << QStringLiteral("--json") << QStringLiteral("status"));
        return run.exitCode == 0 ? QJsonDocument::fromJson(run.out.toUtf8()).object() : QJsonObject();
    }

    int liveRevision() const
    {
        QByteArray body;
        PrometheusProcess::httpStatus(m_sim.controlPort(), "/control", &body);
        return QJsonDocument::fromJson(body).object().value(QStringLiteral("revision")).toInt(-1);
    }

    std::pair<int, QByteArray> postSigned(const QByteArray &key, const QByteArray &body)
    {
        QNetworkRequest request{QUrl(m_sim.controlUrl())};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Idempotency-Key", key);
        request.setRawHeader("X-Sitroom-Signature",
                             "sha256=" + QMessageAuthenticationCode::hash(body, kSecret, QCryptographicHash::Sha256).toHex());
        std::unique_ptr<QNetworkReply> reply(m_net.post(request, body));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
            return {0, {}};
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!PrometheusProcess::binaryPath().isEmpty(), "prometheus is not installed: scripts/setup installs Debian's");
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_tls.isValid(), qPrintable(m_tls.errorString()));
        m_clock.start();
        QFile secret(path(QStringLiteral("secret")));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write(kSecret + '\n');
        secret.close();
        const QList<TestUser> users = standardTestUsers();
        QVERIFY(writeUsersFile(path(QStringLiteral("users.json")), users));
        for (const TestUser &u : users) {
            QFile pw(path(u.name + QStringLiteral(".pw")));
            QVERIFY(pw.open(QIODevice::WriteOnly));
            pw.write(u.password.toUtf8() + '\n');
        }

        QString error;
        QVERIFY2(m_sim.start({QStringLiteral("--scenario"), QStringLiteral("opening-18-49"), QStringLiteral("--fast-forward"),
                              QStringLiteral("33m")},
                             path(QStringLiteral("secret")), &error, kStartMs),
                 qPrintable(error));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("prometheus")));
        QVERIFY2(m_prometheus.start(path(QStringLiteral("prometheus")), QStringLiteral("sitroom-sim"), m_sim.metricsPort(), &error),
                 qPrintable(error));
        QVERIFY2(m_gateway.start(gatewayArguments(m_sim.controlUrl(), QStringLiteral("state")), &error, kStartMs), qPrintable(error));
        QVERIFY2(m_gateway.waitForOutput(QRegularExpression(QStringLiteral("control webhook \\S+ reachable")), kStartMs).hasMatch(),
                 qPrintable(m_gateway.standardError()));

        m_watch = std::make_unique<TestTlsClient>();
        QVERIFY2(m_watch->connectToServer(m_gateway.port(), m_tls.caPath(), 10000, &error), qPrintable(error));
        signIn(*m_watch, QStringLiteral("han"), sitroom::v1::SITE_OSONG);
        QVERIFY(m_watch->waitForBody(Envelope::kSnapshot, 10000) >= 0);
        QTRY_VERIFY2_WITH_TIMEOUT(fresh(), qPrintable(lastState() ? staleList(*lastState()) : QStringLiteral("no tick")), kFreshMs);
        qInfo("chain up and fresh after %lld ms", m_clock.elapsed());
    }

    void init() { m_caseClock.start(); }
    void cleanup()
    {
        qInfo("took %lld ms", m_caseClock.elapsed());
        if (!m_gateway.isRunning())
            qWarning("sitroom-gateway has exited: %s", qPrintable(m_gateway.standardError().right(3000)));
    }

    void cleanupTestCase()
    {
        m_watch.reset();
        m_gateway.stop();
        m_prometheus.stop();
        m_sim.stop();
        qInfo("whole run %lld ms", m_clock.elapsed());
    }

    // The gateway's queue depth is one the simulator showed in the last 3 s,
    // give or take what one second of the queue's movement can make.
    void queueDepth_followsTheSimulator()
    {
        std::deque<Sample> sim;
        double largestStep = 0;  // the most the queue moved in one second, as seen so far
        const auto sampleSimulator = [&] {
            const qint64 now = m_clock.elapsed();
            const double live = metric("sitroom_waiting_room_queue_depth");
            if (!sim.empty())
                largestStep = std::max(largestStep, std::abs(live - sim.back().value) * 1000.0
                                                        / double(std::max<qint64>(1, now - sim.back().atMs)));
            sim.push_back({now, live});
        };
        // Three seconds of the simulator's own history first.
        const qint64 start = m_clock.elapsed();
        while (m_clock.elapsed() - start < kFollowMs) {
            QVERIFY(nextTick());
            sampleSimulator();
            QVERIFY(!qIsNaN(sim.back().value));
        }
        int checked = 0;
        QSet<quint64> seen;
        for (; checked < 8; ++checked) {
            QVERIFY(nextTick());
            sampleSimulator();
            while (sim.front().atMs < sim.back().atMs - kFollowMs)
                sim.pop_front();
            const auto [lo, hi] = std::minmax_element(sim.begin(), sim.end(), [](auto a, auto b) { return a.value < b.value; });
            const double gateway = double(lastState()->admission().queue_depth());
            QVERIFY2(gateway >= lo->value - largestStep && gateway <= hi->value + largestStep,
                     qPrintable(QStringLiteral("gateway %1, simulator %2..%3 over the last 3 s, one second's movement %4")
                                    .arg(gateway).arg(lo->value).arg(hi->value).arg(largestStep)));
            seen.insert(quint64(gateway));
        }
        QCOMPARE(checked, 8);
        // A queue that never moved proves nothing: the rush keeps it moving.
        QVERIFY2(seen.size() > 1, "the gateway's queue depth did not change in 8 ticks");
    }

    void disabledProvider_isSuspendedWithinThreeSeconds()
    {
        const CtlRun request = runCtl(as(QStringLiteral("park")) << QStringLiteral("disable") << QStringLiteral("kakao")
                                                                  << QStringLiteral("--reason") << QStringLiteral("drill: kakao red"));
        QVERIFY2(request.exitCode == 0, qPrintable(describe(request)));
        const QString requestId = QRegularExpression(QStringLiteral("request id: (\\S+)")).match(request.out).captured(1);
        QVERIFY2(!requestId.isEmpty(), qPrintable(request.out));
        QVERIFY(gatewayLight(QStringLiteral("kakao")) != sitroom::v1::LIGHT_SUSPENDED);
        // The approval runs beside the test, so that the simulator's light is
        // seen turning within a poll (50 ms) of the change, not after sitroomctl exits.
        QProcess approve;
        approve.start(ctlPath(), as(QStringLiteral("choi")) << QStringLiteral("approve") << requestId
                                                            << QStringLiteral("--reason") << QStringLiteral("agreed"));
        QVERIFY(approve.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(metric(R"(sitroom_provider_light{provider="kakao"})"), 3.0, 10000);
        QElapsedTimer sinceLive;
        sinceLive.start();
        QTRY_COMPARE_WITH_TIMEOUT(gatewayLight(QStringLiteral("kakao")), sitroom::v1::LIGHT_SUSPENDED, kFollowMs);
        qInfo("kakao suspended at the gateway %lld ms after the simulator's light read 3", sinceLive.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT(approve.state() == QProcess::NotRunning, 30000);
        QVERIFY2(approve.exitStatus() == QProcess::NormalExit && approve.exitCode() == 0,
                 approve.readAllStandardError().constData());
    }

    void throttle_reachesTheSimulatorAndIsAudited()
    {
        const double revisionBefore = metric("sitroom_control_revision");
        QVERIFY(metric("sitroom_waiting_room_admission_rate_limit") != 650.0);
        const CtlRun run = runCtl(as(QStringLiteral("kim")) << QStringLiteral("throttle") << QStringLiteral("650")
                                                             << QStringLiteral("--reason") << QStringLiteral("drill: hold the queue")
                                                             << QStringLiteral("--wait-effect") << QStringLiteral("30"),
                                  {}, 60000);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(QStringLiteral("effect seen")), qPrintable(describe(run)));
        QCOMPARE(metric("sitroom_waiting_room_admission_rate_limit"), 650.0);
        QVERIFY(metric("sitroom_control_revision") > revisionBefore);

        const CtlRun audit = runCtl(as(QStringLiteral("han")) << QStringLiteral("audit"));
        QVERIFY2(audit.exitCode == 0, qPrintable(describe(audit)));
        const QStringList lines = audit.out.split(u'\n');
        qsizetype accepted = -1, effect = -1;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (!lines[i].contains(QStringLiteral("650")))
                continue;
            if (accepted < 0 && lines[i].contains(QStringLiteral("accepted by the live system")))
                accepted = i;
            if (lines[i].contains(QStringLiteral("effect seen")))
                effect = i;
        }
        QVERIFY2(accepted >= 0 && effect > accepted, qPrintable(audit.out));
    }

    // Before Prometheus goes away below: this gateway's figures are fresh, so
    // the refusal can only be the webhook's.
    // A query Prometheus cannot parse stops the start, naming the field,
    // the query and Prometheus's own words.
    void badPromQL_refusedAtStartNamingTheField()
    {
        QFile shipped(QStringLiteral(SITROOM_SOURCE_DIR "/resources/sources/sim-prometheus.json"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QJsonObject site = QJsonDocument::fromJson(shipped.readAll()).object();
        QJsonObject queries = site.value(QStringLiteral("queries")).toObject();
        queries[QStringLiteral("queue_depth")] = QStringLiteral("max(sitroom_waiting_room_queue_depth");
        site[QStringLiteral("queries")] = queries;
        QFile broken(path(QStringLiteral("broken-site.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(QJsonDocument(site).toJson());
        broken.close();

        QStringList arguments = gatewayArguments(m_sim.controlUrl(), QStringLiteral("state-broken"));
        arguments[arguments.indexOf(QStringLiteral("--site-config")) + 1] = broken.fileName();
        QProcess gateway;
        gateway.start(GatewayProcess::binaryPath(), arguments);
        QVERIFY(gateway.waitForFinished(kStartMs));
        const QString err = QString::fromUtf8(gateway.readAllStandardError());
        QCOMPARE(gateway.exitCode(), 2);
        QVERIFY2(err.contains(QStringLiteral("queries.queue_depth")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("Prometheus refuses the query")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("parse error")), qPrintable(err));
        QVERIFY(!QString::fromUtf8(gateway.readAllStandardOutput()).contains(QStringLiteral("listening on")));
    }

    // The change is in force from its decision, with its delivery outbox row;
    // unanswered by its deadline, it fails and is put back at the next revision.
    void unreachableWebhook_refusesAndPutsBack()
    {
        const quint16 closed = PrometheusProcess::freePort();
        GatewayProcess second;
        QString error;
        QVERIFY2(second.start(gatewayArguments(QStringLiteral("http://127.0.0.1:%1/control").arg(closed), QStringLiteral("state2")),
                              &error, kStartMs),
                 qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(statusJson(second).value(QStringLiteral("stale")).toArray().isEmpty()
                                     && statusJson(second).contains(QStringLiteral("revision")),
                                 kFreshMs);
        const double revision = statusJson(second).value(QStringLiteral("revision")).toDouble(-1);
        const double rate = statusJson(second).value(QStringLiteral("admission_rate_per_s")).toDouble(-1);
        const int live = liveRevision();
        const CtlRun run = runCtl(as(QStringLiteral("kim"), second) << QStringLiteral("throttle") << QStringLiteral("600")
                                                                     << QStringLiteral("--reason") << QStringLiteral("drill"),
                                  {}, 60000);
        QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
        QVERIFY2(QString(run.out + run.err).contains(QStringLiteral("cannot be reached")), qPrintable(describe(run)));
        QVERIFY2(QString(run.out + run.err).contains(QStringLiteral("no answer from the live system within 20 s")),
                 qPrintable(describe(run)));
        const QJsonObject after = statusJson(second);
        QCOMPARE(after.value(QStringLiteral("revision")).toDouble(-2), revision + 2);
        QCOMPARE(after.value(QStringLiteral("admission_rate_per_s")).toDouble(), rate);
        QCOMPARE(liveRevision(), live);
        QCOMPARE(metric("sitroom_waiting_room_admission_rate_limit"), rate);
    }

    void prometheusDown_staleRefusesThenRecovers()
    {
        QVERIFY(fresh());
        QVERIFY(m_prometheus.stop() >= 0 || !m_prometheus.isRunning());
        const auto unreachableQueue = [this] {
            if (const auto *s = lastState()) {
                for (const auto &f : s->stale()) {
                    if (f.figure() == "queue_depth" && f.reason() == sitroom::v1::STALE_SOURCE_UNREACHABLE)
                        return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(unreachableQueue(), 10000);

        const double rate = metric("sitroom_waiting_room_admission_rate_limit");
        const CtlRun refused = runCtl(as(QStringLiteral("kim")) << QStringLiteral("throttle") << QStringLiteral("640")
                                                                 << QStringLiteral("--reason") << QStringLiteral("drill: blind"));
        QVERIFY2(refused.exitCode == 3, qPrintable(describe(refused)));
        QVERIFY2(QString(refused.out + refused.err).contains(QStringLiteral("stale")), qPrintable(describe(refused)));
        QCOMPARE(metric("sitroom_waiting_room_admission_rate_limit"), rate);

        QString error;
        QVERIFY2(m_prometheus.restart(&error), qPrintable(error));
        QElapsedTimer back;
        back.start();
        QTRY_VERIFY2_WITH_TIMEOUT(fresh(), qPrintable(lastState() ? staleList(*lastState()) : QString()), 20000);
        qInfo("figures fresh again %lld ms after Prometheus was ready", back.elapsed());
    }

    // One command id sent twice through the gateway: one change, one answer.
    void repeatedCommandId_throughTheGateway_appliedOnce()
    {
        TestTlsClient kim;
        QString error;
        QVERIFY2(kim.connectToServer(m_gateway.port(), m_tls.caPath(), 10000, &error), qPrintable(error));
        signIn(kim, QStringLiteral("kim"), sitroom::v1::SITE_SEOUL);
        const int at = kim.waitForBody(Envelope::kSnapshot, 10000);
        QVERIFY(at >= 0);
        const quint64 revision = kim.received()[size_t(at)].snapshot().control().revision();
        const int liveBefore = liveRevision();

        Envelope command;
        command.mutable_command()->set_command_id("tst-gatewayprometheus-repeat");
        command.mutable_command()->set_expected_revision(revision);
        command.mutable_command()->set_reason("drill: the same command twice");
        command.mutable_command()->mutable_set_admission_rate()->set_rate_per_s(620);
        QList<sitroom::v1::CommandResult> results;
        for (int i = 0; i < 2; ++i) {
            kim.send(command);
            const int r = kim.waitForBody(Envelope::kCommandResult, 30000, int(kim.received().size()));
            QVERIFY(r >= 0);
            results << kim.received()[size_t(r)].command_result();
        }
        QCOMPARE(results[0].status(), sitroom::v1::COMMAND_APPLIED);
        QCOMPARE(results[1].status(), results[0].status());
        QCOMPARE(results[1].control().revision(), results[0].control().revision());
        QCOMPARE(results[0].control().revision(), revision + 1);
        QCOMPARE(liveRevision(), liveBefore + 1);
        QCOMPARE(metric("sitroom_waiting_room_admission_rate_limit"), 620.0);
    }

    // Last: a change straight to the simulator moves its revision past the gateway's.
    void repeatedIdempotencyKey_appliedOnceBySimulator()
    {
        const int revision = liveRevision();
        QVERIFY(revision > 0);
        const QByteArray key = "tst-direct-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        const QJsonObject control{{QStringLiteral("admission_rate_per_s"), 610}, {QStringLiteral("admission_paused"), false},
                                  {QStringLiteral("providers"), QJsonArray()}};
        const QJsonObject change{{QStringLiteral("action"), QStringLiteral("set_admission_rate")},
                                 {QStringLiteral("admission_rate_per_s"), 610}};
        const QJsonObject actor{{QStringLiteral("user"), QStringLiteral("kim")}, {QStringLiteral("site"), QStringLiteral("seoul")},
                                {QStringLiteral("reason"), QStringLiteral("direct")}};
        // The signature is over these exact bytes; both posts send them.
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                                          {QStringLiteral("command_id"), QString::fromLatin1(key)},
                                                          {QStringLiteral("revision"), revision + 1},
                                                          {QStringLiteral("sent_at_ms"), QDateTime::currentMSecsSinceEpoch()},
                                                          {QStringLiteral("change"), change},
                                                          {QStringLiteral("control"), control},
                                                          {QStringLiteral("actor"), actor}})
                                    .toJson(QJsonDocument::Compact);
        const auto first = postSigned(key, body);
        QCOMPARE(first.first, 200);
        const auto second = postSigned(key, body);
        QCOMPARE(second.first, 200);
        QCOMPARE(second.second, first.second);
        QCOMPARE(liveRevision(), revision + 1);
        QCOMPARE(metric("sitroom_control_revision"), double(revision + 1));
        QCOMPARE(metric("sitroom_waiting_room_admission_rate_limit"), 610.0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayPrometheus)
#include "tst_gatewayprometheus.moc"
