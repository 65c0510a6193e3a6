#include "server/livesystem/ControlEndpoint.h"
#include "server/livesystem/ControlSignature.h"
#include "server/livesystem/LiveControlTarget.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sitroom::livesystem;

namespace {

const QByteArray kSecret = "shared-secret";

// Accepts rates 10..1000 and the providers kakao and naver.
class FakeLiveSystem final : public LiveControlTarget
{
public:
    QString refusal(const ControlCommand &c) const override
    {
        if (c.admissionRatePerS < 10 || c.admissionRatePerS > 1000)
            return QStringLiteral("rate out of bounds");
        for (const ProviderControl &p : c.providers) {
            if (p.id != QStringLiteral("kakao") && p.id != QStringLiteral("naver"))
                return QStringLiteral("unknown provider");
        }
        return {};
    }
    void apply(const ControlCommand &c) override { applied.append(c); }

    QList<ControlCommand> applied;
};

QByteArray bodyOf(const QString &id, int revision, double rate, const QString &provider = QStringLiteral("kakao"))
{
    return QByteArray(R"({"version":1,"command_id":")") + id.toUtf8() + R"(","revision":)" + QByteArray::number(revision)
        + R"(,"sent_at_ms":1628510400000,"change":{"action":"set_admission_rate","admission_rate_per_s":)"
        + QByteArray::number(rate) + R"(},"control":{"admission_rate_per_s":)" + QByteArray::number(rate)
        + R"(,"admission_paused":false,"providers":[{"id":")" + provider.toUtf8()
        + R"(","enabled":true,"ramp_s":300,"disabled_until_ms":0}]},"actor":{"user":"kim","site":"seoul","reason":"test"}})";
}

ControlRequest post(const QByteArray &key, const QByteArray &body, const QByteArray &secret = kSecret)
{
    return ControlRequest{"POST", key, controlSignature(secret, body), {}, body};
}

} // namespace

Q_DECLARE_METATYPE(ControlRequest)

class TestControlEndpoint final : public QObject
{
    Q_OBJECT

private slots:
    void signedChange_isApplied()
    {
        FakeLiveSystem live;
        ControlEndpoint endpoint(live, kSecret);
        const ControlAnswer a = endpoint.handle(post("c1", bodyOf(QStringLiteral("c1"), 5, 500)));
        QCOMPARE(a.status, 200);
        QCOMPARE(QJsonDocument::fromJson(a.body).object().value(QStringLiteral("revision")).toInt(), 5);
        QCOMPARE(live.applied.size(), 1);
        QCOMPARE(live.applied.front().admissionRatePerS, 500.0);
        QCOMPARE(live.applied.front().providers.front().rampS, 300);
        QCOMPARE(endpoint.revision(), std::uint64_t(5));
    }

    void answers_data()
    {
        QTest::addColumn<ControlRequest>("request");
        QTest::addColumn<int>("status");
        const QByteArray good = bodyOf(QStringLiteral("k"), 3, 100);
        QTest::newRow("no signature") << ControlRequest{"POST", "k", {}, {}, good} << 401;
        QTest::newRow("wrong secret") << post("k", good, "other") << 401;
        QTest::newRow("no key") << post({}, good) << 400;
        QTest::newRow("key is not command_id") << post("other", good) << 400;
        QTest::newRow("not json") << post("k", "{nope") << 400;
        QTest::newRow("no control") << post("k", R"({"version":1,"command_id":"k","revision":3,"sent_at_ms":0,"change":{"action":"pause_admission"}})") << 400;
        QTest::newRow("unknown action") << post("k", QByteArray(good).replace("set_admission_rate", "launch")) << 400;
        QTest::newRow("rate out of bounds") << post("k", bodyOf(QStringLiteral("k"), 3, 5000)) << 422;
        QTest::newRow("unknown provider") << post("k", bodyOf(QStringLiteral("k"), 3, 100, QStringLiteral("nope"))) << 422;
        QTest::newRow("too large") << post("k", QByteArray(70 * 1024, ' ') + good) << 413;
        QTest::newRow("put") << ControlRequest{"PUT", "k", controlSignature(kSecret, good), {}, good} << 405;
        QTest::newRow("get") << ControlRequest{"GET", {}, {}, {}, {}} << 200;
    }

    void answers()
    {
        QFETCH(ControlRequest, request);
        QFETCH(int, status);
        FakeLiveSystem live;
        ControlEndpoint endpoint(live, kSecret);
        const ControlAnswer a = endpoint.handle(request);
        QCOMPARE(a.status, status);
        QVERIFY(live.applied.isEmpty());
        QCOMPARE(endpoint.revision(), std::uint64_t(0));
        QVERIFY(QJsonDocument::fromJson(a.body).isObject());
    }

    void sameKey_isAppliedOnce()
    {
        FakeLiveSystem live;
        ControlEndpoint endpoint(live, kSecret);
        const QByteArray body = bodyOf(QStringLiteral("c1"), 7, 500);
        const ControlAnswer first = endpoint.handle(post("c1", body));
        const ControlAnswer second = endpoint.handle(post("c1", body));
        QCOMPARE(first.status, 200);
        QCOMPARE(second, first);
        QCOMPARE(live.applied.size(), 1);
        // Same key, other bytes: a client bug.
        QCOMPARE(endpoint.handle(post("c1", bodyOf(QStringLiteral("c1"), 8, 600))).status, 409);
        QCOMPARE(live.applied.size(), 1);
    }

    // A gateway that died before the answer, its delivery sent again by the
    // other after a later change went through: the first answer, nothing applied.
    void sameKey_afterLaterChanges_isAnsweredAsTheFirstTime()
    {
        FakeLiveSystem live;
        ControlEndpoint endpoint(live, kSecret);
        const QByteArray body = bodyOf(QStringLiteral("c1"), 7, 500);
        const ControlAnswer first = endpoint.handle(post("c1", body));
        QCOMPARE(first.status, 200);
        QCOMPARE(endpoint.handle(post("c2", bodyOf(QStringLiteral("c2"), 8, 600))).status, 200);
        QCOMPARE(endpoint.handle(post("c1", body)), first);
        QCOMPARE(live.applied.size(), 2);
        QCOMPARE(live.applied.last().admissionRatePerS, 600.0);
        QCOMPARE(endpoint.revision(), std::uint64_t(8));
        // A refused key, repeated: the same refusal, still nothing applied.
        const QByteArray refusedBody = bodyOf(QStringLiteral("c3"), 9, 5000);
        const ControlAnswer refused = endpoint.handle(post("c3", refusedBody));
        QCOMPARE(refused.status, 422);
        QCOMPARE(endpoint.handle(post("c3", refusedBody)), refused);
        QCOMPARE(live.applied.size(), 2);
    }

    void staleRevision_isRefused()
    {
        FakeLiveSystem live;
        ControlEndpoint endpoint(live, kSecret);
        QCOMPARE(endpoint.handle(post("c1", bodyOf(QStringLiteral("c1"), 7, 500))).status, 200);
        QCOMPARE(endpoint.handle(post("c2", bodyOf(QStringLiteral("c2"), 7, 600))).status, 409);
        QCOMPARE(endpoint.handle(post("c3", bodyOf(QStringLiteral("c3"), 6, 600))).status, 409);
        QCOMPARE(endpoint.handle(post("c4", bodyOf(QStringLiteral("c4"), 8, 600))).status, 200);
        QCOMPARE(live.applied.size(), 2);
        QCOMPARE(endpoint.revision(), std::uint64_t(8));
    }

    void revisionHeader_mustMatch()
    {
        FakeLiveSystem live;
        ControlEndpoint endpoint(live, kSecret);
        ControlRequest request = post("c1", bodyOf(QStringLiteral("c1"), 7, 500));
        request.revision = "6";
        QCOMPARE(endpoint.handle(request).status, 400);
        ControlRequest right = post("c2", bodyOf(QStringLiteral("c2"), 7, 500));
        right.revision = "7";
        QCOMPARE(endpoint.handle(right).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestControlEndpoint)
#include "tst_controlendpoint.moc"
