// sitroom-sim as a live system seen from outside (--control-listen): the real
// process, its /metrics and its control webhook (docs/control-webhook.md),
// over loopback HTTP.
#include "server/livesystem/ControlSignature.h"
#include "tests/support/GatewayProcess.h"

#include <QtTest>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>

#include <memory>

namespace {

constexpr int kWaitMs = 20000;
const QByteArray kSecret = "drill-secret";

struct Answer
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

QByteArray changeBody(const QString &key, int revision, const QByteArray &change, double rate, const QByteArray &providers)
{
    return QByteArray(R"({"version":1,"command_id":")") + key.toUtf8() + R"(","revision":)" + QByteArray::number(revision)
        + R"(,"sent_at_ms":1626087600000,"change":)" + change + R"(,"control":{"admission_rate_per_s":)"
        + QByteArray::number(rate) + R"(,"admission_paused":false,"providers":[)" + providers
        + R"(]},"actor":{"user":"kim","site":"seoul","reason":"integration test"}})";
}

QByteArray throttle(const QString &key, int revision, double rate)
{
    return changeBody(key, revision, R"({"action":"set_admission_rate","admission_rate_per_s":)" + QByteArray::number(rate) + "}",
                      rate, R"({"id":"kakao","enabled":true,"ramp_s":300,"disabled_until_ms":0})");
}

} // namespace

class TestSimLiveSystem final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    sitroom::testing::LiveSystemProcess m_sim;
    quint16 m_metricsPort = 0;
    quint16 m_controlPort = 0;
    QNetworkAccessManager m_net;

    Answer exchange(const QByteArray &method, quint16 port, const QString &path, const QByteArray &body = {},
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        std::unique_ptr<QNetworkReply> reply(m_net.sendCustomRequest(request, method, body));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, kWaitMs))
            qWarning("no answer from %s %s within %d ms", method.constData(), qPrintable(path), kWaitMs);
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    }

    Answer post(const QByteArray &key, const QByteArray &body, const QByteArray &secret = kSecret)
    {
        return exchange("POST", m_controlPort, QStringLiteral("/control"), body,
                        {{"Idempotency-Key", key}, {"X-Sitroom-Signature", sitroom::livesystem::controlSignature(secret, body)}});
    }

    // One sample of the current /metrics, or NaN.
    double metric(const QByteArray &series)
    {
        const Answer a = exchange("GET", m_metricsPort, QStringLiteral("/metrics"));
        for (const QByteArray &line : a.body.split('\n')) {
            if (line.startsWith(QByteArray(series + ' ')))
                return line.mid(series.size() + 1).toDouble();
        }
        return qQNaN();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString secretFile = m_dir.filePath(QStringLiteral("secret"));
        QFile f(secretFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kSecret + "\n");
        f.close();
        // The rush, fast: this test reads counters and gauges, never rates.
        QString error;
        QVERIFY2(m_sim.start({QStringLiteral("--fast-forward"), QStringLiteral("35m"), QStringLiteral("--speed"), QStringLiteral("20"),
                              QStringLiteral("--tick-hz"), QStringLiteral("10")},
                             secretFile, &error, kWaitMs),
                 qPrintable(error));
        m_controlPort = m_sim.controlPort();
        m_metricsPort = m_sim.metricsPort();
        QVERIFY(m_controlPort != 0 && m_metricsPort != 0);
    }

    void cleanupTestCase()
    {
        m_sim.stop();
    }

    void get_answersReachability()
    {
        const Answer a = exchange("GET", m_controlPort, QStringLiteral("/control"));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(a.json().value(QStringLiteral("revision")).toInt(), 0);
        QCOMPARE(exchange("DELETE", m_controlPort, QStringLiteral("/control")).status, 405);
    }

    void badSignature_changesNothing()
    {
        const double before = metric("sitroom_waiting_room_admission_rate_limit");
        QCOMPARE(post("t-bad", throttle(QStringLiteral("t-bad"), 1, 400), "wrong-secret").status, 401);
        const QByteArray body = throttle(QStringLiteral("t-unsigned"), 1, 400);
        QCOMPARE(exchange("POST", m_controlPort, QStringLiteral("/control"), body, {{"Idempotency-Key", "t-unsigned"}}).status, 401);
        QCOMPARE(metric("sitroom_waiting_room_admission_rate_limit"), before);
        QCOMPARE(metric("sitroom_control_revision"), 0.0);
    }

    void signedThrottle_isAppliedOnce()
    {
        const QByteArray body = throttle(QStringLiteral("t-1"), 1, 500);
        const Answer first = post("t-1", body);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(QStringLiteral("applied")).toBool(), true);
        QCOMPARE(first.json().value(QStringLiteral("revision")).toInt(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(metric("sitroom_waiting_room_admission_rate_limit"), 500.0, kWaitMs);
        QCOMPARE(metric("sitroom_control_revision"), 1.0);

        // A retry: the first answer again (not "stale revision"), nothing applied.
        const Answer again = post("t-1", body);
        QCOMPARE(again.status, first.status);
        QCOMPARE(again.body, first.body);
        QCOMPARE(metric("sitroom_control_revision"), 1.0);
        QCOMPARE(exchange("GET", m_controlPort, QStringLiteral("/control")).json().value(QStringLiteral("revision")).toInt(), 1);

        // The same key with another body, and an old revision under a new key.
        QCOMPARE(post("t-1", throttle(QStringLiteral("t-1"), 2, 600)).status, 409);
        QCOMPARE(post("t-old", throttle(QStringLiteral("t-old"), 1, 600)).status, 409);
        QCOMPARE(metric("sitroom_waiting_room_admission_rate_limit"), 500.0);
    }

    void refusedValues_are422()
    {
        QCOMPARE(post("t-huge", throttle(QStringLiteral("t-huge"), 2, 50000)).status, 422);
        const QByteArray unknown = changeBody(QStringLiteral("p-x"), 2,
                                              R"({"action":"set_provider_enabled","provider_id":"toss","enabled":false})", 500,
                                              R"({"id":"toss","enabled":false,"ramp_s":0,"disabled_until_ms":0})");
        const Answer a = post("p-x", unknown);
        QCOMPARE(a.status, 422);
        QVERIFY2(a.json().value(QStringLiteral("error")).toString().contains(QStringLiteral("toss")), a.body.constData());
        QCOMPARE(metric("sitroom_control_revision"), 1.0);
    }

    void disabledProvider_getsNoNewRequests()
    {
        const QByteArray received = R"(sitroom_verification_requests_received_total{provider="kakao"})";
        QVERIFY(metric(received) > 0);
        const QByteArray body = changeBody(QStringLiteral("p-1"), 2,
                                           R"({"action":"set_provider_enabled","provider_id":"kakao","enabled":false})", 500,
                                           R"({"id":"kakao","enabled":false,"ramp_s":300,"disabled_until_ms":0})");
        QCOMPARE(post("p-1", body).status, 200);
        QCOMPARE(metric(R"(sitroom_provider_light{provider="kakao"})"), 3.0);
        QCOMPARE(metric(R"(sitroom_provider_enabled{provider="kakao"})"), 0.0);
        const double atDisable = metric(received);
        const double clock = metric("sitroom_live_clock_seconds");
        // A few simulated seconds on, still not one more request.
        QTRY_VERIFY_WITH_TIMEOUT(metric("sitroom_live_clock_seconds") >= clock + 5, kWaitMs);
        QCOMPARE(metric(received), atDisable);
        QVERIFY(metric(R"(sitroom_verification_requests_received_total{provider="naver"})") > 0);
        QCOMPARE(metric("sitroom_control_revision"), 2.0);
    }
};

QTEST_GUILESS_MAIN(TestSimLiveSystem)
#include "tst_simlivesystem.moc"
