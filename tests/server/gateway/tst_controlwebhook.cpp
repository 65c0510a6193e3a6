// The control webhook's client against the live system's real endpoint
// (server/livesystem) in this process, and against an endpoint that fails:
// the contract from both sides, retries, refusals and unreachable URLs.
#include "server/gateway/ControlDiff.h"
#include "server/gateway/ControlWebhook.h"
#include "server/gateway/LiveChange.h"
#include "proto/sitroom/PhraseBook.h"
#include "tests/server/gateway/KoreanPhrases.h"
#include "server/livesystem/ControlEndpoint.h"
#include "server/livesystem/LiveControlTarget.h"
#include "sitroom/v1/envelope.pb.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace sitroom;


namespace {

const QByteArray kSecret = QByteArrayLiteral("tst-controlwebhook-secret-0123");

// How a live system fails (everyFailureIsSaidInTheReadersWords).
enum class Failing { ClosedPort, Silent, HangsUp, BusyWithWords, ProxyPage, Refuses };

class RecordingTarget final : public livesystem::LiveControlTarget
{
public:
    QString refusal(const livesystem::ControlCommand &command) const override
    {
        return command.admissionRatePerS > 3000 ? QStringLiteral("admission rate above 3000/s") : QString();
    }
    void apply(const livesystem::ControlCommand &command) override { applied.append(command); }
    QList<livesystem::ControlCommand> applied;
};

gateway::ControlDeliveryRequest request(const QString &id, std::uint64_t revision, double rate)
{
    gateway::ControlDeliveryRequest r;
    r.commandId = id;
    r.revision = revision;
    r.change = QJsonObject{{QStringLiteral("action"), QStringLiteral("set_admission_rate")},
                           {QStringLiteral("admission_rate_per_s"), rate}};
    r.control.set_revision(revision);
    r.control.set_admission_rate_per_s(rate);
    auto *p = r.control.add_providers();
    p->set_id("kakao");
    p->set_enabled(true);
    r.actor.set_user("kim");
    r.actor.set_site(sitroom::v1::SITE_SEOUL);
    r.actor.set_reason("queue too long");
    return r;
}

gateway::ControlDeliveryOutcome deliverAndWait(gateway::ControlWebhook &webhook, const gateway::ControlDeliveryRequest &r)
{
    std::optional<gateway::ControlDeliveryOutcome> outcome;
    webhook.deliver(r, [&](const gateway::ControlDeliveryOutcome &o) { outcome = o; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000); }();
    return outcome.value_or(gateway::ControlDeliveryOutcome::failed(gateway::DeliveryFailure::nothingAnswered()));
}

QUrl controlUrl(quint16 port)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/control").arg(port));
}

gateway::ControlWebhookOptions optionsFor(quint16 port, const QByteArray &secret = kSecret)
{
    gateway::ControlWebhookOptions o;
    o.url = controlUrl(port);
    o.secret = secret;
    return o;
}

} // namespace

Q_DECLARE_METATYPE(Failing)
Q_DECLARE_METATYPE(sitroom::gateway::DeliveryFailure::Kind)

class tst_ControlWebhook final : public QObject
{
    Q_OBJECT

private slots:
    void acceptedBySignatureAndAppliedOnce();
    void refusalIsFinalAndInTheLiveSystemsWords();
    void wrongSecretIsRefusedWithoutRetry();
    void transientFailuresAreRetriedWithTheSameKey();
    void unreachableGivesUpWithinTheBound();
    void everyFailureIsSaidInTheReadersWords_data();
    void everyFailureIsSaidInTheReadersWords();
    void probeReportsTheRevision();
    void secretFileChecks();
    void oneOutboxRowFromTwoGatewaysIsAppliedOnce();
    void everyLiveDifferenceIsAChangeTheLiveSystemTakes_data();
    void everyLiveDifferenceIsAChangeTheLiveSystemTakes();
};

void tst_ControlWebhook::acceptedBySignatureAndAppliedOnce()
{
    RecordingTarget target;
    livesystem::ControlEndpoint endpoint(target, kSecret);
    QString error;
    QVERIFY2(endpoint.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    gateway::ControlWebhook webhook(optionsFor(endpoint.serverPort()));

    const auto first = deliverAndWait(webhook, request(QStringLiteral("cmd-1"), 2, 500));
    QVERIFY2(first.accepted, qPrintable(first.failure.english()));
    QCOMPARE(target.applied.size(), 1);
    QCOMPARE(target.applied.first().admissionRatePerS, 500.0);
    QCOMPARE(target.applied.first().actorUser, QStringLiteral("kim"));
    QCOMPARE(target.applied.first().actorSite, QStringLiteral("seoul"));
    QCOMPARE(endpoint.revision(), std::uint64_t(2));
}

void tst_ControlWebhook::refusalIsFinalAndInTheLiveSystemsWords()
{
    RecordingTarget target;
    livesystem::ControlEndpoint endpoint(target, kSecret);
    QString error;
    QVERIFY(endpoint.listen(QHostAddress::LocalHost, 0, &error));
    gateway::ControlWebhook webhook(optionsFor(endpoint.serverPort()));

    const auto outcome = deliverAndWait(webhook, request(QStringLiteral("cmd-big"), 2, 5000));
    QVERIFY(!outcome.accepted);
    QVERIFY(!outcome.unanswered());   // an answer: no retry, the change is put back
    QCOMPARE(outcome.failure.kind, gateway::DeliveryFailure::Kind::Refused);
    QCOMPARE(outcome.failure.status, 422);
    // Its own words, as it said them, and nothing else in them.
    QCOMPARE(outcome.failure.liveWords, QStringLiteral("admission rate above 3000/s"));
    QVERIFY(target.applied.isEmpty());
    QCOMPARE(endpoint.revision(), std::uint64_t(0));
}

void tst_ControlWebhook::wrongSecretIsRefusedWithoutRetry()
{
    RecordingTarget target;
    livesystem::ControlEndpoint endpoint(target, kSecret);
    QString error;
    QVERIFY(endpoint.listen(QHostAddress::LocalHost, 0, &error));
    gateway::ControlWebhook webhook(optionsFor(endpoint.serverPort(), QByteArrayLiteral("another-secret-entirely-xx")));

    QElapsedTimer clock;
    clock.start();
    const auto outcome = deliverAndWait(webhook, request(QStringLiteral("cmd-forged"), 2, 500));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.failure.kind, gateway::DeliveryFailure::Kind::Refused);
    QCOMPARE(outcome.failure.status, 401);
    QVERIFY(target.applied.isEmpty());
    QVERIFY2(clock.elapsed() < 2000, "a 4xx is final: no backoff");
}

void tst_ControlWebhook::transientFailuresAreRetriedWithTheSameKey()
{
    // A live system that fails twice with 503, then accepts.
    QHttpServer server;
    QList<QByteArray> keys, bodies;
    server.route(QStringLiteral("/control"), [&](const QHttpServerRequest &r) {
        keys.append(r.value("Idempotency-Key"));
        bodies.append(r.body());
        return keys.size() <= 2 ? QHttpServerResponse(QByteArrayLiteral("{\"error\":\"busy\"}"),
                                                      QHttpServerResponse::StatusCode::ServiceUnavailable)
                                : QHttpServerResponse(QByteArrayLiteral("{\"applied\":true}"),
                                                      QHttpServerResponse::StatusCode::Ok);
    });
    const quint16 port = quint16(server.listen(QHostAddress::LocalHost, 0));
    QVERIFY(port != 0);
    gateway::ControlWebhookOptions options = optionsFor(port);
    options.firstBackoffMs = 50;
    gateway::ControlWebhook webhook(options);

    const auto outcome = deliverAndWait(webhook, request(QStringLiteral("cmd-retry"), 7, 400));
    QVERIFY2(outcome.accepted, qPrintable(outcome.failure.english()));
    QCOMPARE(keys.size(), 3);
    QCOMPARE(keys.at(0), QByteArrayLiteral("cmd-retry"));
    QCOMPARE(keys.at(2), keys.at(0));
    QCOMPARE(bodies.at(2), bodies.at(0));   // byte for byte: a repeat, not a new request
}

void tst_ControlWebhook::unreachableGivesUpWithinTheBound()
{
    // A port nobody listens on: bind one, note it, close it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    gateway::ControlWebhookOptions options = optionsFor(port);
    options.firstBackoffMs = 20;
    options.maxAttempts = 3;
    gateway::ControlWebhook webhook(options);

    QElapsedTimer clock;
    clock.start();
    const auto outcome = deliverAndWait(webhook, request(QStringLiteral("cmd-lost"), 2, 500));
    QVERIFY(!outcome.accepted);
    QCOMPARE(outcome.failure.kind, gateway::DeliveryFailure::Kind::Unreachable);
    QCOMPARE(outcome.failure.phrase().code(), std::string("delivery.unreachable"));
    // Qt's words and the URL for the log and the English text, not the phrase.
    QCOMPARE(outcome.failure.english(), QStringLiteral("it cannot be reached (%1: Connection refused, after 3 attempts)")
                                            .arg(controlUrl(port).toString()));
    QVERIFY(outcome.unanswered());   // the outbox tries again later, same key
    QVERIFY(clock.elapsed() < options.totalBudgetMs);
}

// Each kind of failure the webhook tells apart, from a live system that
// fails that way, as a Korean console reads it: the reader's words only, the
// live system's own quoted; the URL and Qt's words after the English text.
void tst_ControlWebhook::everyFailureIsSaidInTheReadersWords_data()
{
    using Kind = gateway::DeliveryFailure::Kind;
    QTest::addColumn<Failing>("failing");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("korean");   // the failure's part of the sentence
    QTest::newRow("unreachable") << Failing::ClosedPort << Kind::Unreachable << QStringLiteral("연결할 수 없음");
    QTest::newRow("silent") << Failing::Silent << Kind::TimedOut << QStringLiteral("한 번의 시도에 0.3초 안에 응답하지 않음");
    QTest::newRow("hangs up") << Failing::HangsUp << Kind::ConnectionLost << QStringLiteral("응답 전에 연결이 끊김");
    QTest::newRow("503, its words") << Failing::BusyWithWords << Kind::Status
                                    << QStringLiteral("상태 코드 503(으)로 응답함, 운영 시스템의 말 그대로: \u201cbusy\u201d");
    QTest::newRow("502, a proxy's page") << Failing::ProxyPage << Kind::Status << QStringLiteral("상태 코드 502(으)로 응답함");
    QTest::newRow("422, refused") << Failing::Refuses << Kind::Refused
                                  << QStringLiteral("상태 코드 422(으)로 응답함, 운영 시스템의 말 그대로: \u201cadmission rate above 3000/s\u201d");
}

void tst_ControlWebhook::everyFailureIsSaidInTheReadersWords()
{
    QFETCH(Failing, failing);
    QFETCH(gateway::DeliveryFailure::Kind, kind);
    QFETCH(QString, korean);
    gateway::testing::KoreanPhrases phrases;
    QVERIFY2(phrases.isValid(), "sitroom_ko.qm is not built");

    RecordingTarget target;
    livesystem::ControlEndpoint endpoint(target, kSecret);
    QHttpServer http;
    QTcpServer tcp;
    quint16 port = 0;
    QString error;
    switch (failing) {
    case Failing::ClosedPort:
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        port = tcp.serverPort();
        tcp.close();
        break;
    case Failing::Silent:
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));   // takes the connection, never answers
        port = tcp.serverPort();
        break;
    case Failing::HangsUp:
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        connect(&tcp, &QTcpServer::newConnection, &tcp, [&tcp] {
            while (QTcpSocket *peer = tcp.nextPendingConnection()) {
                connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->close(); });
                connect(peer, &QTcpSocket::disconnected, peer, &QObject::deleteLater);
            }
        });
        port = tcp.serverPort();
        break;
    case Failing::BusyWithWords:
    case Failing::ProxyPage:
        http.route(QStringLiteral("/control"), [failing](const QHttpServerRequest &) {
            return failing == Failing::BusyWithWords
                ? QHttpServerResponse(QByteArrayLiteral("{\"error\":\"busy\"}"), QHttpServerResponse::StatusCode::ServiceUnavailable)
                : QHttpServerResponse(QByteArrayLiteral("text/html"),
                                      QByteArrayLiteral("<html><body><h1>502 Bad Gateway</h1></body></html>"),
                                      QHttpServerResponse::StatusCode::BadGateway);
        });
        port = quint16(http.listen(QHostAddress::LocalHost, 0));
        break;
    case Failing::Refuses:
        QVERIFY2(endpoint.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        port = endpoint.serverPort();
        break;
    }
    QVERIFY(port != 0);
    gateway::ControlWebhookOptions options = optionsFor(port);
    options.attemptTimeoutMs = 300;
    options.maxAttempts = 1;
    gateway::ControlWebhook webhook(options);

    const auto outcome = deliverAndWait(webhook, request(QStringLiteral("cmd-fails"), 2, failing == Failing::Refuses ? 5000 : 500));
    QVERIFY(!outcome.accepted);
    QVERIFY2(outcome.failure.kind == kind, qPrintable(outcome.failure.english()));
    QCOMPARE(outcome.unanswered(), kind != gateway::DeliveryFailure::Kind::Refused);
    // The sentence a Korean console shows for the command's result.
    const v1::Phrase result = phrase::make("delivery.failed", {}, {{"reason", gateway::undeliveredReason(outcome.failure, 20000)}});
    const QString words = gateway::testing::KoreanPhrases::words(result);
    const QString expected = outcome.unanswered()
        ? QStringLiteral("운영 시스템이 적용하지 않았습니다: 20초 안에 운영 시스템의 응답 없음: ") + korean
        : QStringLiteral("운영 시스템이 적용하지 않았습니다: 운영 시스템이 거부함: ") + korean;
    QCOMPARE(words, expected);
    QVERIFY2(gateway::testing::KoreanPhrases::latinWordsOutsideQuotes(words).isEmpty(), qPrintable(words));
    // Where it went, for whoever runs the gateway: in the English only.
    const QString url = controlUrl(port).toString();
    QVERIFY2(outcome.failure.english().contains(url), qPrintable(outcome.failure.english()));
    QVERIFY(!words.contains(QString::number(port)));
    if (failing == Failing::ProxyPage)
        QVERIFY2(outcome.failure.english().contains(QStringLiteral("502 Bad Gateway")), qPrintable(outcome.failure.english()));
}

void tst_ControlWebhook::probeReportsTheRevision()
{
    RecordingTarget target;
    livesystem::ControlEndpoint endpoint(target, kSecret);
    QString error;
    QVERIFY(endpoint.listen(QHostAddress::LocalHost, 0, &error));
    gateway::ControlWebhook webhook(optionsFor(endpoint.serverPort()));
    QVERIFY(deliverAndWait(webhook, request(QStringLiteral("cmd-a"), 5, 600)).accepted);

    std::optional<std::uint64_t> revision;
    bool reachable = false;
    webhook.probe([&](bool ok, const QString &, std::uint64_t r) {
        reachable = ok;
        revision = r;
    });
    QTRY_VERIFY(revision.has_value());
    QVERIFY(reachable);
    QCOMPARE(*revision, std::uint64_t(5));
}

void tst_ControlWebhook::secretFileChecks()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(gateway::ControlWebhook::readSecretFile(dir.filePath(QStringLiteral("missing")), &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("missing")), qPrintable(error));
    QFile shortFile(dir.filePath(QStringLiteral("short")));
    QVERIFY(shortFile.open(QIODevice::WriteOnly));
    shortFile.write("abc\n");
    shortFile.close();
    QVERIFY(gateway::ControlWebhook::readSecretFile(shortFile.fileName(), &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("too short")), qPrintable(error));
    QFile good(dir.filePath(QStringLiteral("good")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write("  a-long-enough-secret-value \n");
    good.close();
    QCOMPARE(gateway::ControlWebhook::readSecretFile(good.fileName(), &error), QByteArrayLiteral("a-long-enough-secret-value"));
}

// A row of the delivery outbox sent by the gateway that decided it, which
// died before the answer, then by the other gateway: the same key, the same
// bytes (its sent_at_ms kept with it), applied once, even after a later change.
void tst_ControlWebhook::oneOutboxRowFromTwoGatewaysIsAppliedOnce()
{
    RecordingTarget target;
    livesystem::ControlEndpoint endpoint(target, kSecret);
    QString error;
    QVERIFY2(endpoint.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    gateway::ControlWebhook seoul(optionsFor(endpoint.serverPort()));
    gateway::ControlWebhook osong(optionsFor(endpoint.serverPort()));
    gateway::ControlDeliveryRequest row = request(QStringLiteral("cmd-outbox"), 5, 450);
    row.sentAtMs = 1'700'000'000'000;

    const auto first = deliverAndWait(seoul, row);
    const auto again = deliverAndWait(osong, row);
    QVERIFY2(first.accepted, qPrintable(first.failure.english()));
    QVERIFY2(again.accepted, qPrintable(again.failure.english()));
    QCOMPARE(gateway::ControlWebhook::body(row, row.sentAtMs), gateway::ControlWebhook::body(row, 1'700'000'000'000));
    QCOMPARE(target.applied.size(), 1);
    // A later change, then the first row once more: answered as the first
    // time, nothing applied, the later revision stays.
    QVERIFY(deliverAndWait(osong, request(QStringLiteral("cmd-later"), 6, 480)).accepted);
    const auto late = deliverAndWait(seoul, row);
    QVERIFY2(late.accepted, qPrintable(late.failure.english()));
    QCOMPARE(target.applied.size(), 2);
    QCOMPARE(target.applied.last().admissionRatePerS, 480.0);
    QCOMPARE(endpoint.revision(), std::uint64_t(6));
}

// Whatever makes two states differ for the live system (liveControlsDiffer)
// is delivered with a "change" it takes. The chaos run (tst_chaos) found a
// supervisor's enable of a provider already enabled, whose entry had no ramp
// yet (ControlCommands gives it one), delivered as action "none" and refused
// with HTTP 400, so a valid command ended "delivery failed"; the same held
// for a new timed disable of a provider already disabled.
void tst_ControlWebhook::everyLiveDifferenceIsAChangeTheLiveSystemTakes_data()
{
    QTest::addColumn<bool>("enabledAfter");
    QTest::addColumn<int>("rampAfter");
    QTest::addColumn<qint64>("disabledUntilBefore");
    QTest::addColumn<qint64>("disabledUntilAfter");
    QTest::newRow("enabled again, its first ramp") << true << 300 << qint64(0) << qint64(0);
    QTest::newRow("disabled again, a new end") << false << 0 << qint64(1'700'000'600'000) << qint64(1'700'000'900'000);
}

void tst_ControlWebhook::everyLiveDifferenceIsAChangeTheLiveSystemTakes()
{
    QFETCH(bool, enabledAfter);
    QFETCH(int, rampAfter);
    QFETCH(qint64, disabledUntilBefore);
    QFETCH(qint64, disabledUntilAfter);
    RecordingTarget target;
    livesystem::ControlEndpoint endpoint(target, kSecret);
    QString error;
    QVERIFY2(endpoint.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    gateway::ControlWebhook webhook(optionsFor(endpoint.serverPort()));

    gateway::ControlDeliveryRequest row = request(QStringLiteral("cmd-same-provider"), 7, 700);
    const sitroom::v1::ControlState before = row.control;
    sitroom::v1::ProviderControl *kakao = row.control.mutable_providers(0);
    kakao->set_enabled(enabledAfter);
    kakao->set_ramp_s(std::uint32_t(rampAfter));
    kakao->set_disabled_until_ms(disabledUntilAfter);
    sitroom::v1::ControlState was = before;
    was.mutable_providers(0)->set_enabled(enabledAfter);
    was.mutable_providers(0)->set_disabled_until_ms(disabledUntilBefore);
    QVERIFY(gateway::liveControlsDiffer(was, row.control));
    row.change = gateway::webhookChange(was, row.control, false);
    QCOMPARE(row.change.value(QStringLiteral("action")).toString(), QStringLiteral("set_provider_enabled"));
    QCOMPARE(row.change.value(QStringLiteral("provider_id")).toString(), QStringLiteral("kakao"));
    QCOMPARE(row.change.value(QStringLiteral("enabled")).toBool(), enabledAfter);

    const auto outcome = deliverAndWait(webhook, row);
    QVERIFY2(outcome.accepted, qPrintable(outcome.failure.english()));
    QCOMPARE(target.applied.size(), 1);
    QCOMPARE(endpoint.revision(), std::uint64_t(7));
}

QTEST_GUILESS_MAIN(tst_ControlWebhook)
#include "tst_controlwebhook.moc"
