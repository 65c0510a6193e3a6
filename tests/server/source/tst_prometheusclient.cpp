// The Prometheus HTTP API client: what each kind of answer becomes (parse),
// and what a query that gets no answer says. Prometheus itself is exercised
// end to end by tst_gatewayprometheus; here a loopback server that accepts
// and never answers stands for a Prometheus that hangs, which the real one
// cannot be made to do on demand.
#include "server/source/PrometheusClient.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <cmath>
#include <optional>

using sitroom::source::PrometheusClient;
using sitroom::source::QueryFailure;
using sitroom::source::QueryResult;

class TestPrometheusClient final : public QObject
{
    Q_OBJECT

private slots:
    void vectorSamplesWithLabelsAndSpecialValues()
    {
        const QueryResult r = PrometheusClient::parse(200, R"({"status":"success","data":{"resultType":"vector","result":[
            {"metric":{"provider":"naver"},"value":[1628507585.5,"1.5"]},
            {"metric":{"provider":"kakao"},"value":[1628507585.5,"NaN"]},
            {"metric":{"provider":"pass"},"value":[1628507585.5,"+Inf"]}]}})", QString());
        QVERIFY(r.ok());
        QCOMPARE(r.samples.size(), size_t(3));
        QCOMPARE(r.samples[0].labels.value(QStringLiteral("provider")), QStringLiteral("naver"));
        QCOMPARE(r.samples[0].value, 1.5);
        QCOMPARE(r.samples[0].timeS, 1628507585.5);
        QVERIFY(std::isnan(r.samples[1].value));
        QVERIFY(std::isinf(r.samples[2].value) && r.samples[2].value > 0);
    }

    void scalarAndMatrix()
    {
        const QueryResult scalar = PrometheusClient::parse(
            200, R"({"status":"success","data":{"resultType":"scalar","result":[1628507585,"42"]}})", QString());
        QVERIFY(scalar.ok());
        QCOMPARE(scalar.samples.size(), size_t(1));
        QCOMPARE(scalar.samples[0].value, 42.0);

        const QueryResult matrix = PrometheusClient::parse(200, R"({"status":"success","data":{"resultType":"matrix","result":[
            {"metric":{"__name__":"queue_depth"},"values":[[1628507585,"10"],[1628507586,"12"]]}]}})", QString());
        QVERIFY(matrix.ok());
        QCOMPARE(matrix.series.size(), size_t(1));
        QCOMPARE(matrix.series[0].points.size(), size_t(2));
        QCOMPARE(matrix.series[0].points[1].first, 1628507586.0);
        QCOMPARE(matrix.series[0].points[1].second, 12.0);
    }

    void anApiErrorIsTheQuerysFailureInPrometheussWords()
    {
        const QueryResult r = PrometheusClient::parse(
            400, R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected end of input"})", QString());
        QCOMPARE(r.failure, QueryFailure::Failed);
        QCOMPARE(r.errorType, QStringLiteral("bad_data"));
        QCOMPARE(r.error, QStringLiteral("1:5: parse error: unexpected end of input"));
    }

    void aStringResultIsRefusedNotReadAsZero()
    {
        const QueryResult r = PrometheusClient::parse(
            200, R"({"status":"success","data":{"resultType":"string","result":[1628507585,"up"]}})", QString());
        QCOMPARE(r.failure, QueryFailure::Failed);
        QCOMPARE(r.errorType, QStringLiteral("unsupported"));
        QVERIFY2(r.error.contains(QStringLiteral("string")), qPrintable(r.error));
    }

    void anHttpErrorWithoutAnApiAnswerIsUnreachable()
    {
        const QueryResult r = PrometheusClient::parse(503, "<html>Service Unavailable</html>", QStringLiteral("Service Unavailable"));
        QCOMPARE(r.failure, QueryFailure::Unreachable);
        QCOMPARE(r.error, QStringLiteral("HTTP 503 without an API answer (Service Unavailable)"));
    }

    void aSilentServerIsNamedByTheWaitNotAsCanceled()
    {
        // Accepts the connection, reads the request, never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                held.append(s);
        });

        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        std::optional<QueryResult> result;
        client.instant(QStringLiteral("up"), 1628507585.0, 300, [&](const QueryResult &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY(!held.isEmpty());
        QCOMPARE(result->failure, QueryFailure::Unreachable);
        QCOMPARE(result->error, QStringLiteral("no answer within 300 ms"));
    }

    void aClosedPortIsUnreachableInTheNetworksWords()
    {
        quint16 port = 0;
        {
            QTcpServer once;
            QVERIFY(once.listen(QHostAddress::LocalHost, 0));
            port = once.serverPort();
        }
        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        std::optional<QueryResult> result;
        client.range(QStringLiteral("up"), 1628507000.0, 1628507585.0, 1.0, 5000, [&](const QueryResult &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QCOMPARE(result->failure, QueryFailure::Unreachable);
        QVERIFY2(result->error.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(result->error));
    }
};

QTEST_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
